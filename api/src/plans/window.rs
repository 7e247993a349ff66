//! The recorded changes to an approved plan's application window.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::auth::SchoolId;
use crate::db::schema::{plan_window_changes as w, staff, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::types::WindowChange;

/// A plan's window before and after a change.
pub struct Change<'a> {
    pub from: (DateTime<Utc>, DateTime<Utc>),
    pub to: (DateTime<Utc>, DateTime<Utc>),
    pub reason: &'a str,
    pub by: Option<i64>,
    pub at: DateTime<Utc>,
}

/// Records a change.
pub fn record(c: &mut DbConn, school: SchoolId, plan: i64, ch: &Change) -> Result<(), AppError> {
    diesel::insert_into(w::table)
        .values((
            w::school_id.eq(school),
            w::plan_id.eq(plan),
            w::from_opens_at.eq(Instant(ch.from.0)),
            w::from_closes_at.eq(Instant(ch.from.1)),
            w::to_opens_at.eq(Instant(ch.to.0)),
            w::to_closes_at.eq(Instant(ch.to.1)),
            w::reason.eq(ch.reason),
            w::changed_by.eq(ch.by),
            w::changed_at.eq(Instant(ch.at)),
        ))
        .execute(c)?;
    Ok(())
}

type Row = (
    Instant,
    Instant,
    Instant,
    Instant,
    String,
    Option<i64>,
    Instant,
);

/// A plan's window changes, oldest first, each naming who made it as the school names them
/// (their display name when they are not on the school's staff).
pub fn changes(c: &mut DbConn, school: SchoolId, plan: i64) -> Result<Vec<WindowChange>, AppError> {
    let rows: Vec<Row> = w::table
        .filter(w::school_id.eq(school))
        .filter(w::plan_id.eq(plan))
        .order(w::id)
        .select((
            w::from_opens_at,
            w::from_closes_at,
            w::to_opens_at,
            w::to_closes_at,
            w::reason,
            w::changed_by,
            w::changed_at,
        ))
        .load(c)?;
    let mut out = Vec::with_capacity(rows.len());
    for (fo, fc, to, tc, reason, by, at) in rows {
        out.push(WindowChange {
            from_opens_at: fo.0,
            from_closes_at: fc.0,
            to_opens_at: to.0,
            to_closes_at: tc.0,
            reason,
            changed_by_name: by.map(|u| name_of(c, school, u)).transpose()?.flatten(),
            changed_at: at.0,
        });
    }
    Ok(out)
}

fn name_of(c: &mut DbConn, school: SchoolId, user: i64) -> Result<Option<String>, AppError> {
    let in_school: Option<String> = staff::table
        .filter(staff::school_id.eq(school))
        .filter(staff::user_id.eq(user))
        .select(staff::name)
        .first(c)
        .optional()?;
    if in_school.is_some() {
        return Ok(in_school);
    }
    Ok(users::table
        .find(user)
        .select(users::display_name)
        .first::<String>(c)
        .optional()?)
}
