//! A district's schools: creating and editing them, and the figures its school list shows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::{DistrictId, SchoolId};
use crate::db::schema::{schools, service_plans, staff, students, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::{unique_as, AppError};
use crate::onboarding::model::{
    check_school_fields, NewSchool, School, SchoolEdit, SchoolKind, SchoolOverview,
};

type SchoolRow = (i64, i64, String, String, String, String, i64);

fn columns() -> (
    schools::id,
    schools::district_id,
    schools::name,
    schools::code,
    schools::kind,
    schools::time_zone,
    schools::version,
) {
    (
        schools::id,
        schools::district_id,
        schools::name,
        schools::code,
        schools::kind,
        schools::time_zone,
        schools::version,
    )
}

fn to_school(r: SchoolRow) -> School {
    School {
        id: r.0,
        district_id: r.1,
        name: r.2,
        code: r.3,
        kind: SchoolKind::parse(&r.4),
        time_zone: r.5,
        version: r.6,
    }
}

/// One school.
pub fn school(c: &mut DbConn, school_id: SchoolId) -> Result<School, AppError> {
    schools::table
        .find(school_id)
        .select(columns())
        .first::<SchoolRow>(c)
        .optional()?
        .map(to_school)
        .ok_or(AppError::NotFound("school"))
}

/// A school of `district` (404 for a school of another district).
fn school_in(c: &mut DbConn, district: DistrictId, id: i64) -> Result<School, AppError> {
    schools::table
        .filter(schools::id.eq(id))
        .filter(schools::district_id.eq(district))
        .select(columns())
        .first::<SchoolRow>(c)
        .optional()?
        .map(to_school)
        .ok_or(AppError::NotFound("school"))
}

/// The schools of a district, by id: `limit + 1` after `after`.
pub fn schools_of_district(
    c: &mut DbConn,
    district_id: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<School>, AppError> {
    let mut q = schools::table
        .filter(schools::district_id.eq(district_id))
        .select(columns())
        .order(schools::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(schools::id.gt(a));
    }
    Ok(q.load::<SchoolRow>(c)?.into_iter().map(to_school).collect())
}

fn code_taken(code: &str) -> impl FnOnce(diesel::result::Error) -> AppError {
    unique_as(
        "school.code_taken",
        format!("the school code {code} is taken"),
    )
}

/// Creates a school in `district`.
pub fn create_school(
    c: &mut DbConn,
    district: DistrictId,
    s: &NewSchool,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<School, AppError> {
    let tz = s.time_zone.as_deref().unwrap_or("Asia/Shanghai");
    check_school_fields(Some(&s.code), Some(tz))?;
    let id: i64 = diesel::insert_into(schools::table)
        .values((
            schools::district_id.eq(district),
            schools::name.eq(s.name.trim()),
            schools::code.eq(&s.code),
            schools::kind.eq(s.kind.as_str()),
            schools::time_zone.eq(tz),
            schools::version.eq(1),
            schools::created_at.eq(Instant(now)),
            schools::updated_at.eq(Instant(now)),
        ))
        .returning(schools::id)
        .get_result(c)
        .map_err(code_taken(&s.code))?;
    let created = school_in(c, district, id)?;
    audit::Event::in_school(SchoolId::of_stored_row(id), "school.create")
        .on("school", id)
        .after(&created)
        .record(c, actor)?;
    Ok(created)
}

/// Edits a school of `district` if `version` is current.
pub fn update_school(
    c: &mut DbConn,
    district: DistrictId,
    id: i64,
    version: i64,
    e: &SchoolEdit,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<School, AppError> {
    check_school_fields(e.code.as_deref(), e.time_zone.as_deref())?;
    let before = school_in(c, district, id)?;
    if before.version != version {
        return Err(AppError::Stale);
    }
    let code = e.code.as_deref().unwrap_or(&before.code);
    let n = diesel::update(
        schools::table
            .filter(schools::id.eq(id))
            .filter(schools::version.eq(version)),
    )
    .set((
        schools::name.eq(e.name.as_deref().map_or(before.name.as_str(), str::trim)),
        schools::code.eq(code),
        schools::kind.eq(e.kind.unwrap_or(before.kind).as_str()),
        schools::time_zone.eq(e.time_zone.as_deref().unwrap_or(&before.time_zone)),
        schools::version.eq(version + 1),
        schools::updated_at.eq(Instant(now)),
    ))
    .execute(c)
    .map_err(code_taken(code))?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    let after = school_in(c, district, id)?;
    audit::Event::in_school(SchoolId::of_stored_row(id), "school.update")
        .on("school", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

fn counts(rows: Vec<(i64, i64)>) -> HashMap<i64, i64> {
    rows.into_iter().collect()
}

/// A page of the district's schools with their figures (a few grouped queries per page,
/// never one per school).
pub fn overview(
    c: &mut DbConn,
    district: DistrictId,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<SchoolOverview>, AppError> {
    let page = schools_of_district(c, district.get(), after, limit)?;
    let ids: Vec<i64> = page.iter().map(|s| s.id).collect();
    let student_counts = counts(
        students::table
            .filter(students::school_id.eq_any(&ids))
            .group_by(students::school_id)
            .select((students::school_id, diesel::dsl::count_star()))
            .load(c)?,
    );
    let staff_counts = counts(
        staff::table
            .filter(staff::school_id.eq_any(&ids))
            .group_by(staff::school_id)
            .select((staff::school_id, diesel::dsl::count_star()))
            .load(c)?,
    );
    let admin_counts = counts(
        staff::table
            .inner_join(users::table)
            .filter(staff::school_id.eq_any(&ids))
            .filter(staff::roles.like("%school_admin%"))
            .filter(users::disabled.eq(false))
            .group_by(staff::school_id)
            .select((staff::school_id, diesel::dsl::count_star()))
            .load(c)?,
    );
    let mut plans: HashMap<i64, (i64, String)> = HashMap::new();
    let rows: Vec<(i64, i64, String)> = service_plans::table
        .filter(service_plans::school_id.eq_any(&ids))
        .select((
            service_plans::school_id,
            service_plans::id,
            service_plans::status,
        ))
        .load(c)?;
    for (school, id, status) in rows {
        let e = plans.entry(school).or_insert((id, status.clone()));
        if id > e.0 {
            *e = (id, status);
        }
    }
    Ok(page
        .into_iter()
        .map(|s| SchoolOverview {
            students: student_counts.get(&s.id).copied().unwrap_or(0),
            staff: staff_counts.get(&s.id).copied().unwrap_or(0),
            admins: admin_counts.get(&s.id).copied().unwrap_or(0),
            plan_status: plans.remove(&s.id).map(|p| p.1),
            id: s.id,
            district_id: s.district_id,
            name: s.name,
            code: s.code,
            kind: s.kind,
            time_zone: s.time_zone,
            version: s.version,
        })
        .collect())
}
