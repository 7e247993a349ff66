//! Optimistic concurrency: updates carry `If-Match: "<version>"`; responses carry `ETag`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use crate::error::AppError;

/// The version the client last read, from `If-Match` (`"3"`, `W/"3"` or `3`).
pub fn if_match(req: &HttpRequest) -> Result<i64, AppError> {
    let raw = req
        .headers()
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .ok_or(AppError::PreconditionRequired)?;
    raw.trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .map_err(|_| AppError::BadRequest {
            code: "precondition.malformed",
            detail: "If-Match must be the resource's version, e.g. \"3\"".into(),
        })
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
