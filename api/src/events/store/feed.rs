//! The feed: events in id order within the caller's reach.

use diesel::prelude::*;

use crate::auth::{Caller, CallerKind, Role};
use crate::db::schema::{api_clients, events, schools, students};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::model::event_id;
use crate::events::types::{Event, EventType};
use crate::events::EVENTS_READ;

use super::emit::{app_students, is_parent_app};

/// Whose events a caller may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Every school of a district (its admin; a district system with no school list).
    District(i64),
    /// Some schools (their school admins; a district system with a list).
    Schools(Vec<i64>),
    /// Some children (a guardian's own; a parent app's guardians'), and the school-wide
    /// events (notices) of their schools.
    Students(Vec<i64>),
}

/// The reach of a caller: guardians their children; school admins their schools; a district
/// admin the district; API clients with `events:read` theirs. Other staff roles: 403.
pub fn reach_of(c: &mut DbConn, caller: &Caller) -> Result<Reach, AppError> {
    match caller.kind {
        CallerKind::Guardian => {
            let kids = crate::roster::store::family::children_of_account(c, caller.id)?;
            Ok(Reach::Students(
                kids.into_iter().map(|k| k.student_id).collect(),
            ))
        }
        CallerKind::Staff => {
            if let (true, Some(d)) = (caller.district_admin, caller.district_id) {
                return Ok(Reach::District(d));
            }
            let admin_of: Vec<i64> = caller
                .grants
                .iter()
                .filter(|g| g.roles.contains(&Role::SchoolAdmin))
                .map(|g| g.school_id)
                .collect();
            if admin_of.is_empty() {
                return Err(AppError::forbidden(
                    "the event feed is for school admins, district admins, guardians and API clients",
                ));
            }
            Ok(Reach::Schools(admin_of))
        }
        CallerKind::Client => {
            if !caller.scopes.iter().any(|s| s == EVENTS_READ) {
                return Err(AppError::Forbidden {
                    code: "auth.scope_missing",
                    detail: format!("the client needs the {EVENTS_READ} scope"),
                });
            }
            let scopes: String = api_clients::table
                .find(caller.id)
                .select(api_clients::scopes)
                .first(c)?;
            if is_parent_app(&scopes) {
                return Ok(Reach::Students(app_students(c, caller.id, None)?));
            }
            let listed: Vec<i64> = caller.grants.iter().map(|g| g.school_id).collect();
            match (listed.is_empty(), caller.district_id) {
                (true, Some(d)) => Ok(Reach::District(d)),
                _ => Ok(Reach::Schools(listed)),
            }
        }
    }
}

type Row = (i64, String, String, Instant);

/// `limit + 1` events after `after` within `reach`, of `types` (all when empty).
pub fn page(
    c: &mut DbConn,
    reach: &Reach,
    types: &[EventType],
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Event>, AppError> {
    let mut q = events::table
        .select((
            events::id,
            events::event_type,
            events::data,
            events::occurred_at,
        ))
        .order(events::id)
        .limit(limit + 1)
        .into_boxed();
    q = match reach {
        Reach::District(d) => q.filter(
            events::school_id.eq_any(
                schools::table
                    .filter(schools::district_id.eq(*d))
                    .select(schools::id),
            ),
        ),
        Reach::Schools(list) => q.filter(events::school_id.eq_any(list.clone())),
        Reach::Students(list) => {
            let their_schools = students::table
                .filter(students::id.eq_any(list.clone()))
                .select(students::school_id);
            q.filter(
                events::student_id
                    .eq_any(list.clone())
                    .or(events::student_id
                        .is_null()
                        .and(events::school_id.eq_any(their_schools))),
            )
        }
    };
    if !types.is_empty() {
        q = q.filter(events::event_type.eq_any(types.iter().map(|t| t.as_str())));
    }
    if let Some(a) = after {
        q = q.filter(events::id.gt(a));
    }
    Ok(q.load::<Row>(c)?.into_iter().filter_map(to_event).collect())
}

/// An event as integrators see it.
pub fn to_event((id, kind, data, at): Row) -> Option<Event> {
    Some(Event {
        id: event_id(id),
        event_type: EventType::parse(&kind)?,
        timestamp: at.0,
        data: serde_json::from_str(&data).unwrap_or(serde_json::Value::Null),
    })
}

/// One event by id.
pub fn one(c: &mut DbConn, id: i64) -> Result<Event, AppError> {
    let row: Row = events::table
        .find(id)
        .select((
            events::id,
            events::event_type,
            events::data,
            events::occurred_at,
        ))
        .first(c)?;
    to_event(row).ok_or(AppError::NotFound("event"))
}
