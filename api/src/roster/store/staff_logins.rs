//! A staff member's login: a new invitation, disabling and enabling it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::invitations::{self, Invitation};
use crate::auth::{Role, SchoolId};
use crate::db::schema::{staff, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::Staff;

/// The login of a staff member of `school` (409 `staff.no_login` without one).
fn login_of(c: &mut DbConn, school: SchoolId, staff_id: i64) -> Result<i64, AppError> {
    let user: Option<i64> = staff::table
        .filter(staff::school_id.eq(school))
        .filter(staff::id.eq(staff_id))
        .select(staff::user_id)
        .first::<Option<i64>>(c)
        .optional()?
        .ok_or(AppError::NotFound("staff"))?;
    user.ok_or(AppError::Conflict {
        code: "staff.no_login",
        detail: "this staff member has no login: give them a username first".into(),
    })
}

fn current(c: &mut DbConn, school: SchoolId, staff_id: i64) -> Result<Staff, AppError> {
    super::staff::staff_list(c, school, true)?
        .into_iter()
        .find(|s| s.id == staff_id)
        .ok_or(AppError::NotFound("staff"))
}

/// A new invitation for the staff member's login (the earlier one stops working). Works
/// for an active login too: how a forgotten password is replaced.
pub fn reinvite(
    c: &mut DbConn,
    school: SchoolId,
    staff_id: i64,
    by_district: bool,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Invitation, AppError> {
    let user = login_of(c, school, staff_id)?;
    // A new invitation replaces the password: for a school admin who already signs in, it
    // would let a peer admin take the account over. Only the district resets those.
    let target = current(c, school, staff_id)?;
    let has_password: bool = users::table
        .find(user)
        .select(users::password_hash.is_not_null())
        .first(c)?;
    if has_password && !by_district && target.roles.contains(&Role::SchoolAdmin) {
        return Err(AppError::Forbidden {
            code: "staff.peer_admin",
            detail: "a school admin's login that is in use is reset by the district's admins, not by a fellow school admin".into(),
        });
    }
    let inv = invitations::issue(c, user, actor, now)?;
    audit::Event::in_school(school, "staff.invite")
        .on("staff", staff_id)
        .record(c, actor)?;
    Ok(inv)
}

/// Disables (its sessions end at once) or enables the staff member's login. Nobody
/// disables their own login.
pub fn set_disabled(
    c: &mut DbConn,
    school: SchoolId,
    staff_id: i64,
    disabled: bool,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Staff, AppError> {
    let user = login_of(c, school, staff_id)?;
    if disabled && actor.user_id() == Some(user) {
        return Err(AppError::Conflict {
            code: "staff.self",
            detail: "you cannot disable your own login".into(),
        });
    }
    let before = current(c, school, staff_id)?;
    diesel::update(users::table.find(user))
        .set((
            users::disabled.eq(disabled),
            users::updated_at.eq(Instant(now)),
        ))
        .execute(c)?;
    if disabled {
        crate::auth::revocation::end_sessions(c, user, now)?;
    }
    let after = current(c, school, staff_id)?;
    let action = if disabled {
        "staff.disable_login"
    } else {
        "staff.enable_login"
    };
    audit::Event::in_school(school, action)
        .on("staff", staff_id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}
