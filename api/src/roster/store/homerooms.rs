//! Homerooms (行政班).

use chrono::Utc;
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::{homerooms, staff, students};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{Homeroom, NewHomeroom};

/// Homerooms with their student counts, by grade and id.
pub fn homerooms(
    c: &mut DbConn,
    school_id: SchoolId,
    grade: Option<i32>,
) -> Result<Vec<Homeroom>, AppError> {
    load(c, school_id, grade, None)
}

/// One page of homerooms with their student counts, in id order: `limit + 1` after `after`.
pub fn homerooms_page(
    c: &mut DbConn,
    school_id: SchoolId,
    grade: Option<i32>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Homeroom>, AppError> {
    load(c, school_id, grade, Some((after, limit)))
}

fn load(
    c: &mut DbConn,
    school_id: SchoolId,
    grade: Option<i32>,
    page: Option<(Option<i64>, i64)>,
) -> Result<Vec<Homeroom>, AppError> {
    let mut q = homerooms::table
        .filter(homerooms::school_id.eq(school_id))
        .select((
            homerooms::id,
            homerooms::grade,
            homerooms::name,
            homerooms::homeroom_teacher_id,
            homerooms::version,
        ))
        .into_boxed();
    if let Some(g) = grade {
        q = q.filter(homerooms::grade.eq(g));
    }
    q = match page {
        None => q.order((homerooms::grade, homerooms::id)),
        Some((after, limit)) => {
            if let Some(a) = after {
                q = q.filter(homerooms::id.gt(a));
            }
            q.order(homerooms::id).limit(limit + 1)
        }
    };
    let rows: Vec<(i64, i32, String, Option<i64>, i64)> = q.load(c)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let counts: std::collections::HashMap<i64, i64> = if ids.is_empty() {
        Default::default()
    } else {
        students::table
            .filter(students::school_id.eq(school_id))
            .filter(students::homeroom_id.eq_any(ids))
            .group_by(students::homeroom_id)
            .select((students::homeroom_id, count_star()))
            .load::<(i64, i64)>(c)?
            .into_iter()
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| Homeroom {
            id: r.0,
            school_id: school_id.get(),
            grade: r.1,
            name: r.2,
            homeroom_teacher_id: r.3,
            student_count: counts.get(&r.0).copied().unwrap_or(0),
            version: r.4,
        })
        .collect())
}

/// One homeroom.
pub fn homeroom(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<Homeroom, AppError> {
    homerooms(c, school_id, None)?
        .into_iter()
        .find(|h| h.id == id)
        .ok_or(AppError::NotFound("homeroom"))
}

fn check_teacher(
    c: &mut DbConn,
    school_id: SchoolId,
    teacher: Option<i64>,
) -> Result<(), AppError> {
    if let Some(t) = teacher {
        let found = staff::table
            .filter(staff::school_id.eq(school_id))
            .filter(staff::id.eq(t))
            .count()
            .get_result::<i64>(c)?;
        if found == 0 {
            return Err(AppError::field(
                "homeroom_teacher_id",
                "not_found",
                "no such staff member in this school",
            ));
        }
    }
    Ok(())
}

/// Creates a homeroom.
pub fn insert_homeroom(
    c: &mut DbConn,
    school_id: SchoolId,
    h: &NewHomeroom,
    actor: &Actor,
) -> Result<Homeroom, AppError> {
    check_teacher(c, school_id, h.homeroom_teacher_id)?;
    let now = Instant(Utc::now());
    let id: i64 = diesel::insert_into(homerooms::table)
        .values((
            homerooms::school_id.eq(school_id),
            homerooms::grade.eq(h.grade),
            homerooms::name.eq(h.name.trim()),
            homerooms::homeroom_teacher_id.eq(h.homeroom_teacher_id),
            homerooms::version.eq(1),
            homerooms::created_at.eq(now),
            homerooms::updated_at.eq(now),
        ))
        .returning(homerooms::id)
        .get_result(c)
        .map_err(crate::error::unique_as(
            "homeroom.duplicate_name",
            format!("a homeroom named {} exists", h.name),
        ))?;
    let created = homeroom(c, school_id, id)?;
    audit::Event::in_school(school_id, "homeroom.create")
        .on("homeroom", id)
        .after(&created)
        .record(c, actor)?;
    Ok(created)
}

/// Renames a homeroom or changes its homeroom teacher if `version` is current.
pub fn update_homeroom(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    h: &crate::roster::model::HomeroomPatch,
    actor: &Actor,
) -> Result<Homeroom, AppError> {
    let before = homeroom(c, school_id, id)?;
    super::expect_version(before.version, version)?;
    let teacher = h.homeroom_teacher_id.or(before.homeroom_teacher_id);
    check_teacher(c, school_id, h.homeroom_teacher_id)?;
    let n = diesel::update(
        homerooms::table
            .filter(homerooms::school_id.eq(school_id))
            .filter(homerooms::id.eq(id))
            .filter(homerooms::version.eq(version)),
    )
    .set((
        homerooms::name.eq(h.name.as_deref().map(str::trim).unwrap_or(&before.name)),
        homerooms::homeroom_teacher_id.eq(teacher),
        homerooms::version.eq(version + 1),
        homerooms::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)
    .map_err(crate::error::unique_as(
        "homeroom.duplicate_name",
        "a homeroom with this name exists",
    ))?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    let after = homeroom(c, school_id, id)?;
    audit::Event::in_school(school_id, "homeroom.update")
        .on("homeroom", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Deletes an empty homeroom if `version` is current.
pub fn delete_homeroom(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    actor: &Actor,
) -> Result<(), AppError> {
    let before = homeroom(c, school_id, id)?;
    super::expect_version(before.version, version)?;
    if before.student_count > 0 {
        return Err(AppError::Conflict {
            code: "homeroom.not_empty",
            detail: format!(
                "{} students are still in this homeroom; move them first",
                before.student_count
            ),
        });
    }
    diesel::delete(
        homerooms::table
            .filter(homerooms::school_id.eq(school_id))
            .filter(homerooms::id.eq(id))
            .filter(homerooms::version.eq(version)),
    )
    .execute(c)?;
    audit::Event::in_school(school_id, "homeroom.delete")
        .on("homeroom", id)
        .before(&before)
        .record(c, actor)
}
