//! Mid-term changes: an approved application changes its offerings or weekdays from a
//! date on. The old seats are given up (the queue moves up) and the new ones taken, in one
//! transaction; the history records the change with its effective date.

use actix_web::{post, web};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::model::{weekdays_offered, Reviewer, Status};
use super::seats::{place, release_one};
use super::store::{event, Application, OfferingChoice};
use super::{plan, read};
use crate::audit;
use crate::auth::SchoolScope;
use crate::db::schema::{application_offerings, applications};
use crate::db::types::Instant;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::openapi::{SchoolItemPath, WriteErrors};

/// A change of offerings or weekdays.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ApplicationChange {
    /// The new set of offerings (replaces the old one).
    #[validate(length(min = 1, max = 20))]
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
    let (school, id, b) = (scope.school_id, path.1, body.into_inner());
    let app = db
        .run(move |c| {
            tx(c, |c| {
                let app = read::get(c, school, id)?;
                let mut f = read::Filter::default();
                super::routes::visible_for(c, &scope, &mut f)?;
                if !f.student_ids.as_ref().is_none_or(|ids| ids.contains(&app.student_id)) {
                    return Err(AppError::NotFound("application"));
                }
                if !matches!(super::routes::reviewer_for(c, &scope, app.student_id)?, Reviewer::Guardian | Reviewer::SchoolAdmin) {
                    return Err(AppError::forbidden("guardians or a school admin change an application"));
                }
                if app.status != Status::Approved {
                    return Err(AppError::Conflict { code: "application.wrong_status", detail: "only an approved application changes mid-term; edit others before review".into() });
                }
                let p = plan::plan(c, school, app.plan_id)?;
                let student = crate::roster::store::students::get(c, school, app.student_id)?;
                let mut chosen = Vec::new();
                for (i, ch) in b.offerings.iter().enumerate() {
                    let o = p.offerings.iter().find(|o| o.id == ch.offering_id).ok_or_else(|| AppError::field(&format!("offerings[{i}].offering_id"), "not_found", "not an offering of the plan"))?;
                    let days = if ch.weekdays.is_empty() { o.weekdays.clone() } else { ch.weekdays.clone() };
                    if !o.grades.contains(&student.grade) || !weekdays_offered(&days, &o.weekdays) {
                        return Err(AppError::Unprocessable { code: "application.weekday_not_offered", detail: format!("{} is not offered to this student on those days", o.name) });
                    }
                    chosen.push((o.clone(), days));
                }
                // Kept offerings keep their seat (only the weekdays change); dropped ones give
                // it up to the queue; new ones take a seat or join the queue.
                let kept = |oid: i64| chosen.iter().any(|(o, _)| o.id == oid);
                for old in app.offerings.iter().filter(|o| o.placement != "left") {
                    if !kept(old.offering_id) {
                        release_one(c, school, id, old.offering_id)?;
                        diesel::delete(application_offerings::table.filter(application_offerings::application_id.eq(id)).filter(application_offerings::offering_id.eq(old.offering_id))).execute(c)?;
                    }
                }
                for (o, days) in &chosen {
                    let held = app.offerings.iter().any(|x| x.offering_id == o.id && x.placement != "left");
                    if held {
                        diesel::update(application_offerings::table.filter(application_offerings::application_id.eq(id)).filter(application_offerings::offering_id.eq(o.id)))
                            .set(application_offerings::weekdays.eq(super::model::weekdays_to_text(days)))
                            .execute(c)?;
                    } else {
                        diesel::delete(application_offerings::table.filter(application_offerings::application_id.eq(id)).filter(application_offerings::offering_id.eq(o.id))).execute(c)?;
                        place(c, school, id, o, days)?;
                    }
                }
                let now = Utc::now();
                diesel::update(applications::table.filter(applications::id.eq(id)))
                    .set((applications::version.eq(applications::version + 1), applications::updated_at.eq(Instant(now))))
                    .execute(c)?;
                let comment = format!("effective {}{}", b.effective_date, b.comment.as_deref().map(|c| format!(": {c}")).unwrap_or_default());
                event(c, school, id, "change", Some(Status::Approved), Status::Approved, &scope.actor(), Some(&comment), now)?;
                audit::record(c, &scope.actor(), Some(school), "application.change", "application", Some(id), audit::snapshot(&app.offerings), audit::snapshot(&b))?;
                read::get(c, school, id)
            })
        })
        .await?;
    Ok(web::Json(app))
}
