ALTER TABLE refresh_tokens DROP COLUMN client_id;
