//! Students.

use chrono::Utc;
use diesel::prelude::*;

use super::expect_version;
use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::{homerooms, pickup_persons, student_guardians, students};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{
    flags_from_text, flags_to_text, Gender, NewStudent, Student, StudentPatch,
};

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    i32,
    i64,
    String,
    i64,
    Instant,
    Instant,
    String,
    Option<String>,
);

macro_rules! student_columns {
    () => {
        (
            students::id,
            students::school_id,
            students::student_no,
            students::name,
            students::gender,
            students::grade,
            students::homeroom_id,
            students::flags,
            students::version,
            students::created_at,
            students::updated_at,
            homerooms::name,
            students::national_no,
        )
    };
}

fn to_student(r: Row) -> Student {
    Student {
        id: r.0,
        school_id: r.1,
        student_no: r.2,
        name: r.3,
        gender: Gender::parse(&r.4).unwrap_or(Gender::Male),
        grade: r.5,
        homeroom_id: r.6,
        flags: flags_from_text(&r.7),
        version: r.8,
        created_at: r.9 .0,
        updated_at: r.10 .0,
        homeroom_name: r.11,
        national_no: r.12,
    }
}

/// Filters of the student list.
#[derive(Debug, Clone, Default)]
pub struct StudentFilter {
    /// Name contains, or student number starts with.
    pub q: Option<String>,
    pub grade: Option<i32>,
    pub homeroom_id: Option<i64>,
    /// Changed at or after this instant.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

/// One page of students, ordered by id.
pub fn list(
    c: &mut DbConn,
    school_id: SchoolId,
    filter: &StudentFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Student>, AppError> {
    let mut q = students::table
        .inner_join(homerooms::table)
        .filter(students::school_id.eq(school_id))
        .select(student_columns!())
        .order(students::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(text) = filter.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let no_prefix = format!("{}%", text.replace(['%', '_'], ""));
        q = q.filter(
            students::name
                .like(super::contains_pattern(text))
                .or(students::student_no.like(no_prefix)),
        );
    }
    if let Some(g) = filter.grade {
        q = q.filter(students::grade.eq(g));
    }
    if let Some(h) = filter.homeroom_id {
        q = q.filter(students::homeroom_id.eq(h));
    }
    if let Some(t) = filter.updated_since {
        q = q.filter(students::updated_at.ge(crate::db::types::Instant(t)));
    }
    if let Some(a) = after {
        q = q.filter(students::id.gt(a));
    }
    Ok(q.load::<Row>(c)?.into_iter().map(to_student).collect())
}

/// One student of the school.
pub fn get(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<Student, AppError> {
    students::table
        .inner_join(homerooms::table)
        .filter(students::school_id.eq(school_id))
        .filter(students::id.eq(id))
        .select(student_columns!())
        .first::<Row>(c)
        .optional()?
        .map(to_student)
        .ok_or(AppError::NotFound("student"))
}

/// One student by number.
pub fn id_by_number(
    c: &mut DbConn,
    school_id: SchoolId,
    student_no: &str,
) -> Result<Option<(i64, i64)>, AppError> {
    Ok(students::table
        .filter(students::school_id.eq(school_id))
        .filter(students::student_no.eq(student_no))
        .select((students::id, students::version))
        .first(c)
        .optional()?)
}

/// Checks that the homeroom is this school's and of the student's grade.
pub fn check_homeroom(
    c: &mut DbConn,
    school_id: SchoolId,
    homeroom_id: i64,
    grade: i32,
) -> Result<(), AppError> {
    let found: Option<i32> = homerooms::table
        .filter(homerooms::school_id.eq(school_id))
        .filter(homerooms::id.eq(homeroom_id))
        .select(homerooms::grade)
        .first(c)
        .optional()?;
    match found {
        None => Err(AppError::field(
            "homeroom_id",
            "not_found",
            "no such homeroom in this school",
        )),
        Some(g) if g != grade => Err(AppError::field(
            "homeroom_id",
            "grade_mismatch",
            format!("the homeroom is grade {g}, the student grade {grade}"),
        )),
        Some(_) => Ok(()),
    }
}

/// Creates a student (in the caller's transaction) and audits it.
pub fn insert(
    c: &mut DbConn,
    school_id: SchoolId,
    new: &NewStudent,
    actor: &Actor,
) -> Result<Student, AppError> {
    check_homeroom(c, school_id, new.homeroom_id, new.grade)?;
    if id_by_number(c, school_id, &new.student_no)?.is_some() {
        return Err(AppError::Conflict {
            code: "student.duplicate_number",
            detail: format!(
                "student number {} is already used in this school",
                new.student_no
            ),
        });
    }
    let now = Instant(Utc::now());
    let id: i64 = diesel::insert_into(students::table)
        .values((
            students::school_id.eq(school_id),
            students::student_no.eq(&new.student_no),
            students::name.eq(new.name.trim()),
            students::gender.eq(new.gender.as_str()),
            students::grade.eq(new.grade),
            students::homeroom_id.eq(new.homeroom_id),
            students::flags.eq(flags_to_text(&new.flags)),
            students::version.eq(1),
            students::created_at.eq(now),
            students::updated_at.eq(now),
        ))
        .returning(students::id)
        .get_result(c)?;
    let student = get(c, school_id, id)?;
    audit::Event::in_school(school_id, "student.create")
        .on("student", id)
        .after(&student)
        .record(c, actor)?;
    Ok(student)
}

/// Applies a patch if `version` is current; audits before and after.
pub fn update(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    patch: &StudentPatch,
    actor: &Actor,
) -> Result<Student, AppError> {
    let before = get(c, school_id, id)?;
    expect_version(before.version, version)?;
    let grade = patch.grade.unwrap_or(before.grade);
    let homeroom_id = patch.homeroom_id.unwrap_or(before.homeroom_id);
    if patch.grade.is_some() || patch.homeroom_id.is_some() {
        check_homeroom(c, school_id, homeroom_id, grade)?;
    }
    if let Some(no) = patch
        .student_no
        .as_deref()
        .filter(|n| *n != before.student_no)
    {
        if id_by_number(c, school_id, no)?.is_some() {
            return Err(AppError::Conflict {
                code: "student.duplicate_number",
                detail: format!("student number {no} is already used in this school"),
            });
        }
    }
    let flags = patch
        .flags
        .as_deref()
        .map(flags_to_text)
        .unwrap_or_else(|| flags_to_text(&before.flags));
    let n = diesel::update(
        students::table
            .filter(students::school_id.eq(school_id))
            .filter(students::id.eq(id))
            .filter(students::version.eq(version)),
    )
    .set((
        students::student_no.eq(patch.student_no.as_deref().unwrap_or(&before.student_no)),
        students::name.eq(patch.name.as_deref().map(str::trim).unwrap_or(&before.name)),
        students::gender.eq(patch.gender.unwrap_or(before.gender).as_str()),
        students::grade.eq(grade),
        students::homeroom_id.eq(homeroom_id),
        students::flags.eq(flags),
        students::version.eq(version + 1),
        students::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    let after = get(c, school_id, id)?;
    audit::Event::in_school(school_id, "student.update")
        .on("student", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Deletes a student with their guardian links and pickup persons.
pub fn delete(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    actor: &Actor,
) -> Result<(), AppError> {
    let before = get(c, school_id, id)?;
    expect_version(before.version, version)?;
    diesel::delete(
        student_guardians::table
            .filter(student_guardians::school_id.eq(school_id))
            .filter(student_guardians::student_id.eq(id)),
    )
    .execute(c)?;
    diesel::delete(
        pickup_persons::table
            .filter(pickup_persons::school_id.eq(school_id))
            .filter(pickup_persons::student_id.eq(id)),
    )
    .execute(c)?;
    let n = diesel::delete(
        students::table
            .filter(students::school_id.eq(school_id))
            .filter(students::id.eq(id))
            .filter(students::version.eq(version)),
    )
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    audit::Event::in_school(school_id, "student.delete")
        .on("student", id)
        .before(&before)
        .record(c, actor)?;
    Ok(())
}
