//! The acceptance evidence of one student: what the family agreed to, provably.

use crate::applications::store::read;
use crate::applications::types::AcceptanceEvidence;
use crate::auth::SchoolId;
use crate::db::DbConn;
use crate::error::AppError;
use crate::texts::model::text_hash;
use crate::texts::store::versions as texts;

/// The student's applications, the exact agreement texts they accepted, and whether each
/// stored hash still matches its text (a tamper check).
pub fn of_student(
    c: &mut DbConn,
    school: SchoolId,
    student: i64,
) -> Result<AcceptanceEvidence, AppError> {
    crate::roster::store::students::get(c, school, student)?;
    let f = read::Filter {
        student_ids: Some(vec![student]),
        ..Default::default()
    };
    let ids = read::ids(c, school, &f, None, 1000)?;
    let apps = read::get_many(c, school, &ids)?;
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
                && text_hash(&t.body) == t.sha256
        })
    });
    Ok(AcceptanceEvidence {
        student_id: student,
        applications: apps,
        texts,
        hashes_match,
    })
}
