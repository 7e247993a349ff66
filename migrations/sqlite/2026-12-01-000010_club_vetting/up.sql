-- Who vetted a club's external teacher, when, and which checks were made (外聘教师审核备案).
ALTER TABLE clubs ADD COLUMN vetted_by BIGINT;
ALTER TABLE clubs ADD COLUMN vetted_at TEXT;
ALTER TABLE clubs ADD COLUMN vetting_checks TEXT NOT NULL DEFAULT '';
