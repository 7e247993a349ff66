//! Guardians, their links to students, and pickup persons.

use chrono::Utc;
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::mask_phone;
use crate::auth::SchoolId;
use crate::db::schema::{guardians, pickup_persons, student_guardians};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{GuardianLink, PickupPerson, PickupPersonInput, StudentGuardian};

/// The guardians of a student.
pub fn guardians_of(
    c: &mut DbConn,
    school_id: SchoolId,
    student_id: i64,
    full: bool,
) -> Result<Vec<StudentGuardian>, AppError> {
    let rows: Vec<(i64, String, String, String, Option<i64>)> = student_guardians::table
        .inner_join(guardians::table)
        .filter(student_guardians::school_id.eq(school_id))
        .filter(student_guardians::student_id.eq(student_id))
        .select((
            guardians::id,
            guardians::name,
            guardians::phone,
            student_guardians::relation,
            guardians::user_id,
        ))
        .order(guardians::id)
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| StudentGuardian {
            id: r.0,
            name: r.1,
            phone: if full { r.2 } else { mask_phone(&r.2) },
            relation: r.3,
            activated: r.4.is_some(),
        })
        .collect())
}

/// Finds the school's guardian with this phone, or creates one; returns (id, created).
pub fn guardian_by_phone_or_new(
    c: &mut DbConn,
    school_id: SchoolId,
    name: &str,
    phone: &str,
) -> Result<(i64, bool), AppError> {
    let found: Option<i64> = guardians::table
        .filter(guardians::school_id.eq(school_id))
        .filter(guardians::phone.eq(phone))
        .select(guardians::id)
        .first(c)
        .optional()?;
    if let Some(id) = found {
        return Ok((id, false));
    }
    let now = Instant(Utc::now());
    let id = diesel::insert_into(guardians::table)
        .values((
            guardians::school_id.eq(school_id),
            guardians::name.eq(name.trim()),
            guardians::phone.eq(phone.trim()),
            guardians::version.eq(1),
            guardians::created_at.eq(now),
            guardians::updated_at.eq(now),
        ))
        .returning(guardians::id)
        .get_result(c)?;
    Ok((id, true))
}

/// Links a guardian to a student (idempotent: an existing link gets the new relation).
pub fn link_guardian(
    c: &mut DbConn,
    school_id: SchoolId,
    student_id: i64,
    g: &GuardianLink,
    actor: &Actor,
) -> Result<i64, AppError> {
    let (guardian_id, _) = guardian_by_phone_or_new(c, school_id, &g.name, &g.phone)?;
    let updated = diesel::update(
        student_guardians::table
            .filter(student_guardians::student_id.eq(student_id))
            .filter(student_guardians::guardian_id.eq(guardian_id)),
    )
    .set(student_guardians::relation.eq(&g.relation))
    .execute(c)?;
    if updated == 0 {
        diesel::insert_into(student_guardians::table)
            .values((
                student_guardians::school_id.eq(school_id),
                student_guardians::student_id.eq(student_id),
                student_guardians::guardian_id.eq(guardian_id),
                student_guardians::relation.eq(&g.relation),
            ))
            .execute(c)?;
    }
    let after = serde_json::json!({"student_id": student_id, "guardian_id": guardian_id, "relation": g.relation});
    audit::Event::in_school(school_id, "guardian.link")
        .on("student", student_id)
        .after(&after)
        .record(c, actor)?;
    Ok(guardian_id)
}

/// The pickup persons of a student.
pub fn pickup_persons_of(
    c: &mut DbConn,
    school_id: SchoolId,
    student_id: i64,
    full: bool,
) -> Result<Vec<PickupPerson>, AppError> {
    let rows: Vec<(i64, i64, String, String, String, i64)> = pickup_persons::table
        .filter(pickup_persons::school_id.eq(school_id))
        .filter(pickup_persons::student_id.eq(student_id))
        .select((
            pickup_persons::id,
            pickup_persons::student_id,
            pickup_persons::name,
            pickup_persons::phone,
            pickup_persons::relation,
            pickup_persons::version,
        ))
        .order(pickup_persons::id)
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| PickupPerson {
            id: r.0,
            student_id: r.1,
            name: r.2,
            phone: if full { r.3 } else { mask_phone(&r.3) },
            relation: r.4,
            version: r.5,
        })
        .collect())
}

/// Adds a pickup person.
pub fn insert_pickup_person(
    c: &mut DbConn,
    school_id: SchoolId,
    student_id: i64,
    p: &PickupPersonInput,
    actor: &Actor,
) -> Result<PickupPerson, AppError> {
    let now = Instant(Utc::now());
    let id: i64 = diesel::insert_into(pickup_persons::table)
        .values((
            pickup_persons::school_id.eq(school_id),
            pickup_persons::student_id.eq(student_id),
            pickup_persons::name.eq(p.name.trim()),
            pickup_persons::phone.eq(p.phone.trim()),
            pickup_persons::relation.eq(&p.relation),
            pickup_persons::version.eq(1),
            pickup_persons::created_at.eq(now),
            pickup_persons::updated_at.eq(now),
        ))
        .returning(pickup_persons::id)
        .get_result(c)?;
    let created = pickup_persons_of(c, school_id, student_id, true)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("pickup person"))?;
    audit::Event::in_school(school_id, "pickup_person.create")
        .on("pickup_person", id)
        .after(&created)
        .record(c, actor)?;
    Ok(created)
}

/// Removes a pickup person of a student.
pub fn delete_pickup_person(
    c: &mut DbConn,
    school_id: SchoolId,
    student_id: i64,
    id: i64,
    actor: &Actor,
) -> Result<(), AppError> {
    let before = pickup_persons_of(c, school_id, student_id, true)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("pickup person"))?;
    diesel::delete(
        pickup_persons::table
            .filter(pickup_persons::school_id.eq(school_id))
            .filter(pickup_persons::id.eq(id)),
    )
    .execute(c)?;
    audit::Event::in_school(school_id, "pickup_person.delete")
        .on("pickup_person", id)
        .before(&before)
        .record(c, actor)?;
    Ok(())
}

/// Removes a guardian's link to a student (the guardian stays, with other children).
pub fn unlink_guardian(
    c: &mut DbConn,
    school_id: SchoolId,
    student_id: i64,
    guardian_id: i64,
    actor: &Actor,
) -> Result<(), AppError> {
    let n = diesel::delete(
        student_guardians::table
            .filter(student_guardians::school_id.eq(school_id))
            .filter(student_guardians::student_id.eq(student_id))
            .filter(student_guardians::guardian_id.eq(guardian_id)),
    )
    .execute(c)?;
    if n == 0 {
        return Err(AppError::NotFound("guardian link"));
    }
    let before = serde_json::json!({"student_id": student_id, "guardian_id": guardian_id});
    audit::Event::in_school(school_id, "guardian.unlink")
        .on("student", student_id)
        .before(&before)
        .record(c, actor)
}
