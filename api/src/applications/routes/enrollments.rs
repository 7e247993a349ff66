//! The term's enrollments, for fees, grouping and the daily rosters.

use actix_web::{get, web};

use crate::applications::store::enrollments;
use crate::applications::types::Enrollment;
use crate::auth::need_to_know::{Field, Viewer};
use crate::auth::{Permission, SchoolScope};
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, TermPath};
use crate::http::page::{Page, PageQuery};

/// The term's enrollments: approved applications, and withdrawn ones with their end date,
/// in application id order (a page holds all offerings of its applications).
#[utoipa::path(tag = "applications", params(TermPath, PageQuery), responses((status = 200, description = "Enrollments", body = Page<Enrollment>), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/enrollments")]
pub async fn list_enrollments(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Enrollment>>> {
    scope.require(Permission::RosterRead)?;
    let (limit, after) = (page.limit()?, page.after()?);
    let (school, term, viewer) = (scope.school(), path.term_id, Viewer::of(&scope));
    let rows = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            // Another school's term answers 404, not an empty list.
            crate::roster::store::terms::term(c, school, term)?;
            let mut rows = enrollments::page_of_term(c, school, term, after, limit)?;
            for e in &mut rows.items {
                if !viewer.sees(Field::Exemptions, Some(e.homeroom_id)) {
                    e.exemption_category = None;
                }
            }
            Ok(rows)
        })
        .await?;
    Ok(web::Json(rows))
}
