//! One error type for the whole service, rendered as RFC 9457 `application/problem+json`
//! with a stable machine `code` (`feature.reason`).

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The problem+json content type.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct FieldError {
    /// The field's name as sent (`name`, `guardians[0].phone`, a file column …).
    pub field: String,
    /// A stable code (`required`, `length`, `range`, `format`, `unknown` …).
    pub code: String,
    /// A human-readable message.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the problem type.
    #[serde(rename = "type")]
    pub type_: String,
    /// A short summary of the problem type.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// A stable machine code, e.g. `auth.invalid_credentials`.
    pub code: String,
    /// For validation problems: each invalid field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
    /// On `/auth/token` only: the RFC 6749 §5.2 error (`invalid_request`, `invalid_client`,
    /// `unsupported_grant_type`, `invalid_scope`), for standard OAuth2 client libraries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// On `/auth/token` only: the same as `detail` (RFC 6749 §5.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// The RFC 6749 §5.2 errors the token endpoint answers with.
pub const OAUTH_ERRORS: &[&str] = &[
    "invalid_request",
    "invalid_client",
    "unsupported_grant_type",
    "invalid_scope",
];

/// The RFC 6749 §5.2 error of a token-endpoint code.
fn oauth_error(code: &str) -> Option<&'static str> {
    let name = code.strip_prefix("auth.")?;
    OAUTH_ERRORS.iter().find(|e| **e == name).copied()
}

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request cannot be read.
    #[error("{detail}")]
    BadRequest { code: &'static str, detail: String },
    /// 401: no or bad credentials.
    #[error("{detail}")]
    Unauthenticated { code: &'static str, detail: String },
    /// 403: authenticated but not allowed.
    #[error("{detail}")]
    Forbidden { code: &'static str, detail: String },
    /// 404: not found (also: another school's resource).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// 405 with the allowed methods.
    #[error("method not allowed")]
    MethodNotAllowed(String),
    /// 409: conflicts with the current state.
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    /// 428: an update without `If-Match`.
    #[error("send If-Match with the version you read")]
    PreconditionRequired,
    /// 412: the `If-Match` version is stale.
    #[error("the resource was changed by someone else")]
    Stale,
    /// 413
    #[error("payload too large")]
    PayloadTooLarge,
    /// 415
    #[error("unsupported media type")]
    UnsupportedMediaType(String),
    /// 422: invalid fields.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 422: a domain rule refuses the request.
    #[error("{detail}")]
    Unprocessable { code: &'static str, detail: String },
    /// 423: the account is locked.
    #[error("{detail}")]
    Locked { code: &'static str, detail: String },
    /// 429 with a retry delay in seconds.
    #[error("too many requests")]
    RateLimited {
        code: &'static str,
        retry_after: u64,
    },
    /// 503: the database or another dependency is not available now.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// 500: a bug. The detail is logged, never sent.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// Shorthand for a 422 validation failure on one field.
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> AppError {
        AppError::Validation(vec![FieldError::new(field, code, message)])
    }

    /// Shorthand for 403 `auth.forbidden`.
    pub fn forbidden(detail: impl Into<String>) -> AppError {
        AppError::Forbidden {
            code: "auth.forbidden",
            detail: detail.into(),
        }
    }

    /// The stable code of this error.
    pub fn code(&self) -> String {
        match self {
            AppError::BadRequest { code, .. }
            | AppError::Unauthenticated { code, .. }
            | AppError::Forbidden { code, .. }
            | AppError::Conflict { code, .. }
            | AppError::Unprocessable { code, .. }
            | AppError::Locked { code, .. }
            | AppError::RateLimited { code, .. } => (*code).to_owned(),
            AppError::NotFound(_) => "not_found".into(),
            AppError::MethodNotAllowed(_) => "method_not_allowed".into(),
            AppError::Stale => "precondition_failed".into(),
            AppError::PreconditionRequired => "precondition_required".into(),
            AppError::PayloadTooLarge => "payload_too_large".into(),
            AppError::UnsupportedMediaType(_) => "unsupported_media_type".into(),
            AppError::Validation(_) => "validation_failed".into(),
            AppError::Unavailable(_) => "service_unavailable".into(),
            AppError::Internal(_) => "internal".into(),
        }
    }

    fn detail(&self) -> String {
        match self {
            AppError::Internal(_) => "an internal error occurred; it has been logged".into(),
            AppError::Unavailable(_) => "the service is busy; retry shortly".into(),
            AppError::NotFound(what) => format!("{what} not found"),
            AppError::UnsupportedMediaType(m) => m.clone(),
            AppError::Validation(errors) => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                format!("invalid fields: {}", fields.join(", "))
            }
            other => other.to_string(),
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        let code = self.code();
        let error = oauth_error(&code).map(str::to_owned);
        Problem {
            error_description: error.as_ref().map(|_| self.detail()),
            error,
            type_: format!(
                "https://kehou.dev/problems/{}",
                self.code().replace('.', "/")
            ),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.detail(),
            code,
            errors: match self {
                AppError::Validation(e) => Some(e.clone()),
                _ => None,
            },
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated { .. } => StatusCode::UNAUTHORIZED,
            AppError::Forbidden { .. } => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::Stale => StatusCode::PRECONDITION_FAILED,
            AppError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Validation(_) | AppError::Unprocessable { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::Locked { .. } => StatusCode::LOCKED,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Internal(e) => log::error!("internal error: {e:#}"),
            AppError::Unavailable(why) => log::warn!("unavailable: {why}"),
            _ => {}
        }
        let mut res = HttpResponse::build(self.status_code());
        res.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        match self {
            AppError::MethodNotAllowed(allow) => {
                res.insert_header((header::ALLOW, allow.as_str()));
            }
            AppError::RateLimited { retry_after, .. } => {
                res.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            AppError::Unavailable(_) => {
                res.insert_header((header::RETRY_AFTER, "1"));
            }
            AppError::Unauthenticated { .. } => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            _ => {}
        }
        res.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

/// Maps a unique-index violation to 409 `code` with `detail`, and any other database error
/// as usual: `.map_err(unique_as("club.duplicate_name", "…"))`.
pub fn unique_as(
    code: &'static str,
    detail: impl Into<String>,
) -> impl FnOnce(diesel::result::Error) -> AppError {
    let detail = detail.into();
    move |e| match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => AppError::Conflict { code, detail },
        e => e.into(),
    }
}

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut out = Vec::new();
        collect_validation("", &errors, &mut out);
        out.sort_by(|a, b| a.field.cmp(&b.field));
        AppError::Validation(out)
    }
}

fn collect_validation(
    prefix: &str,
    errors: &validator::ValidationErrors,
    out: &mut Vec<FieldError>,
) {
    use validator::ValidationErrorsKind as K;
    for (field, kind) in errors.errors() {
        let name = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            K::Field(list) => {
                for e in list {
                    let message = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| describe(&name, e));
                    out.push(FieldError::new(name.clone(), e.code.to_string(), message));
                }
            }
            K::Struct(inner) => collect_validation(&name, inner, out),
            K::List(items) => {
                for (i, inner) in items {
                    collect_validation(&format!("{name}[{i}]"), inner, out);
                }
            }
        }
    }
}

fn describe(name: &str, e: &validator::ValidationError) -> String {
    let p = |k: &str| e.params.get(k).map(|v| v.to_string());
    match (e.code.as_ref(), p("min"), p("max")) {
        ("range", Some(min), Some(max)) => format!("{name} must be between {min} and {max}"),
        ("length", Some(min), Some(max)) => format!("{name} must have {min} to {max} characters"),
        ("length", Some(min), None) => format!("{name} must have at least {min} characters"),
        ("length", None, Some(max)) => format!("{name} must have at most {max} characters"),
        (code, _, _) => format!("{name} is invalid ({code})"),
    }
}

/// The result type of handlers and stores.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::to_bytes;

    async fn render(e: AppError) -> (u16, serde_json::Value) {
        let res = e.error_response();
        let status = res.status().as_u16();
        assert_eq!(res.headers().get("content-type").unwrap(), PROBLEM_JSON);
        let body = to_bytes(res.into_body()).await.unwrap();
        (status, serde_json::from_slice(&body).unwrap())
    }

    #[actix_web::test]
    async fn validation_names_each_field() {
        let (status, body) = render(AppError::Validation(vec![
            FieldError::new("name", "required", "name is required"),
            FieldError::new("grade", "range", "grade must be 1–9"),
        ]))
        .await;
        assert_eq!(status, 422);
        assert_eq!(body["code"], "validation_failed");
        assert_eq!(body["errors"][1]["field"], "grade");
        assert_eq!(body["errors"][1]["code"], "range");
    }

    #[actix_web::test]
    async fn internal_errors_hide_their_cause() {
        let (status, body) = render(AppError::Internal(anyhow::anyhow!("secret sql text"))).await;
        assert_eq!(status, 500);
        assert!(!body["detail"].as_str().unwrap().contains("secret"));
    }

    #[actix_web::test]
    async fn each_variant_has_its_status_and_code() {
        let cases = vec![
            (AppError::NotFound("student"), 404, "not_found"),
            (AppError::Stale, 412, "precondition_failed"),
            (AppError::PayloadTooLarge, 413, "payload_too_large"),
            (
                AppError::RateLimited {
                    code: "auth.rate_limited",
                    retry_after: 30,
                },
                429,
                "auth.rate_limited",
            ),
            (
                AppError::Locked {
                    code: "auth.locked",
                    detail: "locked".into(),
                },
                423,
                "auth.locked",
            ),
            (
                AppError::Unavailable("x".into()),
                503,
                "service_unavailable",
            ),
        ];
        for (e, status, code) in cases {
            let (s, body) = render(e).await;
            assert_eq!((s, body["code"].as_str().unwrap()), (status, code));
        }
    }
}
