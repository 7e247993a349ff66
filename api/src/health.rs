//! `/healthz` (the process is up) and `/readyz` (the database answers).

use actix_web::{get, web, HttpResponse};
use diesel::connection::SimpleConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::{Backend, Db};
use crate::error::AppError;
use crate::openapi::ReadErrors;

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
#[utoipa::path(tag = "ops", responses((status = 200, description = "Up", body = Health)), security(()))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
        database: None,
    })
}

/// Readiness: the database answers a query.
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
