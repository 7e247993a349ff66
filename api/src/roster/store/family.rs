//! The guardian-facing read of the roster: an account's children in every school.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::{guardians, homerooms, schools, student_guardians, students};
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{flags_from_text, StudentFlag};

/// One of the caller's children.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Child {
    pub student_id: i64,
    pub school_id: i64,
    pub school_name: String,
    pub name: String,
    pub grade: i32,
    /// The child's homeroom (clubs may be restricted to one).
    pub homeroom_id: i64,
    pub homeroom_name: String,
    /// Boards at school (some offerings exclude boarders).
    pub boarder: bool,
    /// How the caller is related, e.g. 母亲.
    pub relation: String,
}

#[derive(Queryable)]
struct ChildRow {
    student_id: i64,
    school_id: i64,
    school_name: String,
    name: String,
    grade: i32,
    homeroom_id: i64,
    homeroom_name: String,
    flags: String,
    relation: String,
}

/// The children of a guardian account, in every school that linked it, in id order. Not
/// tenant-scoped on purpose: a family's account spans schools; each row is reached
/// through the account's own guardian links.
pub fn children_of_account(c: &mut DbConn, user_id: i64) -> Result<Vec<Child>, AppError> {
    let rows: Vec<ChildRow> = student_guardians::table
        .inner_join(guardians::table)
        .inner_join(students::table.inner_join(homerooms::table))
        .inner_join(schools::table.on(schools::id.eq(student_guardians::school_id)))
        .filter(guardians::user_id.eq(user_id))
        .select((
            students::id,
            students::school_id,
            schools::name,
            students::name,
            students::grade,
            homerooms::id,
            homerooms::name,
            students::flags,
            student_guardians::relation,
        ))
        .order(students::id)
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| Child {
            student_id: r.student_id,
            school_id: r.school_id,
            school_name: r.school_name,
            name: r.name,
            grade: r.grade,
            homeroom_id: r.homeroom_id,
            homeroom_name: r.homeroom_name,
            boarder: flags_from_text(&r.flags).contains(&StudentFlag::Boarder),
            relation: r.relation,
        })
        .collect())
}
