-- An approved plan's application window extended or closed early: a recorded change (who,
-- when, why, from what to what) that the district sees, without a new plan version.
CREATE TABLE plan_window_changes (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    plan_id BIGINT NOT NULL REFERENCES service_plans(id),
    from_opens_at TEXT NOT NULL,
    from_closes_at TEXT NOT NULL,
    to_opens_at TEXT NOT NULL,
    to_closes_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_by BIGINT,
    changed_at TEXT NOT NULL
);
CREATE INDEX plan_window_changes_plan ON plan_window_changes (school_id, plan_id, id);
