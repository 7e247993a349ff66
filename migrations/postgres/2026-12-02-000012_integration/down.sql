DROP TABLE webhook_deliveries;
DROP TABLE webhook_endpoints;
DROP TABLE events;
ALTER TABLE api_clients DROP COLUMN allowed_origins;
ALTER TABLE api_clients DROP COLUMN previous_secret_expires_at;
ALTER TABLE api_clients DROP COLUMN previous_secret_hash;
