//! `/auth/*` and `/me`: login, refresh, logout, the current caller.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use super::ratelimit::LoginLimiter;
pub(crate) use super::session::session_answer;
use super::session::{presented_refresh, refresh_cookie};
pub use super::session::{SessionMode, TokenPair};
use super::tokens::Claims;
use super::{password, store, CallerKind, Grant, Keys};
use crate::audit::{self, Actor};
use crate::config::Config;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::WriteErrors;

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
    /// Where the refresh token goes (default `body`).
    #[serde(default)]
    pub session: SessionMode,
}

/// A refresh token.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh; leave it out to use the
    /// `kehou_refresh` cookie of a cookie session.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    #[serde(default)]
    pub refresh_token: Option<String>,
}

pub(crate) fn client_ip(req: &HttpRequest) -> String {
    crate::peer::client_ip(req)
}

fn access_claims(
    user: &store::UserRow,
    grants: Vec<Grant>,
    via_client: Option<i64>,
    ttl: u64,
) -> Claims {
    let kind = if user.kind == "guardian" {
        CallerKind::Guardian
    } else {
        CallerKind::Staff
    };
    let mut claims = Claims::new(format!("user:{}", user.id), kind, ttl);
    claims.ver = user.token_version;
    claims.did = user.district_id;
    claims.dad = user.district_role.as_deref() == Some("district_admin");
    claims.dvw = user.district_role.as_deref() == Some("district_viewer");
    claims.sch = grants;
    claims.azp = via_client;
    claims
}

/// Issues a pair for `user`; through a parent app (`app`), the grants are cut to the
/// schools the app may reach, so a refreshed session never gains a school outside them.
pub(crate) fn issue_pair(
    c: &mut crate::db::DbConn,
    keys: &Keys,
    config: &Config,
    user: &store::UserRow,
    family: Option<String>,
    app: Option<&store::ClientRow>,
) -> AppResult<TokenPair> {
    let mut grants = store::grants_of(c, user)?;
    if let Some(app) = app {
        let reach = store::app_reach(c, app, &grants)?;
        grants.retain(|g| reach.contains(&g.school_id));
    }
    let via_client = app.map(|a| a.id);
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
        refresh_token: Some(refresh_token),
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
    app: Option<&store::ClientRow>,
) -> AppResult<TokenPair> {
    tx(c, |c| {
        store::record_success(c, user.id, chrono::Utc::now())?;
        let actor = Actor {
            kind: "user".into(),
            id: Some(user.id),
            request_id,
        };
        let after = app.map(|a| serde_json::json!({ "via_client": a.id }).to_string());
        audit::Event::outside_schools("auth.login")
            .on("user", user.id)
            .after_json(after)
            .record(c, &actor)?;
        issue_pair(c, keys, config, user, None, app)
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
/// Every failure answers 401 `auth.invalid_credentials`, whether or not the username
/// exists; a disabled account is told (403 `auth.disabled`) only after the right password.
/// Wrong passwords for one account from one address are throttled (429
/// `auth.rate_limited` with `Retry-After`) without locking the account for its owner, and
/// so are too many attempts from one address. With `session: cookie` the refresh token is
/// set as an `HttpOnly` cookie instead of returned.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses((status = 200, description = "Logged in", body = TokenPair), WriteErrors),
    security(())
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    body: crate::http::body::Json<LoginRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
    limiter: web::Data<LoginLimiter>,
    failures: web::Data<FailureThrottle>,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let ip = client_ip(&req);
    limiter.admit(&ip)?;
    let body = body.into_inner();
    let user = authenticate(&db, &failures, &ip, &body.username, &body.password).await?;
    let (keys, cfg) = (keys.into_inner(), config.clone().into_inner());
    let request_id = crate::request_id::of(&req);
    let pair = db
        .run(move |c| open_session(c, &keys, &cfg, &user, request_id, None))
        .await?;
    Ok(session_answer(&req, &config, pair, body.session))
}

/// The key of the failure throttle: one address guessing one account.
fn failure_key(ip: &str, username: &str) -> String {
    format!("{ip}|{}", username.trim().to_lowercase())
}

/// Checks a username and password. The password is hashed off the database pool (no
/// connection is held while argon2 runs); unknown users cost the same time as known ones.
pub(crate) async fn authenticate(
    db: &Db,
    failures: &FailureThrottle,
    ip: &str,
    username: &str,
    password_given: &str,
) -> AppResult<store::UserRow> {
    let key = failure_key(ip, username);
    failures.0.refuse_if_over(&key)?;
    let name = username.to_owned();
    let user = db.run(move |c| store::user_by_username(c, &name)).await?;
    let hash = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    let matches = password::verify_off_thread(password_given.to_owned(), hash).await?;
    let user = match user {
        Some(u) if matches && u.password_hash.is_some() => u,
        other => {
            failures.0.count(&key);
            if let Some(u) = other {
                let id = u.id;
                db.run(move |c| store::record_failure(c, id, Utc::now()))
                    .await?;
            }
            return Err(invalid_credentials());
        }
    };
    failures.0.reset(&key);
    if user.disabled {
        return Err(AppError::Forbidden {
            code: "auth.disabled",
            detail: "this account is disabled".into(),
        });
    }
    Ok(user)
}

/// Wrong passwords per address and account (see [`LoginLimiter::refuse_if_over`]).
pub struct FailureThrottle(pub LoginLimiter);

/// An argon2id hash of a random password, verified when the username is unknown.
pub(crate) fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| password::hash(&password::random_secret(16)).unwrap_or_default())
}

