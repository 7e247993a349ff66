//! Mid-term changes: an approved application changes its offerings or weekdays from a
//! date on. The old seats are given up (the queue moves up) and the new ones taken, in one
//! transaction; the history records the change with its effective date.

use actix_web::{post, web};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::applications::model::{Reviewer, Status};
use crate::applications::read;
use crate::applications::seats::replace;
use crate::applications::store::{checked_choices, event, Application, OfferingChoice};
use crate::audit;
use crate::auth::SchoolScope;
use crate::db::schema::applications;
use crate::db::types::Instant;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{SchoolItemPath, WriteErrors};
use crate::plans::store as plan;

/// A change of offerings or weekdays.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ApplicationChange {
    /// The new set of offerings (replaces the old one).
    #[validate(length(min = 1, max = 20), nested)]
    #[schema(min_items = 1, max_items = 20)]
    pub offerings: Vec<OfferingChoice>,
    /// From this date on; fees use it.
    pub effective_date: NaiveDate,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

/// Change an approved application's offerings or weekdays (guardian or school admin).
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = ApplicationChange, responses((status = 200, description = "Changed", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/changes")]
pub async fn change_application(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<ApplicationChange>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    let (school, id, b) = (scope.school(), path.1, body.into_inner());
    let app = db
        .run(move |c| {
            tx(c, |c| {
                let app = read::get(c, school, id)?;
                let mut f = read::Filter::default();
                crate::applications::routes::visible_for(c, &scope, &mut f)?;
                if !f.student_ids.as_ref().is_none_or(|ids| ids.contains(&app.student_id)) {
                    return Err(AppError::NotFound("application"));
                }
                if !matches!(crate::applications::routes::reviewer_for(c, &scope, app.student_id)?, Reviewer::Guardian | Reviewer::SchoolAdmin) {
                    return Err(AppError::forbidden("guardians or a school admin change an application"));
                }
                if app.status != Status::Approved {
                    return Err(AppError::Conflict { code: "application.wrong_status", detail: "only an approved application changes mid-term; edit others before review".into() });
                }
                // Claim the version read above inside the write: a second change racing with
                // this one waits, then finds the application changed (412) — no lost update.
                let now = Utc::now();
                let claimed = diesel::update(
                    applications::table
                        .filter(applications::school_id.eq(school))
                        .filter(applications::id.eq(id))
                        .filter(applications::version.eq(app.version)),
                )
                .set((applications::version.eq(app.version + 1), applications::updated_at.eq(Instant(now))))
                .execute(c)?;
                if claimed != 1 {
                    return Err(AppError::Stale);
                }
                let p = plan::plan(c, school, app.plan_id)?;
                let student = crate::roster::store::students::get(c, school, app.student_id)?;
                let chosen = checked_choices(c, school, &p, &student, &b.offerings, None, &[])?;
                replace(c, school, id, &app.offerings, &chosen)?;
                let comment = format!("effective {}{}", b.effective_date, b.comment.as_deref().map(|c| format!(": {c}")).unwrap_or_default());
                event(c, school, id, "change", Some(Status::Approved), Status::Approved, &scope.actor(), Some(&comment), now)?;
                audit::Event::in_school(school, "application.change").on("application", id).before(&app.offerings).after(&b).record(c, &scope.actor())?;
                read::get(c, school, id)
            })
        })
        .await?;
    Ok(web::Json(app))
}
