//! Enrollments: the term's approved applications, one row per child and offering, with
//! the date an enrollment ends (withdrawal). Fees, grouping and the daily rosters read this.

use actix_web::{get, web};
use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::informed::TermPath;
use super::model::weekdays_from_text;
use crate::auth::{Permission, SchoolScope};
use crate::db::schema::{application_offerings, applications, homerooms, offerings, students};
use crate::db::Db;
use crate::error::AppResult;
use crate::openapi::ReadErrors;
use crate::page::Items;

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

type Row = (
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

/// The term's enrollments: approved applications, and withdrawn ones with their end date.
#[utoipa::path(tag = "applications", params(TermPath), responses((status = 200, description = "Enrollments", body = Items<Enrollment>), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/enrollments")]
pub async fn list_enrollments(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Items<Enrollment>>> {
    scope.require(Permission::RosterRead)?;
    let (school, term) = (scope.school_id, path.term_id);
    let viewer = crate::auth::need_to_know::Viewer::of(&scope);
    let (rows, viewer): (Vec<Row>, _) = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            // Another school's term answers 404, not an empty list.
            crate::roster::store::terms::term(c, school, term)?;
            Ok(applications::table
                .inner_join(students::table.inner_join(homerooms::table))
                .inner_join(application_offerings::table.inner_join(offerings::table))
                .filter(applications::school_id.eq(school))
                .filter(applications::term_id.eq(term))
                .filter(
                    applications::status.eq("approved").or(applications::status
                        .eq("withdrawn")
                        .and(applications::withdraw_effective_date.is_not_null())),
                )
                .filter(
                    application_offerings::placement
                        .ne("left")
                        .or(applications::status.eq("withdrawn")),
                )
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
                .order((homerooms::grade, homerooms::id, students::id, offerings::id))
                .load(c)
                .map(|rows| (rows, viewer))?)
        })
        .await?;
    let items = rows
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
    Ok(web::Json(Items { items }))
}
