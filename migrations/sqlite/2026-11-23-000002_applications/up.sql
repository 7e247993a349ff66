-- Applications: service plans with offerings, versioned texts, notice receipts,
-- applications with their offerings, history and idempotency keys.
CREATE TABLE service_plans (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    term_id BIGINT NOT NULL REFERENCES terms(id),
    version_no INTEGER NOT NULL,
    status TEXT NOT NULL,
    window_opens_at TEXT NOT NULL,
    window_closes_at TEXT NOT NULL,
    review_comment TEXT,
    reviewed_by BIGINT,
    reviewed_at TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (school_id, term_id, version_no)
);

CREATE TABLE offerings (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    plan_id BIGINT NOT NULL REFERENCES service_plans(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    grades TEXT NOT NULL,
    weekdays TEXT NOT NULL,
    boarders_excluded BOOLEAN NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    early_grades_start_time TEXT,
    cap INTEGER,
    taken INTEGER NOT NULL DEFAULT 0,
    waiting INTEGER NOT NULL DEFAULT 0,
    CHECK (cap IS NULL OR (taken >= 0 AND taken <= cap))
);
CREATE INDEX offerings_plan ON offerings (school_id, plan_id);

CREATE TABLE plan_texts (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    term_id BIGINT NOT NULL REFERENCES terms(id),
    kind TEXT NOT NULL,
    version_no INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    published_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (school_id, term_id, kind, version_no)
);

CREATE TABLE notice_receipts (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    text_id BIGINT NOT NULL REFERENCES plan_texts(id),
    student_id BIGINT NOT NULL REFERENCES students(id),
    channel TEXT NOT NULL,
    recorded_by_kind TEXT NOT NULL,
    recorded_by_id BIGINT,
    at TEXT NOT NULL,
    UNIQUE (text_id, student_id)
);

CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    term_id BIGINT NOT NULL REFERENCES terms(id),
    plan_id BIGINT NOT NULL REFERENCES service_plans(id),
    student_id BIGINT NOT NULL REFERENCES students(id),
    status TEXT NOT NULL,
    open_marker BIGINT,
    leave_mode TEXT NOT NULL,
    pickup_person_ids TEXT NOT NULL,
    exemption_category TEXT,
    exemption_note TEXT,
    agreement_text_id BIGINT NOT NULL REFERENCES plan_texts(id),
    agreement_sha256 TEXT NOT NULL,
    accepted_by_kind TEXT NOT NULL,
    accepted_by_id BIGINT NOT NULL,
    accepted_channel TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    reject_reason TEXT,
    withdraw_effective_date DATE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (term_id, student_id, open_marker)
);
CREATE INDEX applications_school ON applications (school_id, term_id, id);

CREATE TABLE application_offerings (
    application_id BIGINT NOT NULL REFERENCES applications(id),
    school_id BIGINT NOT NULL REFERENCES schools(id),
    offering_id BIGINT NOT NULL REFERENCES offerings(id),
    weekdays TEXT NOT NULL,
    placement TEXT NOT NULL,
    queue_position INTEGER,
    PRIMARY KEY (application_id, offering_id)
);
CREATE INDEX application_offerings_offering ON application_offerings (school_id, offering_id);

CREATE TABLE application_events (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    application_id BIGINT NOT NULL REFERENCES applications(id),
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id BIGINT,
    comment TEXT,
    at TEXT NOT NULL
);
CREATE INDEX application_events_app ON application_events (school_id, application_id, id);

CREATE TABLE idempotency_keys (
    school_id BIGINT NOT NULL REFERENCES schools(id),
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (school_id, key)
);
