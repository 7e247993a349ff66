//! Kehou (课后): the after-school service of primary and middle schools.
//!
//! `api_routes` declares every API operation (and so the OpenAPI document);
//! `server::build_app` adds state, middleware, docs and the SPA.

pub mod applications;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod clubs;
pub mod config;
pub mod db;
pub mod demo_clubs;
pub mod error;
pub mod events;
pub mod fallback;
pub mod headers;
pub mod health;
pub mod http;
pub mod imports;
pub mod integration;
pub mod notifications;
pub mod onboarding;
pub mod openapi;
pub mod peer;
pub mod plans;
pub mod provision;
pub mod reports;
pub mod request_id;
pub mod roster;
pub mod seed;
pub mod server;
pub mod service_requests;
pub mod texts;

use actix_web::dev::{ServiceFactory, ServiceRequest};
use utoipa::OpenApi;
use utoipa_actix_web::{scope, AppExt, UtoipaApp};

/// Every API operation, mounted on `app`.
pub fn api_routes<T>(app: actix_web::App<T>) -> UtoipaApp<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = actix_web::Error, InitError = ()>,
{
    app.into_utoipa_app()
        .openapi(openapi::ApiDoc::openapi())
        .service(health::healthz)
        .service(health::readyz)
        .service(
            scope::scope("/api/v1")
                .route(
                    "/openapi.json",
                    actix_web::web::get().to(openapi::serve_json),
                )
                .configure(auth::endpoints::configure)
                .configure(roster::routes::configure)
                .configure(onboarding::routes::configure)
                .configure(integration::routes::configure)
                .configure(events::routes::configure)
                .configure(notifications::configure)
                .configure(plans::configure)
                .configure(texts::configure)
                .configure(reports::configure)
                .service(
                    scope::scope("/schools/{school_id}")
                        .wrap(actix_web::middleware::from_fn(auth::tenant_guard))
                        .configure(roster::routes::configure_school)
                        .configure(onboarding::routes::configure_school)
                        .configure(audit::routes::configure_school)
                        .configure(imports::routes::configure_school)
                        .configure(plans::configure_school)
                        .configure(texts::configure_school)
                        .configure(clubs::configure_school)
                        .configure(applications::configure_school)
                        .configure(service_requests::configure_school)
                        .configure(reports::configure_school),
                ),
        )
}
