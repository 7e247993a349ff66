//! Staff members, their roles and logins.

use chrono::Utc;
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::invitations::LoginStatus;
use crate::auth::mask_phone;
use crate::auth::store::parse_roles;
use crate::auth::SchoolId;
use crate::db::schema::{staff, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::{NewStaff, Staff};

type StaffRow = (
    i64,
    Option<i64>,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<bool>,
    Option<String>,
    Option<Instant>,
);

/// The school's staff; phones masked unless `full_phones`.
pub fn staff_list(
    c: &mut DbConn,
    school_id: SchoolId,
    full_phones: bool,
) -> Result<Vec<Staff>, AppError> {
    load(c, school_id, full_phones, None)
}

/// One page of the school's staff in id order: `limit + 1` after `after`; phones masked
/// unless `full_phones`.
pub fn staff_page(
    c: &mut DbConn,
    school_id: SchoolId,
    full_phones: bool,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Staff>, AppError> {
    load(c, school_id, full_phones, Some((after, limit)))
}

fn load(
    c: &mut DbConn,
    school_id: SchoolId,
    full_phones: bool,
    page: Option<(Option<i64>, i64)>,
) -> Result<Vec<Staff>, AppError> {
    let mut q = staff::table
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
            users::disabled.nullable(),
            users::password_hash.nullable(),
            users::last_sign_in_at.nullable(),
        ))
        .order(staff::id)
        .into_boxed();
    if let Some((after, limit)) = page {
        if let Some(a) = after {
            q = q.filter(staff::id.gt(a));
        }
        q = q.limit(limit + 1);
    }
    let rows: Vec<StaffRow> = q.load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| Staff {
            id: r.0,
            school_id: school_id.get(),
            user_id: r.1,
            username: r.6,
            name: r.2,
            phone: if full_phones { r.3 } else { mask_phone(&r.3) },
            roles: parse_roles(&r.4),
            version: r.5,
            login: LoginStatus::of(r.1.is_some(), r.7.unwrap_or(false), r.8.is_some()),
            last_sign_in_at: r.9.map(|i| i.0),
            invitation: None,
        })
        .collect())
}

/// The roles a school may not grant: they come from the district.
pub fn check_school_roles(roles: &[crate::auth::Role]) -> Result<(), AppError> {
    use crate::auth::Role;
    if roles.contains(&Role::DistrictAdmin) || roles.contains(&Role::DistrictViewer) {
        return Err(AppError::field(
            "roles",
            "not_allowed",
            "district roles are granted by the district, not a school",
        ));
    }
    Ok(())
}

/// Creates a staff member, and a login when a username is given: the login has no
/// password until the person sets one with the invitation the answer carries.
pub fn insert_staff(
    c: &mut DbConn,
    school_id: SchoolId,
    s: &NewStaff,
    actor: &Actor,
) -> Result<Staff, AppError> {
    check_school_roles(&s.roles)?;
    if s.password.is_some() {
        return Err(AppError::field(
            "password",
            "not_accepted",
            "passwords are set by the person through the invitation, never by someone else",
        ));
    }
    let now = Instant(Utc::now());
    let user_id = match &s.username {
        Some(username) => {
            crate::onboarding::model::check_username(username)?;
            let id: i64 = diesel::insert_into(users::table)
                .values((
                    users::kind.eq("staff"),
                    users::username.eq(username),
                    users::password_hash.eq(None::<String>),
                    users::display_name.eq(&s.name),
                    users::failed_logins.eq(0),
                    users::disabled.eq(false),
                    users::created_at.eq(now),
                    users::updated_at.eq(now),
                ))
                .returning(users::id)
                .get_result(c)
                .map_err(crate::error::unique_as(
                    "staff.duplicate_username",
                    format!("username {username} is taken"),
                ))?;
            Some(id)
        }
        None => None,
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
    let mut created = staff_list(c, school_id, true)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("staff"))?;
    audit::Event::in_school(school_id, "staff.create")
        .on("staff", id)
        .after(&created)
        .record(c, actor)?;
    if let Some(user) = user_id {
        created.invitation = Some(crate::auth::invitations::issue(c, user, actor, now.0)?);
    }
    Ok(created)
}

/// Changes a staff member's name, phone or roles if `version` is current.
pub fn update_staff(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    p: &crate::roster::model::StaffPatch,
    actor: &Actor,
) -> Result<Staff, AppError> {
    if let Some(roles) = &p.roles {
        check_school_roles(roles)?;
    }
    let before = staff_list(c, school_id, true)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound("staff"))?;
    super::expect_version(before.version, version)?;
    let roles: Vec<&str> = p
        .roles
        .as_ref()
        .unwrap_or(&before.roles)
        .iter()
        .map(|r| r.as_str())
        .collect();
    let n = diesel::update(
        staff::table
            .filter(staff::school_id.eq(school_id))
            .filter(staff::id.eq(id))
            .filter(staff::version.eq(version)),
    )
    .set((
        staff::name.eq(p.name.as_deref().unwrap_or(&before.name)),
        staff::phone.eq(p.phone.as_deref().unwrap_or(&before.phone)),
        staff::roles.eq(roles.join(",")),
        staff::version.eq(version + 1),
        staff::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    if let (Some(user), true) = (before.user_id, p.roles.is_some()) {
        // Tokens carry the roles: those issued before the change stop working.
        crate::auth::revocation::bump_version(c, user)?;
    }
    let after = staff_list(c, school_id, true)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound("staff"))?;
    audit::Event::in_school(school_id, "staff.update")
        .on("staff", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Removes a staff member from the school (not their audit trail). A homeroom they lead
/// loses its homeroom teacher; a login that no longer has any school is disabled.
pub fn delete_staff(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    version: i64,
    actor: &Actor,
) -> Result<(), AppError> {
    let before = staff_list(c, school_id, true)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound("staff"))?;
    super::expect_version(before.version, version)?;
    diesel::update(
        crate::db::schema::homerooms::table
            .filter(crate::db::schema::homerooms::homeroom_teacher_id.eq(id)),
    )
    .set(crate::db::schema::homerooms::homeroom_teacher_id.eq(None::<i64>))
    .execute(c)?;
    diesel::delete(
        staff::table
            .filter(staff::school_id.eq(school_id))
            .filter(staff::id.eq(id))
            .filter(staff::version.eq(version)),
    )
    .execute(c)?;
    if let Some(user) = before.user_id {
        let remaining: i64 = staff::table
            .filter(staff::user_id.eq(user))
            .count()
            .get_result(c)?;
        if remaining == 0 {
            diesel::update(users::table.find(user))
                .set(users::disabled.eq(true))
                .execute(c)?;
            crate::auth::revocation::end_sessions(c, user, Utc::now())?;
        } else {
            crate::auth::revocation::bump_version(c, user)?;
        }
    }
    audit::Event::in_school(school_id, "staff.delete")
        .on("staff", id)
        .before(&before)
        .record(c, actor)
}
