//! The public side of invitations: who a code is for, and setting the password with it.
//! Rate-limited per address like the login.

use actix_web::{post, web, HttpRequest};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::invitations::{self, InvitationInfo, MIN_STAFF_PASSWORD};
use super::password;
use super::ratelimit::LoginLimiter;
use super::routes::client_ip;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::clock::Clock;
use crate::http::docs::WriteErrors;

/// An invitation code as the person typed or opened it.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct InvitationCode {
    /// The code, e.g. `K7QM-3XPA-9TRD`.
    #[validate(length(min = 8, max = 40))]
    #[schema(min_length = 8, max_length = 40)]
    pub code: String,
}

/// The code and the password the person chooses.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AcceptInvitation {
    /// The code, e.g. `K7QM-3XPA-9TRD`.
    #[validate(length(min = 8, max = 40))]
    #[schema(min_length = 8, max_length = 40)]
    pub code: String,
    /// The new password: at least 12 characters.
    #[validate(length(max = 200))]
    #[schema(min_length = 12, max_length = 200)]
    pub password: String,
}

/// The login whose password was set.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedInvitation {
    /// Sign in with this username.
    pub username: String,
}

/// Who an invitation is for (name, school, expiry), before the person sets a password.
///
/// Public: the code is the credential. An unknown, used, expired or revoked code answers
/// like a wrong one, and lookups are rate-limited like sign-ins.
#[utoipa::path(tag = "auth", request_body = InvitationCode, responses((status = 200, description = "The invitation", body = InvitationInfo), WriteErrors), security(()))]
#[post("/auth/invitations/lookup")]
pub async fn lookup_invitation(
    req: HttpRequest,
    body: crate::http::body::Json<InvitationCode>,
    db: web::Data<Db>,
    limiter: web::Data<LoginLimiter>,
    clock: Clock,
) -> AppResult<web::Json<InvitationInfo>> {
    body.validate()?;
    limiter.admit(&format!("invitation:{}", client_ip(&req)))?;
    let (code, now) = (body.into_inner().code, clock.now());
    let info = db.run(move |c| invitations::lookup(c, &code, now)).await?;
    Ok(web::Json(info))
}

/// Set your own password with an invitation code; then sign in at `/auth/login`. A code
/// works once; earlier sessions of the login end.
#[utoipa::path(tag = "auth", request_body = AcceptInvitation, responses((status = 200, description = "Password set", body = AcceptedInvitation), WriteErrors), security(()))]
#[post("/auth/invitations/accept")]
pub async fn accept_invitation(
    req: HttpRequest,
    body: crate::http::body::Json<AcceptInvitation>,
    db: web::Data<Db>,
    limiter: web::Data<LoginLimiter>,
    clock: Clock,
) -> AppResult<web::Json<AcceptedInvitation>> {
    body.validate()?;
    limiter.admit(&format!("invitation:{}", client_ip(&req)))?;
    let body = body.into_inner();
    if body.password.chars().count() < MIN_STAFF_PASSWORD {
        return Err(AppError::field(
            "password",
            "too_short",
            format!("a staff password needs at least {MIN_STAFF_PASSWORD} characters"),
        ));
    }
    let hash = password::hash_off_thread(body.password).await?;
    let (code, now, rid) = (body.code, clock.now(), crate::request_id::of(&req));
    let username = db
        .run(move |c| tx(c, |c| invitations::accept(c, &code, &hash, &rid, now)))
        .await?;
    Ok(web::Json(AcceptedInvitation { username }))
}
