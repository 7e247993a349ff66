//! Who is whose: the homerooms a teacher leads, the children of a guardian account. The
//! facts the access rules of applications and service requests are decided from.

use diesel::prelude::*;

use crate::auth::SchoolId;
use crate::db::schema::{guardians, homerooms, staff, student_guardians};
use crate::db::DbConn;
use crate::error::AppError;

/// The homerooms a user leads in this school.
pub fn homerooms_led_by(
    c: &mut DbConn,
    school_id: SchoolId,
    user_id: i64,
) -> Result<Vec<i64>, AppError> {
    Ok(homerooms::table
        .inner_join(staff::table.on(staff::id.nullable().eq(homerooms::homeroom_teacher_id)))
        .filter(homerooms::school_id.eq(school_id))
        .filter(staff::school_id.eq(school_id))
        .filter(staff::user_id.eq(user_id))
        .select(homerooms::id)
        .load(c)?)
}

/// The students of this school the user is a guardian of.
pub fn children_of(
    c: &mut DbConn,
    school_id: SchoolId,
    user_id: i64,
) -> Result<Vec<i64>, AppError> {
    Ok(student_guardians::table
        .inner_join(guardians::table)
        .filter(student_guardians::school_id.eq(school_id))
        .filter(guardians::user_id.eq(user_id))
        .select(student_guardians::student_id)
        .load(c)?)
}

/// 404 unless the user is a guardian of the student in this school.
pub fn require_guardian_of(
    c: &mut DbConn,
    school_id: SchoolId,
    user_id: i64,
    student_id: i64,
) -> Result<(), AppError> {
    let n: i64 = student_guardians::table
        .inner_join(guardians::table)
        .filter(student_guardians::school_id.eq(school_id))
        .filter(student_guardians::student_id.eq(student_id))
        .filter(guardians::user_id.eq(user_id))
        .count()
        .get_result(c)?;
    if n == 0 {
        return Err(AppError::NotFound("student"));
    }
    Ok(())
}
