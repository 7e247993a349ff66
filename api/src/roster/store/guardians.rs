//! The guardians of a school and their portal activation codes.

use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::{self, Actor};
use crate::auth::mask_phone;
use crate::auth::SchoolId;
use crate::db::schema::{guardians, student_guardians};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// A guardian as the school's list shows one.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GuardianSummary {
    pub id: i64,
    pub name: String,
    /// Masked unless the caller may see contacts.
    pub phone: String,
    /// Has a portal login.
    pub activated: bool,
    /// How many of the school's students they are linked to.
    pub student_count: i64,
}

/// One page of the school's guardians, by id; `q` matches name or phone.
pub fn page(
    c: &mut DbConn,
    school_id: SchoolId,
    q: Option<&str>,
    after: Option<i64>,
    limit: i64,
    full: bool,
) -> Result<Vec<GuardianSummary>, AppError> {
    let mut query = guardians::table
        .filter(guardians::school_id.eq(school_id))
        .select((
            guardians::id,
            guardians::name,
            guardians::phone,
            guardians::user_id,
        ))
        .order(guardians::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(text) = q.map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = super::contains_pattern(text);
        query = query.filter(
            guardians::name
                .like(pattern.clone())
                .or(guardians::phone.like(pattern)),
        );
    }
    if let Some(a) = after {
        query = query.filter(guardians::id.gt(a));
    }
    let rows: Vec<(i64, String, String, Option<i64>)> = query.load(c)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let counts: Vec<(i64, i64)> = student_guardians::table
        .filter(student_guardians::school_id.eq(school_id))
        .filter(student_guardians::guardian_id.eq_any(ids))
        .group_by(student_guardians::guardian_id)
        .select((student_guardians::guardian_id, count_star()))
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| GuardianSummary {
            id: r.0,
            name: r.1,
            phone: if full { r.2 } else { mask_phone(&r.2) },
            activated: r.3.is_some(),
            student_count: counts
                .iter()
                .find(|(g, _)| *g == r.0)
                .map(|(_, n)| *n)
                .unwrap_or(0),
        })
        .collect())
}

/// Stores a new activation code (hashed) for a guardian, replacing any earlier one.
pub fn set_activation_code(
    c: &mut DbConn,
    school_id: SchoolId,
    guardian_id: i64,
    hash: &str,
    expires: DateTime<Utc>,
    actor: &Actor,
) -> Result<(), AppError> {
    let n = diesel::update(
        guardians::table
            .filter(guardians::school_id.eq(school_id))
            .filter(guardians::id.eq(guardian_id)),
    )
    .set((
        guardians::activation_code_hash.eq(Some(hash)),
        guardians::activation_expires_at.eq(Some(Instant(expires))),
        guardians::activation_failures.eq(0),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::NotFound("guardian"));
    }
    let after = serde_json::json!({"guardian_id": guardian_id, "expires_at": expires});
    audit::Event::in_school(school_id, "guardian.activation_code")
        .on("guardian", guardian_id)
        .after_json(Some(after.to_string()))
        .record(c, actor)
}
