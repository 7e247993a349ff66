//! Moving an application through the review state machine (submit, the class review,
//! the school review, withdraw), guarded by its version inside the write; and the bulk
//! review, one transaction per application.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::history::{self, Entry};
use crate::applications::error::ApplicationError;
use crate::applications::model::{
    transition, withdrawal_date, Action, Refusal, RejectReason, Reviewer, Status,
};
use crate::applications::policy;
use crate::applications::store::read;
use crate::applications::types::{Application, BulkResult};
use crate::audit::{self, Actor};
use crate::auth::{SchoolId, SchoolScope};
use crate::db::schema::{applications, schools, terms};
use crate::db::types::Instant;
use crate::db::{tx, DbConn};
use crate::error::AppError;
use crate::events::{self, EventType};
use crate::roster::relation::{reach_of, relation_to};

/// A move of the state machine: the action, who takes it, and what they add (a review
/// decision's reason and comment, a withdrawal's effective date).
#[derive(Debug, Clone)]
pub struct Step {
    pub action: Action,
    pub by: Reviewer,
    pub comment: Option<String>,
    pub reason: Option<RejectReason>,
    pub effective_date: Option<NaiveDate>,
}

/// Moves an application by the pure state machine; guarded by the status it was read in.
pub fn act(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    step: &Step,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (action, who) = (step.action, step.by);
    let withdraw_on = if action == Action::Withdraw {
        Some(withdraw_date(c, school_id, id, step.effective_date, now)?)
    } else {
        None
    };
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
            Refusal::WrongStatus(s) => ApplicationError::WrongStatus(format!(
                "cannot {} an application that is {}",
                action.as_str(),
                s.as_str()
            ))
            .into(),
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
            applications::withdraw_effective_date
                .eq(withdraw_on.filter(|_| to == Status::Withdrawn)),
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
        super::seats::release(c, school_id, id, now)?;
    } else if from == Status::Draft && to == Status::Submitted {
        super::seats::hold_draft(c, school_id, id)?;
    }
    let entry = Entry::new(action.as_str(), Some(from), to).with_comment(step.comment.as_deref());
    history::record(c, school_id, id, actor, now, entry)?;
    let after = serde_json::json!({"status": to.as_str(), "comment": step.comment});
    audit::Event::in_school(school_id, format!("application.{}", action.as_str()))
        .on("application", id)
        .before_json(Some(
            serde_json::json!({"status": from.as_str()}).to_string(),
        ))
        .after_json(Some(after.to_string()))
        .record(c, actor)?;
    let student: i64 = applications::table
        .filter(applications::school_id.eq(school_id))
        .filter(applications::id.eq(id))
        .select(applications::student_id)
        .first(c)?;
    let data = serde_json::json!({
        "school_id": school_id, "student_id": student, "application_id": id,
        "status": to.as_str(), "previous_status": from.as_str(),
    });
    events::emit(c, school_id, Some(student), event_of(action), data, now)?;
    Ok(())
}

/// The withdrawal's effective date for the application: asked for, or today in the
/// school's time zone, inside the enrollment (see [`withdrawal_date`]).
fn withdraw_date(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    asked: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<NaiveDate, AppError> {
    let (starts, ends, applied, tz): (NaiveDate, NaiveDate, Instant, String) = applications::table
        .inner_join(terms::table.on(terms::id.eq(applications::term_id)))
        .inner_join(schools::table.on(schools::id.eq(applications::school_id)))
        .filter(applications::school_id.eq(school_id))
        .filter(applications::id.eq(id))
        .select((
            terms::start_date,
            terms::end_date,
            applications::created_at,
            schools::time_zone,
        ))
        .first(c)
        .optional()?
        .ok_or(AppError::NotFound("application"))?;
    let tz: chrono_tz::Tz = tz.parse().unwrap_or(chrono_tz::Asia::Shanghai);
    let local = |t: DateTime<Utc>| t.with_timezone(&tz).date_naive();
    withdrawal_date(asked, local(now), starts.max(local(applied.0)), ends)
}

/// The event an action reports.
fn event_of(action: Action) -> EventType {
    match action {
        Action::Submit => EventType::ApplicationSubmitted,
        Action::ClassApprove => EventType::ApplicationClassReviewed,
        Action::ClassReturn | Action::SchoolReturn => EventType::ApplicationReturned,
        Action::ClassReject | Action::SchoolReject => EventType::ApplicationRejected,
        Action::SchoolApprove => EventType::ApplicationApproved,
        Action::Withdraw => EventType::ApplicationWithdrawn,
    }
}

/// One move by the caller, on an application their reach covers (a guardian's children
/// only; 404 otherwise): the state machine decides the rest.
pub fn step(
    c: &mut DbConn,
    scope: &SchoolScope,
    id: i64,
    action: Action,
    details: Details,
    now: DateTime<Utc>,
) -> Result<Application, AppError> {
    let school = scope.school();
    let app = read::get(c, school, id)?;
    if !policy::family_sees(&reach_of(c, scope)?, &app) {
        return Err(AppError::NotFound("application"));
    }
    let by = relation_to(c, scope, app.student_id)?;
    let s = details.into_step(action, by);
    act(c, school, id, &s, &scope.actor(), now)?;
    read::get(c, school, id)
}

/// What a caller adds to a move.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub comment: Option<String>,
    pub reason: Option<RejectReason>,
    pub effective_date: Option<NaiveDate>,
}

impl Details {
    fn into_step(self, action: Action, by: Reviewer) -> Step {
        Step {
            action,
            by,
            comment: self.comment,
            reason: self.reason,
            effective_date: self.effective_date,
        }
    }
}

/// The same decision on many applications, each in its own transaction so one refusal
/// does not block the rest: the outcome per application, in the order asked.
pub fn review_many(
    c: &mut DbConn,
    scope: &SchoolScope,
    ids: &[i64],
    action: Action,
    details: &Details,
    now: DateTime<Utc>,
) -> Vec<BulkResult> {
    let school = scope.school();
    ids.iter()
        .map(|&id| {
            let r = tx(c, |c| {
                let app = read::get(c, school, id)?;
                let by = relation_to(c, scope, app.student_id)?;
                act(
                    c,
                    school,
                    id,
                    &details.clone().into_step(action, by),
                    &scope.actor(),
                    now,
                )?;
                read::get(c, school, id)
            });
            match r {
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
            }
        })
        .collect()
}
