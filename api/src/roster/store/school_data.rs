//! Schools, terms, homerooms, rooms and staff.

use chrono::{NaiveDate, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::expect_version;
use crate::audit::{self, snapshot, Actor};
use crate::auth::store::parse_roles;
use crate::auth::{mask_phone, password};
use crate::db::schema::{homerooms, rooms, schools, staff, students, terms, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{
    Homeroom, NewHomeroom, NewStaff, Room, RoomInput, RoomKind, School, Staff, Term, TermInput,
};

/// One school.
pub fn school(c: &mut DbConn, school_id: i64) -> Result<School, AppError> {
    schools::table
        .find(school_id)
        .select((
            schools::id,
            schools::district_id,
            schools::name,
            schools::code,
            schools::time_zone,
            schools::version,
        ))
        .first::<(i64, i64, String, String, String, i64)>(c)
        .optional()?
        .map(|r| School {
            id: r.0,
            district_id: r.1,
            name: r.2,
            code: r.3,
            time_zone: r.4,
            version: r.5,
        })
        .ok_or(AppError::NotFound("school"))
}

/// The schools of a district, by id.
pub fn schools_of_district(
    c: &mut DbConn,
    district_id: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<School>, AppError> {
    let mut q = schools::table
        .filter(schools::district_id.eq(district_id))
        .select((
            schools::id,
            schools::district_id,
            schools::name,
            schools::code,
            schools::time_zone,
            schools::version,
        ))
        .order(schools::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(schools::id.gt(a));
    }
    Ok(q.load::<(i64, i64, String, String, String, i64)>(c)?
        .into_iter()
        .map(|r| School {
            id: r.0,
            district_id: r.1,
            name: r.2,
            code: r.3,
            time_zone: r.4,
            version: r.5,
        })
        .collect())
}

// ---- terms ----

type TermRow = (i64, i64, String, NaiveDate, NaiveDate, String, String, i64);

fn to_term(r: TermRow) -> Term {
    Term {
        id: r.0,
        school_id: r.1,
        name: r.2,
        start_date: r.3,
        end_date: r.4,
        holidays: serde_json::from_str(&r.5).unwrap_or_default(),
        makeup_workdays: serde_json::from_str(&r.6).unwrap_or_default(),
        version: r.7,
    }
}

const TERM_COLUMNS: (
    terms::id,
    terms::school_id,
    terms::name,
    terms::start_date,
    terms::end_date,
    terms::holidays,
    terms::makeup_workdays,
    terms::version,
) = (
    terms::id,
    terms::school_id,
    terms::name,
    terms::start_date,
    terms::end_date,
    terms::holidays,
    terms::makeup_workdays,
    terms::version,
);

/// The school's terms, newest first.
pub fn terms(c: &mut DbConn, school_id: i64) -> Result<Vec<Term>, AppError> {
    Ok(terms::table
        .filter(terms::school_id.eq(school_id))
        .select(TERM_COLUMNS)
        .order(terms::start_date.desc())
        .load::<TermRow>(c)?
        .into_iter()
        .map(to_term)
        .collect())
}

/// One term.
pub fn term(c: &mut DbConn, school_id: i64, id: i64) -> Result<Term, AppError> {
    terms::table
        .filter(terms::school_id.eq(school_id))
        .filter(terms::id.eq(id))
        .select(TERM_COLUMNS)
        .first::<TermRow>(c)
        .optional()?
        .map(to_term)
        .ok_or(AppError::NotFound("term"))
}

/// Creates a term.
pub fn insert_term(
    c: &mut DbConn,
    school_id: i64,
    t: &TermInput,
    actor: &Actor,
) -> Result<Term, AppError> {
    t.check()?;
    let now = Instant(Utc::now());
    let id: i64 = diesel::insert_into(terms::table)
        .values((
            terms::school_id.eq(school_id),
            terms::name.eq(&t.name),
            terms::start_date.eq(t.start_date),
            terms::end_date.eq(t.end_date),
            terms::holidays.eq(serde_json::to_string(&t.holidays).unwrap_or_default()),
            terms::makeup_workdays
                .eq(serde_json::to_string(&t.makeup_workdays).unwrap_or_default()),
            terms::version.eq(1),
            terms::created_at.eq(now),
            terms::updated_at.eq(now),
        ))
        .returning(terms::id)
        .get_result(c)?;
    let term = term(c, school_id, id)?;
    audit::record(
        c,
        actor,
        Some(school_id),
        "term.create",
        "term",
        Some(id),
        None,
        snapshot(&term),
    )?;
    Ok(term)
}

/// Replaces a term's fields if `version` is current.
pub fn update_term(
    c: &mut DbConn,
    school_id: i64,
    id: i64,
    version: i64,
    t: &TermInput,
    actor: &Actor,
) -> Result<Term, AppError> {
    t.check()?;
    let before = term(c, school_id, id)?;
    expect_version(before.version, version)?;
    let n = diesel::update(
        terms::table
            .filter(terms::school_id.eq(school_id))
            .filter(terms::id.eq(id))
            .filter(terms::version.eq(version)),
    )
    .set((
        terms::name.eq(&t.name),
        terms::start_date.eq(t.start_date),
        terms::end_date.eq(t.end_date),
        terms::holidays.eq(serde_json::to_string(&t.holidays).unwrap_or_default()),
        terms::makeup_workdays.eq(serde_json::to_string(&t.makeup_workdays).unwrap_or_default()),
        terms::version.eq(version + 1),
        terms::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    let after = term(c, school_id, id)?;
    audit::record(
        c,
        actor,
        Some(school_id),
        "term.update",
        "term",
        Some(id),
        snapshot(&before),
        snapshot(&after),
    )?;
    Ok(after)
}

// ---- homerooms ----

/// Homerooms with their student counts, by grade and name.
pub fn homerooms(
    c: &mut DbConn,
    school_id: i64,
    grade: Option<i32>,
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
        .order((homerooms::grade, homerooms::id))
        .into_boxed();
    if let Some(g) = grade {
        q = q.filter(homerooms::grade.eq(g));
    }
    let rows: Vec<(i64, i32, String, Option<i64>, i64)> = q.load(c)?;
    let counts: Vec<(i64, i64)> = students::table
        .filter(students::school_id.eq(school_id))
        .group_by(students::homeroom_id)
        .select((students::homeroom_id, count_star()))
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| Homeroom {
            id: r.0,
            school_id,
            grade: r.1,
            name: r.2,
            homeroom_teacher_id: r.3,
            student_count: counts
                .iter()
                .find(|(h, _)| *h == r.0)
                .map(|(_, n)| *n)
                .unwrap_or(0),
            version: r.4,
        })
        .collect())
}

/// One homeroom.
pub fn homeroom(c: &mut DbConn, school_id: i64, id: i64) -> Result<Homeroom, AppError> {
    homerooms(c, school_id, None)?
        .into_iter()
        .find(|h| h.id == id)
        .ok_or(AppError::NotFound("homeroom"))
}

fn check_teacher(c: &mut DbConn, school_id: i64, teacher: Option<i64>) -> Result<(), AppError> {
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
    school_id: i64,
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
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => AppError::Conflict {
                code: "homeroom.duplicate_name",
                detail: format!("a homeroom named {} exists", h.name),
            },
            e => e.into(),
        })?;
    let created = homeroom(c, school_id, id)?;
    audit::record(
        c,
        actor,
        Some(school_id),
        "homeroom.create",
        "homeroom",
        Some(id),
        None,
        snapshot(&created),
    )?;
    Ok(created)
}

// ---- rooms ----

type RoomRow = (i64, String, i32, String, i64);

fn to_room(school_id: i64, r: RoomRow) -> Room {
    Room {
        id: r.0,
        school_id,
        name: r.1,
        capacity: r.2,
        kind: if r.3 == "outdoor" {
            RoomKind::Outdoor
        } else {
            RoomKind::Indoor
        },
        version: r.4,
    }
}

/// The school's rooms.
pub fn rooms(c: &mut DbConn, school_id: i64) -> Result<Vec<Room>, AppError> {
    Ok(rooms::table
        .filter(rooms::school_id.eq(school_id))
        .select((
            rooms::id,
            rooms::name,
            rooms::capacity,
            rooms::kind,
            rooms::version,
        ))
        .order(rooms::id)
        .load::<RoomRow>(c)?
        .into_iter()
        .map(|r| to_room(school_id, r))
        .collect())
}

fn kind_str(k: RoomKind) -> &'static str {
    match k {
        RoomKind::Indoor => "indoor",
        RoomKind::Outdoor => "outdoor",
    }
}

