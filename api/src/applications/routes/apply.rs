//! Applying for a student: the guardian (portal, parent app), or the homeroom teacher or a
//! school admin on the family's behalf. Idempotent with an `Idempotency-Key`.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpResponse};
use validator::Validate;

use crate::applications::policy;
use crate::applications::store::{create, read};
use crate::applications::types::{Application, NewApplication};
use crate::auth::SchoolScope;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::clock::Clock;
use crate::http::docs::{SchoolPath, WriteErrors};
use crate::http::idempotency::{self, IdempotencyKey};
use crate::roster::relation::relation_to;

/// Apply for a student. Idempotent with an `Idempotency-Key` header.
#[utoipa::path(
    tag = "applications",
    params(SchoolPath, ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    request_body = NewApplication,
    responses((status = 201, description = "Created", body = Application), WriteErrors),
    security(("bearer" = []))
)]
#[post("/applications")]
pub async fn create_application(
    scope: SchoolScope,
    key: IdempotencyKey,
    body: crate::http::body::Json<NewApplication>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let body = body.into_inner();
    let raw = serde_json::to_string(&body).unwrap_or_default();
    let (school, key) = (scope.school(), key.scoped(&scope, "create_application"));
    let (status, json) = db
        .run(move |c| {
            tx(c, |c| {
                // Authorised first: a key is looked at only for a caller who may do this.
                let who = policy::who_for(&scope, relation_to(c, &scope, body.student_id)?)?;
                idempotency::once(c, school, key.as_deref(), &raw, |c| {
                    let id = create::create(c, school, &body, &who, clock.now())?;
                    let app = read::get(c, school, id)?;
                    let json =
                        serde_json::to_string(&app).map_err(|e| AppError::Internal(e.into()))?;
                    Ok((201, json))
                })
            })
        })
        .await?;
    Ok(
        HttpResponse::build(StatusCode::from_u16(status as u16).unwrap_or(StatusCode::CREATED))
            .content_type("application/json")
            .body(json),
    )
}
