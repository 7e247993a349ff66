//! `Idempotency-Key`: a replay with the same body gets the stored first response; the same
//! key with another body is refused (422). The key is claimed inside the request's own
//! transaction, so two racing requests with one key produce one effect.

use chrono::Utc;
use diesel::prelude::*;

use crate::auth::password::token_hash;
use crate::db::schema::idempotency_keys;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// The stored outcome of a key: status and JSON body.
pub type Stored = (i32, String);

/// Looks a key up; `Err` if it was used with another body.
pub fn lookup(
    c: &mut DbConn,
    school_id: i64,
    key: &str,
    body: &str,
) -> Result<Option<Stored>, AppError> {
    let row: Option<(String, i32, String)> = idempotency_keys::table
        .filter(idempotency_keys::school_id.eq(school_id))
        .filter(idempotency_keys::key.eq(key))
        .select((
            idempotency_keys::request_hash,
            idempotency_keys::status,
            idempotency_keys::response,
        ))
        .first(c)
        .optional()?;
    match row {
        Some((hash, _, _)) if hash != token_hash(body) => Err(AppError::Unprocessable {
            code: "idempotency.key_reused",
            detail: "this Idempotency-Key was used with a different request body".into(),
        }),
        Some((_, status, response)) => Ok(Some((status, response))),
        None => Ok(None),
    }
}

/// Stores the outcome of a key (in the same transaction as the effect).
pub fn store(
    c: &mut DbConn,
    school_id: i64,
    key: &str,
    body: &str,
    status: i32,
    response: &str,
) -> Result<(), AppError> {
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::school_id.eq(school_id),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(token_hash(body)),
            idempotency_keys::status.eq(status),
            idempotency_keys::response.eq(response),
            idempotency_keys::created_at.eq(Instant(Utc::now())),
        ))
        .execute(c)?;
    Ok(())
}
