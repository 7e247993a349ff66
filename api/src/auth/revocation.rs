//! Revocation within seconds: every request's token is checked against the current state
//! of its user (disabled? `token_version` bumped by a password change, a role or grant
//! change?) or machine client (revoked?), read from the database at most once per
//! `KEHOU_REVOCATION_CHECK_SECS` per principal and cached in between. Changes made by this
//! process forget the cached entry at once; other processes see them within the interval.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use diesel::prelude::*;

use super::tokens::Claims;
use super::CallerKind;
use crate::db::schema::{api_clients, users};
use crate::db::{Db, DbConn};
use crate::error::AppError;

/// Whose state a token depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Principal {
    /// A staff member or guardian (`users.id`).
    User(i64),
    /// A machine client or parent app (`api_clients.id`).
    Client(i64),
}

/// The state a token is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// A user's current token version (a disabled user is `Gone`).
    User(i64),
    /// A live client.
    Client,
    /// Disabled, revoked or deleted.
    Gone,
}

/// The cache of principals' states.
pub struct Revocations {
    ttl: Duration,
    seen: RwLock<HashMap<Principal, (Instant, State)>>,
}

impl Revocations {
    /// States are re-read after `ttl`.
    pub fn new(ttl: Duration) -> Revocations {
        Revocations {
            ttl,
            seen: RwLock::new(HashMap::new()),
        }
    }

    /// Forgets a principal's cached state (after this process changed it).
    pub fn forget(&self, p: Principal) {
        if let Ok(mut m) = self.seen.write() {
            m.remove(&p);
        }
    }

    /// Refuses a token whose user or client was disabled, revoked or changed since.
    pub async fn check(&self, db: &Db, claims: &Claims) -> Result<(), AppError> {
        let id = claims.subject_id().unwrap_or(0);
        let mut needed = vec![match claims.knd {
            CallerKind::Client => Principal::Client(id),
            _ => Principal::User(id),
        }];
        // A guardian signed in through a parent app loses the session with the app.
        if let Some(app) = claims.azp {
            needed.push(Principal::Client(app));
        }
        for p in needed {
            let state = self.state(db, p).await?;
            let live = match (p, state) {
                (Principal::User(_), State::User(version)) => version == claims.ver,
                (Principal::Client(_), State::Client) => true,
                _ => false,
            };
            if !live {
                return Err(AppError::Unauthenticated {
                    code: "auth.revoked",
                    detail:
                        "this session has ended (signed out, disabled or changed); sign in again"
                            .into(),
                });
            }
        }
        Ok(())
    }

    async fn state(&self, db: &Db, p: Principal) -> Result<State, AppError> {
        let now = Instant::now();
        if let Some((at, s)) = self.seen.read().ok().and_then(|m| m.get(&p).copied()) {
            if now.duration_since(at) < self.ttl {
                return Ok(s);
            }
        }
        let s = db.run(move |c| read_state(c, p)).await?;
        if let Ok(mut m) = self.seen.write() {
            if m.len() > 200_000 {
                let ttl = self.ttl;
                m.retain(|_, (at, _)| now.duration_since(*at) < ttl);
            }
            m.insert(p, (now, s));
        }
        Ok(s)
    }
}

fn read_state(c: &mut DbConn, p: Principal) -> Result<State, AppError> {
    Ok(match p {
        Principal::User(id) => users::table
            .find(id)
            .select((users::token_version, users::disabled))
            .first::<(i64, bool)>(c)
            .optional()?
            .map_or(State::Gone, |(v, disabled)| {
                if disabled {
                    State::Gone
                } else {
                    State::User(v)
                }
            }),
        Principal::Client(id) => api_clients::table
            .find(id)
            .select(api_clients::revoked_at.is_null())
            .first::<bool>(c)
            .optional()?
            .map_or(
                State::Gone,
                |live| if live { State::Client } else { State::Gone },
            ),
    })
}

/// Makes every access token of a user stale (its roles or grants changed); refreshing
/// still works and yields tokens with the new grants.
pub fn bump_version(c: &mut DbConn, user_id: i64) -> Result<(), AppError> {
    diesel::update(users::table.find(user_id))
        .set(users::token_version.eq(users::token_version + 1))
        .execute(c)?;
    Ok(())
}

/// Ends every session of a user: bumps `token_version` (access tokens stop working within
/// the check interval) and revokes every refresh token. Call inside the changing
/// transaction; then [`Revocations::forget`] the user.
pub fn end_sessions(
    c: &mut DbConn,
    user_id: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    use crate::db::schema::refresh_tokens;
    use crate::db::types::Instant as At;
    diesel::update(users::table.find(user_id))
        .set(users::token_version.eq(users::token_version + 1))
        .execute(c)?;
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(At(now))))
    .execute(c)?;
    Ok(())
}
