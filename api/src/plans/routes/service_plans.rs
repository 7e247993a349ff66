//! `/schools/{school_id}/service-plans`: plan versions, the school's submission, the
//! district's decision, the sessions of a date.

use actix_web::{get, post, web, HttpResponse};
use validator::Validate;

use crate::auth::{Permission, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Items, Page, PageQuery};
use crate::plans::model::PlanStep;
use crate::plans::store;
use crate::plans::types::{
    DateQuery, NewServicePlan, PlanQuery, PlanReview, ServicePlan, SessionOnDate,
};

/// Plan versions of the school, in id order (oldest first).
#[utoipa::path(tag = "plans", params(SchoolPath, PlanQuery, PageQuery), responses((status = 200, description = "Plans", body = Page<ServicePlan>), ReadErrors), security(("bearer" = [])))]
#[get("/service-plans")]
pub async fn list_plans(
    scope: SchoolScope,
    query: crate::http::body::Query<PlanQuery>,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<ServicePlan>>> {
    // Everyone with a grant here reads the plans: guardians (and their apps) the approved
    // ones they apply from, never a draft or one under review.
    let (limit, after) = (page.limit()?, page.after()?);
    let (school, term, family) = (scope.school(), query.term_id, families_only(&scope));
    let rows = db
        .run(move |c| store::plans_page(c, school, term, family, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |p| p.id)))
}

/// Draft a new plan version with its offerings and application window.
#[utoipa::path(tag = "plans", params(SchoolPath), request_body = NewServicePlan, responses((status = 201, description = "Created", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans")]
pub async fn create_plan(
    scope: SchoolScope,
    clock: Clock,
    body: crate::http::body::Json<NewServicePlan>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    let (school, actor, body, now) = (
        scope.school(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let p = db
        .run(move |c| tx(c, |c| store::draft_plan(c, school, &body, &actor, now)))
        .await?;
    Ok(HttpResponse::Created().json(p))
}

/// One plan version.
#[utoipa::path(tag = "plans", params(SchoolItemPath), responses((status = 200, description = "The plan", body = ServicePlan), ReadErrors), security(("bearer" = [])))]
#[get("/service-plans/{id}")]
pub async fn get_plan(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    let (school, id, family) = (scope.school(), path.id, families_only(&scope));
    let p = db.run(move |c| store::plan(c, school, id)).await?;
    if family && p.status != "approved" {
        return Err(crate::error::AppError::NotFound("service plan"));
    }
    Ok(web::Json(p))
}

/// Whether the caller is a family (a guardian, or a parent app acting for one), who sees
/// approved plans only.
fn families_only(scope: &SchoolScope) -> bool {
    scope.caller.kind == crate::auth::CallerKind::Guardian
}

/// Submit a draft plan to the district for approval.
#[utoipa::path(tag = "plans", params(SchoolItemPath), responses((status = 200, description = "Submitted", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans/{id}/submit")]
pub async fn submit_plan(
    scope: SchoolScope,
    clock: Clock,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    take_step(scope, clock, path.id, PlanStep::Submit, None, &db).await
}

/// Approve a submitted plan (district admins). An approved version is immutable.
#[utoipa::path(tag = "plans", params(SchoolItemPath), request_body = PlanReview, responses((status = 200, description = "Approved", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans/{id}/approve")]
pub async fn approve_plan(
    scope: SchoolScope,
    clock: Clock,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<PlanReview>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    take_step(scope, clock, path.id, PlanStep::Approve, Some(body), &db).await
}

/// Send a submitted plan back (district admins), with a comment.
#[utoipa::path(tag = "plans", params(SchoolItemPath), request_body = PlanReview, responses((status = 200, description = "Rejected", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans/{id}/reject")]
pub async fn reject_plan(
    scope: SchoolScope,
    clock: Clock,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<PlanReview>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    take_step(scope, clock, path.id, PlanStep::Reject, Some(body), &db).await
}

/// The one shape of the review steps: the step's ability, the review's fields, the guarded
/// move in one transaction.
pub(super) async fn take_step(
    scope: SchoolScope,
    clock: Clock,
    id: i64,
    step: PlanStep,
    review: Option<crate::http::body::Json<PlanReview>>,
    db: &Db,
) -> AppResult<web::Json<ServicePlan>> {
    scope.require_ability(step.ability())?;
    if let Some(r) = &review {
        r.validate()?;
    }
    let comment = review.and_then(|r| r.into_inner().comment);
    let (school, actor, now) = (scope.school(), scope.actor(), clock.now());
    let p = db
        .run(move |c| {
            tx(c, |c| {
                store::move_plan(c, school, id, step, comment.as_deref(), &actor, now)
            })
        })
        .await?;
    Ok(web::Json(p))
}

/// The plan's sessions on a date, with the term calendar and season times applied (the
/// segments move with the season).
#[utoipa::path(tag = "plans", params(SchoolItemPath, DateQuery), responses((status = 200, description = "Sessions", body = crate::http::page::Items<SessionOnDate>), ReadErrors), security(("bearer" = [])))]
#[get("/service-plans/{id}/sessions")]
pub async fn sessions_on(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    query: crate::http::body::Query<DateQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Items<SessionOnDate>>> {
    let (school, id, date, family) = (scope.school(), path.id, query.date, families_only(&scope));
    let items = db
        .run(move |c| store::sessions_on(c, school, id, date, family))
        .await?;
    Ok(web::Json(Items { items }))
}
