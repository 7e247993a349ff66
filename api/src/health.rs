//! `/healthz` (the process is up) and `/readyz` (the database answers).

use actix_web::{get, web, HttpResponse};
use diesel::connection::SimpleConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::{Backend, Db};
use crate::error::AppError;
use crate::http::docs::ReadErrors;

/// Health status.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: String,
    /// `sqlite` or `postgres` (readiness only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
}

/// Liveness: the process answers.
///
/// For a process supervisor or load balancer: 200 as long as the server runs, without
/// touching the database (a slow database does not get the process restarted).
#[utoipa::path(tag = "ops", responses((status = 200, description = "Up", body = Health)), security(()))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
        database: None,
    })
}

/// Readiness: the database answers a query.
///
/// 200 when the server can serve requests; 503 `service_unavailable` while the database
/// does not answer, so that a load balancer sends traffic elsewhere.
#[utoipa::path(tag = "ops", responses((status = 200, description = "Ready", body = Health), ReadErrors), security(()))]
#[get("/readyz")]
pub async fn readyz(db: web::Data<Db>) -> Result<HttpResponse, AppError> {
    db.run(|c| {
        c.batch_execute("SELECT 1")
            .map_err(|e| AppError::Unavailable(e.to_string()))
    })
    .await?;
    let database = match db.backend() {
        Backend::Postgres => "postgres",
        Backend::Sqlite => "sqlite",
    };
    Ok(HttpResponse::Ok().json(Health {
        status: "ok".into(),
        database: Some(database.into()),
    }))
}

/// What a client may show about this server before anyone signs in.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InstanceInfo {
    /// The server holds the demo school, whose accounts' password is public (演示数据):
    /// the login page must say so, and nobody should enter real pupils' data.
    pub demo_data: bool,
    /// The server's version.
    pub version: String,
}

/// About this server: whether it holds demo data (public, no sign-in).
///
/// The SPA reads it before sign-in to show the demo accounts on a demo server; an
/// integrator can read the server's version.
#[utoipa::path(tag = "ops", responses((status = 200, description = "About this server", body = InstanceInfo), ReadErrors), security(()))]
#[get("/instance")]
pub async fn instance(info: web::Data<InstanceInfo>) -> HttpResponse {
    HttpResponse::Ok().json(info.get_ref())
}
