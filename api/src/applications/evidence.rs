//! The acceptance evidence of one student (what the family agreed to, provably).

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::applications::read;
use crate::applications::store::Application;
use crate::auth::{Permission, SchoolScope};
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, SchoolItemPath};
use crate::texts::versions as texts;
use crate::texts::versions::PlanText;

/// Everything that proves what a family agreed to, for one student.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AcceptanceEvidence {
    pub student_id: i64,
    pub applications: Vec<Application>,
    /// The exact texts accepted, with their hashes.
    pub texts: Vec<PlanText>,
    /// Whether each stored hash still matches its text (tamper check).
    pub hashes_match: bool,
}

/// The acceptance evidence of one student: applications, the exact agreement texts and their hashes.
#[utoipa::path(tag = "applications", params(SchoolItemPath), responses((status = 200, description = "The evidence", body = AcceptanceEvidence), ReadErrors), security(("bearer" = [])))]
#[get("/students/{id}/acceptance-evidence")]
pub async fn acceptance_evidence(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    db: web::Data<Db>,
) -> AppResult<web::Json<AcceptanceEvidence>> {
    scope.require(Permission::RosterWrite)?;
    let (school, student) = (scope.school(), path.1);
    let ev = db
        .run(move |c| {
            crate::roster::store::students::get(c, school, student)?;
            let f = read::Filter {
                student_ids: Some(vec![student]),
                ..Default::default()
            };
            let ids = read::ids(c, school, &f, None, 1000)?;
            let apps = ids
                .into_iter()
                .map(|id| read::get(c, school, id))
                .collect::<Result<Vec<_>, _>>()?;
            let mut text_ids: Vec<i64> = apps.iter().map(|a| a.acceptance.text_id).collect();
            text_ids.sort_unstable();
            text_ids.dedup();
            let texts = text_ids
                .into_iter()
                .map(|id| texts::text(c, school, id))
                .collect::<Result<Vec<_>, _>>()?;
            let hashes_match = apps.iter().all(|a| {
                texts.iter().any(|t| {
                    t.id == a.acceptance.text_id
                        && t.sha256 == a.acceptance.sha256
                        && texts::text_hash(&t.body) == t.sha256
                })
            });
            Ok(AcceptanceEvidence {
                student_id: student,
                applications: apps,
                texts,
                hashes_match,
            })
        })
        .await?;
    Ok(web::Json(ev))
}
