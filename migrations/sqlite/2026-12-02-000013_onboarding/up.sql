-- Schools have a kind (小学 / 初中 / 九年一贯制).
ALTER TABLE schools ADD COLUMN kind TEXT NOT NULL DEFAULT 'primary';
-- When a login last signed in (shown on the staff pages).
ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
-- 全国学籍号: a stable identifier across re-imports; unique within a school.
ALTER TABLE students ADD COLUMN national_no TEXT;
CREATE UNIQUE INDEX students_national_no ON students (school_id, national_no);

-- One-time codes with which a person sets their own password (first login, reset).
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_by BIGINT REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX invitations_user ON invitations (user_id);
