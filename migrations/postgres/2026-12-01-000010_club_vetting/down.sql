ALTER TABLE clubs DROP COLUMN vetting_checks;
ALTER TABLE clubs DROP COLUMN vetted_at;
ALTER TABLE clubs DROP COLUMN vetted_by;
