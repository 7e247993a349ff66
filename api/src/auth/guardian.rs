//! Guardians: activation of a portal login with a school-issued code, and the
//! guardian's own children (`/me/children`). A guardian sees only their children.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use diesel::prelude::*;
use rand::Rng;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use super::ratelimit::LoginLimiter;
use super::routes::{client_ip, issue_pair, session_answer, SessionMode, TokenPair};
use super::{password, store, Keys, SchoolId};
use crate::audit::{self, Actor};
use crate::config::Config;
use crate::db::schema::{guardians, users};
use crate::db::types::Instant;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::WriteErrors;

/// An 8-digit activation code.
pub fn new_code() -> String {
    format!("{:08}", rand::thread_rng().gen_range(0..100_000_000u32))
}

/// Wrong codes for one phone number after which its open codes are void.
pub const MAX_ACTIVATION_FAILURES: i32 = 5;

/// Phone, the code the school issued, and the password to set.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ActivationRequest {
    /// The phone number the school has on file.
    #[validate(length(min = 5, max = 20))]
    #[schema(min_length = 5, max_length = 20)]
    pub phone: String,
    /// The 8-digit code.
    #[validate(length(equal = 8))]
    #[schema(min_length = 8, max_length = 8)]
    pub code: String,
    /// The new password (at least 8 characters). When the phone number already has a
    /// Kehou account (a child at another school), this must be that account's current
    /// password: activation links the new school to it and never changes it.
    #[validate(length(min = 8, max = 200))]
    #[schema(min_length = 8, max_length = 200)]
    pub password: String,
    /// Where the refresh token goes (default `body`).
    #[serde(default)]
    pub session: SessionMode,
}

/// An open activation code for a phone number.
type Candidate = (i64, i64, String, Option<i32>);

fn invalid_activation() -> AppError {
    AppError::Unauthenticated {
        code: "auth.invalid_activation",
        detail: "the phone number or activation code is wrong or expired".into(),
    }
}

