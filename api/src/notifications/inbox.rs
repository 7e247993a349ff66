//! A person's inbox (newest first, unread count, reading) and the channel worker's queue.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;

use crate::db::schema::{notifications as n, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::notifications::types::Notification;

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    Instant,
    Option<Instant>,
);

fn to_notification(r: Row) -> Notification {
    Notification {
        id: r.0,
        school_id: r.1,
        kind: r.2,
        title: r.3,
        body: r.4,
        link: r.5,
        data: serde_json::from_str(&r.6).unwrap_or(Value::Null),
        created_at: r.7 .0,
        read_at: r.8.map(|t| t.0),
    }
}

/// One page of a person's notifications, newest first: `limit + 1` before `before`.
pub fn page(
    c: &mut DbConn,
    user: i64,
    unread_only: bool,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Notification>, AppError> {
    let mut q = n::table
        .filter(n::user_id.eq(user))
        .select((
            n::id,
            n::school_id,
            n::kind,
            n::title,
            n::body,
            n::link,
            n::data,
            n::created_at,
            n::read_at,
        ))
        .order(n::id.desc())
        .limit(limit + 1)
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(n::id.lt(b));
    }
    if unread_only {
        q = q.filter(n::read_at.is_null());
    }
    Ok(q.load::<Row>(c)?.into_iter().map(to_notification).collect())
}

/// How many notifications a person has not read.
pub fn unread(c: &mut DbConn, user: i64) -> Result<i64, AppError> {
    Ok(n::table
        .filter(n::user_id.eq(user))
        .filter(n::read_at.is_null())
        .count()
        .get_result(c)?)
}

/// Marks a person's notification read (one of theirs only; reading twice keeps the first
/// time).
pub fn mark_read(c: &mut DbConn, user: i64, id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    let mine = n::table.filter(n::user_id.eq(user)).filter(n::id.eq(id));
    let exists: i64 = mine.count().get_result(c)?;
    if exists == 0 {
        return Err(AppError::NotFound("notification"));
    }
    diesel::update(mine.filter(n::read_at.is_null()))
        .set(n::read_at.eq(Some(Instant(now))))
        .execute(c)?;
    Ok(())
}

/// Marks all of a person's notifications read; returns how many were unread.
pub fn mark_all_read(c: &mut DbConn, user: i64, now: DateTime<Utc>) -> Result<usize, AppError> {
    Ok(diesel::update(
        n::table
            .filter(n::user_id.eq(user))
            .filter(n::read_at.is_null()),
    )
    .set(n::read_at.eq(Some(Instant(now))))
    .execute(c)?)
}

/// A notification to hand to a channel.
pub struct Outgoing {
    pub id: i64,
    pub user_id: i64,
    /// The person's phone (their login name when it is one), for SMS gateways.
    pub phone: Option<String>,
    pub title: String,
    pub body: String,
}

/// The oldest notifications no channel has taken yet.
pub fn unsent(c: &mut DbConn, limit: i64) -> Result<Vec<Outgoing>, AppError> {
    let rows: Vec<(i64, i64, String, String, String)> = n::table
        .inner_join(users::table.on(users::id.eq(n::user_id)))
        .filter(n::sent_at.is_null())
        .order(n::id)
        .limit(limit)
        .select((n::id, n::user_id, users::username, n::title, n::body))
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|(id, user_id, username, title, body)| Outgoing {
            id,
            user_id,
            phone: (username.len() == 11 && username.bytes().all(|b| b.is_ascii_digit()))
                .then_some(username),
            title,
            body,
        })
        .collect())
}

/// Marks notifications taken by the channel.
pub fn mark_sent(c: &mut DbConn, ids: &[i64], now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::update(n::table.filter(n::id.eq_any(ids)))
        .set(n::sent_at.eq(Some(Instant(now))))
        .execute(c)?;
    Ok(())
}
