//! Terms and their calendars.

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;

use super::expect_version;
use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::terms;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{Term, TermInput};

type TermRow = (
    i64,
    i64,
    String,
    NaiveDate,
    NaiveDate,
    String,
    String,
    String,
    i64,
);

fn to_term(r: TermRow) -> Term {
    Term {
        id: r.0,
        school_id: r.1,
        name: r.2,
        start_date: r.3,
        end_date: r.4,
        holidays: serde_json::from_str(&r.5).unwrap_or_default(),
        makeup_workdays: serde_json::from_str(&r.6).unwrap_or_default(),
        makeup_timetable: serde_json::from_str(&r.7).unwrap_or_default(),
        version: r.8,
    }
}

const TERM_COLUMNS: (
    terms::id,
    terms::school_id,
    terms::name,
    terms::start_date,
    terms::end_date,
    terms::holidays,
    terms::makeup_workdays,
    terms::makeup_timetable,
    terms::version,
) = (
    terms::id,
    terms::school_id,
    terms::name,
    terms::start_date,
    terms::end_date,
    terms::holidays,
    terms::makeup_workdays,
    terms::makeup_timetable,
    terms::version,
);

/// One page of the school's terms in id order: `limit + 1` after `after`.
pub fn terms_page(
    c: &mut DbConn,
    school_id: SchoolId,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Term>, AppError> {
    let mut q = terms::table
        .filter(terms::school_id.eq(school_id))
        .select(TERM_COLUMNS)
        .order(terms::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(terms::id.gt(a));
    }
    Ok(q.load::<TermRow>(c)?.into_iter().map(to_term).collect())
}

/// One term.
pub fn term(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<Term, AppError> {
    terms::table
        .filter(terms::school_id.eq(school_id))
        .filter(terms::id.eq(id))
        .select(TERM_COLUMNS)
        .first::<TermRow>(c)
        .optional()?
        .map(to_term)
        .ok_or(AppError::NotFound("term"))
}

/// Creates a term.
pub fn insert_term(
    c: &mut DbConn,
    school_id: SchoolId,
    t: &TermInput,
    actor: &Actor,
) -> Result<Term, AppError> {
    t.check()?;
    let now = Instant(Utc::now());
    let id: i64 = diesel::insert_into(terms::table)
        .values((
            terms::school_id.eq(school_id),
            terms::name.eq(&t.name),
            terms::start_date.eq(t.start_date),
            terms::end_date.eq(t.end_date),
            terms::holidays.eq(serde_json::to_string(&t.holidays).unwrap_or_default()),
            terms::makeup_workdays
                .eq(serde_json::to_string(&t.makeup_workdays).unwrap_or_default()),
            terms::makeup_timetable
                .eq(serde_json::to_string(&t.makeup_timetable).unwrap_or_default()),
            terms::version.eq(1),
            terms::created_at.eq(now),
            terms::updated_at.eq(now),
        ))
        .returning(terms::id)
        .get_result(c)?;
    let term = term(c, school_id, id)?;
    audit::Event::in_school(school_id, "term.create")
        .on("term", id)
        .after(&term)
        .record(c, actor)?;
    Ok(term)
}

/// Replaces a term's fields if `version` is current.
pub fn update_term(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    t: &TermInput,
    actor: &Actor,
) -> Result<Term, AppError> {
    t.check()?;
    let before = term(c, school_id, id)?;
    expect_version(before.version, version)?;
    let n = diesel::update(
        terms::table
            .filter(terms::school_id.eq(school_id))
            .filter(terms::id.eq(id))
            .filter(terms::version.eq(version)),
    )
    .set((
        terms::name.eq(&t.name),
        terms::start_date.eq(t.start_date),
        terms::end_date.eq(t.end_date),
        terms::holidays.eq(serde_json::to_string(&t.holidays).unwrap_or_default()),
        terms::makeup_workdays.eq(serde_json::to_string(&t.makeup_workdays).unwrap_or_default()),
        terms::makeup_timetable.eq(serde_json::to_string(&t.makeup_timetable).unwrap_or_default()),
        terms::version.eq(version + 1),
        terms::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    let after = term(c, school_id, id)?;
    audit::Event::in_school(school_id, "term.update")
        .on("term", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}
