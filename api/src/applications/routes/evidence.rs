//! The acceptance evidence of one student (what the family agreed to, provably).

use actix_web::{get, web};

use crate::applications::store::evidence;
use crate::applications::types::AcceptanceEvidence;
use crate::auth::{Permission, SchoolScope};
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, SchoolItemPath};

/// The acceptance evidence of one student: applications, the exact agreement texts and their hashes.
#[utoipa::path(tag = "applications", params(SchoolItemPath), responses((status = 200, description = "The evidence", body = AcceptanceEvidence), ReadErrors), security(("bearer" = [])))]
#[get("/students/{id}/acceptance-evidence")]
pub async fn acceptance_evidence(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<AcceptanceEvidence>> {
    scope.require(Permission::RosterWrite)?;
    let (school, student) = (scope.school(), path.id);
    let ev = db
        .run(move |c| evidence::of_student(c, school, student))
        .await?;
    Ok(web::Json(ev))
}
