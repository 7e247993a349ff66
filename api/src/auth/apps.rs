//! `/auth/token` and `/auth/app-login`: machine clients. A district system or a parent app
//! gets a token for its own scopes (client credentials); a parent app holding the
//! `guardians:sign_in` scope signs a guardian in, and everything that guardian then does
//! (notice receipts, agreement acceptance) is recorded as done through that app.

use actix_web::{post, web, HttpRequest};
use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::ratelimit::LoginLimiter;
use super::routes::{authenticate, client_ip, dummy_hash, open_session, TokenPair};
use super::store::{self, ClientRow};
use super::tokens::Claims;
use super::{password, CallerKind, Grant, Keys};
use crate::config::Config;
use crate::db::schema::schools;
use crate::db::{Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::openapi::WriteErrors;

/// The scope a parent app needs to sign guardians in.
pub const GUARDIAN_SIGN_IN: &str = "guardians:sign_in";

/// A live client whose secret matches; one answer for unknown, revoked and wrong secret.
fn verified_client(c: &mut DbConn, client_id: &str, secret: &str) -> AppResult<ClientRow> {
    let row = store::client_by_client_id(c, client_id)?.filter(|r| r.revoked_at.is_none());
    let ok = match &row {
        Some(r) => password::verify(secret, &r.secret_hash),
        None => {
            password::verify(secret, dummy_hash());
            false
        }
    };
    row.filter(|_| ok).ok_or_else(|| AppError::Unauthenticated {
        code: "auth.invalid_client",
        detail: "unknown client or wrong secret".into(),
    })
}

/// Client credentials of a machine client.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ClientTokenRequest {
    /// Must be `client_credentials`.
    pub grant_type: String,
    /// The client's id.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    /// The client's secret (shown once when the client was created).
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub client_secret: String,
}

/// An access token for a machine client.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ClientToken {
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until it expires.
    pub expires_in: u64,
    /// The scopes it carries.
    pub scopes: Vec<String>,
}

/// Client credentials: a machine client (district system, parent app) gets a token
/// limited to its scopes and schools.
#[utoipa::path(
    tag = "auth",
    request_body = ClientTokenRequest,
    responses((status = 200, description = "A token", body = ClientToken), WriteErrors),
    security(())
)]
#[post("/auth/token")]
pub async fn token(
    body: web::Json<ClientTokenRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
) -> AppResult<web::Json<ClientToken>> {
    body.validate()?;
    if body.grant_type != "client_credentials" {
        return Err(AppError::field(
            "grant_type",
            "unsupported",
            "only client_credentials is supported",
        ));
    }
    let body = body.into_inner();
    let ttl = config.access_ttl.as_secs();
    let row = db
        .run(move |c| verified_client(c, &body.client_id, &body.client_secret))
        .await?;
    let scopes: Vec<String> = row
        .scopes
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let schools: Vec<i64> = row
        .school_ids
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let now = Utc::now().timestamp();
    let claims = Claims {
        sub: format!("client:{}", row.id),
        knd: CallerKind::Client,
        did: Some(row.district_id),
        dad: false,
        sch: schools
            .into_iter()
            .map(|school_id| Grant {
                school_id,
                roles: vec![],
            })
            .collect(),
        scp: scopes.clone(),
        azp: None,
        iat: now,
        exp: now + ttl as i64,
    };
    Ok(web::Json(ClientToken {
        access_token: keys.sign(&claims)?,
        token_type: "Bearer".into(),
        expires_in: ttl,
        scopes,
    }))
}

/// A parent app signs a guardian in: its own credentials and the guardian's.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AppLoginRequest {
    /// The app's client id.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    /// The app's secret.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub client_secret: String,
    /// The guardian's phone number (their username).
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub username: String,
    /// The guardian's password.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub password: String,
}

/// Sign a guardian in through a parent app (needs the app's `guardians:sign_in` scope).
///
/// The tokens act for the guardian, exactly as in the portal, and name the app: receipts and
/// acceptances record the channel `api_client:<id>`. Refreshing stops working when the
/// district revokes the app. Staff cannot sign in this way. Lock-out and rate limits are
/// those of `/auth/login`.
#[utoipa::path(
    tag = "auth",
    request_body = AppLoginRequest,
    responses((status = 200, description = "The guardian's tokens", body = TokenPair), WriteErrors),
    security(())
)]
#[post("/auth/app-login")]
pub async fn app_login(
    req: HttpRequest,
    body: web::Json<AppLoginRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
    limiter: web::Data<LoginLimiter>,
) -> AppResult<web::Json<TokenPair>> {
    body.validate()?;
    limiter.admit(&client_ip(&req))?;
    let (body, keys, config) = (body.into_inner(), keys.into_inner(), config.into_inner());
    let request_id = crate::request_id::of(&req);
    db.run(move |c| {
        let app = verified_client(c, &body.client_id, &body.client_secret)?;
        if !app.scopes.split(',').any(|s| s == GUARDIAN_SIGN_IN) {
            return Err(AppError::Forbidden {
                code: "auth.scope_missing",
                detail: format!("the app needs the {GUARDIAN_SIGN_IN} scope to sign guardians in"),
            });
        }
        let user = authenticate(c, &config, &body.username, &body.password)?;
        if user.kind != "guardian" {
            return Err(AppError::Forbidden {
                code: "auth.guardians_only",
                detail: "only guardians sign in through a parent app".into(),
            });
        }
        // The app reaches only its district (and its schools, when it has a list).
        let listed: Vec<i64> = app
            .school_ids
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect();
        for grant in store::grants_of(c, &user)? {
            let district: i64 = schools::table
                .find(grant.school_id)
                .select(schools::district_id)
                .first(c)?;
            if district != app.district_id
                || (!listed.is_empty() && !listed.contains(&grant.school_id))
            {
                return Err(AppError::Forbidden {
                    code: "auth.outside_client_schools",
                    detail: "this guardian's school is not one this app may reach".into(),
                });
            }
        }
        open_session(c, &keys, &config, &user, request_id, Some(app.id))
    })
    .await
    .map(web::Json)
}
