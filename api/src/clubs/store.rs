//! The catalogue's queries. Every function takes the school first and filters by it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::audit::{Actor, Event};
use crate::auth::SchoolId;
use crate::clubs::error::ClubError;
use crate::clubs::model::{checks_from_text, checks_to_text, require_external_teacher, status_of};
use crate::clubs::types::{Club, NewClub, Vetting};
use crate::db::schema::{club_choices, clubs, users};
use crate::db::schema::{homerooms as homeroom_rows, rooms as room_rows, staff as staff_rows};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::model::{weekdays_from_text, weekdays_to_text};
use crate::roster::store::{homerooms, rooms, staff, terms};

/// A club as stored (without its first-choice count).
#[derive(Queryable)]
struct ClubRow {
    id: i64,
    term_id: i64,
    name: String,
    category: String,
    description: String,
    capacity: i32,
    grade_min: i32,
    grade_max: i32,
    weekdays: String,
    homeroom_id: Option<i64>,
    teacher_staff_id: Option<i64>,
    external_teacher: Option<String>,
    vetting_status: String,
    room_id: Option<i64>,
    version: i64,
    taken: i32,
    waiting: i32,
    vetted_by: Option<i64>,
    vetted_at: Option<Instant>,
    vetting_checks: String,
}

impl ClubRow {
    fn into_club(self, first_choices: i64) -> Club {
        Club {
            id: self.id,
            term_id: self.term_id,
            name: self.name,
            category: self.category,
            description: self.description,
            capacity: self.capacity,
            grade_min: self.grade_min,
            grade_max: self.grade_max,
            weekdays: weekdays_from_text(&self.weekdays),
            homeroom_id: self.homeroom_id,
            teacher_staff_id: self.teacher_staff_id,
            external_teacher: self.external_teacher,
            vetting_status: self.vetting_status,
            vetted_by: self.vetted_by,
            vetted_at: self.vetted_at.map(|i| i.0),
            vetting_checks: checks_from_text(&self.vetting_checks),
            room_id: self.room_id,
            teacher_name: None,
            room_name: None,
            homeroom_name: None,
            vetted_by_name: None,
            first_choices,
            taken: self.taken,
            waiting: self.waiting,
            version: self.version,
        }
    }
}

/// The term's clubs (all terms' when none), in id order.
pub fn list(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
) -> Result<Vec<Club>, AppError> {
    load(c, school_id, term_id, None, None)
}

/// One page of the catalogue in id order: `limit + 1` clubs after `after`.
pub fn page(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Club>, AppError> {
    load(c, school_id, term_id, after, Some(limit + 1))
}

/// One club of the school.
pub fn get(c: &mut DbConn, school: SchoolId, id: i64) -> Result<Club, AppError> {
    let term: i64 = clubs::table
        .filter(clubs::school_id.eq(school))
        .filter(clubs::id.eq(id))
        .select(clubs::term_id)
        .first(c)
        .optional()?
        .ok_or(ClubError::NotFound)?;
    list(c, school, Some(term))?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or_else(|| ClubError::NotFound.into())
}

fn load(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
    after: Option<i64>,
    rows: Option<i64>,
) -> Result<Vec<Club>, AppError> {
    let mut q = clubs::table
        .filter(clubs::school_id.eq(school_id))
        .select((
            clubs::id,
            clubs::term_id,
            clubs::name,
            clubs::category,
            clubs::description,
            clubs::capacity,
            clubs::grade_min,
            clubs::grade_max,
            clubs::weekdays,
            clubs::homeroom_id,
            clubs::teacher_staff_id,
            clubs::external_teacher,
            clubs::vetting_status,
            clubs::room_id,
            clubs::version,
            clubs::taken,
            clubs::waiting,
            clubs::vetted_by,
            clubs::vetted_at,
            clubs::vetting_checks,
        ))
        .order(clubs::id)
        .into_boxed();
    if let Some(t) = term_id {
        q = q.filter(clubs::term_id.eq(t));
    }
    if let Some(a) = after {
        q = q.filter(clubs::id.gt(a));
    }
    if let Some(n) = rows {
        q = q.limit(n);
    }
    let rows: Vec<ClubRow> = q.load(c)?;
    let firsts = first_choices(c, school_id, rows.iter().map(|r| r.id).collect())?;
    let names = Names::of(c, school_id, &rows)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let n = firsts.get(&r.id).copied().unwrap_or(0);
            let (teacher, room, homeroom) = (
                r.teacher_staff_id
                    .and_then(|i| names.staff.get(&i).cloned()),
                r.room_id.and_then(|i| names.rooms.get(&i).cloned()),
                r.homeroom_id.and_then(|i| names.homerooms.get(&i).cloned()),
            );
            let vetter = r.vetted_by.and_then(|i| names.users.get(&i).cloned());
            let mut club = r.into_club(n);
            club.teacher_name = teacher.or_else(|| club.external_teacher.clone());
            club.room_name = room;
            club.homeroom_name = homeroom;
            club.vetted_by_name = vetter;
            club
        })
        .collect())
}

/// The names of the clubs' teachers, rooms and homerooms, so that every reader (a parent
/// choosing, a tutor) sees names, not ids.
struct Names {
    staff: HashMap<i64, String>,
    rooms: HashMap<i64, String>,
    homerooms: HashMap<i64, String>,
    users: HashMap<i64, String>,
}

