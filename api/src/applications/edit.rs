//! Editing an application before it is reviewed: a draft, or one the school returned for
//! changes. The family's choices are replaced as a whole; kept offerings keep their seat,
//! a changed club ranking is placed again, and a new agreement version must be accepted.

use actix_web::{patch, web, HttpResponse};
use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::applications::model::{LeaveMode, Status};
use crate::applications::read;
use crate::applications::seats;
use crate::applications::store::{
    checked_choices, event, Application, ExemptionClaim, OfferingChoice,
};
use crate::audit;
use crate::auth::SchoolId;
use crate::auth::SchoolScope;
use crate::db::schema::{applications, club_choices};
use crate::db::types::Instant;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{SchoolItemPath, WriteErrors};
use crate::http::precondition::{with_etag, IfMatch};
use crate::plans::store as plan;
use crate::texts::versions as texts;

/// The family's choices, replacing the application's.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ApplicationEdit {
    #[validate(length(min = 1, max = 20), nested)]
    #[schema(min_items = 1, max_items = 20)]
    pub offerings: Vec<OfferingChoice>,
    pub leave_mode: LeaveMode,
    #[serde(default)]
    #[validate(length(max = 10))]
    #[schema(max_items = 10)]
    pub pickup_person_ids: Vec<i64>,
    /// Null withdraws an exemption claim.
    #[validate(nested)]
    pub exemption: Option<ExemptionClaim>,
    /// Club ids, first choice first (at most 5). A changed ranking gives up the current
    /// placement and is placed again; the same ranking keeps it.
    #[serde(default)]
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub club_choices: Vec<i64>,
    /// Needed only when a new agreement version was published since the family accepted:
    /// the current version's id, with `accept_agreement: true`.
    pub agreement_text_id: Option<i64>,
    #[serde(default)]
    pub accept_agreement: bool,
}

