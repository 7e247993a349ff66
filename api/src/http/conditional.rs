//! Conditional requests (RFC 9110 §8.8.3, §13): every JSON answer of the API carries a
//! strong `ETag`, and a `GET` whose `If-None-Match` names it is answered 304 with no body.
//!
//! The tag is the representation's own: a digest of the body's bytes, led by the
//! resource's `version` when it has one (`"3-1f0c9a2b7d4e5a61"`), so two callers who see
//! one row differently (a masked phone) get different tags, and `If-Match` on an update
//! can name the version it read (see [`super::precondition::IfMatch`]).

use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::HttpResponse;
use sha2::{Digest, Sha256};

/// The largest body tagged (bigger answers go out untagged rather than buffered).
const MAX_TAGGED_BYTES: usize = 4 << 20;

/// The top-level `version` of a JSON object body, if it has one.
fn version_of(body: &[u8]) -> Option<i64> {
    if body.first() != Some(&b'{') || !body.windows(10).any(|w| w == b"\"version\":") {
        return None;
    }
    #[derive(serde::Deserialize)]
    struct Versioned {
        version: i64,
    }
    serde_json::from_slice::<Versioned>(body)
        .ok()
        .map(|v| v.version)
}

/// The strong entity tag of a body.
pub fn tag_of(body: &[u8]) -> String {
    let digest = hex::encode(&Sha256::digest(body)[..8]);
    match version_of(body) {
        Some(v) => format!("\"{v}-{digest}\""),
        None => format!("\"{digest}\""),
    }
}

/// Whether an `If-None-Match` value names `tag` (weak comparison, as RFC 9110 §13.1.2 asks).
pub fn none_match(header: &str, tag: &str) -> bool {
    header.trim() == "*"
        || header
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == tag)
}

fn is_json(res: &ServiceResponse<impl MessageBody>) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// Tags JSON answers of the API and answers a matching `If-None-Match` with 304.
pub async fn conditional(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let api = req.path().starts_with("/api/");
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    let if_none_match = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let res = next.call(req).await?;
    let ok = matches!(res.status(), StatusCode::OK | StatusCode::CREATED);
    if !api || !ok || !is_json(&res) {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = match to_bytes(body).await {
        Ok(b) => b,
        Err(_) => {
            return Ok(ServiceResponse::new(
                req,
                HttpResponse::InternalServerError().finish(),
            ))
        }
    };
    let mut res = head.set_body(bytes.clone()).map_into_boxed_body();
    if bytes.len() > MAX_TAGGED_BYTES {
        return Ok(ServiceResponse::new(req, res));
    }
    let tag = tag_of(&bytes);
    if let (true, Some(inm)) = (read, if_none_match) {
        if none_match(&inm, &tag) {
            let mut not_modified = HttpResponse::NotModified();
            for (k, v) in res.headers() {
                if k != header::CONTENT_LENGTH && k != header::CONTENT_TYPE {
                    not_modified.append_header((k.clone(), v.clone()));
                }
            }
            let mut r = not_modified.finish();
            if let Ok(v) = HeaderValue::from_str(&tag) {
                r.headers_mut().insert(header::ETAG, v);
            }
            return Ok(ServiceResponse::new(req, r));
        }
    }
    if let Ok(v) = HeaderValue::from_str(&tag) {
        res.headers_mut().insert(header::ETAG, v);
    }
    Ok(ServiceResponse::new(req, res))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versioned_bodies_lead_their_tag_with_the_version() {
        let a = tag_of(br#"{"id":5,"version":3,"phone":"138****5678"}"#);
        let b = tag_of(br#"{"id":5,"version":3,"phone":"13812345678"}"#);
        assert!(a.starts_with("\"3-") && b.starts_with("\"3-"));
        assert_ne!(a, b, "two representations, two strong tags");
        let list = tag_of(br#"{"items":[{"version":3}],"next_cursor":null}"#);
        assert!(!list.contains('-'), "{list}");
    }

    #[test]
    fn if_none_match_compares_weakly_and_takes_lists_and_star() {
        let t = "\"3-abc\"";
        assert!(none_match("\"3-abc\"", t));
        assert!(none_match("W/\"3-abc\"", t));
        assert!(none_match("\"x\", \"3-abc\"", t));
        assert!(none_match("*", t));
        assert!(!none_match("\"2-abc\"", t));
    }
}
