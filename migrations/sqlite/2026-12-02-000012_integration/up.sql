-- Secret rotation: the previous secret keeps working until it expires.
ALTER TABLE api_clients ADD COLUMN previous_secret_hash TEXT;
ALTER TABLE api_clients ADD COLUMN previous_secret_expires_at TEXT;
-- Browser-based parent apps (H5): origins allowed by CORS; empty: none.
ALTER TABLE api_clients ADD COLUMN allowed_origins TEXT NOT NULL DEFAULT '';

-- What integrators care about, written in the transaction of the change it reports.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    district_id BIGINT NOT NULL REFERENCES districts(id),
    student_id BIGINT REFERENCES students(id),
    event_type TEXT NOT NULL,
    data TEXT NOT NULL,
    occurred_at TEXT NOT NULL
);
CREATE INDEX events_school ON events (school_id, id);
CREATE INDEX events_student ON events (student_id, id);
CREATE INDEX events_district ON events (district_id, id);

-- A district's webhook subscriptions, each for one of its API clients.
CREATE TABLE webhook_endpoints (
    id INTEGER PRIMARY KEY,
    district_id BIGINT NOT NULL REFERENCES districts(id),
    api_client_id BIGINT NOT NULL REFERENCES api_clients(id),
    url TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    event_types TEXT NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at TEXT,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_district ON webhook_endpoints (district_id, id);

-- The outbox: one row per event and endpoint, written with the event.
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints(id),
    event_id BIGINT NOT NULL REFERENCES events(id),
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    last_status_code INTEGER,
    last_error TEXT,
    delivered_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_school ON webhook_deliveries (school_id, id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
