//! The application list's filters, shared by the page and its total: term, status, the
//! caller's reach (homerooms or students), a change time, and a search by a student's name
//! or number.

use diesel::prelude::*;

use crate::applications::model::Status;
use crate::auth::SchoolId;
use crate::db::schema::{applications, students};
use crate::db::types::Instant;
use crate::db::{DbConn, MultiBackend};
use crate::error::AppError;

/// Filters of the application list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub term_id: Option<i64>,
    pub status: Option<Status>,
    pub homeroom_ids: Option<Vec<i64>>,
    pub student_ids: Option<Vec<i64>>,
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
    /// Part of a student's name, or the start of their student number.
    pub search: Option<String>,
}

type Query<'a> = applications::BoxedQuery<'a, MultiBackend>;

/// A `LIKE` pattern that matches `text` literally (`%`, `_` and `\` escaped).
fn literal(text: &str) -> String {
    text.chars()
        .flat_map(|ch| match ch {
            '%' | '_' | '\\' => vec!['\\', ch],
            _ => vec![ch],
        })
        .collect()
}

/// The students the homeroom and search filters leave (none asked: `None`). At most a
/// school's students, so they go into the main query as a list.
fn students_of(
    c: &mut DbConn,
    school_id: SchoolId,
    f: &Filter,
) -> Result<Option<Vec<i64>>, AppError> {
    let search = f.search.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if f.homeroom_ids.is_none() && search.is_none() {
        return Ok(None);
    }
    let mut q = students::table
        .filter(students::school_id.eq(school_id))
        .select(students::id)
        .into_boxed();
    if let Some(h) = &f.homeroom_ids {
        q = q.filter(students::homeroom_id.eq_any(h.clone()));
    }
    if let Some(text) = search {
        let (part, start) = (
            format!("%{}%", literal(text)),
            format!("{}%", literal(text)),
        );
        q = q.filter(
            students::name
                .like(part)
                .escape('\\')
                .or(students::student_no.like(start).escape('\\')),
        );
    }
    Ok(Some(q.load(c)?))
}

fn filtered<'a>(c: &mut DbConn, school_id: SchoolId, f: &Filter) -> Result<Query<'a>, AppError> {
    let mut q = applications::table
        .filter(applications::school_id.eq(school_id))
        .into_boxed();
    if let Some(t) = f.term_id {
        q = q.filter(applications::term_id.eq(t));
    }
    if let Some(s) = f.status {
        q = q.filter(applications::status.eq(s.as_str()));
    }
    if let Some(ids) = students_of(c, school_id, f)? {
        q = q.filter(applications::student_id.eq_any(ids));
    }
    if let Some(s) = &f.student_ids {
        q = q.filter(applications::student_id.eq_any(s.clone()));
    }
    if let Some(t) = f.updated_since {
        q = q.filter(applications::updated_at.ge(Instant(t)));
    }
    Ok(q)
}

/// Applications by id, paged: `limit + 1` after `after`.
pub fn ids(
    c: &mut DbConn,
    school_id: SchoolId,
    f: &Filter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<i64>, AppError> {
    let mut q = filtered(c, school_id, f)?
        .select(applications::id)
        .order(applications::id)
        .limit(limit + 1);
    if let Some(a) = after {
        q = q.filter(applications::id.gt(a));
    }
    Ok(q.load(c)?)
}

/// How many applications the filter holds (every page's total).
pub fn count(c: &mut DbConn, school_id: SchoolId, f: &Filter) -> Result<i64, AppError> {
    Ok(filtered(c, school_id, f)?.count().get_result(c)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_search_matches_wildcards_literally() {
        assert_eq!(super::literal("王_小%明\\"), "王\\_小\\%明\\\\");
        assert_eq!(super::literal("2026"), "2026");
    }
}
