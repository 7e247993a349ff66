//! `Idempotency-Key`: a replay with the same body gets the stored first response; the same
//! key with another body is refused (422).
//!
//! A key belongs to one caller and one operation (`user:7|create_application|k-20`), so a
//! key another caller happened to choose never replays their answer to you, and it is
//! looked at only after the request was authorised. Keys expire after 24 hours.
//!
//! The key is *claimed* first, inside the request's own transaction: a placeholder row is
//! inserted in a savepoint. A second request racing with the same key waits on that row's
//! unique index until the first commits, then finds it and replays the stored answer (on
//! SQLite the `BEGIN IMMEDIATE` transactions take turns outright). So two racing requests
//! give one effect and the same answer, on both databases.

use actix_web::{dev::Payload, FromRequest, HttpRequest};
use chrono::Utc;
use diesel::prelude::*;

use crate::auth::password::token_hash;
use crate::auth::SchoolId;
use crate::auth::SchoolScope;
use crate::db::schema::idempotency_keys;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// How long a key is remembered.
pub const KEY_LIFETIME_HOURS: i64 = 24;

/// The stored outcome of a key: status and JSON body.
pub type Stored = (i32, String);

/// The outcome of claiming a key.
pub enum Claim {
    /// First use: do the work, then [`complete`].
    Fresh,
    /// Seen before with the same body: answer this.
    Replay(Stored),
}

/// The client's `Idempotency-Key` header, if sent (1 to 100 characters, else 400).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(pub Option<String>);

impl FromRequest for IdempotencyKey {
    type Error = AppError;
    type Future = std::future::Ready<Result<IdempotencyKey, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let key = req
            .headers()
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        std::future::ready(match key {
            Some(k) if k.is_empty() || k.len() > 100 => Err(AppError::BadRequest {
                code: "idempotency.bad_key",
                detail: "Idempotency-Key must have 1 to 100 characters".into(),
            }),
            k => Ok(IdempotencyKey(k)),
        })
    }
}

impl IdempotencyKey {
    /// The key as stored for this caller and operation.
    pub fn scoped(&self, scope: &SchoolScope, operation: &str) -> Option<String> {
        self.0.as_deref().map(|k| scoped(scope, operation, k))
    }
}

/// Runs `effect` once per key: the first request claims the key, does the work and stores
/// its answer in the same transaction; a repeat with the same body gets that answer.
/// Call inside the writing transaction, after authorising. Without a key, just runs it.
pub fn once(
    c: &mut DbConn,
    school_id: SchoolId,
    key: Option<&str>,
    body: &str,
    effect: impl FnOnce(&mut DbConn) -> Result<Stored, AppError>,
) -> Result<Stored, AppError> {
    let Some(k) = key else {
        return effect(c);
    };
    if let Claim::Replay(stored) = claim(c, school_id, k, body)? {
        return Ok(stored);
    }
    let (status, json) = effect(c)?;
    complete(c, school_id, k, status, &json)?;
    Ok((status, json))
}

/// The stored form of a key: caller, operation and the client's key.
pub fn scoped(scope: &SchoolScope, operation: &str, key: &str) -> String {
    let kind = match scope.caller.kind {
        crate::auth::CallerKind::Client => "client",
        _ => "user",
    };
    format!("{kind}:{}|{operation}|{key}", scope.caller.id)
}

/// Claims `key` for this request (call inside the writing transaction, after authorising).
pub fn claim(
    c: &mut DbConn,
    school_id: SchoolId,
    key: &str,
    body: &str,
) -> Result<Claim, AppError> {
    let now = Utc::now();
    diesel::delete(
        idempotency_keys::table
            .filter(idempotency_keys::school_id.eq(school_id))
            .filter(idempotency_keys::key.eq(key))
            .filter(
                idempotency_keys::created_at
                    .lt(Instant(now - chrono::Duration::hours(KEY_LIFETIME_HOURS))),
            ),
    )
    .execute(c)?;
    let inserted = c.transaction(|c| {
        diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::school_id.eq(school_id),
                idempotency_keys::key.eq(key),
                idempotency_keys::request_hash.eq(token_hash(body)),
                idempotency_keys::status.eq(0),
                idempotency_keys::response.eq(""),
                idempotency_keys::created_at.eq(Instant(now)),
            ))
            .execute(c)
    });
    match inserted {
        Ok(_) => Ok(Claim::Fresh),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => replay(c, school_id, key, body),
        Err(e) => Err(e.into()),
    }
}

fn replay(c: &mut DbConn, school_id: SchoolId, key: &str, body: &str) -> Result<Claim, AppError> {
    let (hash, status, response): (String, i32, String) = idempotency_keys::table
        .filter(idempotency_keys::school_id.eq(school_id))
        .filter(idempotency_keys::key.eq(key))
        .select((
            idempotency_keys::request_hash,
            idempotency_keys::status,
            idempotency_keys::response,
        ))
        .first(c)?;
    if hash != token_hash(body) {
        return Err(AppError::Unprocessable {
            code: "idempotency.key_reused",
            detail: "this Idempotency-Key was used with a different request body".into(),
        });
    }
    if status == 0 {
        // Only reachable if the first request is still running without a lock (never on
        // these databases); the client retries later.
        return Err(AppError::Conflict {
            code: "idempotency.in_progress",
            detail: "a request with this Idempotency-Key is still running; retry".into(),
        });
    }
    Ok(Claim::Replay((status, response)))
}

/// Stores the outcome of a claimed key (in the same transaction as the effect).
pub fn complete(
    c: &mut DbConn,
    school_id: SchoolId,
    key: &str,
    status: i32,
    response: &str,
) -> Result<(), AppError> {
    diesel::update(
        idempotency_keys::table
            .filter(idempotency_keys::school_id.eq(school_id))
            .filter(idempotency_keys::key.eq(key)),
    )
    .set((
        idempotency_keys::status.eq(status),
        idempotency_keys::response.eq(response),
    ))
    .execute(c)?;
    Ok(())
}
