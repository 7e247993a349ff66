//! Editing an application before it is reviewed (a draft, or one returned for changes),
//! and changing an approved one mid-term. Both claim the version inside the write, so of
//! two editors holding the same version the second finds it stale (412); both replace the
//! family's choices as a whole, kept offerings keeping their seat.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::create::{checked_choices, Who};
use super::history::{self, Entry};
use super::{club_choices, read, seats};
use crate::applications::error::ApplicationError;
use crate::applications::model::{changeable, editable, window_open, Reviewer, Status};
use crate::applications::policy;
use crate::applications::types::{Application, ApplicationChange, ApplicationEdit};
use crate::audit;
use crate::auth::{SchoolId, SchoolScope};
use crate::db::schema::{applications, club_choices as choices};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::store as plan;
use crate::roster::relation::{reach_of, relation_to};
use crate::texts::store::versions as texts;

/// Claims `expected` as the application's version (the write itself is the guard).
fn claim_version(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    expected: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let claimed = diesel::update(
        applications::table
            .filter(applications::school_id.eq(school))
            .filter(applications::id.eq(id))
            .filter(applications::version.eq(expected)),
    )
    .set((
        applications::version.eq(expected + 1),
        applications::updated_at.eq(Instant(now)),
    ))
    .execute(c)?;
    if claimed == 1 {
        Ok(())
    } else {
        Err(AppError::Stale)
    }
}