/// Edit a draft or an application returned for changes (the student's guardian, their
/// homeroom teacher or a school admin). Needs `If-Match` with the application's version.
/// A returned application may be edited after the window closes; a draft may not.
#[utoipa::path(
    tag = "applications",
    params(SchoolItemPath, ("If-Match" = String, Header, description = "The application's version, e.g. \"3\"")),
    request_body = ApplicationEdit,
    responses((status = 200, description = "Edited", body = Application), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/applications/{id}")]
pub async fn edit_application(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<ApplicationEdit>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let expected = if_match.version()?;
    let (school, id, b) = (scope.school(), path.1, body.into_inner());
    let app = db
        .run(move |c| {
            tx(c, |c| {
                let app = read::get(c, school, id)?;
                let mut f = read::Filter::default();
                crate::applications::routes::visible_for(c, &scope, &mut f)?;
                let visible = f
                    .student_ids
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&app.student_id))
                    && f.homeroom_ids
                        .as_ref()
                        .is_none_or(|h| h.contains(&app.homeroom_id));
                if !visible {
                    return Err(AppError::NotFound("application"));
                }
                let who = crate::applications::routes::who_for(
                    &scope,
                    crate::applications::routes::reviewer_for(c, &scope, app.student_id)?,
                )?;
                if !matches!(app.status, Status::Draft | Status::ReturnedForChanges) {
                    return Err(AppError::Conflict {
                        code: "application.wrong_status",
                        detail: format!(
                            "only a draft or an application returned for changes is edited; this one is {}",
                            app.status.as_str()
                        ),
                    });
                }
                // The version is claimed by the write itself: of two editors holding the same
                // version, the second waits for the first and then finds it stale (412).
                let claimed = diesel::update(
                    applications::table
                        .filter(applications::school_id.eq(school))
                        .filter(applications::id.eq(id))
                        .filter(applications::version.eq(expected)),
                )
                .set(applications::version.eq(expected + 1))
                .execute(c)?;
                if claimed != 1 {
                    return Err(AppError::Stale);
                }
                let now = Utc::now();
                let p = plan::plan(c, school, app.plan_id)?;
                if app.status == Status::Draft
                    && (now < p.window_opens_at || now > p.window_closes_at)
                {
                    return Err(AppError::Unprocessable {
                        code: "application.window_closed",
                        detail: "applications are closed; a draft can no longer be edited".into(),
                    });
                }
                let student = crate::roster::store::students::get(c, school, app.student_id)?;
                let chosen = checked_choices(
                    c,
                    school,
                    &p,
                    &student,
                    &b.offerings,
                    b.exemption.as_ref(),
                    &b.pickup_person_ids,
                )?;
                let accepted = reaccept(c, school, &app, &b)?;
                seats::replace(c, school, id, &app.offerings, &chosen)?;
                let ranked: Vec<i64> = {
                    let mut r = app.club_choices.clone();
                    r.sort_by_key(|x| x.rank);
                    r.into_iter().map(|x| x.club_id).collect()
                };
                if ranked != b.club_choices {
                    crate::applications::club_choices::release_clubs(c, school, id)?;
                    diesel::delete(club_choices::table.filter(club_choices::application_id.eq(id)))
                        .execute(c)?;
                    crate::applications::club_choices::choose(
                        c,
                        school,
                        app.term_id,
                        id,
                        student.grade,
                        student.homeroom_id,
                        &b.club_choices,
                    )?;
                }
                let ids: Vec<String> = b.pickup_person_ids.iter().map(i64::to_string).collect();
                diesel::update(
                    applications::table
                        .filter(applications::school_id.eq(school))
                        .filter(applications::id.eq(id)),
                )
                    .set((
                        applications::leave_mode.eq(b.leave_mode.as_str()),
                        applications::pickup_person_ids.eq(ids.join(",")),
                        applications::exemption_category
                            .eq(b.exemption.as_ref().map(|e| e.category.clone())),
                        applications::exemption_note.eq(b.exemption.as_ref().map(|e| e.note.clone())),
                        applications::updated_at.eq(Instant(now)),
                    ))
                    .execute(c)?;
                if let Some((text_id, sha)) = accepted {
                    diesel::update(applications::table.filter(applications::id.eq(id)))
                        .set((
                            applications::agreement_text_id.eq(text_id),
                            applications::agreement_sha256.eq(sha),
                            applications::accepted_by_kind.eq(&who.kind),
                            applications::accepted_by_id.eq(who.id),
                            applications::accepted_channel.eq(&who.channel),
                            applications::accepted_at.eq(Instant(now)),
                        ))
                        .execute(c)?;
                }
                event(c, school, id, "edit", Some(app.status), app.status, &who.actor, None, now)?;
                audit::Event::in_school(school, "application.edit").on("application", id).before(&app).after(&b).record(c, &who.actor)?;
                read::get(c, school, id)
            })
        })
        .await?;
    Ok(with_etag(app.version, &app))
}

/// The agreement to record anew, if a version newer than the accepted one is current:
/// then the edit must accept exactly that version.
fn reaccept(
    c: &mut crate::db::DbConn,
    school: SchoolId,
    app: &Application,
    b: &ApplicationEdit,
) -> Result<Option<(i64, String)>, AppError> {
    let current = texts::current(c, school, app.term_id, "agreement")?;
    let Some(current) = current else {
        return Ok(None);
    };
    let offered = b.agreement_text_id.filter(|_| b.accept_agreement);
    if current.id == app.acceptance.text_id && offered.is_none_or(|t| t == current.id) {
        return Ok(None);
    }
    if offered != Some(current.id) {
        return Err(AppError::Unprocessable {
            code: "application.agreement_not_current",
            detail: format!(
                "the agreement changed: accept the current version {} (text {})",
                current.version_no, current.id
            ),
        });
    }
    Ok(Some((current.id, current.sha256)))
}
