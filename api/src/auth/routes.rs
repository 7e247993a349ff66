//! `/auth/*` and `/me`: login, refresh, logout, the current caller.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use super::ratelimit::LoginLimiter;
use super::tokens::Claims;
use super::{password, store, CallerKind, Grant, Keys};
use crate::audit::{self, Actor};
use crate::config::Config;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::openapi::WriteErrors;

/// Registers the routes of this module.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(super::apps::token)
        .service(super::apps::app_login)
        .service(super::me::me)
        .service(super::guardian::activate)
        .service(super::guardian::my_children);
}

/// Username and password.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct LoginRequest {
    /// Staff username, or a guardian's phone number.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub username: String,
    /// The password.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub password: String,
}

/// An access token and the refresh token that renews it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenPair {
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Exchange at `/auth/refresh` for a new pair; single use.
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
}

/// A refresh token.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: String,
}

pub(crate) fn client_ip(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn access_claims(
    user: &store::UserRow,
    grants: Vec<Grant>,
    via_client: Option<i64>,
    ttl: u64,
) -> Claims {
    let now = Utc::now().timestamp();
    Claims {
        sub: format!("user:{}", user.id),
        knd: if user.kind == "guardian" {
            CallerKind::Guardian
        } else {
            CallerKind::Staff
        },
        did: user.district_id,
        dad: user.district_role.as_deref() == Some("district_admin"),
        sch: grants,
        scp: vec![],
        azp: via_client,
        iat: now,
        exp: now + ttl as i64,
    }
}

pub(crate) fn issue_pair(
    c: &mut crate::db::DbConn,
    keys: &Keys,
    config: &Config,
    user: &store::UserRow,
    family: Option<String>,
    via_client: Option<i64>,
) -> AppResult<TokenPair> {
    let grants = store::grants_of(c, user)?;
    let claims = access_claims(user, grants, via_client, config.access_ttl.as_secs());
    let access_token = keys.sign(&claims)?;
    let refresh_token = password::random_secret(32);
    let now = Utc::now();
    let expires = now + chrono::Duration::seconds(config.refresh_ttl.as_secs() as i64);
    let family = family.unwrap_or_else(|| password::random_secret(12));
    store::insert_refresh(
        c,
        user.id,
        &password::token_hash(&refresh_token),
        &family,
        via_client,
        now,
        expires,
    )?;
    Ok(TokenPair {
        access_token,
        refresh_token,
        token_type: "Bearer".into(),
        expires_in: config.access_ttl.as_secs(),
    })
}

/// After a successful sign-in: clears the failure count, audits the login (naming the
/// parent app, if any) and issues the first token pair of a new family.
pub(crate) fn open_session(
    c: &mut crate::db::DbConn,
    keys: &Keys,
    config: &Config,
    user: &store::UserRow,
    request_id: String,
    via_client: Option<i64>,
) -> AppResult<TokenPair> {
    tx(c, |c| {
        store::record_success(c, user.id)?;
        let actor = Actor {
            kind: "user".into(),
            id: Some(user.id),
            request_id,
        };
        let after = via_client.map(|id| serde_json::json!({ "via_client": id }).to_string());
        audit::record(
            c,
            &actor,
            None,
            "auth.login",
            "user",
            Some(user.id),
            None,
            after,
        )?;
        issue_pair(c, keys, config, user, None, via_client)
    })
}

fn invalid_credentials() -> AppError {
    AppError::Unauthenticated {
        code: "auth.invalid_credentials",
        detail: "the username or password is wrong".into(),
    }
}

/// Log in with a username and password.
///
/// Five wrong passwords in a row lock the account for 15 minutes (423 `auth.locked`);
/// too many attempts from one address answer 429 `auth.rate_limited`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses((status = 200, description = "Logged in", body = TokenPair), WriteErrors),
    security(())
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    body: web::Json<LoginRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
    limiter: web::Data<LoginLimiter>,
) -> AppResult<web::Json<TokenPair>> {
    body.validate()?;
    limiter.admit(&client_ip(&req))?;
    let body = body.into_inner();
    let keys = keys.into_inner();
    let config = config.into_inner();
    let request_id = crate::request_id::of(&req);
    db.run(move |c| {
        let user = authenticate(c, &config, &body.username, &body.password)?;
        open_session(c, &keys, &config, &user, request_id, None)
    })
    .await
    .map(web::Json)
}

