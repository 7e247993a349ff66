//! Enrollments: the term's approved applications, one row per child and offering, with
//! the date an enrollment ends (withdrawal). Fees, grouping and the daily rosters read this.

use actix_web::{get, web};
use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::applications::model::weekdays_from_text;
use crate::auth::SchoolId;
use crate::auth::{Permission, SchoolScope};
use crate::db::schema::{application_offerings, applications, homerooms, offerings, students};
use crate::db::{Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::ReadErrors;
use crate::http::docs::TermPath;
use crate::http::page::{Page, PageQuery};

/// One child in one offering.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Enrollment {
    pub application_id: i64,
    pub student_id: i64,
    pub student_name: String,
    pub homeroom_id: i64,
    pub homeroom_name: String,
    pub offering_id: i64,
    pub kind: String,
    pub weekdays: Vec<u8>,
    /// `enrolled`, or `waiting` behind a cap.
    pub placement: String,
    /// The last day of service after a withdrawal (null while enrolled).
    pub ends_on: Option<NaiveDate>,
    /// The fee-exemption category claimed, if any.
    pub exemption_category: Option<String>,
}

/// One enrollment row as loaded.
pub type Row = (
    i64,
    i64,
    String,
    i64,
    String,
    i64,
    String,
    String,
    String,
    Option<NaiveDate>,
    Option<String>,
);

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
) -> Result<Page<Row>, AppError> {
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
            .load(c)?
    };
    Ok(Page {
        items: rows,
        next_cursor: ids.next_cursor,
    })
}

/// The term's enrollments: approved applications, and withdrawn ones with their end date,
/// in application id order (a page holds all offerings of its applications).
#[utoipa::path(tag = "applications", params(TermPath, PageQuery), responses((status = 200, description = "Enrollments", body = Page<Enrollment>), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/enrollments")]
pub async fn list_enrollments(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    page: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Enrollment>>> {
    scope.require(Permission::RosterRead)?;
    let (limit, after) = (page.limit()?, page.after()?);
    let (school, term) = (scope.school(), path.term_id);
    let viewer = crate::auth::need_to_know::Viewer::of(&scope);
    let (rows, viewer) = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            // Another school's term answers 404, not an empty list.
            crate::roster::store::terms::term(c, school, term)?;
            Ok((page_of_term(c, school, term, after, limit)?, viewer))
        })
        .await?;
    let items = rows
        .items
        .into_iter()
        .map(|r| Enrollment {
            application_id: r.0,
            student_id: r.1,
            student_name: r.2,
            homeroom_id: r.3,
            homeroom_name: r.4,
            offering_id: r.5,
            kind: r.6,
            weekdays: weekdays_from_text(&r.7),
            placement: if r.9.is_some() {
                "enrolled".into()
            } else {
                r.8
            },
            ends_on: r.9,
            exemption_category: r
                .10
                .filter(|_| viewer.sees(crate::auth::need_to_know::Field::Exemptions, Some(r.3))),
        })
        .collect();
    Ok(web::Json(Page {
        items,
        next_cursor: rows.next_cursor,
    }))
}
