-- District templates of the notice, application form and agreement; exemption
-- categories configurable per plan.
CREATE TABLE text_templates (
    id INTEGER PRIMARY KEY,
    district_id BIGINT NOT NULL REFERENCES districts(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX text_templates_district ON text_templates (district_id, kind, id);

ALTER TABLE service_plans ADD COLUMN exemption_categories TEXT NOT NULL DEFAULT 'teacher_child,poverty_household,hardship';
ALTER TABLE plan_texts ADD COLUMN template_id BIGINT REFERENCES text_templates(id);
