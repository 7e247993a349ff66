//! Rooms, function rooms and fields.

use chrono::Utc;
use diesel::prelude::*;

use super::expect_version;
use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::rooms;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{Room, RoomInput, RoomKind};

type RoomRow = (i64, String, i32, String, i64);

fn to_room(school_id: SchoolId, r: RoomRow) -> Room {
    Room {
        id: r.0,
        school_id: school_id.get(),
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
pub fn rooms(c: &mut DbConn, school_id: SchoolId) -> Result<Vec<Room>, AppError> {
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

/// One page of the school's rooms in id order: `limit + 1` after `after`.
pub fn rooms_page(
    c: &mut DbConn,
    school_id: SchoolId,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Room>, AppError> {
    let mut q = rooms::table
        .filter(rooms::school_id.eq(school_id))
        .select((
            rooms::id,
            rooms::name,
            rooms::capacity,
            rooms::kind,
            rooms::version,
        ))
        .order(rooms::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(rooms::id.gt(a));
    }
    Ok(q.load::<RoomRow>(c)?
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
    school_id: SchoolId,
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
    audit::Event::in_school(school_id, "room.create")
        .on("room", id)
        .after(&room)
        .record(c, actor)?;
    Ok(room)
}

/// Replaces a room's fields if `version` is current.
pub fn update_room(
    c: &mut DbConn,
    school_id: SchoolId,
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
    audit::Event::in_school(school_id, "room.update")
        .on("room", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Deletes a room if `version` is current.
pub fn delete_room(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    actor: &Actor,
) -> Result<(), AppError> {
    let before = rooms(c, school_id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("room"))?;
    expect_version(before.version, version)?;
    diesel::delete(
        rooms::table
            .filter(rooms::school_id.eq(school_id))
            .filter(rooms::id.eq(id))
            .filter(rooms::version.eq(version)),
    )
    .execute(c)?;
    audit::Event::in_school(school_id, "room.delete")
        .on("room", id)
        .before(&before)
        .record(c, actor)
}