/// Creates a room.
pub fn insert_room(
    c: &mut DbConn,
    school_id: i64,
    r: &RoomInput,
    actor: &Actor,
) -> Result<Room, AppError> {
    let now = Instant(Utc::now());
    let id: i64 = diesel::insert_into(rooms::table)
        .values((
            rooms::school_id.eq(school_id),
            rooms::name.eq(r.name.trim()),
            rooms::capacity.eq(r.capacity),
            rooms::kind.eq(kind_str(r.kind)),
            rooms::version.eq(1),
            rooms::created_at.eq(now),
            rooms::updated_at.eq(now),
        ))
        .returning(rooms::id)
        .get_result(c)?;
    let room = rooms(c, school_id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("room"))?;
    audit::record(
        c,
        actor,
        Some(school_id),
        "room.create",
        "room",
        Some(id),
        None,
        snapshot(&room),
    )?;
    Ok(room)
}

/// Replaces a room's fields if `version` is current.
pub fn update_room(
    c: &mut DbConn,
    school_id: i64,
    id: i64,
    version: i64,
    r: &RoomInput,
    actor: &Actor,
) -> Result<Room, AppError> {
    let before = rooms(c, school_id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("room"))?;
    expect_version(before.version, version)?;
    let n = diesel::update(
        rooms::table
            .filter(rooms::school_id.eq(school_id))
            .filter(rooms::id.eq(id))
            .filter(rooms::version.eq(version)),
    )
    .set((
        rooms::name.eq(r.name.trim()),
        rooms::capacity.eq(r.capacity),
        rooms::kind.eq(kind_str(r.kind)),
        rooms::version.eq(version + 1),
        rooms::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    let after = rooms(c, school_id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("room"))?;
    audit::record(
        c,
        actor,
        Some(school_id),
        "room.update",
        "room",
        Some(id),
        snapshot(&before),
        snapshot(&after),
    )?;
    Ok(after)
}

// ---- staff ----

type StaffRow = (
    i64,
    Option<i64>,
    String,
    String,
    String,
    i64,
    Option<String>,
);

/// The school's staff; phones masked unless `full_phones`.
pub fn staff_list(
    c: &mut DbConn,
    school_id: i64,
    full_phones: bool,
) -> Result<Vec<Staff>, AppError> {
    let rows: Vec<StaffRow> = staff::table
        .left_join(users::table)
        .filter(staff::school_id.eq(school_id))
        .select((
            staff::id,
            staff::user_id,
            staff::name,
            staff::phone,
            staff::roles,
            staff::version,
            users::username.nullable(),
        ))
        .order(staff::id)
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| Staff {
            id: r.0,
            school_id,
            user_id: r.1,
            username: r.6,
            name: r.2,
            phone: if full_phones { r.3 } else { mask_phone(&r.3) },
            roles: parse_roles(&r.4),
            version: r.5,
        })
        .collect())
}

