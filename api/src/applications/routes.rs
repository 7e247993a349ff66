//! `/schools/{school_id}/applications`: apply (guardians, staff on their behalf, parent
//! apps), review in two steps, withdraw. Guardians see only their children's applications;
//! homeroom teachers review only their own homerooms.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::applications::model::{Action, RejectReason, Reviewer, Status};
use crate::applications::read;
use crate::applications::store::{self, Application, NewApplication, Step, Who};
use crate::auth::need_to_know::{Field, Viewer};
use crate::auth::{CallerKind, SchoolScope};
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::clock::Clock;
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::idempotency::{self, IdempotencyKey};
use crate::http::page::{Page, PageQuery};
use crate::roster::relation::Reach;

/// Who the caller is for this student's application.
pub(crate) fn reviewer_for(
    c: &mut DbConn,
    scope: &SchoolScope,
    student_id: i64,
) -> Result<Reviewer, AppError> {
    crate::roster::relation::relation_to(c, scope, student_id)
}

/// Who applies or edits, for the acceptance evidence: the student's guardian (portal), or
/// their homeroom teacher or a school admin on the family's behalf (SPA).
/// A guardian signed in through a parent app acts through `api_client:<id>`.
pub(crate) fn who_for(scope: &SchoolScope, reviewer: Reviewer) -> Result<Who, AppError> {
    let (kind, channel) = match reviewer {
        Reviewer::Guardian => ("guardian", guardian_channel(&scope.caller)),
        Reviewer::SchoolAdmin | Reviewer::HomeroomTeacher => ("staff", "spa".to_owned()),
        Reviewer::OtherStaff => {
            return Err(AppError::forbidden(
                "guardians, their homeroom teacher or a school admin apply",
            ))
        }
    };
    Ok(Who {
        actor: scope.actor(),
        kind: kind.into(),
        id: scope.caller.id,
        channel,
    })
}

/// Where a guardian acts: the portal, or the parent app they signed in through.
pub(crate) fn guardian_channel(caller: &crate::auth::Caller) -> String {
    caller
        .via_client
        .map_or_else(|| "portal".to_owned(), |id| format!("api_client:{id}"))
}

/// The application as the caller may see it: the exemption claim only for the family and
/// the roles the need-to-know matrix allows.
pub(crate) fn cut(scope: &SchoolScope, viewer: &Viewer, mut a: Application) -> Application {
    if scope.caller.kind != CallerKind::Guardian
        && !viewer.sees(Field::Exemptions, Some(a.homeroom_id))
    {
        a.exemption_category = None;
        a.exemption_note = None;
    }
    a
}

/// Limits a list to what the caller may see.
pub(crate) fn visible_for(
    c: &mut DbConn,
    scope: &SchoolScope,
    f: &mut read::Filter,
) -> Result<(), AppError> {
    match crate::roster::relation::reach_of(c, scope)? {
        Reach::All => {}
        Reach::Students(ids) => f.student_ids = Some(ids),
        Reach::Homerooms(ids) => f.homeroom_ids = Some(ids),
    }
    Ok(())
}

/// Filters of the application list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationQuery {
    pub term_id: Option<i64>,
    pub status: Option<Status>,
    pub homeroom_id: Option<i64>,
    /// Items per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Applications the caller may see: a guardian their children's, a homeroom teacher their
