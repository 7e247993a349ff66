//! The review state machine from the outside: submit, the class review (班级审核), the
//! school review (学校复核), withdraw, and the bulk review.

use actix_web::{post, web};
use validator::Validate;

use crate::applications::model::{review_action, Action};
use crate::applications::store::transition::{self, Details};
use crate::applications::types::{
    Application, BulkResult, BulkReview, Review, ReviewStep, Withdrawal,
};
use crate::auth::{Ability, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{SchoolItemPath, SchoolPath, WriteErrors};

/// One move by the caller, in one transaction.
async fn step(
    scope: SchoolScope,
    id: i64,
    action: Action,
    details: Details,
    db: &Db,
    clock: Clock,
) -> AppResult<web::Json<Application>> {
    let app = db
        .run(move |c| {
            tx(c, |c| {
                transition::step(c, &scope, id, action, details, clock.now())
            })
        })
        .await?;
    Ok(web::Json(app))
}

async fn review(
    scope: SchoolScope,
    id: i64,
    body: Review,
    which: ReviewStep,
    db: &Db,
    clock: Clock,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    let details = Details {
        comment: body.comment,
        reason: body.reason,
        effective_date: None,
    };
    step(
        scope,
        id,
        review_action(which, body.decision),
        details,
        db,
        clock,
    )
    .await
}

/// Submit a draft or an application returned for changes.
#[utoipa::path(tag = "applications", params(SchoolItemPath), responses((status = 200, description = "Submitted", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/submit")]
pub async fn submit_application(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<Application>> {
    step(
        scope,
        path.id,
        Action::Submit,
        Details::default(),
        &db,
        clock,
    )
    .await
}

/// The class review (班级审核): the student's homeroom teacher, or a school admin.
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = Review, responses((status = 200, description = "Reviewed", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/class-review")]
pub async fn class_review(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<Review>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<Application>> {
    review(
        scope,
        path.id,
        body.into_inner(),
        ReviewStep::Class,
        &db,
        clock,
    )
    .await
}

/// The school review (学校复核): school admins.
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = Review, responses((status = 200, description = "Reviewed", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/school-review")]
pub async fn school_review(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<Review>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<Application>> {
    review(
        scope,
        path.id,
        body.into_inner(),
        ReviewStep::School,
        &db,
        clock,
    )
    .await
}

/// Withdraw (guardian or school admin): the enrollment ends on the effective date and
/// its seats go to the first in each queue.
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = Withdrawal, responses((status = 200, description = "Withdrawn", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/withdraw")]
pub async fn withdraw_application(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<Withdrawal>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    let details = Details {
        comment: body.comment.clone(),
        reason: None,
        effective_date: body.effective_date,
    };
    step(scope, path.id, Action::Withdraw, details, &db, clock).await
}

/// Review many applications: each one is its own transaction, so one refusal does not block the rest.
#[utoipa::path(tag = "applications", params(SchoolPath), request_body = BulkReview, responses((status = 200, description = "Per-application outcome", body = Vec<BulkResult>), WriteErrors), security(("bearer" = [])))]
#[post("/applications/bulk-review")]
pub async fn bulk_review(
    scope: SchoolScope,
    body: crate::http::body::Json<BulkReview>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<Vec<BulkResult>>> {
    body.validate()?;
    let b = body.into_inner();
    let action = review_action(b.step, b.review.decision);
    scope.require_ability(Ability::ReviewApplications)?;
    let details = Details {
        comment: b.review.comment.clone(),
        reason: b.review.reason,
        effective_date: None,
    };
    let results = db
        .run(move |c| {
            Ok(transition::review_many(
                c,
                &scope,
                &b.ids,
                action,
                &details,
                clock.now(),
            ))
        })
        .await?;
    Ok(web::Json(results))
}