/// Creates a staff member, and a login when a username is given.
pub fn insert_staff(
    c: &mut DbConn,
    school_id: i64,
    s: &NewStaff,
    actor: &Actor,
) -> Result<Staff, AppError> {
    if s.roles.contains(&crate::auth::Role::DistrictAdmin) {
        return Err(AppError::field(
            "roles",
            "not_allowed",
            "district_admin is granted by the district, not a school",
        ));
    }
    let now = Instant(Utc::now());
    let user_id = match (&s.username, &s.password) {
        (Some(username), Some(pw)) => {
            let hash = password::hash(pw)?;
            let id: i64 = diesel::insert_into(users::table)
                .values((
                    users::kind.eq("staff"),
                    users::username.eq(username),
                    users::password_hash.eq(Some(hash)),
                    users::display_name.eq(&s.name),
                    users::failed_logins.eq(0),
                    users::disabled.eq(false),
                    users::created_at.eq(now),
                    users::updated_at.eq(now),
                ))
                .returning(users::id)
                .get_result(c)
                .map_err(|e| match e {
                    diesel::result::Error::DatabaseError(
                        diesel::result::DatabaseErrorKind::UniqueViolation,
                        _,
                    ) => AppError::Conflict {
                        code: "staff.duplicate_username",
                        detail: format!("username {username} is taken"),
                    },
                    e => e.into(),
                })?;
            Some(id)
        }
        (None, None) => None,
        _ => {
            return Err(AppError::field(
                "password",
                "required",
                "username and password go together",
            ))
        }
    };
    let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
    let id: i64 = diesel::insert_into(staff::table)
        .values((
            staff::school_id.eq(school_id),
            staff::user_id.eq(user_id),
            staff::name.eq(&s.name),
            staff::phone.eq(&s.phone),
            staff::roles.eq(roles.join(",")),
            staff::version.eq(1),
            staff::created_at.eq(now),
            staff::updated_at.eq(now),
        ))
        .returning(staff::id)
        .get_result(c)?;
    let created = staff_list(c, school_id, true)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("staff"))?;
    audit::record(
        c,
        actor,
        Some(school_id),
        "staff.create",
        "staff",
        Some(id),
        None,
        snapshot(&created),
    )?;
    Ok(created)
}
