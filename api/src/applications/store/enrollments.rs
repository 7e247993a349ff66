//! Enrollments: the term's approved applications, one row per child and offering, with
//! the date an enrollment ends (withdrawal). Fees, grouping and the daily rosters read this.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::applications::types::Enrollment;
use crate::auth::SchoolId;
use crate::db::schema::{application_offerings, applications, homerooms, offerings, students};
use crate::db::DbConn;
use crate::error::AppError;
use crate::http::page::Page;
use crate::plans::model::weekdays_from_text;

/// One enrollment row as loaded.
#[derive(Queryable)]
struct Row {
    application_id: i64,
    student_id: i64,
    student_name: String,
    homeroom_id: i64,
    homeroom_name: String,
    offering_id: i64,
    kind: String,
    weekdays: String,
    placement: String,
    ends_on: Option<NaiveDate>,
    exemption_category: Option<String>,
}

impl Row {
    fn into_enrollment(self) -> Enrollment {
        Enrollment {
            application_id: self.application_id,
            student_id: self.student_id,
            student_name: self.student_name,
            homeroom_id: self.homeroom_id,
            homeroom_name: self.homeroom_name,
            offering_id: self.offering_id,
            kind: self.kind,
            weekdays: weekdays_from_text(&self.weekdays),
            // A withdrawn child was enrolled until the end date.
            placement: if self.ends_on.is_some() {
                "enrolled".into()
            } else {
                self.placement
            },
            ends_on: self.ends_on,
            exemption_category: self.exemption_category,
        }
    }
}

/// Applications that count for the term: approved, and withdrawn ones with their end date.
macro_rules! counted {
    ($school:expr, $term:expr) => {
        applications::school_id
            .eq($school)
            .and(applications::term_id.eq($term))
            .and(
                applications::status.eq("approved").or(applications::status
                    .eq("withdrawn")
                    .and(applications::withdraw_effective_date.is_not_null())),
            )
            .and(
                application_offerings::placement
                    .ne("left")
                    .or(applications::status.eq("withdrawn")),
            )
    };
}

/// One page of the term's enrollments, paged on applications (id order, `limit + 1` ids
/// after `after`), so that one application's offerings never split across pages. Within
/// an application the rows are in offering order.
pub fn page_of_term(
    c: &mut DbConn,
    school: SchoolId,
    term: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Page<Enrollment>, AppError> {
    let mut q = applications::table
        .inner_join(application_offerings::table)
        .filter(counted!(school, term))
        .select(applications::id)
        .distinct()
        .order(applications::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(applications::id.gt(a));
    }
    let ids = Page::from_rows(q.load::<i64>(c)?, limit, |id| *id);
    let rows = if ids.items.is_empty() {
        Vec::new()
    } else {
        applications::table
            .inner_join(students::table.inner_join(homerooms::table))
            .inner_join(application_offerings::table.inner_join(offerings::table))
            .filter(counted!(school, term))
            .filter(applications::id.eq_any(ids.items.clone()))
            .select((
                applications::id,
                students::id,
                students::name,
                homerooms::id,
                homerooms::name,
                offerings::id,
                offerings::kind,
                application_offerings::weekdays,
                application_offerings::placement,
                applications::withdraw_effective_date,
                applications::exemption_category,
            ))
            .order((applications::id, offerings::id))
            .load::<Row>(c)?
    };
    Ok(Page {
        items: rows.into_iter().map(Row::into_enrollment).collect(),
        next_cursor: ids.next_cursor,
        total: None,
    })
}
