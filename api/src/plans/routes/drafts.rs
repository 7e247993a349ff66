//! `/schools/{school_id}/service-plans/{id}`: editing and deleting a draft, taking a
//! submitted plan back, moving an approved plan's application window.

use actix_web::{delete, patch, post, put, web, HttpResponse};
use validator::Validate;

use crate::auth::{Ability, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{SchoolItemPath, WriteErrors};
use crate::http::precondition::{with_etag, IfMatch};
use crate::plans::drafts;
use crate::plans::model::PlanStep;
use crate::plans::types::{NewServicePlan, ServicePlan, WindowEdit};

/// Replace a draft's window, exemption categories and offerings (school admins). Send
/// `If-Match`; the term stays. Submitted, approved and rejected versions are not edited:
/// withdraw a submitted one first, draft a new version after a decision.
#[utoipa::path(tag = "plans", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = NewServicePlan, responses((status = 200, description = "Updated", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[put("/service-plans/{id}")]
pub async fn edit_plan(
    if_match: IfMatch,
    scope: SchoolScope,
    clock: Clock,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<NewServicePlan>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    versioned_write(
        if_match,
        scope,
        clock,
        path.id,
        body,
        &db,
        drafts::edit_draft,
    )
    .await
}

/// Delete a draft with its offerings (school admins). Send `If-Match`. Only drafts: a
/// version that reached the district stays on record.
#[utoipa::path(tag = "plans", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), responses((status = 204, description = "Deleted"), WriteErrors), security(("bearer" = [])))]
#[delete("/service-plans/{id}")]
pub async fn delete_plan(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require_ability(Ability::EditPlans)?;
    let version = if_match.version()?;
    let (school, id, actor) = (scope.school(), path.id, scope.actor());
    db.run(move |c| tx(c, |c| drafts::delete_draft(c, school, id, version, &actor)))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Take a submitted plan back to edit it, before the district decides (school admins).
#[utoipa::path(tag = "plans", params(SchoolItemPath), responses((status = 200, description = "Back to draft", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans/{id}/withdraw")]
pub async fn withdraw_plan(
    scope: SchoolScope,
    clock: Clock,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    super::service_plans::take_step(scope, clock, path.id, PlanStep::Withdraw, None, &db).await
}

/// Extend an approved plan's application window, or close it early (school admins). Send
/// `If-Match`. No new plan version: the change is recorded with its reason in the plan's
/// `window_changes`, which the district sees.
#[utoipa::path(tag = "plans", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = WindowEdit, responses((status = 200, description = "Window changed", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[patch("/service-plans/{id}/window")]
pub async fn change_window(
    if_match: IfMatch,
    scope: SchoolScope,
    clock: Clock,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<WindowEdit>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    versioned_write(
        if_match,
        scope,
        clock,
        path.id,
        body,
        &db,
        drafts::change_window,
    )
    .await
}

/// A plan write of the store: (connection, school, plan, version read, body, actor, now).
type Write<B> = fn(
    &mut crate::db::DbConn,
    crate::auth::SchoolId,
    i64,
    i64,
    &B,
    &crate::audit::Actor,
    chrono::DateTime<chrono::Utc>,
) -> Result<ServicePlan, crate::error::AppError>;

/// A store write of a school admin's, guarded by the plan's version: the ability, the body,
/// `If-Match`, one transaction, the plan with its new `ETag`.
async fn versioned_write<B: Validate + Send + 'static>(
    if_match: IfMatch,
    scope: SchoolScope,
    clock: Clock,
    id: i64,
    body: crate::http::body::Json<B>,
    db: &Db,
    write: Write<B>,
) -> AppResult<HttpResponse> {
    scope.require_ability(Ability::EditPlans)?;
    body.validate()?;
    let version = if_match.version()?;
    let (school, actor, body, now) = (
        scope.school(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let p = db
        .run(move |c| tx(c, |c| write(c, school, id, version, &body, &actor, now)))
        .await?;
    Ok(with_etag(p.version, &p))
}
