//! `/auth/token` and `/auth/app-login`: machine clients. A district system or a parent app
//! gets a token for its own scopes (client credentials); a parent app holding the
//! `guardians:sign_in` scope signs a guardian in, and everything that guardian then does
//! (notice receipts, agreement acceptance) is recorded as done through that app.

use actix_web::http::header;
use actix_web::{post, web, HttpRequest, HttpResponse};
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
    let mut ok = password::verify_off_thread(secret.to_owned(), hash).await?;
    // During a rotation's overlap the previous secret works too.
    let previous = row.as_ref().and_then(|r| {
        let live = r
            .previous_secret_expires_at
            .is_some_and(|t| t.0 > chrono::Utc::now());
        r.previous_secret_hash.clone().filter(|_| live)
    });
    if let (false, Some(previous)) = (ok, previous) {
        ok = password::verify_off_thread(secret.to_owned(), previous).await?;
    }
    row.filter(|_| ok).ok_or_else(|| AppError::Unauthenticated {
        code: "auth.invalid_client",
        detail: "unknown client or wrong secret".into(),
    })
}

/// Client credentials (RFC 6749 §4.4): `grant_type=client_credentials`, the client
/// authenticated by HTTP Basic or by `client_id` and `client_secret` in the body (not both).
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
pub struct ClientTokenRequest {
    /// Must be `client_credentials`.
    #[schema(example = "client_credentials")]
    #[serde(default)]
    pub grant_type: String,
    /// The client's id, when it is not sent by HTTP Basic.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "kh_3fKq9xZ2aLmP")]
    #[serde(default)]
    pub client_id: Option<String>,
    /// The client's secret (shown once when the client was created or its secret rotated),
    /// when it is not sent by HTTP Basic.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    #[serde(default)]
    pub client_secret: Option<String>,
    /// Space-separated scopes to ask for, a subset of the client's; all of them by default.
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000, example = "roster:read events:read")]
    #[serde(default)]
    pub scope: Option<String>,
}

/// An access token for a machine client (RFC 6749 §5.1).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ClientToken {
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until it expires.
    #[schema(example = 900)]
    pub expires_in: u64,
    /// The scopes granted, space-separated (RFC 6749).
    #[schema(example = "roster:read events:read")]
    pub scope: String,
    /// The same scopes as a list.
    pub scopes: Vec<String>,
}

/// The request as sent: a form (RFC 6749) or, for older clients, JSON.
fn token_request(req: &HttpRequest, body: &[u8]) -> AppResult<ClientTokenRequest> {
    let kind = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let parsed: ClientTokenRequest = match kind.as_str() {
        "application/x-www-form-urlencoded" => {
            serde_urlencoded::from_bytes(body).map_err(|e| AppError::BadRequest {
                code: "auth.invalid_request",
                detail: format!("the form cannot be read: {e}"),
            })?
        }
        "application/json" => serde_json::from_slice(body).map_err(|e| AppError::BadRequest {
            code: "auth.invalid_request",
            detail: format!("the body cannot be read: {e}"),
        })?,
        _ if body.is_empty() => ClientTokenRequest::default(),
        _ => {
            return Err(AppError::UnsupportedMediaType(
                "send the token request as application/x-www-form-urlencoded".into(),
            ))
        }
    };
    parsed.validate()?;
    Ok(parsed)
}

/// HTTP Basic client authentication: `client_id:client_secret`, each form-url-encoded.
fn basic_credentials(req: &HttpRequest) -> AppResult<Option<(String, String)>> {
    let Some(raw) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let bad = || AppError::Unauthenticated {
        code: "auth.invalid_client",
        detail: "the Authorization header is not Basic client credentials".into(),
    };
    let raw = raw.to_str().map_err(|_| bad())?;
    let Some(encoded) = raw
        .strip_prefix("Basic ")
        .or_else(|| raw.strip_prefix("basic "))
    else {
        return Err(bad());
    };
    use base64::Engine as _;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| bad())?;
    let text = String::from_utf8(decoded).map_err(|_| bad())?;
    let (id, secret) = text.split_once(':').ok_or_else(bad)?;
    let unescape = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .map(|c| c.into_owned())
            .map_err(|_| bad())
    };
    Ok(Some((unescape(id)?, unescape(secret)?)))
}

/// The scopes asked for: all of the client's, or the subset named (400 `auth.invalid_scope`
/// for one it does not have).
fn granted_scopes(client: &[String], asked: Option<&str>) -> AppResult<Vec<String>> {
    let Some(asked) = asked.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(client.to_vec());
    };
    let mut out: Vec<String> = Vec::new();
    for s in asked.split(' ').filter(|s| !s.is_empty()) {
        if !client.iter().any(|c| c == s) {
            return Err(AppError::BadRequest {
                code: "auth.invalid_scope",
                detail: format!("the client does not have the scope {s}"),
            });
        }
        if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    }
    Ok(out)
}

/// Client credentials (RFC 6749 §4.4): a machine client (district system, parent app)
/// gets a token limited to its scopes and schools.
///
/// Send `application/x-www-form-urlencoded` with `grant_type=client_credentials`, and
/// authenticate the client by HTTP Basic (`client_id:client_secret`) or by `client_id` and
/// `client_secret` in the form. Errors carry the RFC 6749 §5.2 `error` member
/// (`invalid_request`, `invalid_client`, `unsupported_grant_type`, `invalid_scope`) beside
/// the problem `code`. During a secret rotation's overlap both secrets work.
#[utoipa::path(
    tag = "auth",
    request_body(content(
        (ClientTokenRequest = "application/x-www-form-urlencoded"),
        (ClientTokenRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "A token", body = ClientToken),
        (status = 400, description = "invalid_request, unsupported_grant_type or invalid_scope", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "invalid_client: unknown client, wrong secret or revoked", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither a form nor JSON", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field out of bounds", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/auth/token")]
pub async fn token(
    req: HttpRequest,
    body: web::Bytes,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
    limiter: web::Data<LoginLimiter>,
) -> AppResult<HttpResponse> {
    let form = token_request(&req, &body)?;
    let basic = basic_credentials(&req)?;
    let (client_id, secret) = match (basic, form.client_id, form.client_secret) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(AppError::BadRequest {
                code: "auth.invalid_request",
                detail: "authenticate the client one way: HTTP Basic or the body, not both".into(),
            })
        }
        (Some(pair), None, None) => pair,
        (None, Some(id), Some(secret)) => (id, secret),
        (None, _, _) => {
            return Err(AppError::Unauthenticated {
                code: "auth.invalid_client",
                detail: "send client_id and client_secret by HTTP Basic or in the form".into(),
            })
        }
    };
    if form.grant_type != "client_credentials" {
        return Err(AppError::BadRequest {
            code: "auth.unsupported_grant_type",
            detail: "only grant_type=client_credentials is supported".into(),
        });
    }
    limiter.admit(&format!("token:{}", client_ip(&req)))?;
    let ttl = config.access_ttl.as_secs();
    let row = verified_client(&db, &client_id, &secret).await?;
    let own: Vec<String> = row
        .scopes
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let scopes = granted_scopes(&own, form.scope.as_deref())?;
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
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::PRAGMA, "no-cache"))
        .json(ClientToken {
            access_token: keys.sign(&claims)?,
            token_type: "Bearer".into(),
            expires_in: ttl,
            scope: scopes.join(" "),
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
    body: crate::http::body::Json<AppLoginRequest>,
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
