//! Security headers on every response (API, docs and SPA alike).
//!
//! - `Content-Security-Policy`: scripts only from this origin (no inline script, no eval);
//!   inline styles are allowed because Ant Design writes its CSS-in-JS `<style>` tags at run
//!   time; no framing (`frame-ancestors 'none'`), no plugins, forms and fetches only to self.
//! - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` (older browsers),
//!   `Referrer-Policy: no-referrer` (URLs carry school and student ids),
//!   `Cross-Origin-Opener-Policy: same-origin`, a `Permissions-Policy` that turns off what
//!   Kehou never uses.
//! - `Strict-Transport-Security` only when the request came over TLS (directly or at a
//!   trusted proxy): sending it over plain HTTP would be ignored, and on localhost harmful.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;

/// The content security policy.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const FIXED: &[(&str, &str)] = &[
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ),
];

/// Adds the headers; HSTS only over TLS.
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let https = crate::peer::is_https(req.request());
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    for (name, value) in FIXED {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    if https {
        headers.insert(
            HeaderName::from_static("strict-transport-security"),
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    Ok(res)
}
