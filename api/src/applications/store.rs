//! Applications: creation with every rule checked inside one transaction, seats on capped
//! offerings by a guarded counter (never "count, then insert"), review transitions.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::applications::model::{
    transition, weekdays_offered, Action, Refusal, RejectReason, Reviewer, Status,
};
use crate::applications::seats::place;
use crate::audit::{self, snapshot, Actor};
use crate::auth::SchoolId;
use crate::db::schema::{application_events, applications, pickup_persons};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::store::{approved_plan, Offering, ServicePlan};
use crate::roster::model::{Student, StudentFlag};
use crate::texts::versions as texts;

pub use crate::applications::types::{
    Acceptance, Application, ApplicationEvent, AppliedOffering, ExemptionClaim, NewApplication,
    OfferingChoice,
};

/// Who creates or moves an application.
#[derive(Debug, Clone)]
pub struct Who {
    pub actor: Actor,
    /// guardian, staff or client.
    pub kind: String,
    pub id: i64,
    pub channel: String,
}

fn refused(code: &'static str, detail: impl Into<String>) -> AppError {
    AppError::Unprocessable {
        code,
        detail: detail.into(),
    }
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
        refused(
            "application.plan_not_approved",
            "the school's plan for this term is not approved yet",
        )
    })?;
    if now < plan.window_opens_at || now > plan.window_closes_at {
        return Err(refused(
            "application.window_closed",
            format!(
                "applications are open from {} to {}",
                plan.window_opens_at.to_rfc3339(),
                plan.window_closes_at.to_rfc3339()
            ),
        ));
    }
    let agreement = texts::current(c, school_id, a.term_id, "agreement")?.ok_or_else(|| {
        refused(
            "application.no_agreement",
            "no agreement has been published for this term",
        )
    })?;
    if agreement.id != a.agreement_text_id {
        return Err(refused(
            "application.agreement_not_current",
            format!(
                "the current agreement is version {} (text {}); read and accept it",
                agreement.version_no, agreement.id
            ),
        ));
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
    for (o, days) in &chosen {
        place(c, school_id, id, o, days)?;
    }
    crate::applications::club_choices::choose(
        c,
        school_id,
        a.term_id,
        id,
        student.grade,
        student.homeroom_id,
        &a.club_choices,
    )?;
    event(
        c, school_id, id, "create", None, status, &who.actor, None, now,
    )?;
    audit::Event::in_school(school_id, "application.create")
        .on("application", id)
        .after_json(snapshot(a))
        .record(c, &who.actor)?;
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
        if !o.grades.contains(&student.grade) {
            return Err(refused(
                "application.grade_not_offered",
                format!("{} is not offered to grade {}", o.name, student.grade),
            ));
        }
        if o.boarders_excluded && student.flags.contains(&StudentFlag::Boarder) {
            return Err(refused(
                "application.boarder_excluded",
                format!("{} is not offered to boarders", o.name),
            ));
        }
        let days = if ch.weekdays.is_empty() {
            o.weekdays.clone()
        } else {
            ch.weekdays.clone()
        };
        if !weekdays_offered(&days, &o.weekdays) {
            return Err(refused(
                "application.weekday_not_offered",
                format!("{} runs on weekdays {:?} only", o.name, o.weekdays),
            ));
        }
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

#[allow(clippy::too_many_arguments)]
pub(crate) fn event(
    c: &mut DbConn,
    school_id: SchoolId,
    app: i64,
    action: &str,
    from: Option<Status>,
    to: Status,
    actor: &Actor,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::insert_into(application_events::table)
        .values((
            application_events::school_id.eq(school_id),
            application_events::application_id.eq(app),
            application_events::action.eq(action),
            application_events::from_status.eq(from.map(|s| s.as_str())),
            application_events::to_status.eq(to.as_str()),
            application_events::actor_kind.eq(&actor.kind),
            application_events::actor_id.eq(actor.id),
            application_events::comment.eq(comment),
            application_events::at.eq(Instant(now)),
        ))
        .execute(c)?;
    Ok(())
}

/// A review decision or a withdrawal.
#[derive(Debug, Clone, Default)]
pub struct Step {
    pub comment: Option<String>,
    pub reason: Option<RejectReason>,
    pub effective_date: Option<NaiveDate>,
}

/// Moves an application by the pure state machine; guarded by the status it was read in.
#[allow(clippy::too_many_arguments)]
pub fn act(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    action: Action,
    who: Reviewer,
    step: &Step,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // A concurrent decision on the same application moves its version first: read again
    // and decide on what it has become (a second withdrawal then meets `withdrawn`).
    let mut attempts = 0;
    let (from, to) = loop {
        let (status_s, version): (String, i64) = applications::table
            .filter(applications::school_id.eq(school_id))
            .filter(applications::id.eq(id))
            .select((applications::status, applications::version))
            .first(c)
            .optional()?
            .ok_or(AppError::NotFound("application"))?;
        let from = Status::parse(&status_s)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad status {status_s}")))?;
        let to = transition(from, action, who).map_err(|r| match r {
            Refusal::NotAllowed => {
                AppError::forbidden(format!("you may not {} this application", action.as_str()))
            }
            Refusal::WrongStatus(s) => AppError::Conflict {
                code: "application.wrong_status",
                detail: format!(
                    "cannot {} an application that is {}",
                    action.as_str(),
                    s.as_str()
                ),
            },
        })?;
        if to == Status::Rejected && step.reason.is_none() {
            return Err(AppError::field(
                "reason",
                "required",
                "a rejection needs a reason: ineligible, incomplete, duplicate or other",
            ));
        }
        if step.reason == Some(RejectReason::Other)
            && step.comment.as_deref().is_none_or(|c| c.trim().is_empty())
        {
            return Err(AppError::field(
                "comment",
                "required",
                "explain the reason 'other' in the comment",
            ));
        }
        let reason = step.reason.map(|r| {
            serde_json::to_value(r)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        });
        let n = diesel::update(
            applications::table
                .filter(applications::school_id.eq(school_id))
                .filter(applications::id.eq(id))
                .filter(applications::version.eq(version)),
        )
        .set((
            applications::status.eq(to.as_str()),
            applications::open_marker.eq(if to.is_open() { Some(1i64) } else { None }),
            applications::reject_reason.eq(reason),
            applications::withdraw_effective_date.eq(if to == Status::Withdrawn {
                Some(step.effective_date.unwrap_or(now.date_naive()))
            } else {
                None
            }),
            applications::version.eq(version + 1),
            applications::updated_at.eq(Instant(now)),
        ))
        .execute(c)?;
        if n == 1 {
            break (from, to);
        }
        attempts += 1;
        if attempts == 3 {
            return Err(AppError::Stale);
        }
    };
    if !to.is_open() {
        crate::applications::seats::release(c, school_id, id)?;
    }
    event(
        c,
        school_id,
        id,
        action.as_str(),
        Some(from),
        to,
        actor,
        step.comment.as_deref(),
        now,
    )?;
    let after = serde_json::json!({"status": to.as_str(), "comment": step.comment});
    audit::Event::in_school(school_id, format!("application.{}", action.as_str()))
        .on("application", id)
        .before_json(Some(
            serde_json::json!({"status": from.as_str()}).to_string(),
        ))
        .after_json(Some(after.to_string()))
        .record(c, actor)?;
    Ok(())
}