/// Exchange a refresh token for a new pair. Each refresh token works once; presenting a
/// used one revokes its whole family (a stolen token is then useless). Without
/// `refresh_token` in the body, the `kehou_refresh` cookie is used and renewed.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 200, description = "New tokens", body = TokenPair), WriteErrors),
    security(())
)]
#[post("/auth/refresh")]
pub async fn refresh(
    req: HttpRequest,
    body: crate::http::body::Json<RefreshRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let (token, mode) = presented_refresh(&req, body.into_inner().refresh_token)?;
    let hash = password::token_hash(&token);
    let keys = keys.into_inner();
    let cfg = config.clone().into_inner();
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
                let app = match row.client_id {
                    Some(id) => {
                        match store::client_by_id(c, id)?.filter(|r| r.revoked_at.is_none()) {
                            Some(app) => Some(app),
                            None => return Ok(Err(false)),
                        }
                    }
                    None => None,
                };
                issue_pair(c, &keys, &cfg, &user, Some(row.family), app.as_ref()).map(Ok)
            })
        })
        .await?;
    match outcome {
        Ok(pair) => Ok(session_answer(&req, &config, pair, mode)),
        Err(reused) => {
            if reused {
                log::warn!("a used refresh token was presented again; its family is revoked");
            }
            Err(AppError::Unauthenticated {
                code: "auth.invalid_refresh_token",
                detail: "the refresh token is unknown, expired or already used".into(),
            })
        }
    }
}

/// Log out: revokes the refresh token (the body's or the cookie's) and every token rotated
/// from it, and clears the cookie.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 204, description = "Logged out"), WriteErrors),
    security(())
)]
#[post("/auth/logout")]
pub async fn logout(
    req: HttpRequest,
    body: crate::http::body::Json<RefreshRequest>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let presented = presented_refresh(&req, body.into_inner().refresh_token).ok();
    if let Some((token, _)) = presented {
        let hash = password::token_hash(&token);
        db.run(move |c| {
            tx(c, |c| {
                if let Some(row) = store::refresh_by_hash(c, &hash)? {
                    store::revoke_family(c, &row.family, Utc::now())?;
                }
                Ok(())
            })
        })
        .await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(refresh_cookie(&req, None, 0))
        .finish())
}