/// homerooms', school admins all.
#[utoipa::path(tag = "applications", params(SchoolPath, ApplicationQuery), responses((status = 200, description = "Applications", body = Page<Application>), ReadErrors), security(("bearer" = [])))]
#[get("/applications")]
pub async fn list_applications(
    scope: SchoolScope,
    query: web::Query<ApplicationQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Application>>> {
    let q = query.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (limit, after) = (page.limit()?, page.after()?);
    let school = scope.school();
    let viewer = Viewer::of(&scope);
    let items = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            let mut f = read::Filter {
                term_id: q.term_id,
                status: q.status,
                homeroom_ids: q.homeroom_id.map(|h| vec![h]),
                student_ids: None,
            };
            let wanted = f.homeroom_ids.clone();
            visible_for(c, &scope, &mut f)?;
            if let (Some(w), Some(allowed)) = (wanted, f.homeroom_ids.as_mut()) {
                allowed.retain(|h| w.contains(h));
            }
            let ids = read::ids(c, school, &f, after, limit)?;
            Ok(read::get_many(c, school, &ids)?
                .into_iter()
                .map(|a| cut(&scope, &viewer, a))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(web::Json(Page::from_rows(items, limit, |a| a.id)))
}

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
    body: web::Json<NewApplication>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let body = body.into_inner();
    let raw = serde_json::to_string(&body).unwrap_or_default();
    let school = scope.school();
    let key = key.scoped(&scope, "create_application");
    let (status, json) = db
        .run(move |c| {
            tx(c, |c| {
                // Authorised first: a key is looked at only for a caller who may do this.
                let who = who_for(&scope, reviewer_for(c, &scope, body.student_id)?)?;
                idempotency::once(c, school, key.as_deref(), &raw, |c| {
                    let id = store::create(c, school, &body, &who, clock.now())?;
                    let json = serde_json::to_string(&read::get(c, school, id)?)
                        .map_err(|e| AppError::Internal(e.into()))?;
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

/// One application with its offerings, acceptance evidence and history.
#[utoipa::path(tag = "applications", params(SchoolItemPath), responses((status = 200, description = "The application", body = Application), ReadErrors), security(("bearer" = [])))]
#[get("/applications/{id}")]
pub async fn get_application(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Application>> {
    let (school, id, viewer) = (scope.school(), path.1, Viewer::of(&scope));
    let app = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            let app = cut(&scope, &viewer, read::get(c, school, id)?);
            let mut f = read::Filter::default();
            visible_for(c, &scope, &mut f)?;
            let allowed = f
                .student_ids
                .as_ref()
                .is_none_or(|s| s.contains(&app.student_id))
                && f.homeroom_ids
                    .as_ref()
                    .is_none_or(|h| h.contains(&app.homeroom_id));
            if !allowed {
                return Err(AppError::NotFound("application"));
            }
            Ok(app)
        })
        .await?;
    Ok(web::Json(app))
}

/// A review decision.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct Review {
    /// approve, return (for changes) or reject.
    pub decision: Decision,
    /// Required to reject; `other` needs a comment.
    pub reason: Option<RejectReason>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

/// A reviewer's decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Return,
    Reject,
}

/// A withdrawal.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct Withdrawal {
    /// The enrollment ends on this date (default: today); fees use it.
    pub effective_date: Option<NaiveDate>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

async fn step(
    scope: SchoolScope,
    id: i64,
    action: Action,
    s: Step,
    db: &Db,
) -> AppResult<web::Json<Application>> {
    let school = scope.school();
    let app = db
        .run(move |c| {
            tx(c, |c| {
                let app = read::get(c, school, id)?;
                let mut f = read::Filter::default();
                visible_for(c, &scope, &mut f)?;
                if !f
                    .student_ids
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&app.student_id))
                {
                    return Err(AppError::NotFound("application"));
                }
                let who = reviewer_for(c, &scope, app.student_id)?;
                store::act(c, school, id, action, who, &s, &scope.actor(), Utc::now())?;
                read::get(c, school, id)
            })
        })
        .await?;
    Ok(web::Json(app))
}

/// Which review: the class review (班级审核) or the school review (学校复核).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStep {
    Class,
    School,
}

/// The state-machine action of a decision in a review step.
pub(crate) fn review_action(step: ReviewStep, decision: Decision) -> Action {
    match (step, decision) {
        (ReviewStep::Class, Decision::Approve) => Action::ClassApprove,
        (ReviewStep::Class, Decision::Return) => Action::ClassReturn,
        (ReviewStep::Class, Decision::Reject) => Action::ClassReject,
        (ReviewStep::School, Decision::Approve) => Action::SchoolApprove,
        (ReviewStep::School, Decision::Return) => Action::SchoolReturn,
        (ReviewStep::School, Decision::Reject) => Action::SchoolReject,
    }
}

async fn review(
    scope: SchoolScope,
    id: i64,
    body: Review,
    review_step: ReviewStep,
    db: &Db,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    let s = Step {
        comment: body.comment,
        reason: body.reason,
        effective_date: None,
    };
    step(scope, id, review_action(review_step, body.decision), s, db).await
}

/// Submit a draft or an application returned for changes.
#[utoipa::path(tag = "applications", params(SchoolItemPath), responses((status = 200, description = "Submitted", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/submit")]
pub async fn submit_application(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Application>> {
    step(scope, path.1, Action::Submit, Step::default(), &db).await
}

/// The class review (班级审核): the student's homeroom teacher, or a school admin.
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = Review, responses((status = 200, description = "Reviewed", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/class-review")]
pub async fn class_review(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<Review>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Application>> {
    review(scope, path.1, body.into_inner(), ReviewStep::Class, &db).await
}

/// The school review (学校复核): school admins.
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = Review, responses((status = 200, description = "Reviewed", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/school-review")]
pub async fn school_review(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<Review>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Application>> {
    review(scope, path.1, body.into_inner(), ReviewStep::School, &db).await
}

/// Withdraw (guardian or school admin): the enrollment ends on the effective date and
/// its seats go to the first in each queue.
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = Withdrawal, responses((status = 200, description = "Withdrawn", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/withdraw")]
pub async fn withdraw_application(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<Withdrawal>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    let s = Step {
        comment: body.comment.clone(),
        reason: None,
        effective_date: body.effective_date,
    };
    step(scope, path.1, Action::Withdraw, s, &db).await
}
