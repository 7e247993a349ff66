//! One-time invitations: how a staff login gets its password. Whoever creates the login
//! (a district admin for a school's first admin, a school admin for its staff) receives a
//! code once; the person opens the link, sets their own password and signs in. Nobody
//! ever chooses a password for someone else. A new code voids the earlier one.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use rand::Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::audit::{self, Actor};
use crate::db::schema::{districts, invitations, schools, staff, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// How long an invitation stays valid.
pub const INVITATION_DAYS: i64 = 7;

/// The shortest password a staff member may set.
pub const MIN_STAFF_PASSWORD: usize = 12;

/// Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A one-time code, shown once to whoever issued it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Invitation {
    /// The code, e.g. `K7QM-3XPA-9TRD` (case and dashes do not matter when typed).
    pub code: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// The SPA path that sets the password: `/invitation#<code>` (the code stays out of
    /// server logs because it is in the fragment).
    pub path: String,
}

/// Where a login stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LoginStatus {
    /// No login (a staff member without a username).
    None,
    /// Invited: no password set yet.
    Invited,
    /// Has a password and may sign in.
    Active,
    /// Disabled: cannot sign in.
    Disabled,
}

impl LoginStatus {
    /// The status of a login from its stored facts.
    pub fn of(has_login: bool, disabled: bool, has_password: bool) -> LoginStatus {
        match (has_login, disabled, has_password) {
            (false, _, _) => LoginStatus::None,
            (true, true, _) => LoginStatus::Disabled,
            (true, false, false) => LoginStatus::Invited,
            (true, false, true) => LoginStatus::Active,
        }
    }
}

/// A new random code, grouped `XXXX-XXXX-XXXX` (about 59 bits).
pub fn new_code() -> String {
    let mut rng = rand::thread_rng();
    let raw: String = (0..12)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..12])
}

/// The code as stored: upper case without spaces or dashes, hashed (a random code of this
/// length needs no slow hash; the hash lets the row be found by it).
pub fn code_hash(code: &str) -> String {
    let norm: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    hex::encode(Sha256::digest(norm.as_bytes()))
}

/// Issues a new code for `user_id` (voiding the open ones), inside the caller's transaction.
pub fn issue(
    c: &mut DbConn,
    user_id: i64,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Invitation, AppError> {
    diesel::delete(
        invitations::table
            .filter(invitations::user_id.eq(user_id))
            .filter(invitations::used_at.is_null()),
    )
    .execute(c)?;
    let code = new_code();
    let expires_at = now + Duration::days(INVITATION_DAYS);
    diesel::insert_into(invitations::table)
        .values((
            invitations::user_id.eq(user_id),
            invitations::code_hash.eq(code_hash(&code)),
            invitations::expires_at.eq(Instant(expires_at)),
            invitations::created_by.eq(actor.user_id()),
            invitations::created_at.eq(Instant(now)),
        ))
        .execute(c)?;
    audit::Event::outside_schools("user.invite")
        .on("user", user_id)
        .after_json(Some(
            serde_json::json!({ "expires_at": expires_at }).to_string(),
        ))
        .record(c, actor)?;
    Ok(Invitation {
        path: format!("/invitation#{code}"),
        code,
        expires_at,
    })
}

/// Who an invitation is for, as the page that sets the password shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvitationInfo {
    /// The login name the person will sign in with.
    pub username: String,
    pub display_name: String,
    /// The school the login works in, if it is a school login.
    pub school_name: Option<String>,
    /// The district.
    pub district_name: String,
    pub expires_at: DateTime<Utc>,
}

fn invalid_invitation() -> AppError {
    AppError::BadRequest {
        code: "auth.invalid_invitation",
        detail: "this invitation code is wrong, used or expired: ask for a new one".into(),
    }
}

/// The open invitation a code names: (invitation id, user id, expiry).
fn open_invitation(
    c: &mut DbConn,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(i64, i64, DateTime<Utc>), AppError> {
    let row: Option<(i64, i64, Instant)> = invitations::table
        .filter(invitations::code_hash.eq(code_hash(code)))
        .filter(invitations::used_at.is_null())
        .select((
            invitations::id,
            invitations::user_id,
            invitations::expires_at,
        ))
        .first(c)
        .optional()?;
    match row {
        Some((id, user, exp)) if exp.0 > now => Ok((id, user, exp.0)),
        _ => Err(invalid_invitation()),
    }
}

/// Who a code is for; refused like a wrong code if the login was disabled since.
pub fn lookup(c: &mut DbConn, code: &str, now: DateTime<Utc>) -> Result<InvitationInfo, AppError> {
    let (_, user, expires_at) = open_invitation(c, code, now)?;
    let (username, display_name, district, disabled): (String, String, Option<i64>, bool) =
        users::table
            .find(user)
            .select((
                users::username,
                users::display_name,
                users::district_id,
                users::disabled,
            ))
            .first(c)?;
    if disabled {
        return Err(invalid_invitation());
    }
    let school: Option<(String, i64)> = staff::table
        .inner_join(schools::table.on(schools::id.eq(staff::school_id)))
        .filter(staff::user_id.eq(user))
        .select((schools::name, schools::district_id))
        .order(staff::id)
        .first(c)
        .optional()?;
    let district = district.or(school.as_ref().map(|s| s.1));
    let district_name = match district {
        Some(d) => districts::table.find(d).select(districts::name).first(c)?,
        None => String::new(),
    };
    Ok(InvitationInfo {
        username,
        display_name,
        school_name: school.map(|s| s.0),
        district_name,
        expires_at,
    })
}

/// Sets the password of the code's login and uses the code up (a second use fails, also
/// when two requests race); earlier sessions of the login end. Returns the username.
pub fn accept(
    c: &mut DbConn,
    code: &str,
    password_hash: &str,
    request_id: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let info = lookup(c, code, now)?;
    let (id, user, _) = open_invitation(c, code, now)?;
    let used = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::used_at.is_null()),
    )
    .set(invitations::used_at.eq(Some(Instant(now))))
    .execute(c)?;
    if used == 0 {
        return Err(invalid_invitation());
    }
    diesel::update(users::table.find(user))
        .set((
            users::password_hash.eq(Some(password_hash)),
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<Instant>),
            users::updated_at.eq(Instant(now)),
        ))
        .execute(c)?;
    crate::auth::revocation::bump_version(c, user)?;
    audit::Event::outside_schools("user.set_password")
        .on("user", user)
        .record(c, &Actor::user(user, request_id))?;
    Ok(info.username)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_unambiguous_and_typed_loosely() {
        let code = new_code();
        assert_eq!(code.len(), 14);
        assert!(code
            .chars()
            .all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(code_hash(&typed), code_hash(&code));
        assert_ne!(code_hash(&new_code()), code_hash(&code));
    }

    #[test]
    fn a_login_is_invited_until_it_has_a_password() {
        assert_eq!(LoginStatus::of(false, false, false), LoginStatus::None);
        assert_eq!(LoginStatus::of(true, false, false), LoginStatus::Invited);
        assert_eq!(LoginStatus::of(true, false, true), LoginStatus::Active);
        assert_eq!(LoginStatus::of(true, true, true), LoginStatus::Disabled);
    }
}
