//! Optimistic concurrency: updates carry `If-Match: "<version>"`; responses carry `ETag`.

use actix_web::http::header;
use actix_web::{dev::Payload, FromRequest, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::error::AppError;

/// The `If-Match` header of an update. Extracting never fails, so the caller's role and
/// body are checked first; [`IfMatch::version`] then answers 428 without it and 400 when it
/// is not a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfMatch(Option<String>);

impl IfMatch {
    /// The version the client last read: the `ETag` of its read (`"3-1f0c9a2b7d4e5a61"`),
    /// or the bare version (`"3"`, `3`). `If-Match` compares strongly (RFC 9110 §13.1.1): a
    /// weak tag (`W/"3"`) never matches, so it answers 412.
    pub fn version(&self) -> Result<i64, AppError> {
        let raw = self
            .0
            .as_deref()
            .ok_or(AppError::PreconditionRequired)?
            .trim();
        if raw.starts_with("W/") {
            return Err(AppError::Stale);
        }
        let tag = raw.trim_matches('"');
        tag.split('-')
            .next()
            .unwrap_or(tag)
            .parse()
            .map_err(|_| AppError::BadRequest {
                code: "precondition.malformed",
                detail: "If-Match must be the ETag you read, e.g. \"3-1f0c9a2b7d4e5a61\"".into(),
            })
    }
}

impl FromRequest for IfMatch {
    type Error = AppError;
    type Future = std::future::Ready<Result<IfMatch, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let raw = req
            .headers()
            .get(header::IF_MATCH)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        std::future::ready(Ok(IfMatch(raw)))
    }
}

/// 200 with the body and its version as `ETag`.
pub fn with_etag<T: Serialize>(version: i64, body: &T) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, format!("\"{version}\"")))
        .json(body)
}

/// 201 with the body and its version as `ETag`.
pub fn created<T: Serialize>(version: i64, body: &T) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::ETAG, format!("\"{version}\"")))
        .json(body)
}