/// Edits a draft or a returned application for the caller (the student's guardian,
/// their homeroom teacher or a school admin) holding version `expected`.
pub fn edit(
    c: &mut DbConn,
    scope: &SchoolScope,
    id: i64,
    expected: i64,
    b: &ApplicationEdit,
    now: DateTime<Utc>,
) -> Result<Application, AppError> {
    let school = scope.school();
    let app = read::get(c, school, id)?;
    if !policy::sees(&reach_of(c, scope)?, &app) {
        return Err(AppError::NotFound("application"));
    }
    let who = policy::who_for(scope, relation_to(c, scope, app.student_id)?)?;
    editable(app.status)?;
    claim_version(c, school, id, expected, now)?;
    let p = plan::plan(c, school, app.plan_id)?;
    if app.status == Status::Draft && !window_open(now, p.window_opens_at, p.window_closes_at) {
        return Err(ApplicationError::WindowClosed(
            "applications are closed; a draft can no longer be edited".into(),
        )
        .into());
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
    let accepted = reaccept(c, school, &app, b)?;
    let hold = app.status != Status::Draft;
    seats::replace(c, school, id, &app.offerings, &chosen, hold, now)?;
    rechoose_clubs(c, school, &app, &b.club_choices, &student)?;
    store_choices(c, school, id, b, now)?;
    if let Some((text_id, sha)) = accepted {
        store_acceptance(c, school, id, &who, text_id, &sha, now)?;
    }
    history::record(
        c,
        school,
        id,
        &who.actor,
        now,
        Entry::new("edit", Some(app.status), app.status),
    )?;
    audit::Event::in_school(school, "application.edit")
        .on("application", id)
        .before(&app)
        .after(b)
        .record(c, &who.actor)?;
    read::get(c, school, id)
}

/// A changed club ranking gives up the current placement and is placed again; the same
/// ranking keeps it.
fn rechoose_clubs(
    c: &mut DbConn,
    school: SchoolId,
    app: &Application,
    wanted: &[i64],
    student: &crate::roster::model::Student,
) -> Result<(), AppError> {
    let mut current = app.club_choices.clone();
    current.sort_by_key(|x| x.rank);
    let ranked: Vec<i64> = current.into_iter().map(|x| x.club_id).collect();
    if ranked == wanted {
        return Ok(());
    }
    club_choices::release_clubs(c, school, app.id)?;
    diesel::delete(
        choices::table
            .filter(choices::school_id.eq(school))
            .filter(choices::application_id.eq(app.id)),
    )
    .execute(c)?;
    let hold = app.status != Status::Draft;
    club_choices::choose(c, school, app.term_id, app.id, student, wanted, hold)
}

fn store_choices(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    b: &ApplicationEdit,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let ids: Vec<String> = b.pickup_person_ids.iter().map(i64::to_string).collect();
    diesel::update(
        applications::table
            .filter(applications::school_id.eq(school))
            .filter(applications::id.eq(id)),
    )
    .set((
        applications::leave_mode.eq(b.leave_mode.as_str()),
        applications::pickup_person_ids.eq(ids.join(",")),
        applications::exemption_category.eq(b.exemption.as_ref().map(|e| e.category.clone())),
        applications::exemption_note.eq(b.exemption.as_ref().map(|e| e.note.clone())),
        applications::updated_at.eq(Instant(now)),
    ))
    .execute(c)?;
    Ok(())
}

fn store_acceptance(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    who: &Who,
    text_id: i64,
    sha: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::update(
        applications::table
            .filter(applications::school_id.eq(school))
            .filter(applications::id.eq(id)),
    )
    .set((
        applications::agreement_text_id.eq(text_id),
        applications::agreement_sha256.eq(sha),
        applications::accepted_by_kind.eq(&who.kind),
        applications::accepted_by_id.eq(who.id),
        applications::accepted_channel.eq(&who.channel),
        applications::accepted_at.eq(Instant(now)),
    ))
    .execute(c)?;
    Ok(())
}

/// The agreement to record anew, if a version newer than the accepted one is current:
/// then the edit must accept exactly that version.
fn reaccept(
    c: &mut DbConn,
    school: SchoolId,
    app: &Application,
    b: &ApplicationEdit,
) -> Result<Option<(i64, String)>, AppError> {
    let Some(current) = texts::current(c, school, app.term_id, "agreement")? else {
        return Ok(None);
    };
    let offered = b.agreement_text_id.filter(|_| b.accept_agreement);
    if current.id == app.acceptance.text_id && offered.is_none_or(|t| t == current.id) {
        return Ok(None);
    }
    if offered != Some(current.id) {
        return Err(ApplicationError::AgreementNotCurrent(format!(
            "the agreement changed: accept the current version {} (text {})",
            current.version_no, current.id
        ))
        .into());
    }
    Ok(Some((current.id, current.sha256)))
}

/// Changes an approved application's offerings or weekdays from a date on (its guardian
/// or a school admin). The old seats go to the queue; fees read the effective date.
pub fn change(
    c: &mut DbConn,
    scope: &SchoolScope,
    id: i64,
    b: &ApplicationChange,
    now: DateTime<Utc>,
) -> Result<Application, AppError> {
    let school = scope.school();
    let app = read::get(c, school, id)?;
    if !policy::family_sees(&reach_of(c, scope)?, &app) {
        return Err(AppError::NotFound("application"));
    }
    if !matches!(
        relation_to(c, scope, app.student_id)?,
        Reviewer::Guardian | Reviewer::SchoolAdmin
    ) {
        return Err(AppError::forbidden(
            "guardians or a school admin change an application",
        ));
    }
    changeable(app.status)?;
    claim_version(c, school, id, app.version, now)?;
    let p = plan::plan(c, school, app.plan_id)?;
    let student = crate::roster::store::students::get(c, school, app.student_id)?;
    let chosen = checked_choices(c, school, &p, &student, &b.offerings, None, &[])?;
    seats::replace(c, school, id, &app.offerings, &chosen, true, now)?;
    let comment = format!(
        "effective {}{}",
        b.effective_date,
        b.comment
            .as_deref()
            .map(|c| format!(": {c}"))
            .unwrap_or_default()
    );
    let entry =
        Entry::new("change", Some(Status::Approved), Status::Approved).with_comment(Some(&comment));
    history::record(c, school, id, &scope.actor(), now, entry)?;
    audit::Event::in_school(school, "application.change")
        .on("application", id)
        .before(&app.offerings)
        .after(b)
        .record(c, &scope.actor())?;
    read::get(c, school, id)
}
