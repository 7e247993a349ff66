//! Cursors bound to their list: the `next_cursor` a list answers is sealed with the list's
//! path and filters and an HMAC, and a `cursor` sent back is opened only on the same list
//! with the same filters. A cursor of another list, of other filters, or made up answers
//! 422 naming `cursor`. Handlers see the plain cursor of [`super::page`].

use std::sync::OnceLock;

use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Uri;
use actix_web::middleware::Next;
use actix_web::ResponseError;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::error::AppError;

static KEY: OnceLock<Vec<u8>> = OnceLock::new();

/// Sets the sealing key once at start-up (derived from the signing key, so every instance
/// and restart accept each other's cursors).
pub fn set_key(secret: &[u8]) {
    let mut h = Sha256::new();
    h.update(b"kehou-cursor-v1");
    h.update(secret);
    let _ = KEY.set(h.finalize().to_vec());
}

fn key() -> &'static [u8] {
    KEY.get_or_init(|| {
        use rand::RngCore;
        let mut k = vec![0u8; 32];
        rand::thread_rng().fill_bytes(&mut k);
        k
    })
}

/// What a cursor is bound to: the path and every query parameter but `cursor` and `limit`.
pub fn binding(path: &str, query: &str) -> String {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != "cursor" && k != "limit")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.sort();
    let mut h = Sha256::new();
    h.update(path.as_bytes());
    for (k, v) in pairs {
        h.update([0]);
        h.update(k.as_bytes());
        h.update([1]);
        h.update(v.as_bytes());
    }
    hex::encode(&h.finalize()[..8])
}

fn mac(inner: &str, bound: &str) -> String {
    let mut m = Hmac::<Sha256>::new_from_slice(key()).expect("any key length");
    m.update(inner.as_bytes());
    m.update(b".");
    m.update(bound.as_bytes());
    hex::encode(&m.finalize().into_bytes()[..12])
}

/// Seals a plain cursor for the list at `bound`.
pub fn seal(inner: &str, bound: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("{inner}.{bound}.{}", mac(inner, bound)))
}

/// Opens a sealed cursor on the list at `bound`.
pub fn open(sealed: &str, bound: &str) -> Option<String> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(sealed)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())?;
    let mut parts = raw.rsplitn(3, '.');
    let (tag, b, inner) = (parts.next()?, parts.next()?, parts.next()?);
    (b == bound && tag == mac(inner, b)).then(|| inner.to_owned())
}

fn refused() -> AppError {
    AppError::field(
        "cursor",
        "invalid",
        "this cursor is not one this list gave with these filters: start again without it",
    )
}

/// Opens the request's `cursor` and seals the answer's `next_cursor`.
pub async fn cursors(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Lists are reads: other requests pass untouched (no body is buffered for them).
    if !req.path().starts_with("/api/") || req.method() != actix_web::http::Method::GET {
        return next.call(req).await.map(|r| r.map_into_boxed_body());
    }
    let (path, query) = (req.path().to_owned(), req.query_string().to_owned());
    let bound = binding(&path, &query);
    let sent = form_urlencoded::parse(query.as_bytes())
        .find(|(k, v)| k == "cursor" && !v.is_empty())
        .map(|(_, v)| v.into_owned());
    if let Some(sealed) = sent {
        let Some(inner) = open(&sealed, &bound) else {
            let res = refused().error_response();
            return Ok(req.into_response(res));
        };
        let rewritten: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form_urlencoded::parse(query.as_bytes()).map(|(k, v)| {
                if k == "cursor" {
                    (k.into_owned(), inner.clone())
                } else {
                    (k.into_owned(), v.into_owned())
                }
            }))
            .finish();
        if let Ok(uri) = format!("{path}?{rewritten}").parse::<Uri>() {
            req.head_mut().uri = uri;
        }
    }
    let res = next.call(req).await?;
    let json = res
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json || !res.status().is_success() {
        return Ok(res.map_into_boxed_body());
    }
    let (http_req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = to_bytes(body).await.unwrap_or_default();
    const KEY_TEXT: &[u8] = b"\"next_cursor\":\"";
    let Some(at) = bytes.windows(KEY_TEXT.len()).rposition(|w| w == KEY_TEXT) else {
        return Ok(ServiceResponse::new(
            http_req,
            head.set_body(bytes).map_into_boxed_body(),
        ));
    };
    let start = at + KEY_TEXT.len();
    let Some(len) = bytes[start..].iter().position(|b| *b == b'"') else {
        return Ok(ServiceResponse::new(
            http_req,
            head.set_body(bytes).map_into_boxed_body(),
        ));
    };
    let inner = String::from_utf8_lossy(&bytes[start..start + len]).into_owned();
    let mut out = Vec::with_capacity(bytes.len() + 64);
    out.extend_from_slice(&bytes[..start]);
    out.extend_from_slice(seal(&inner, &bound).as_bytes());
    out.extend_from_slice(&bytes[start + len..]);
    let mut res = head.set_body(out).map_into_boxed_body();
    res.headers_mut()
        .remove(actix_web::http::header::CONTENT_LENGTH);
    Ok(ServiceResponse::new(http_req, res))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_opens_only_on_its_own_list_and_filters() {
        let list = binding("/api/v1/schools/1/students", "grade=3&limit=20");
        let same = binding("/api/v1/schools/1/students", "limit=50&grade=3&cursor=x");
        assert_eq!(list, same, "limit and cursor do not bind");
        let sealed = seal("aWQ6NDI", &list);
        assert_eq!(open(&sealed, &same).as_deref(), Some("aWQ6NDI"));
        assert_eq!(
            open(&sealed, &binding("/api/v1/schools/1/students", "grade=4")),
            None
        );
        assert_eq!(
            open(&sealed, &binding("/api/v1/schools/2/students", "grade=3")),
            None
        );
        let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(format!("aWQ6OTk.{list}.000000000000000000000000"));
        assert_eq!(open(&forged, &list), None);
        assert_eq!(open("aWQ6NDI", &list), None, "a bare id cursor is refused");
    }
}
