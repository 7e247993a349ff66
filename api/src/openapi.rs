//! The OpenAPI document: info, security scheme and shared error responses. Paths and
//! schemas are collected from the handlers by utoipa-actix-web (see `lib.rs`).

use std::collections::BTreeMap;

use serde::Deserialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{IntoParams, IntoResponses, Modify, OpenApi};

use crate::error::{Problem, PROBLEM_JSON};

/// Info, tags, the bearer scheme, and the problem schema.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kehou API",
        version = "1.0.0",
        description = "课后 — the after-school service of primary and middle schools: roster, \
applications, grouping, custody and fees. Tenant resources live under `/api/v1/schools/{school_id}`; \
errors are RFC 9457 problem+json with a stable `code`."
    ),
    components(schemas(Problem, crate::error::FieldError)),
    modifiers(&Security),
    tags(
        (name = "ops", description = "Health and readiness"),
        (name = "auth", description = "Login, tokens, the current caller"),
        (name = "roster", description = "Districts, schools, terms, homerooms, students, guardians, staff, rooms"),
        (name = "imports", description = "Roster import jobs and exports"),
        (name = "audit", description = "The audit log"),
        (name = "applications", description = "Service plans, texts, informed families, applications and their review"),
        (name = "integration", description = "Machine clients of districts and parent apps"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

fn problem(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

fn responses(list: &[(&str, &str)]) -> BTreeMap<String, RefOr<Response>> {
    list.iter()
        .map(|(code, d)| (code.to_string(), problem(d)))
        .collect()
}

const COMMON: [(&str, &str); 7] = [
    (
        "400",
        "The request cannot be read (malformed JSON or query)",
    ),
    ("401", "Missing, invalid or expired token"),
    ("403", "The caller's role may not do this"),
    (
        "404",
        "Not found, or belongs to a school the caller has no grant for",
    ),
    ("429", "Too many requests"),
    ("500", "A bug; the request id identifies it in the logs"),
    (
        "503",
        "The database is busy or down; retry after `Retry-After`",
    ),
];

/// The problem responses of a read operation.
pub struct ReadErrors;

impl IntoResponses for ReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut r = responses(&COMMON);
        r.insert("422".into(), problem("Invalid query parameters"));
        r
    }
}

/// The problem responses of a write operation.
pub struct WriteErrors;

impl IntoResponses for WriteErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut r = responses(&COMMON);
        r.extend(responses(&[
            (
                "409",
                "Conflicts with the current state (e.g. a duplicate key)",
            ),
            ("412", "The `If-Match` version is stale"),
            ("413", "The payload is too large"),
            ("415", "The content type is not accepted"),
            (
                "422",
                "Invalid fields (each named in `errors`) or a refused rule",
            ),
            ("423", "The account is locked"),
            ("428", "An update was sent without `If-Match`"),
        ]));
        r
    }
}

/// The `{school_id}` path parameter of every tenant resource.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SchoolPath {
    /// The school.
    pub school_id: i64,
}

/// `{school_id}` and `{id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SchoolItemPath {
    /// The school.
    pub school_id: i64,
    /// The resource.
    pub id: i64,
}

/// The whole document, built from the routes without starting a server.
pub fn document() -> utoipa::openapi::OpenApi {
    crate::api_routes(actix_web::App::new()).split_for_parts().1
}

/// The document as JSON, rendered once at start-up.
pub struct SpecJson(pub String);

/// `GET /api/v1/openapi.json`.
pub async fn serve_json(spec: actix_web::web::Data<SpecJson>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(spec.0.clone())
}
