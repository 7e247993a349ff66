//! The audit log: an append-only `audit_events` row for every change, written in the
//! same transaction as the change itself.

pub mod routes;
pub mod store;
pub mod types;

use chrono::Utc;
use diesel::prelude::*;
use serde::Serialize;

use crate::auth::{Caller, CallerKind, SchoolId};
use crate::db::schema::audit_events;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// Who made a change.
#[derive(Debug, Clone)]
pub struct Actor {
    /// `user` or `client` (or `system` for seeding and migrations).
    pub kind: String,
    /// The user or client id.
    pub id: Option<i64>,
    /// The request that made the change.
    pub request_id: String,
}

impl Actor {
    /// The actor of an authenticated request.
    pub fn of(caller: &Caller) -> Actor {
        Actor {
            kind: if caller.kind == CallerKind::Client {
                "client"
            } else {
                "user"
            }
            .into(),
            id: Some(caller.id),
            request_id: caller.request_id.clone(),
        }
    }

    /// A person acting on their own login without a session (setting the password of an
    /// invitation).
    pub fn user(id: i64, request_id: &str) -> Actor {
        Actor {
            kind: "user".into(),
            id: Some(id),
            request_id: request_id.to_owned(),
        }
    }

    /// The user behind a person's actor (not a client's, not the system's).
    pub fn user_id(&self) -> Option<i64> {
        self.id.filter(|_| self.kind == "user")
    }

    /// The system itself (CLI commands).
    pub fn system() -> Actor {
        Actor {
            kind: "system".into(),
            id: None,
            request_id: String::new(),
        }
    }
}

/// Serialises a value for `before`/`after`.
pub fn snapshot<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// One change to record: what was done, to which entity, in which school, with snapshots
/// before and after. Built by name, never by position:
///
/// ```ignore
/// Event::in_school(school, "club.create").on("club", id).after(&club).record(c, &actor)?;
/// ```
///
/// Record it inside the transaction of the change.
#[derive(Debug, Clone)]
#[must_use = "an audit event is written only by `record`"]
pub struct Event {
    school: Option<i64>,
    action: String,
    entity: &'static str,
    entity_id: Option<i64>,
    before: Option<String>,
    after: Option<String>,
}

impl Event {
    /// A change in a school.
    pub fn in_school(school: SchoolId, action: impl Into<String>) -> Event {
        Event::new(Some(school.get()), action.into())
    }

    /// A change outside any school (a district's settings, an account, a machine client).
    pub fn outside_schools(action: impl Into<String>) -> Event {
        Event::new(None, action.into())
    }

    fn new(school: Option<i64>, action: String) -> Event {
        Event {
            school,
            action,
            entity: "",
            entity_id: None,
            before: None,
            after: None,
        }
    }

    /// The entity changed, by kind and id.
    pub fn on(mut self, entity: &'static str, id: i64) -> Event {
        self.entity = entity;
        self.entity_id = Some(id);
        self
    }

    /// The kind of entity changed, when no single id names it (e.g. a district setting).
    pub fn on_kind(mut self, entity: &'static str) -> Event {
        self.entity = entity;
        self
    }

    /// The entity before the change.
    pub fn before<T: Serialize>(self, value: &T) -> Event {
        self.before_json(snapshot(value))
    }

    /// The entity after the change.
    pub fn after<T: Serialize>(self, value: &T) -> Event {
        self.after_json(snapshot(value))
    }

    /// A snapshot already serialised (or cut by the need-to-know rules).
    pub fn before_json(mut self, json: Option<String>) -> Event {
        self.before = json;
        self
    }

    /// A snapshot already serialised (or cut by the need-to-know rules).
    pub fn after_json(mut self, json: Option<String>) -> Event {
        self.after = json;
        self
    }

    /// Appends the event.
    pub fn record(self, c: &mut DbConn, actor: &Actor) -> Result<(), AppError> {
        diesel::insert_into(audit_events::table)
            .values((
                audit_events::school_id.eq(self.school),
                audit_events::actor_kind.eq(&actor.kind),
                audit_events::actor_id.eq(actor.id),
                audit_events::action.eq(&self.action),
                audit_events::entity.eq(self.entity),
                audit_events::entity_id.eq(self.entity_id),
                audit_events::before_json.eq(self.before),
                audit_events::after_json.eq(self.after),
                audit_events::request_id.eq(Some(&actor.request_id).filter(|r| !r.is_empty())),
                audit_events::at.eq(Instant(Utc::now())),
            ))
            .execute(c)?;
        Ok(())
    }
}
