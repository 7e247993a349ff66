//! The audit log: an append-only `audit_events` row for every change, written in the
//! same transaction as the change itself.

pub mod routes;

use chrono::Utc;
use diesel::prelude::*;
use serde::Serialize;

use crate::auth::{Caller, CallerKind};
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

/// Appends one audit event. Call it inside the transaction of the change.
#[allow(clippy::too_many_arguments)]
pub fn record(
    c: &mut DbConn,
    actor: &Actor,
    school_id: Option<i64>,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<String>,
    after: Option<String>,
) -> Result<(), AppError> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::school_id.eq(school_id),
            audit_events::actor_kind.eq(&actor.kind),
            audit_events::actor_id.eq(actor.id),
            audit_events::action.eq(action),
            audit_events::entity.eq(entity),
            audit_events::entity_id.eq(entity_id),
            audit_events::before_json.eq(before),
            audit_events::after_json.eq(after),
            audit_events::request_id.eq(Some(&actor.request_id).filter(|r| !r.is_empty())),
            audit_events::at.eq(Instant(Utc::now())),
        ))
        .execute(c)?;
    Ok(())
}
