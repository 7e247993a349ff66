-- In-app notifications: one row per person told (a guardian of the child, the homeroom
-- teacher, the school's admins, the district's), with what happened (`kind`, `data`), the
-- words other channels send (`title`, `body`), the page it leads to (`link`), when it was
-- read, and when a channel adapter (SMS, WeChat) took it.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    sent_at TEXT
);
CREATE INDEX notifications_school ON notifications (school_id, user_id, id);
CREATE INDEX notifications_inbox ON notifications (user_id, id);
CREATE INDEX notifications_unsent ON notifications (sent_at, id);
