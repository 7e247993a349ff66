//! `/auth/token` and `/auth/app-login`: machine clients. A district system or a parent app
//! gets a token for its own scopes (client credentials); a parent app holding the
//! `guardians:sign_in` scope signs a guardian in, and everything that guardian then does
//! (notice receipts, agreement acceptance) is recorded as done through that app.

use actix_web::{post, web, HttpRequest};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::ratelimit::LoginLimiter;
use super::routes::{
    authenticate, client_ip, dummy_hash, open_session, FailureThrottle, TokenPair,
};
use super::store::{self, ClientRow};
use super::tokens::Claims;
use super::{password, CallerKind, Grant, Keys};
use crate::config::Config;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::docs::WriteErrors;

/// The scope a parent app needs to sign guardians in.
pub const GUARDIAN_SIGN_IN: &str = "guardians:sign_in";

/// A live client whose secret matches; one answer for unknown, revoked and wrong secret.
/// The secret is checked off the database pool.
async fn verified_client(db: &Db, client_id: &str, secret: &str) -> AppResult<ClientRow> {
    let id = client_id.to_owned();
    let row = db
        .run(move |c| store::client_by_client_id(c, &id))
        .await?
        .filter(|r| r.revoked_at.is_none());
    let hash = row
        .as_ref()
        .map(|r| r.secret_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    let ok = password::verify_off_thread(secret.to_owned(), hash).await?;
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
    req: HttpRequest,
    body: web::Json<ClientTokenRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
    limiter: web::Data<LoginLimiter>,
) -> AppResult<web::Json<ClientToken>> {
    body.validate()?;
    if body.grant_type != "client_credentials" {
        return Err(AppError::field(
            "grant_type",
            "unsupported",
            "only client_credentials is supported",
        ));
    }
    limiter.admit(&format!("token:{}", client_ip(&req)))?;
    let ttl = config.access_ttl.as_secs();
    let row = verified_client(&db, &body.client_id, &body.client_secret).await?;
    let scopes: Vec<String> = row
        .scopes
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let mut claims = Claims::new(format!("client:{}", row.id), CallerKind::Client, ttl);
    claims.did = Some(row.district_id);
    claims.sch = store::list_of(&row.school_ids)
        .into_iter()
        .map(|school_id| Grant {
            school_id,
            roles: vec![],
        })
        .collect();
    claims.scp = scopes.clone();
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
    failures: web::Data<FailureThrottle>,
) -> AppResult<web::Json<TokenPair>> {
    body.validate()?;
    let ip = client_ip(&req);
    limiter.admit(&ip)?;
    let (body, keys, config) = (body.into_inner(), keys.into_inner(), config.into_inner());
    let request_id = crate::request_id::of(&req);
    let app = verified_client(&db, &body.client_id, &body.client_secret).await?;
    if !app.scopes.split(',').any(|s| s == GUARDIAN_SIGN_IN) {
        return Err(AppError::Forbidden {
            code: "auth.scope_missing",
            detail: format!("the app needs the {GUARDIAN_SIGN_IN} scope to sign guardians in"),
        });
    }
    let user = authenticate(&db, &failures, &ip, &body.username, &body.password).await?;
    if user.kind != "guardian" {
        return Err(AppError::Forbidden {
            code: "auth.guardians_only",
            detail: "only guardians sign in through a parent app".into(),
        });
    }
    db.run(move |c| {
        // The app reaches only its district (and its schools, when it has a list).
        let grants = store::grants_of(c, &user)?;
        if store::app_reach(c, &app, &grants)?.len() != grants.len() {
            return Err(AppError::Forbidden {
                code: "auth.outside_client_schools",
                detail: "this guardian's school is not one this app may reach".into(),
            });
        }
        open_session(c, &keys, &config, &user, request_id, Some(&app))
    })
    .await
    .map(web::Json)
}
