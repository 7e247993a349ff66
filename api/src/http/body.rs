//! The JSON body and query string of a request, read so that a bad value is answered 422
//! naming its field (`offerings[0].weekdays[2]`, `limit`), not `body` with a parser message.
//! serde_path_to_error tracks the path while serde_json / serde_urlencoded deserialize.
//!
//! A body may be left out when every field of its type is optional (it reads as `{}`).

use std::ops::{Deref, DerefMut};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldError};

/// The largest JSON body.
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// A JSON request body.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Json<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// The field error of a serde message at `path` (`.` when at the top).
fn field_error(path: &str, message: &str) -> FieldError {
    let quoted = message.split('`').nth(1).unwrap_or("");
    let join = |name: &str| {
        if path.is_empty() || path == "." {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    let here = if path.is_empty() || path == "." {
        "body".to_owned()
    } else {
        path.to_owned()
    };
    let short = message.split(" at line ").next().unwrap_or(message);
    if message.starts_with("missing field") {
        FieldError::new(
            join(quoted),
            "required",
            format!("{} is required", join(quoted)),
        )
    } else if message.starts_with("unknown field") {
        FieldError::new(join(quoted), "unknown", short)
    } else if message.starts_with("unknown variant") {
        FieldError::new(here, "enum", short)
    } else if message.starts_with("invalid type") {
        FieldError::new(here, "type", short)
    } else {
        FieldError::new(here, "invalid", short)
    }
}

fn is_json(req: &HttpRequest) -> Option<bool> {
    let v = req.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    let m = v.split(';').next()?.trim().to_ascii_lowercase();
    Some(m == "application/json" || (m.starts_with("application/") && m.ends_with("+json")))
}

/// Reads a JSON body of `T`.
pub fn parse_json<T: DeserializeOwned>(req: &HttpRequest, bytes: &[u8]) -> Result<T, AppError> {
    let empty = bytes.iter().all(u8::is_ascii_whitespace);
    match (is_json(req), empty) {
        (Some(true), false) => {}
        (_, true) => {
            // No body: what `{}` would be (fine when every field is optional).
            return serde_json::from_str("{}").map_err(|e| {
                let msg = e.to_string();
                AppError::Validation(vec![field_error("", &msg)])
            });
        }
        _ => {
            return Err(AppError::UnsupportedMediaType(
                "send the body as Content-Type: application/json".into(),
            ))
        }
    }
    // Every body is an object; serde would also read a struct from an array (`[null, null]`).
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(AppError::Validation(vec![field_error(
            "",
            "invalid type: the body must be a JSON object",
        )]));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            AppError::Validation(vec![field_error(&path, &inner.to_string())])
        } else {
            AppError::BadRequest {
                code: "request.malformed_json",
                detail: format!("the body is not valid JSON: {inner}"),
            }
        }
    })
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Json<T>, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let bytes = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let bytes = bytes.await.map_err(|e| {
                if e.as_response_error().status_code().as_u16() == 413 {
                    AppError::PayloadTooLarge
                } else {
                    AppError::BadRequest {
                        code: "request.unreadable",
                        detail: e.to_string(),
                    }
                }
            })?;
            parse_json(&req, &bytes).map(Json)
        })
    }
}

/// A query string read into `T`; a bad value answers 422 naming the parameter.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Reads a query string into `T`.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let msg = e.into_inner().to_string();
        let mut f = field_error(&path, &msg);
        if f.field == "body" {
            f.field = "query".into();
        }
        if f.code == "invalid" && !path.is_empty() && path != "." {
            f.message = format!("{path}: {msg}");
        }
        AppError::Validation(vec![f])
    })
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = AppError;
    type Future = std::future::Ready<Result<Query<T>, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Offering {
        offering_id: i64,
        weekdays: Vec<u8>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Mode {
        Pickup,
        Alone,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        term_id: i64,
        offerings: Vec<Offering>,
        leave_mode: Mode,
    }

    fn req() -> HttpRequest {
        actix_web::test::TestRequest::default()
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .to_http_request()
    }

    fn field_of(body: &str) -> (String, String) {
        match parse_json::<Body>(&req(), body.as_bytes()) {
            Err(AppError::Validation(e)) => (e[0].field.clone(), e[0].code.clone()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_types_and_values_name_their_field() {
        let ok = r#"{"term_id": 1, "offerings": [{"offering_id": 2, "weekdays": [1]}], "leave_mode": "pickup"}"#;
        assert!(parse_json::<Body>(&req(), ok.as_bytes()).is_ok());
        assert_eq!(
            field_of(r#"{"term_id": "one", "offerings": [], "leave_mode": "pickup"}"#),
            ("term_id".into(), "type".into())
        );
        assert_eq!(
            field_of(
                r#"{"term_id": 1, "offerings": [{"offering_id": 2, "weekdays": [1, "x"]}], "leave_mode": "pickup"}"#
            ),
            ("offerings[0].weekdays[1]".into(), "type".into())
        );
        assert_eq!(
            field_of(r#"{"term_id": 1, "offerings": [], "leave_mode": "teleport"}"#),
            ("leave_mode".into(), "enum".into())
        );
        assert_eq!(
            field_of(r#"{"term_id": 1, "offerings": [{"weekdays": []}], "leave_mode": "alone"}"#),
            ("offerings[0].offering_id".into(), "required".into())
        );
    }

    #[test]
    fn broken_json_is_a_400_and_no_body_reads_as_empty() {
        assert!(matches!(
            parse_json::<Body>(&req(), b"{\"term_id\": "),
            Err(AppError::BadRequest { .. })
        ));
        #[derive(Deserialize)]
        struct AllOptional {
            #[allow(dead_code)]
            comment: Option<String>,
        }
        let bare = actix_web::test::TestRequest::default().to_http_request();
        assert!(parse_json::<AllOptional>(&bare, b"").is_ok());
        let json = actix_web::test::TestRequest::default()
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .to_http_request();
        for not_an_object in [&b"[null, null]"[..], b"null", b"3", b"\"x\""] {
            assert!(matches!(
                parse_json::<AllOptional>(&json, not_an_object),
                Err(AppError::Validation(_))
            ));
        }
        assert!(matches!(
            parse_json::<Body>(&bare, b""),
            Err(AppError::Validation(_))
        ));
    }

    #[test]
    fn bad_query_values_name_their_parameter() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Q {
            limit: Option<i64>,
        }
        match parse_query::<Q>("limit=ten") {
            Err(AppError::Validation(e)) => assert_eq!(e[0].field, "limit"),
            other => panic!("{other:?}"),
        }
        assert!(parse_query::<Q>("limit=10").is_ok());
    }
}
