ALTER TABLE import_jobs DROP COLUMN report_json;
