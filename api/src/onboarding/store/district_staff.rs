//! The district's own staff logins (district admins and viewers), managed by its admins.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::invitations::{self, LoginStatus};
use crate::auth::revocation;
use crate::auth::DistrictId;
use crate::db::schema::users;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::{unique_as, AppError};
use crate::onboarding::model::{
    check_username, DistrictRole, DistrictStaff, DistrictStaffEdit, NewDistrictStaff,
};

type Row = (
    i64,
    String,
    String,
    Option<String>,
    bool,
    Option<String>,
    Option<Instant>,
    i64,
);

fn to_staff(r: Row) -> Option<DistrictStaff> {
    Some(DistrictStaff {
        id: r.0,
        username: r.1,
        display_name: r.2,
        role: DistrictRole::parse(r.3.as_deref()?)?,
        login: LoginStatus::of(true, r.4, r.5.is_some()),
        last_sign_in_at: r.6.map(|i| i.0),
        version: r.7,
        invitation: None,
    })
}

/// The district's staff rows in id order: one (`only`) or `limit + 1` after `after`.
fn load(
    c: &mut DbConn,
    district: DistrictId,
    only: Option<i64>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<DistrictStaff>, AppError> {
    let mut q = users::table
        .filter(users::district_id.eq(district))
        .filter(users::district_role.is_not_null())
        .filter(users::kind.eq("staff"))
        .select((
            users::id,
            users::username,
            users::display_name,
            users::district_role,
            users::disabled,
            users::password_hash,
            users::last_sign_in_at,
            users::token_version,
        ))
        .order(users::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(id) = only {
        q = q.filter(users::id.eq(id));
    }
    if let Some(a) = after {
        q = q.filter(users::id.gt(a));
    }
    Ok(q.load::<Row>(c)?.into_iter().filter_map(to_staff).collect())
}

/// A page of the district's staff in id order: `limit + 1` after `after`.
pub fn page(
    c: &mut DbConn,
    district: DistrictId,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<DistrictStaff>, AppError> {
    load(c, district, None, after, limit)
}

/// One district staff login (404 outside the district).
pub fn one(c: &mut DbConn, district: DistrictId, id: i64) -> Result<DistrictStaff, AppError> {
    load(c, district, Some(id), None, 1)?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound("district staff"))
}

/// Creates a login without a password and its invitation.
pub fn create(
    c: &mut DbConn,
    district: DistrictId,
    s: &NewDistrictStaff,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<DistrictStaff, AppError> {
    check_username(&s.username)?;
    let id: i64 = diesel::insert_into(users::table)
        .values((
            users::kind.eq("staff"),
            users::username.eq(&s.username),
            users::password_hash.eq(None::<String>),
            users::display_name.eq(s.display_name.trim()),
            users::district_id.eq(Some(district.get())),
            users::district_role.eq(Some(s.role.as_str())),
            users::failed_logins.eq(0),
            users::disabled.eq(false),
            users::created_at.eq(Instant(now)),
            users::updated_at.eq(Instant(now)),
        ))
        .returning(users::id)
        .get_result(c)
        .map_err(unique_as(
            "user.username_taken",
            format!("the username {} is taken", s.username),
        ))?;
    let mut created = one(c, district, id)?;
    audit::Event::outside_schools("district_staff.create")
        .on("user", id)
        .after(&created)
        .record(c, actor)?;
    created.invitation = Some(invitations::issue(c, id, actor, now)?);
    Ok(created)
}

/// Changes a login's name, role or disabled state; `version` is its token version (any
/// sign-out or role change moves it). An admin cannot demote or disable themself.
pub fn update(
    c: &mut DbConn,
    district: DistrictId,
    id: i64,
    version: i64,
    e: &DistrictStaffEdit,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<DistrictStaff, AppError> {
    let before = one(c, district, id)?;
    if before.version != version {
        return Err(AppError::Stale);
    }
    let demotes = e.role.is_some_and(|r| r != before.role) || e.disabled == Some(true);
    if demotes && actor.user_id() == Some(id) {
        return Err(AppError::Conflict {
            code: "staff.self",
            detail: "you cannot change your own role or disable your own login".into(),
        });
    }
    diesel::update(users::table.find(id))
        .set((
            users::display_name.eq(e
                .display_name
                .as_deref()
                .map_or(before.display_name.as_str(), str::trim)),
            users::district_role.eq(Some(e.role.unwrap_or(before.role).as_str())),
            users::disabled.eq(e.disabled.unwrap_or(before.login == LoginStatus::Disabled)),
            users::updated_at.eq(Instant(now)),
        ))
        .execute(c)?;
    if e.disabled == Some(true) {
        revocation::end_sessions(c, id, now)?;
    }
    // The version moves on every change: roles ride in tokens, so old tokens stop working.
    revocation::bump_version(c, id)?;
    let after = one(c, district, id)?;
    audit::Event::outside_schools("district_staff.update")
        .on("user", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}
