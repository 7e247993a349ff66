//! Creating an application: every rule checked inside one transaction (the plan approved,
//! the window open, the current agreement accepted, each offering fitting the student),
//! then seats taken and clubs chosen.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::history::{self, Entry};
use crate::applications::error::ApplicationError;
use crate::applications::model::{offering_days, window_open, Status};
use crate::applications::store::seats::place;
use crate::applications::types::{ExemptionClaim, NewApplication, OfferingChoice};
use crate::audit::{self, snapshot, Actor};
use crate::auth::SchoolId;
use crate::db::schema::{applications, pickup_persons};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::store::approved_plan;
use crate::plans::types::{Offering, ServicePlan};
use crate::roster::model::{Student, StudentFlag};
use crate::texts::store::versions as texts;

/// Who creates or moves an application.
#[derive(Debug, Clone)]
pub struct Who {
    pub actor: Actor,
    /// guardian, staff or client.
    pub kind: String,
    pub id: i64,
    pub channel: String,
}

/// Creates (and by default submits) an application; every rule is checked here, inside the transaction.
pub fn create(
    c: &mut DbConn,
    school_id: SchoolId,
    a: &NewApplication,
    who: &Who,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    if !a.accept_agreement {
        return Err(AppError::field(
            "accept_agreement",
            "required",
            "the agreement must be accepted",
        ));
    }
    let student = crate::roster::store::students::get(c, school_id, a.student_id)
        .map_err(|_| AppError::field("student_id", "not_found", "no such student"))?;
    let plan = approved_plan(c, school_id, a.term_id)?.ok_or_else(|| {
        ApplicationError::PlanNotApproved(
            "the school's plan for this term is not approved yet".into(),
        )
    })?;
    if !window_open(now, plan.window_opens_at, plan.window_closes_at) {
        return Err(ApplicationError::WindowClosed(format!(
            "applications are open from {} to {}",
            plan.window_opens_at.to_rfc3339(),
            plan.window_closes_at.to_rfc3339()
        ))
        .into());
    }
    let agreement = texts::current(c, school_id, a.term_id, "agreement")?.ok_or_else(|| {
        ApplicationError::NoAgreement("no agreement has been published for this term".into())
    })?;
    if agreement.id != a.agreement_text_id {
        return Err(ApplicationError::AgreementNotCurrent(format!(
            "the current agreement is version {} (text {}); read and accept it",
            agreement.version_no, agreement.id
        ))
        .into());
    }
    let chosen = checked_choices(
        c,
        school_id,
        &plan,
        &student,
        &a.offerings,
        a.exemption.as_ref(),
        &a.pickup_person_ids,
    )?;
    let status = if a.submit {
        Status::Submitted
    } else {
        Status::Draft
    };
    let ids: Vec<String> = a.pickup_person_ids.iter().map(|i| i.to_string()).collect();
    let id: i64 = diesel::insert_into(applications::table)
        .values((
            applications::school_id.eq(school_id),
            applications::term_id.eq(a.term_id),
            applications::plan_id.eq(plan.id),
            applications::student_id.eq(a.student_id),
            applications::status.eq(status.as_str()),
            applications::open_marker.eq(Some(1i64)),
            applications::leave_mode.eq(a.leave_mode.as_str()),
            applications::pickup_person_ids.eq(ids.join(",")),
            applications::exemption_category.eq(a.exemption.as_ref().map(|e| e.category.clone())),
            applications::exemption_note.eq(a.exemption.as_ref().map(|e| e.note.clone())),
            applications::agreement_text_id.eq(agreement.id),
            applications::agreement_sha256.eq(&agreement.sha256),
            applications::accepted_by_kind.eq(&who.kind),
            applications::accepted_by_id.eq(who.id),
            applications::accepted_channel.eq(&who.channel),
            applications::accepted_at.eq(Instant(now)),
            applications::version.eq(1),
            applications::created_at.eq(Instant(now)),
            applications::updated_at.eq(Instant(now)),
        ))
        .returning(applications::id)
        .get_result(c)
        .map_err(crate::error::unique_as(
            "application.duplicate",
            "the student already has an open application for this term",
        ))?;
    // A draft records its choices and holds nothing until it is submitted.
    let hold = status == Status::Submitted;
    for (o, days) in &chosen {
        place(c, school_id, id, o, days, hold)?;
    }
    super::club_choices::choose(c, school_id, a.term_id, id, &student, &a.club_choices, hold)?;
    history::record(
        c,
        school_id,
        id,
        &who.actor,
        now,
        Entry::new("create", None, status),
    )?;
    audit::Event::in_school(school_id, "application.create")
        .on("application", id)
        .after_json(snapshot(a))
        .record(c, &who.actor)?;
    if status == Status::Submitted {
        let data = serde_json::json!({
            "school_id": school_id, "student_id": a.student_id, "application_id": id,
            "status": status.as_str(),
        });
        crate::events::emit(
            c,
            school_id,
            Some(a.student_id),
            crate::events::EventType::ApplicationSubmitted,
            data,
            now,
        )?;
    }
    Ok(id)
}

/// The offerings asked for, checked against the approved plan and the student (grade,
/// boarders, weekdays), with the exemption category and the pickup persons checked too.
pub(crate) fn checked_choices(
    c: &mut DbConn,
    school_id: SchoolId,
    plan: &ServicePlan,
    student: &Student,
    offerings: &[OfferingChoice],
    exemption: Option<&ExemptionClaim>,
    pickup_person_ids: &[i64],
) -> Result<Vec<(Offering, Vec<u8>)>, AppError> {
    if offerings.is_empty() {
        return Err(AppError::field(
            "offerings",
            "required",
            "choose at least one offering",
        ));
    }
    let mut chosen: Vec<(Offering, Vec<u8>)> = Vec::new();
    for (i, ch) in offerings.iter().enumerate() {
        let o = plan
            .offerings
            .iter()
            .find(|o| o.id == ch.offering_id)
            .ok_or_else(|| {
                AppError::field(
                    &format!("offerings[{i}].offering_id"),
                    "not_found",
                    "not an offering of the approved plan",
                )
            })?;
        let days = offering_days(
            o,
            student.grade,
            student.flags.contains(&StudentFlag::Boarder),
            &ch.weekdays,
        )?;
        chosen.push((o.clone(), days));
    }
    if let Some(e) = exemption {
        if !plan.exemption_categories.contains(&e.category) {
            return Err(AppError::field(
                "exemption.category",
                "unknown",
                format!("one of {}", plan.exemption_categories.join(", ")),
            ));
        }
    }
    if !pickup_person_ids.is_empty() {
        let n: i64 = pickup_persons::table
            .filter(pickup_persons::school_id.eq(school_id))
            .filter(pickup_persons::student_id.eq(student.id))
            .filter(pickup_persons::id.eq_any(pickup_person_ids.to_vec()))
            .count()
            .get_result(c)?;
        if n != pickup_person_ids.len() as i64 {
            return Err(AppError::field(
                "pickup_person_ids",
                "not_found",
                "every pickup person must be one of the student's",
            ));
        }
    }
    Ok(chosen)
}
