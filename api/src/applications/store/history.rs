//! An application's history (`application_events`): what was done, from which status to
//! which, by whom, with the comment. Written in the transaction of the change.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::applications::model::Status;
use crate::audit::Actor;
use crate::auth::SchoolId;
use crate::db::schema::application_events;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// One step of the history.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// create, submit, class_approve, …, edit, change.
    pub action: &'a str,
    pub from: Option<Status>,
    pub to: Status,
    pub comment: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// A step without a comment.
    pub fn new(action: &'a str, from: Option<Status>, to: Status) -> Entry<'a> {
        Entry {
            action,
            from,
            to,
            comment: None,
        }
    }

    /// The same step with a comment.
    pub fn with_comment(self, comment: Option<&'a str>) -> Entry<'a> {
        Entry { comment, ..self }
    }
}

/// Appends a step to the application's history.
pub fn record(
    c: &mut DbConn,
    school: SchoolId,
    app: i64,
    actor: &Actor,
    now: DateTime<Utc>,
    e: Entry<'_>,
) -> Result<(), AppError> {
    diesel::insert_into(application_events::table)
        .values((
            application_events::school_id.eq(school),
            application_events::application_id.eq(app),
            application_events::action.eq(e.action),
            application_events::from_status.eq(e.from.map(|s| s.as_str())),
            application_events::to_status.eq(e.to.as_str()),
            application_events::actor_kind.eq(&actor.kind),
            application_events::actor_id.eq(actor.id),
            application_events::comment.eq(e.comment),
            application_events::at.eq(Instant(now)),
        ))
        .execute(c)?;
    Ok(())
}
