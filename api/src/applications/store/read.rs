//! Reading applications: one with its offerings, acceptance and history; lists for reviewers.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::applications::model::placement::shown;
use crate::applications::model::Status;
use crate::applications::store::people::People;
use crate::applications::types::{
    Acceptance, Application, ApplicationEvent, AppliedOffering, ClubChoice,
};
use crate::auth::SchoolId;
use crate::db::schema::{
    application_events, application_offerings, applications, club_choices, homerooms, offerings,
    plan_texts, students, terms,
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
    (String, i64, String, i32, String, chrono::NaiveDate),
);

type OfferedRow = (i64, i64, String, String, String, String, Option<i32>);

type EventRow = (
    String,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<String>,
    Instant,
);

pub use super::list::{count, ids, Filter};

/// One application with everything about it.
pub fn get(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<Application, AppError> {
    get_many(c, school_id, &[id])?
        .pop()
        .ok_or(AppError::NotFound("application"))
}

/// 1-based places on waitlists: for each offering (or club), the sorted queue positions of
/// everyone waiting for it.
struct Waitlists(HashMap<i64, Vec<i32>>);

impl Waitlists {
    fn of(rows: Vec<(i64, Option<i32>)>) -> Waitlists {
        let mut m: HashMap<i64, Vec<i32>> = HashMap::new();
        for (id, pos) in rows {
            if let Some(p) = pos {
                m.entry(id).or_default().push(p);
            }
        }
        m.values_mut().for_each(|v| v.sort_unstable());
        Waitlists(m)
    }

    /// The place of a waiting entry: 1 + how many wait before it.
    fn place(&self, placement: &str, id: i64, pos: Option<i32>) -> Option<i64> {
        match (placement, pos) {
            ("waiting", Some(p)) => Some(
                1 + self
                    .0
                    .get(&id)
                    .map_or(0, |q| q.partition_point(|x| *x < p) as i64),
            ),
            _ => None,
        }
    }
}

/// The ids of the rows that wait, each once.
fn waiting<T>(rows: &[T], id: impl Fn(&T) -> i64, waits: impl Fn(&T) -> bool) -> Vec<i64> {
    let mut ids: Vec<i64> = rows.iter().filter(|r| waits(r)).map(id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Applications of the school by id, in id order, each with everything about it, in at
/// most seven queries however many there are: the applications (with student, homeroom
/// and agreement), their offerings and the offerings' waitlists, their club choices and
/// the clubs' waitlists, their history and the users who acted in it.
pub fn get_many(
    c: &mut DbConn,
    school_id: SchoolId,
    ids: &[i64],
) -> Result<Vec<Application>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<Row> = applications::table
        .inner_join(students::table.inner_join(homerooms::table))
        .inner_join(plan_texts::table.on(plan_texts::id.eq(applications::agreement_text_id)))
        .inner_join(terms::table.on(terms::id.eq(applications::term_id)))
        .filter(applications::school_id.eq(school_id))
        .filter(applications::id.eq_any(ids.to_vec()))
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
            (
                students::name,
                homerooms::id,
                homerooms::name,
                plan_texts::version_no,
                plan_texts::title,
                terms::start_date,
            ),
        ))
        .order(applications::id)
        .load(c)?;
    let found: Vec<i64> = rows.iter().map(|r| r.0 .0).collect();
    if found.is_empty() {
        return Ok(Vec::new());
    }

    let offered: Vec<OfferedRow> = application_offerings::table
        .inner_join(offerings::table)
        .filter(application_offerings::school_id.eq(school_id))
        .filter(application_offerings::application_id.eq_any(found.clone()))
        .select((
            application_offerings::application_id,
            offerings::id,
            offerings::kind,
            offerings::name,
            application_offerings::weekdays,
            application_offerings::placement,
            application_offerings::queue_position,
        ))
        .order((application_offerings::application_id, offerings::id))
        .load(c)?;
    let waited = waiting(&offered, |o| o.1, |o| o.5 == "waiting" && o.6.is_some());
    let offering_queues = Waitlists::of(if waited.is_empty() {
        Vec::new()
    } else {
        application_offerings::table
            .filter(application_offerings::offering_id.eq_any(waited))
            .filter(application_offerings::placement.eq("waiting"))
            .select((
                application_offerings::offering_id,
                application_offerings::queue_position,
            ))
            .load(c)?
    });

    let chosen: Vec<(i64, i64, i32, String, Option<i32>)> = club_choices::table
        .filter(club_choices::school_id.eq(school_id))
        .filter(club_choices::application_id.eq_any(found.clone()))
        .select((
            club_choices::application_id,
            club_choices::club_id,
            club_choices::rank,
            club_choices::placement,
            club_choices::queue_position,
        ))
        .order((club_choices::application_id, club_choices::rank))
        .load(c)?;
    let waited = waiting(&chosen, |x| x.1, |x| x.3 == "waiting" && x.4.is_some());
    let club_queues = Waitlists::of(if waited.is_empty() {
        Vec::new()
    } else {
        club_choices::table
            .filter(club_choices::club_id.eq_any(waited))
            .filter(club_choices::placement.eq("waiting"))
            .select((club_choices::club_id, club_choices::queue_position))
            .load(c)?
    });

    let history: Vec<(i64, EventRow)> = application_events::table
        .filter(application_events::school_id.eq(school_id))
        .filter(application_events::application_id.eq_any(found))
        .select((
            application_events::application_id,
            (
                application_events::action,
                application_events::from_status,
                application_events::to_status,
                application_events::actor_kind,
                application_events::actor_id,
                application_events::comment,
                application_events::at,
            ),
        ))
        .order(application_events::id)
        .load(c)?;
    // Staff and guardians both act as `user`s: tell them apart and name them.
    let mut user_ids: Vec<i64> = history
        .iter()
        .filter(|h| h.1 .3 == "user")
        .filter_map(|h| h.1 .4)
        .collect();
    let mut client_ids: Vec<i64> = history
        .iter()
        .filter(|h| h.1 .3 == "client")
        .filter_map(|h| h.1 .4)
        .collect();
    for r in &rows {
        match r.1 .2.as_str() {
            "client" => client_ids.push(r.1 .3),
            _ => user_ids.push(r.1 .3),
        }
    }
    let student_ids: Vec<i64> = rows.iter().map(|r| r.0 .3).collect();
    let people = People::load(c, school_id, user_ids, client_ids, &student_ids)?;
    let student_of: HashMap<i64, i64> = rows.iter().map(|r| (r.0 .0, r.0 .3)).collect();

    let status_of: HashMap<i64, Status> = rows
        .iter()
        .map(|r| (r.0 .0, Status::parse(&r.0 .4).unwrap_or(Status::Draft)))
        .collect();
    let mut applied: HashMap<i64, Vec<AppliedOffering>> = HashMap::new();
    for (app, oid, kind, name, days, placement, pos) in offered {
        applied.entry(app).or_default().push(AppliedOffering {
            offering_id: oid,
            kind,
            name,
            weekdays: crate::plans::model::weekdays_from_text(&days),
            queue_position: offering_queues.place(&placement, oid, pos),
            placement: shown(status_of[&app], &placement, false),
        });
    }
    // The rank of the choice that has the place: the choices below it are not needed.
    let placed: HashMap<i64, i32> = chosen
        .iter()
        .filter(|x| x.3 == "enrolled")
        .map(|x| (x.0, x.2))
        .collect();
    let mut choices: HashMap<i64, Vec<ClubChoice>> = HashMap::new();
    for (app, club_id, rank, placement, pos) in chosen {
        choices.entry(app).or_default().push(ClubChoice {
            club_id,
            rank,
            queue_position: club_queues.place(&placement, club_id, pos),
            placement: shown(
                status_of[&app],
                &placement,
                placed.get(&app).is_some_and(|r| rank > *r),
            ),
        });
    }
    let mut events: HashMap<i64, Vec<ApplicationEvent>> = HashMap::new();
    for (app, h) in history {
        let who = people.actor(&h.3, h.4, student_of[&app]);
        events.entry(app).or_default().push(ApplicationEvent {
            action: h.0,
            from_status: h.1,
            to_status: h.2,
            actor_kind: h.3,
            actor_id: h.4,
            actor_role: who.role,
            actor_name: who.name,
            actor_staff_roles: who.staff_roles,
            actor_relation: who.relation,
            comment: h.5,
            at: h.6 .0,
        });
    }

    Ok(rows
        .into_iter()
        .map(|r| {
            let (
                (id, term_id, plan_id, student_id, status, leave_mode, pickups, ex_cat, ex_note),
                acc,
                (reject_reason, withdraw, version, created, updated),
                (student_name, homeroom_id, homeroom_name, text_version, title, term_starts),
            ) = r;
            let acceptor = people.acceptor(&acc.2, acc.3, student_id);
            Application {
                id,
                number: crate::applications::model::number(term_starts, id),
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
                offerings: applied.remove(&id).unwrap_or_default(),
                club_choices: choices.remove(&id).unwrap_or_default(),
                acceptance: Acceptance {
                    text_id: acc.0,
                    version_no: text_version,
                    title,
                    sha256: acc.1,
                    accepted_by_kind: acc.2,
                    accepted_by_id: acc.3,
                    accepted_by_name: acceptor.name,
                    accepted_by_relation: acceptor.relation,
                    channel: acc.4,
                    accepted_at: acc.5 .0,
                },
                reject_reason,
                withdraw_effective_date: withdraw,
                history: events.remove(&id).unwrap_or_default(),
                version,
                created_at: created.0,
                updated_at: updated.0,
            }
        })
        .collect())
}
