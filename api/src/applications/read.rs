//! Reading applications: one with its offerings, acceptance and history; lists for reviewers.

use diesel::prelude::*;

use super::model::Status;
use super::store::{Acceptance, Application, ApplicationEvent, AppliedOffering};
use crate::db::schema::{
    application_events, application_offerings, applications, homerooms, offerings, plan_texts,
    students, users,
};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

type Row = (
    (
        i64,
        i64,
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    ),
    (i64, String, String, i64, String, Instant),
    (
        Option<String>,
        Option<chrono::NaiveDate>,
        i64,
        Instant,
        Instant,
    ),
    (String, i64, String),
);

type EventRow = (
    String,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<String>,
    Instant,
);

/// Filters of the application list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub term_id: Option<i64>,
    pub status: Option<Status>,
    pub homeroom_ids: Option<Vec<i64>>,
    pub student_ids: Option<Vec<i64>>,
}

/// Applications by id, paged.
pub fn ids(
    c: &mut DbConn,
    school_id: i64,
    f: &Filter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<i64>, AppError> {
    let mut q = applications::table
        .inner_join(students::table)
        .filter(applications::school_id.eq(school_id))
        .select(applications::id)
        .order(applications::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(t) = f.term_id {
        q = q.filter(applications::term_id.eq(t));
    }
    if let Some(s) = f.status {
        q = q.filter(applications::status.eq(s.as_str()));
    }
    if let Some(h) = &f.homeroom_ids {
        q = q.filter(students::homeroom_id.eq_any(h.clone()));
    }
    if let Some(s) = &f.student_ids {
        q = q.filter(applications::student_id.eq_any(s.clone()));
    }
    if let Some(a) = after {
        q = q.filter(applications::id.gt(a));
    }
    Ok(q.load(c)?)
}

/// One application with everything about it.
pub fn get(c: &mut DbConn, school_id: i64, id: i64) -> Result<Application, AppError> {
    let r: Row = applications::table
        .inner_join(students::table.inner_join(homerooms::table))
        .inner_join(plan_texts::table.on(plan_texts::id.eq(applications::agreement_text_id)))
        .filter(applications::school_id.eq(school_id))
        .filter(applications::id.eq(id))
        .select((
            (
                applications::id,
                applications::term_id,
                applications::plan_id,
                applications::student_id,
                applications::status,
                applications::leave_mode,
                applications::pickup_person_ids,
                applications::exemption_category,
                applications::exemption_note,
            ),
            (
                applications::agreement_text_id,
                applications::agreement_sha256,
                applications::accepted_by_kind,
                applications::accepted_by_id,
                applications::accepted_channel,
                applications::accepted_at,
            ),
            (
                applications::reject_reason,
                applications::withdraw_effective_date,
                applications::version,
                applications::created_at,
                applications::updated_at,
            ),
            (students::name, homerooms::id, homerooms::name),
        ))
        .first(c)
        .optional()?
        .ok_or(AppError::NotFound("application"))?;
    let (text_version, title): (i32, String) = plan_texts::table
        .find(r.1 .0)
        .select((plan_texts::version_no, plan_texts::title))
        .first(c)?;
    let offered: Vec<(i64, String, String, String, String, Option<i32>)> =
        application_offerings::table
            .inner_join(offerings::table)
            .filter(application_offerings::application_id.eq(id))
            .select((
                offerings::id,
                offerings::kind,
                offerings::name,
                application_offerings::weekdays,
                application_offerings::placement,
                application_offerings::queue_position,
            ))
            .order(offerings::id)
            .load(c)?;
    let mut applied = Vec::new();
    for (oid, kind, name, days, placement, pos) in offered {
        let queue_position = match (placement.as_str(), pos) {
            ("waiting", Some(p)) => Some(
                1 + application_offerings::table
                    .filter(application_offerings::offering_id.eq(oid))
                    .filter(application_offerings::placement.eq("waiting"))
                    .filter(application_offerings::queue_position.lt(p))
                    .count()
                    .get_result::<i64>(c)?,
            ),
            _ => None,
        };
        applied.push(AppliedOffering {
            offering_id: oid,
            kind,
            name,
            weekdays: super::model::weekdays_from_text(&days),
            placement,
            queue_position,
        });
    }
    let history: Vec<EventRow> = application_events::table
        .filter(application_events::application_id.eq(id))
        .select((
            application_events::action,
            application_events::from_status,
            application_events::to_status,
            application_events::actor_kind,
            application_events::actor_id,
            application_events::comment,
            application_events::at,
        ))
        .order(application_events::id)
        .load(c)?;
    // Staff and guardians both act as `user`s: tell them apart (and name the staff).
    let user_ids: Vec<i64> = history
        .iter()
        .filter(|h| h.3 == "user")
        .filter_map(|h| h.4)
        .collect();
    let people: Vec<(i64, String, String)> = if user_ids.is_empty() {
        Vec::new()
    } else {
        users::table
            .filter(users::id.eq_any(user_ids))
            .select((users::id, users::kind, users::display_name))
            .load(c)?
    };
    let role_of = |kind: &str, id: Option<i64>| -> (String, Option<String>) {
        if kind != "user" {
            return (kind.to_owned(), None);
        }
        match people.iter().find(|p| Some(p.0) == id) {
            Some((_, k, name)) if k == "staff" => ("staff".into(), Some(name.clone())),
            Some((_, k, _)) => (k.clone(), None),
            None => ("staff".into(), None),
        }
    };
    let (
        (id, term_id, plan_id, student_id, status, leave_mode, pickups, ex_cat, ex_note),
        acc,
        (reject_reason, withdraw, version, created, updated),
        (student_name, homeroom_id, homeroom_name),
    ) = r;
    Ok(Application {
        id,
        term_id,
        plan_id,
        student_id,
        student_name,
        homeroom_id,
        homeroom_name,
        status: Status::parse(&status).unwrap_or(Status::Draft),
        leave_mode,
        pickup_person_ids: pickups.split(',').filter_map(|s| s.parse().ok()).collect(),
        exemption_category: ex_cat,
        exemption_note: ex_note,
        offerings: applied,
        club_choices: super::club_choices::choices_of(c, id)?,
        acceptance: Acceptance {
            text_id: acc.0,
            version_no: text_version,
            title,
            sha256: acc.1,
            accepted_by_kind: acc.2,
            accepted_by_id: acc.3,
            channel: acc.4,
            accepted_at: acc.5 .0,
        },
        reject_reason,
        withdraw_effective_date: withdraw,
        history: history
            .into_iter()
            .map(|h| {
                let (actor_role, actor_name) = role_of(&h.3, h.4);
                ApplicationEvent {
                    action: h.0,
                    from_status: h.1,
                    to_status: h.2,
                    actor_kind: h.3,
                    actor_id: h.4,
                    actor_role,
                    actor_name,
                    comment: h.5,
                    at: h.6 .0,
                }
            })
            .collect(),
        version,
        created_at: created.0,
        updated_at: updated.0,
    })
}
