-- Revocation: every token names the version of its user's session state; disabling the
-- user, changing their password, roles or grants bumps it and ends every session.
ALTER TABLE users ADD COLUMN token_version BIGINT NOT NULL DEFAULT 1;
-- An activation code is void after a few wrong tries.
ALTER TABLE guardians ADD COLUMN activation_failures INTEGER NOT NULL DEFAULT 0;
