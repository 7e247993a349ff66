-- What a roster import recognised and tidied: the header row, the column mapping, the
-- columns left out (never stored) and the normalised values (JSON, see imports/layout.rs).
ALTER TABLE import_jobs ADD COLUMN report_json TEXT;
