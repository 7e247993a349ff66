ALTER TABLE guardians DROP COLUMN activation_failures;
ALTER TABLE users DROP COLUMN token_version;
