//! The OpenAPI document: info, security scheme and shared error responses. Paths and
//! schemas are collected from the handlers by utoipa-actix-web (see `lib.rs`).

use utoipa::openapi::security::{
    ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme,
};
use utoipa::{Modify, OpenApi};

pub mod access;
mod access_district;
mod access_table;
mod descriptions;
mod enums;
mod examples;
pub mod polish;

use crate::error::Problem;

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
        (name = "roster", description = "Schools, terms, homerooms, students, guardians, staff, rooms"),
        (name = "districts", description = "A district brings its schools on: schools with their figures, the district's own staff; staff logins by invitation"),
        (name = "imports", description = "Roster import jobs and exports"),
        (name = "audit", description = "The audit log"),
        (name = "plans", description = "Service plans (一校一案), the district's bounds, sessions on a date"),
        (name = "texts", description = "The notice, application form and agreement; templates; receipts and the informed report"),
        (name = "clubs", description = "The club catalogue and the vetting of external teachers"),
        (name = "applications", description = "Applications, their two-step review, seats, changes, withdrawals, enrollments"),
        (name = "service_requests", description = "Day registrations and special late service"),
        (name = "reports", description = "Application statistics, the approved list, the district's figures"),
        (name = "integration", description = "Machine clients of districts and parent apps"),
        (name = "events", description = "The event feed and signed webhooks (Standard Webhooks)"),
        (name = "notifications", description = "The caller's in-app notifications and unread count"),
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
        let scopes = crate::integration::SCOPE_DESCRIPTIONS
            .iter()
            .map(|(s, d)| (s.to_string(), d.to_string()));
        components.add_security_scheme(
            "oauth2",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(
                    "/api/v1/auth/token",
                    Scopes::from_iter(scopes),
                ))],
                "Machine clients (district systems, parent apps): RFC 6749 client credentials \
at /api/v1/auth/token, HTTP Basic or body authentication. The token is sent as a bearer token.",
            )),
        );
    }
}

/// The document as the routes declare it, built without starting a server (its paths and
/// operations; what is published adds [`polish`] to it).
pub fn document() -> utoipa::openapi::OpenApi {
    crate::api_routes(actix_web::App::new()).split_for_parts().1
}

/// The published document as JSON.
pub fn published() -> serde_json::Value {
    polish::polish(&document())
}

/// The published document as JSON text.
pub fn published_json() -> anyhow::Result<String> {
    Ok(serde_json::to_string(&published())?)
}

/// The published document as YAML (`openapi.yaml`).
pub fn published_yaml() -> anyhow::Result<String> {
    Ok(serde_norway::to_string(&published())?)
}

/// The document as JSON, rendered once at start-up.
pub struct SpecJson(pub String);

/// `GET /api/v1/openapi.json`.
pub async fn serve_json(spec: actix_web::web::Data<SpecJson>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(spec.0.clone())
}