impl Names {
    fn of(c: &mut DbConn, school: SchoolId, rows: &[ClubRow]) -> Result<Names, AppError> {
        let ids = |f: fn(&ClubRow) -> Option<i64>| rows.iter().filter_map(f).collect::<Vec<_>>();
        Ok(Names {
            staff: staff_rows::table
                .filter(staff_rows::school_id.eq(school))
                .filter(staff_rows::id.eq_any(ids(|r| r.teacher_staff_id)))
                .select((staff_rows::id, staff_rows::name))
                .load::<(i64, String)>(c)?
                .into_iter()
                .collect(),
            rooms: room_rows::table
                .filter(room_rows::school_id.eq(school))
                .filter(room_rows::id.eq_any(ids(|r| r.room_id)))
                .select((room_rows::id, room_rows::name))
                .load::<(i64, String)>(c)?
                .into_iter()
                .collect(),
            homerooms: homeroom_rows::table
                .filter(homeroom_rows::school_id.eq(school))
                .filter(homeroom_rows::id.eq_any(ids(|r| r.homeroom_id)))
                .select((homeroom_rows::id, homeroom_rows::name))
                .load::<(i64, String)>(c)?
                .into_iter()
                .collect(),
            // The vetting admin by their name in the school, else their login's display name.
            users: users::table
                .left_join(
                    staff_rows::table.on(staff_rows::user_id
                        .eq(users::id.nullable())
                        .and(staff_rows::school_id.eq(school))),
                )
                .filter(users::id.eq_any(ids(|r| r.vetted_by)))
                .select((users::id, users::display_name, staff_rows::name.nullable()))
                .load::<(i64, String, Option<String>)>(c)?
                .into_iter()
                .map(|(id, display, name)| (id, name.unwrap_or(display)))
                .collect(),
        })
    }
}

/// How many applications rank each of these clubs first.
fn first_choices(
    c: &mut DbConn,
    school_id: SchoolId,
    ids: Vec<i64>,
) -> Result<HashMap<i64, i64>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(club_choices::table
        .filter(club_choices::school_id.eq(school_id))
        .filter(club_choices::club_id.eq_any(ids))
        .filter(club_choices::rank.eq(1))
        .group_by(club_choices::club_id)
        .select((club_choices::club_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(c)?
        .into_iter()
        .collect())
}

/// Refuses a club whose term, homeroom, room or staff teacher is not the school's.
fn check_references(c: &mut DbConn, school: SchoolId, b: &NewClub) -> Result<(), AppError> {
    terms::term(c, school, b.term_id).map_err(|_| ClubError::NoSuchTerm)?;
    if let Some(h) = b.homeroom_id {
        homerooms::homeroom(c, school, h).map_err(|_| ClubError::NoSuchHomeroom)?;
    }
    if let Some(r) = b.room_id {
        if !rooms::rooms(c, school)?.iter().any(|x| x.id == r) {
            return Err(ClubError::NoSuchRoom.into());
        }
    }
    if let Some(s) = b.teacher_staff_id {
        if !staff::staff_list(c, school, false)?
            .iter()
            .any(|x| x.id == s)
        {
            return Err(ClubError::NoSuchStaff.into());
        }
    }
    Ok(())
}

/// Adds a club with the vetting status [`crate::clubs::model::admit`] gave, after checking
/// what it refers to, and audits it.
pub fn create(
    c: &mut DbConn,
    school: SchoolId,
    b: &NewClub,
    vetting: &str,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Club, AppError> {
    check_references(c, school, b)?;
    let now = Instant(now);
    let id: i64 = diesel::insert_into(clubs::table)
        .values((
            clubs::school_id.eq(school),
            clubs::term_id.eq(b.term_id),
            clubs::name.eq(&b.name),
            clubs::category.eq(&b.category),
            clubs::description.eq(&b.description),
            clubs::capacity.eq(b.capacity),
            clubs::grade_min.eq(b.grade_min),
            clubs::grade_max.eq(b.grade_max),
            clubs::weekdays.eq(weekdays_to_text(&b.weekdays)),
            clubs::homeroom_id.eq(b.homeroom_id),
            clubs::teacher_staff_id.eq(b.teacher_staff_id),
            clubs::external_teacher.eq(&b.external_teacher),
            clubs::vetting_status.eq(vetting),
            clubs::room_id.eq(b.room_id),
            clubs::version.eq(1),
            clubs::created_at.eq(now),
            clubs::updated_at.eq(now),
        ))
        .returning(clubs::id)
        .get_result(c)
        .map_err(|e| match e {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                ClubError::DuplicateName.into()
            }
            e => AppError::from(e),
        })?;
    let club = list(c, school, Some(b.term_id))?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(ClubError::NotFound)?;
    Event::in_school(school, "club.create")
        .on("club", id)
        .after(&club)
        .record(c, actor)?;
    Ok(club)
}

/// Records the vetting of a club's external teacher by `user`, with the checks and the
/// note in the audit event.
pub fn vet(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    v: &Vetting,
    user: i64,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Club, AppError> {
    let before = get(c, school, id)?;
    require_external_teacher(before.external_teacher.as_deref())?;
    diesel::update(
        clubs::table
            .filter(clubs::school_id.eq(school))
            .filter(clubs::id.eq(id)),
    )
    .set((
        clubs::vetting_status.eq(status_of(v.decision)),
        clubs::vetted_by.eq(Some(user)),
        clubs::vetted_at.eq(Some(Instant(now))),
        clubs::vetting_checks.eq(checks_to_text(&v.checks)),
        clubs::version.eq(clubs::version + 1),
        clubs::updated_at.eq(Instant(now)),
    ))
    .execute(c)?;
    let after = get(c, school, id)?;
    let record = serde_json::json!({ "club": after, "note": v.note });
    Event::in_school(school, "club.vetting")
        .on("club", id)
        .before(&before)
        .after_json(Some(record.to_string()))
        .record(c, actor)?;
    Ok(after)
}
