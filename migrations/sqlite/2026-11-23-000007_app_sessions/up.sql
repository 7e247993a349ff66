-- Refresh tokens issued to a guardian signed in through a parent app (an API client).
ALTER TABLE refresh_tokens ADD COLUMN client_id BIGINT;