/// Checks a username and password: unknown users cost the same time as known ones, a
/// disabled account is refused, and wrong passwords count towards the lock-out.
pub(crate) fn authenticate(
    c: &mut crate::db::DbConn,
    config: &Config,
    username: &str,
    password_given: &str,
) -> AppResult<store::UserRow> {
    let Some(user) = store::user_by_username(c, username)? else {
        // Spend the same time as a real check so timing does not reveal usernames.
        password::verify(password_given, dummy_hash());
        return Err(invalid_credentials());
    };
    let now = Utc::now();
    if user.disabled {
        return Err(AppError::Forbidden {
            code: "auth.disabled",
            detail: "this account is disabled".into(),
        });
    }
    if let Some(until) = user.locked_until.filter(|u| u.0 > now) {
        return Err(AppError::Locked {
            code: "auth.locked",
            detail: format!(
                "too many wrong passwords; the account is locked until {}",
                until.0.to_rfc3339()
            ),
        });
    }
    let ok = user
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(password_given, h));
    if !ok {
        let lock = chrono::Duration::seconds(config.login_lock.as_secs() as i64);
        let locked = tx(c, |c| {
            store::record_failure(c, user.id, now, config.login_max_failures, lock)
        })?;
        if locked {
            return Err(AppError::Locked {
                code: "auth.locked",
                detail: "too many wrong passwords; the account is now locked".into(),
            });
        }
        return Err(invalid_credentials());
    }
    Ok(user)
}

/// An argon2id hash of a random password, verified when the username is unknown.
pub(crate) fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| password::hash(&password::random_secret(16)).unwrap_or_default())
}

/// Exchange a refresh token for a new pair. Each refresh token works once; presenting a
/// used one revokes its whole family (a stolen token is then useless).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 200, description = "New tokens", body = TokenPair), WriteErrors),
    security(())
)]
#[post("/auth/refresh")]
pub async fn refresh(
    body: web::Json<RefreshRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
) -> AppResult<web::Json<TokenPair>> {
    body.validate()?;
    let hash = password::token_hash(&body.refresh_token);
    let keys = keys.into_inner();
    let config = config.into_inner();
    let invalid = || AppError::Unauthenticated {
        code: "auth.invalid_refresh_token",
        detail: "the refresh token is unknown, expired or already used".into(),
    };
    let outcome = db
        .run(move |c| {
            tx(c, |c| {
                let now = Utc::now();
                let Some(row) = store::refresh_by_hash(c, &hash)? else {
                    return Ok(Err(false));
                };
                if row.expires_at.0 <= now {
                    return Ok(Err(false));
                }
                if row.revoked_at.is_some() || !store::revoke_one(c, row.id, now)? {
                    store::revoke_family(c, &row.family, now)?;
                    return Ok(Err(true));
                }
                let user = store::user_by_id(c, row.user_id)?;
                if user.disabled {
                    return Ok(Err(false));
                }
                // A session opened through a parent app ends when the district revokes the app.
                if let Some(client) = row.client_id {
                    if store::client_by_id(c, client)?.is_none_or(|r| r.revoked_at.is_some()) {
                        return Ok(Err(false));
                    }
                }
                issue_pair(c, &keys, &config, &user, Some(row.family), row.client_id).map(Ok)
            })
        })
        .await?;
    match outcome {
        Ok(pair) => Ok(web::Json(pair)),
        Err(reused) => {
            if reused {
                log::warn!("a used refresh token was presented again; its family is revoked");
            }
            Err(invalid())
        }
    }
}

/// Log out: revokes the refresh token and every token rotated from it.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 204, description = "Logged out"), WriteErrors),
    security(())
)]
#[post("/auth/logout")]
pub async fn logout(body: web::Json<RefreshRequest>, db: web::Data<Db>) -> AppResult<HttpResponse> {
    body.validate()?;
    let hash = password::token_hash(&body.refresh_token);
    db.run(move |c| {
        tx(c, |c| {
            if let Some(row) = store::refresh_by_hash(c, &hash)? {
                store::revoke_family(c, &row.family, Utc::now())?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
