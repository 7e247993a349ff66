//! Reading the audit log: a page of a school's events, newest first, with the actor's
//! name, and the snapshots cut by the need-to-know rules of the reader.

use diesel::prelude::*;

use super::types::{AuditEvent, AuditQuery};
use crate::auth::need_to_know::{looks_like_phone, redact};
use crate::auth::{mask_phone, SchoolId};
use crate::db::schema::{audit_events, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

#[derive(Queryable)]
struct Row {
    id: i64,
    school_id: Option<i64>,
    actor_kind: String,
    actor_id: Option<i64>,
    action: String,
    entity: String,
    entity_id: Option<i64>,
    before_json: Option<String>,
    after_json: Option<String>,
    request_id: Option<String>,
    at: Instant,
    actor_name: Option<String>,
}

/// What the reader may see of the snapshots: unmasked phones, sensitive flags.
#[derive(Debug, Clone, Copy)]
pub struct Sight {
    pub contacts: bool,
    pub sensitive: bool,
}

/// `limit + 1` events of the school older than `before`, newest first.
pub fn page(
    c: &mut DbConn,
    school: SchoolId,
    q: &AuditQuery,
    before: Option<i64>,
    limit: i64,
    sight: Sight,
) -> Result<Vec<AuditEvent>, AppError> {
    let mut s = audit_events::table
        .left_join(
            users::table.on(users::id
                .nullable()
                .eq(audit_events::actor_id)
                .and(audit_events::actor_kind.eq("user"))),
        )
        .filter(audit_events::school_id.eq(school))
        .select((
            audit_events::id,
            audit_events::school_id,
            audit_events::actor_kind,
            audit_events::actor_id,
            audit_events::action,
            audit_events::entity,
            audit_events::entity_id,
            audit_events::before_json,
            audit_events::after_json,
            audit_events::request_id,
            audit_events::at,
            users::display_name.nullable(),
        ))
        .order(audit_events::id.desc())
        .limit(limit + 1)
        .into_boxed();
    if let Some(e) = &q.entity {
        s = s.filter(audit_events::entity.eq(e.clone()));
    }
    if let Some(e) = q.entity_id {
        s = s.filter(audit_events::entity_id.eq(e));
    }
    if let Some(a) = &q.action {
        s = s.filter(audit_events::action.eq(a.clone()));
    }
    if let Some(a) = q.actor_id {
        s = s.filter(audit_events::actor_id.eq(a));
    }
    if let Some(b) = before {
        s = s.filter(audit_events::id.lt(b));
    }
    Ok(s.load::<Row>(c)?
        .into_iter()
        .map(|r| shown(r, sight))
        .collect())
}

/// An event as this reader may see it: snapshots redacted, a phone-like actor name masked.
fn shown(r: Row, sight: Sight) -> AuditEvent {
    let parse = |s: Option<String>| {
        s.and_then(|t| serde_json::from_str(&t).ok())
            .map(|mut v: serde_json::Value| {
                redact(&mut v, sight.contacts, sight.sensitive);
                v
            })
    };
    AuditEvent {
        id: r.id,
        school_id: r.school_id,
        actor_kind: r.actor_kind,
        actor_id: r.actor_id,
        actor_name: r.actor_name.map(|n| {
            if !sight.contacts && looks_like_phone(&n) {
                mask_phone(&n)
            } else {
                n
            }
        }),
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        before: parse(r.before_json),
        after: parse(r.after_json),
        request_id: r.request_id,
        at: r.at.0,
    }
}