/// Activate a guardian's portal login. The username is the phone number.
///
/// A code is single use (two racing requests: one wins), expires, and is void after
/// five wrong codes for its phone number. If the phone number already has an account, the
/// code links this school's guardian record to it only when `password` is that account's
/// own password (`auth.confirm_existing_account` otherwise): activation never changes an
/// existing password, so a code issued by another school cannot take an account over.
#[utoipa::path(tag = "auth", request_body = ActivationRequest, responses((status = 200, description = "Activated and logged in", body = TokenPair), WriteErrors), security(()))]
#[post("/auth/activate")]
pub async fn activate(
    req: HttpRequest,
    body: crate::http::body::Json<ActivationRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
    limiter: web::Data<LoginLimiter>,
) -> AppResult<HttpResponse> {
    body.validate()?;
    limiter.admit(&format!("activate:{}", client_ip(&req)))?;
    let body = body.into_inner();
    let phone = body.phone.clone();
    let (candidates, existing) = db
        .run(move |c| {
            let now = Utc::now();
            let open: Vec<(i64, i64, Option<String>, Option<Instant>)> = guardians::table
                .filter(guardians::phone.eq(&phone))
                .filter(guardians::activation_code_hash.is_not_null())
                .filter(guardians::activation_failures.lt(MAX_ACTIVATION_FAILURES))
                .select((
                    guardians::id,
                    guardians::school_id,
                    guardians::activation_code_hash,
                    guardians::activation_expires_at,
                ))
                .order(guardians::id)
                .limit(20)
                .load(c)?;
            let candidates: Vec<Candidate> = open
                .into_iter()
                .filter(|(_, _, _, e)| e.is_some_and(|e| e.0 > now))
                .filter_map(|(id, school, hash, _)| hash.map(|h| (id, school, h, None)))
                .collect();
            let existing = store::user_by_username(c, &phone)?;
            Ok((candidates, existing))
        })
        .await?;
    // Codes are checked off the database pool.
    let mut matched = None;
    for (id, school, hash, _) in &candidates {
        if password::verify_off_thread(body.code.clone(), hash.clone()).await? {
            matched = Some((*id, *school, hash.clone()));
            break;
        }
    }
    let Some((guardian_id, school_id, code_hash)) = matched else {
        let ids: Vec<i64> = candidates.iter().map(|c| c.0).collect();
        db.run(move |c| count_wrong_code(c, &ids)).await?;
        return Err(invalid_activation());
    };
    // An existing account is linked only with its own password; a new one gets a hash.
    let password_hash = match &existing {
        Some(u) if u.kind != "guardian" => {
            return Err(AppError::Conflict {
                code: "auth.username_taken",
                detail: "this phone number is a staff login".into(),
            });
        }
        Some(u) => {
            let own = u.password_hash.clone().unwrap_or_default();
            if !password::verify_off_thread(body.password.clone(), own).await? {
                return Err(AppError::Unauthenticated {
                    code: "auth.confirm_existing_account",
                    detail: "this phone number already has a Kehou account: enter that account's current password to add this school to it".into(),
                });
            }
            None
        }
        None => Some(password::hash_off_thread(body.password.clone()).await?),
    };
    let (keys, cfg) = (keys.into_inner(), config.clone().into_inner());
    let request_id = crate::request_id::of(&req);
    let existing_id = existing.map(|u| u.id);
    let pair = db
        .run(move |c| {
            tx(c, |c| {
                let now = Utc::now();
                // Single use: only the request that clears this very code goes on.
                let claimed = diesel::update(
                    guardians::table
                        .filter(guardians::id.eq(guardian_id))
                        .filter(guardians::activation_code_hash.eq(&code_hash)),
                )
                .set((
                    guardians::activation_code_hash.eq(None::<String>),
                    guardians::activation_expires_at.eq(None::<Instant>),
                    guardians::activation_failures.eq(0),
                ))
                .execute(c)?;
                if claimed != 1 {
                    return Err(invalid_activation());
                }
                let user = match (existing_id, &password_hash) {
                    (Some(id), _) => id,
                    (None, Some(hash)) => insert_guardian_user(c, &body.phone, hash, now)?,
                    (None, None) => return Err(invalid_activation()),
                };
                diesel::update(guardians::table.find(guardian_id))
                    .set(guardians::user_id.eq(Some(user)))
                    .execute(c)?;
                let actor = Actor {
                    kind: "user".into(),
                    id: Some(user),
                    request_id: request_id.clone(),
                };
                let after = serde_json::json!({ "linked_existing_account": existing_id.is_some() });
                audit::Event::in_school(SchoolId::of_stored_row(school_id), "guardian.activate")
                    .on("guardian", guardian_id)
                    .after_json(Some(after.to_string()))
                    .record(c, &actor)?;
                let row = store::user_by_id(c, user)?;
                issue_pair(c, &keys, &cfg, &row, None, None)
            })
        })
        .await?;
    Ok(session_answer(&req, &config, pair, body.session))
}

/// A wrong code counts against every open code of the phone number; at the limit they are void.
fn count_wrong_code(c: &mut DbConn, ids: &[i64]) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    tx(c, |c| {
        diesel::update(guardians::table.filter(guardians::id.eq_any(ids.to_vec())))
            .set(guardians::activation_failures.eq(guardians::activation_failures + 1))
            .execute(c)?;
        diesel::update(
            guardians::table
                .filter(guardians::id.eq_any(ids.to_vec()))
                .filter(guardians::activation_failures.ge(MAX_ACTIVATION_FAILURES)),
        )
        .set((
            guardians::activation_code_hash.eq(None::<String>),
            guardians::activation_expires_at.eq(None::<Instant>),
        ))
        .execute(c)?;
        Ok(())
    })
}

fn insert_guardian_user(
    c: &mut DbConn,
    phone: &str,
    hash: &str,
    now: chrono::DateTime<Utc>,
) -> AppResult<i64> {
    diesel::insert_into(users::table)
        .values((
            users::kind.eq("guardian"),
            users::username.eq(phone),
            users::password_hash.eq(Some(hash)),
            users::display_name.eq(phone),
            users::failed_logins.eq(0),
            users::disabled.eq(false),
            users::created_at.eq(Instant(now)),
            users::updated_at.eq(Instant(now)),
        ))
        .returning(users::id)
        .get_result(c)
        .map_err(crate::error::unique_as(
            "auth.activation_race",
            "this phone number was activated at the same moment; sign in instead",
        ))
}
