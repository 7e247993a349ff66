//! Service plan handlers: versions, submission, the district's decision, sessions on a date.

use actix_web::{get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::auth::{Permission, Role, SchoolScope};
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::plans::store::{
    check_plan, insert_plan, move_plan, plan, plans_page, NewServicePlan, PlanReview, ServicePlan,
};

/// Filter by term.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// Only this term.
    pub term_id: Option<i64>,
}

/// Plan versions of the school, in id order (oldest first).
#[utoipa::path(tag = "plans", params(SchoolPath, PlanQuery, PageQuery), responses((status = 200, description = "Plans", body = Page<ServicePlan>), ReadErrors), security(("bearer" = [])))]
#[get("/service-plans")]
pub async fn list_plans(
    scope: SchoolScope,
    query: web::Query<PlanQuery>,
    page: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<ServicePlan>>> {
    // Everyone with a grant here reads the plan: guardians apply from it.
    let (limit, after) = (page.limit()?, page.after()?);
    let (school, term) = (scope.school(), query.term_id);
    let rows = db
        .run(move |c| plans_page(c, school, term, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |p| p.id)))
}

/// Draft a new plan version with its offerings and application window.
#[utoipa::path(tag = "plans", params(SchoolPath), request_body = NewServicePlan, responses((status = 201, description = "Created", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans")]
pub async fn create_plan(
    scope: SchoolScope,
    body: web::Json<NewServicePlan>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    let (school, actor, body) = (scope.school(), scope.actor(), body.into_inner());
    let p = db
        .run(move |c| {
            let bounds = crate::plans::bounds::of_school(c, school)?;
            check_plan(&body, &bounds)?;
            tx(c, |c| insert_plan(c, school, &body, &actor))
        })
        .await?;
    Ok(HttpResponse::Created().json(p))
}

/// One plan version.
#[utoipa::path(tag = "plans", params(SchoolItemPath), responses((status = 200, description = "The plan", body = ServicePlan), ReadErrors), security(("bearer" = [])))]
#[get("/service-plans/{id}")]
pub async fn get_plan(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    let (school, id) = (scope.school(), path.1);
    Ok(web::Json(db.run(move |c| plan(c, school, id)).await?))
}

/// Submit a draft plan to the district for approval.
#[utoipa::path(tag = "plans", params(SchoolItemPath), responses((status = 200, description = "Submitted", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans/{id}/submit")]
pub async fn submit_plan(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    if !scope.roles.contains(&Role::SchoolAdmin) {
        return Err(AppError::forbidden("only school admins submit the plan"));
    }
    let (school, id, actor) = (scope.school(), path.1, scope.actor());
    Ok(web::Json(
        db.run(move |c| {
            tx(c, |c| {
                move_plan(c, school, id, "draft", "submitted", None, &actor)
            })
        })
        .await?,
    ))
}

fn district_reviewer(scope: &SchoolScope) -> Result<(), AppError> {
    if scope.roles.contains(&Role::DistrictAdmin) {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "only the district approves school plans",
        ))
    }
}

/// Approve a submitted plan (district admins). An approved version is immutable.
#[utoipa::path(tag = "plans", params(SchoolItemPath), request_body = PlanReview, responses((status = 200, description = "Approved", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans/{id}/approve")]
pub async fn approve_plan(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<PlanReview>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    district_reviewer(&scope)?;
    body.validate()?;
    let (school, id, actor, comment) = (
        scope.school(),
        path.1,
        scope.actor(),
        body.into_inner().comment,
    );
    Ok(web::Json(
        db.run(move |c| {
            tx(c, |c| {
                move_plan(
                    c,
                    school,
                    id,
                    "submitted",
                    "approved",
                    comment.as_deref(),
                    &actor,
                )
            })
        })
        .await?,
    ))
}

/// Send a submitted plan back (district admins), with a comment.
#[utoipa::path(tag = "plans", params(SchoolItemPath), request_body = PlanReview, responses((status = 200, description = "Rejected", body = ServicePlan), WriteErrors), security(("bearer" = [])))]
#[post("/service-plans/{id}/reject")]
pub async fn reject_plan(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<PlanReview>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServicePlan>> {
    district_reviewer(&scope)?;
    body.validate()?;
    let (school, id, actor, comment) = (
        scope.school(),
        path.1,
        scope.actor(),
        body.into_inner().comment,
    );
    Ok(web::Json(
        db.run(move |c| {
            tx(c, |c| {
                move_plan(
                    c,
                    school,
                    id,
                    "submitted",
                    "rejected",
                    comment.as_deref(),
                    &actor,
                )
            })
        })
        .await?,
    ))
}

/// `?date=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DateQuery {
    /// A school-local date, `YYYY-MM-DD`.
    pub date: chrono::NaiveDate,
}

/// A session that runs on a date.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SessionOnDate {
    pub offering_id: i64,
    pub kind: String,
    pub name: String,
    pub start_time: String,
    pub end_time: String,
    pub early_grades_start_time: Option<String>,
    /// The session's parts on that date (moved with the season's times).
    pub segments: Vec<crate::plans::calendar::Segment>,
}

/// The plan's sessions on a date, with the term calendar and season times applied (the
/// segments move with the season).
#[utoipa::path(tag = "plans", params(SchoolItemPath, DateQuery), responses((status = 200, description = "Sessions", body = crate::http::page::Items<SessionOnDate>), ReadErrors), security(("bearer" = [])))]
#[get("/service-plans/{id}/sessions")]
pub async fn sessions_on(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    query: web::Query<DateQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<crate::http::page::Items<SessionOnDate>>> {
    let (school, id, date) = (scope.school(), path.1, query.date);
    let items = db
        .run(move |c| {
            let p = plan(c, school, id)?;
            let term = crate::roster::store::terms::term(c, school, p.term_id)?;
            Ok(p.offerings
                .iter()
                .filter(|o| crate::plans::calendar::runs_on(&term, &o.weekdays, date))
                .map(|o| {
                    let (start, end) = crate::plans::calendar::times_on(
                        (&o.start_time, &o.end_time),
                        &o.season_times,
                        date,
                    );
                    SessionOnDate {
                        offering_id: o.id,
                        kind: o.kind.clone(),
                        name: o.name.clone(),
                        start_time: start.to_owned(),
                        end_time: end.to_owned(),
                        early_grades_start_time: o.early_grades_start_time.clone(),
                        segments: crate::plans::calendar::segments_on(
                            (&o.start_time, &o.end_time),
                            &o.segments,
                            (start, end),
                        ),
                    }
                })
                .collect())
        })
        .await?;
    Ok(web::Json(crate::http::page::Items { items }))
}
