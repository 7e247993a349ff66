//! Bulk review: one step and one decision for many applications, each in its own
//! transaction so one refusal does not block the rest.

use actix_web::{post, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::applications::read;
use crate::applications::routes::Review;
use crate::applications::store;
use crate::applications::store::Step;
use crate::auth::{Role, SchoolScope};
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{SchoolPath, WriteErrors};

/// A review of many applications at once (one step, one decision).
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct BulkReview {
    #[validate(length(min = 1, max = 500))]
    #[schema(min_items = 1, max_items = 500)]
    pub ids: Vec<i64>,
    pub step: crate::applications::routes::ReviewStep,
    #[validate(nested)]
    pub review: Review,
}

/// The outcome for one application of a bulk review.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BulkResult {
    pub id: i64,
    /// The new status, or null when refused.
    pub status: Option<String>,
    /// The problem code when refused.
    pub error: Option<String>,
}

/// Review many applications: each one is its own transaction, so one refusal does not block the rest.
#[utoipa::path(tag = "applications", params(SchoolPath), request_body = BulkReview, responses((status = 200, description = "Per-application outcome", body = Vec<BulkResult>), WriteErrors), security(("bearer" = [])))]
#[post("/applications/bulk-review")]
pub async fn bulk_review(
    scope: SchoolScope,
    body: web::Json<BulkReview>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Vec<BulkResult>>> {
    body.validate()?;
    let b = body.into_inner();
    let action = crate::applications::routes::review_action(b.step, b.review.decision);
    if !scope.roles.iter().any(|r| {
        matches!(
            r,
            Role::SchoolAdmin | Role::DistrictAdmin | Role::HomeroomTeacher
        )
    }) {
        return Err(AppError::forbidden("only reviewers review"));
    }
    let school = scope.school();
    let step = Step {
        comment: b.review.comment.clone(),
        reason: b.review.reason,
        effective_date: None,
    };
    let results = db
        .run(move |c| {
            let mut out = Vec::new();
            for id in b.ids {
                let r = tx(c, |c| {
                    let app = read::get(c, school, id)?;
                    let who = crate::applications::routes::reviewer_for(c, &scope, app.student_id)?;
                    store::act(
                        c,
                        school,
                        id,
                        action,
                        who,
                        &step,
                        &scope.actor(),
                        Utc::now(),
                    )?;
                    read::get(c, school, id)
                });
                out.push(match r {
                    Ok(a) => BulkResult {
                        id,
                        status: Some(a.status.as_str().to_owned()),
                        error: None,
                    },
                    Err(e) => BulkResult {
                        id,
                        status: None,
                        error: Some(e.code()),
                    },
                });
            }
            Ok(out)
        })
        .await?;
    Ok(web::Json(results))
}
