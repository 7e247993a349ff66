//! The SPA's cookie session: with `session: "cookie"` the refresh token travels in the
//! `kehou_refresh` cookie (`HttpOnly`, `SameSite=Strict`, `Path=/api/v1/auth`, `Secure` over
//! TLS) instead of the JSON body, so no script can read it.

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::config::Config;
use crate::error::{AppError, AppResult};

/// An access token and the refresh token that renews it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenPair {
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Exchange at `/auth/refresh` for a new pair; single use. Absent in cookie sessions
    /// (the `kehou_refresh` cookie carries it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
}

/// How the SPA keeps its session: `cookie` puts the refresh token in an `HttpOnly`,
/// `SameSite=Strict` cookie scoped to `/api/v1/auth` (and leaves it out of the answer's
/// body), so no script can read it; `body` (the default, for API clients) returns it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SessionMode {
    /// The refresh token in the answer's body.
    #[default]
    Body,
    /// The refresh token in the `kehou_refresh` cookie.
    Cookie,
}

/// The name of the refresh cookie of SPA sessions.
pub const REFRESH_COOKIE: &str = "kehou_refresh";
const COOKIE_PATH: &str = "/api/v1/auth";

/// The refresh cookie: `HttpOnly`, `SameSite=Strict`, scoped to the auth path, `Secure`
/// over TLS. `None` clears it.
pub(crate) fn refresh_cookie(
    req: &HttpRequest,
    value: Option<&str>,
    max_age: u64,
) -> Cookie<'static> {
    let mut cookie = Cookie::build(REFRESH_COOKIE, value.unwrap_or("").to_owned())
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(crate::peer::is_https(req))
        .finish();
    match value {
        Some(_) => cookie.set_max_age(CookieDuration::seconds(max_age as i64)),
        None => cookie.make_removal(),
    }
    cookie
}

/// Answers a new session: the pair as JSON; in a cookie session the refresh token moves
/// into the cookie.
pub(crate) fn session_answer(
    req: &HttpRequest,
    config: &Config,
    mut pair: TokenPair,
    mode: SessionMode,
) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.insert_header((header::CACHE_CONTROL, "no-store"));
    if mode == SessionMode::Cookie {
        let token = pair.refresh_token.take();
        res.cookie(refresh_cookie(
            req,
            token.as_deref(),
            config.refresh_ttl.as_secs(),
        ));
    }
    res.json(pair)
}

/// The refresh token of a request: the body's, or else the cookie's (a cookie session).
pub(crate) fn presented_refresh(
    req: &HttpRequest,
    in_body: Option<String>,
) -> AppResult<(String, SessionMode)> {
    if let Some(t) = in_body {
        return Ok((t, SessionMode::Body));
    }
    req.cookie(REFRESH_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 200)
        .map(|v| (v, SessionMode::Cookie))
        .ok_or(AppError::Unauthenticated {
            code: "auth.invalid_refresh_token",
            detail: "send refresh_token, or sign in again (no session cookie)".into(),
        })
}
