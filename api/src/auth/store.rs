//! Queries for identities, grants and refresh tokens.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::{Grant, Role};
use crate::db::schema::{api_clients, guardians, refresh_tokens, schools, settings, staff, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// A user row as login needs it.
#[derive(Debug, Clone, Queryable)]
pub struct UserRow {
    pub id: i64,
    pub kind: String,
    pub username: String,
    pub password_hash: Option<String>,
    pub display_name: String,
    pub district_id: Option<i64>,
    pub district_role: Option<String>,
    pub failed_logins: i32,
    pub locked_until: Option<Instant>,
    pub disabled: bool,
    pub created_at: Instant,
    pub updated_at: Instant,
    pub token_version: i64,
    pub last_sign_in_at: Option<Instant>,
}

/// The district a school belongs to.
pub fn district_of_school(c: &mut DbConn, school_id: i64) -> Result<Option<i64>, AppError> {
    Ok(schools::table
        .filter(schools::id.eq(school_id))
        .select(schools::district_id)
        .first::<i64>(c)
        .optional()?)
}

/// Finds a user by username.
pub fn user_by_username(c: &mut DbConn, username: &str) -> Result<Option<UserRow>, AppError> {
    Ok(users::table
        .filter(users::username.eq(username))
        .first::<UserRow>(c)
        .optional()?)
}

/// Finds a user by id.
pub fn user_by_id(c: &mut DbConn, id: i64) -> Result<UserRow, AppError> {
    users::table
        .find(id)
        .first::<UserRow>(c)
        .optional()?
        .ok_or(AppError::NotFound("user"))
}

/// Counts a wrong password (for monitoring; the throttle itself is per address and account
/// and never locks the account).
pub fn record_failure(c: &mut DbConn, user_id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::failed_logins.eq(users::failed_logins + 1),
            users::updated_at.eq(Instant(now)),
        ))
        .execute(c)?;
    Ok(())
}

/// Clears failures after a good login.
pub fn record_success(c: &mut DbConn, user_id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<Instant>),
            users::last_sign_in_at.eq(Some(Instant(now))),
        ))
        .execute(c)?;
    Ok(())
}

/// The school grants of a user: staff roles per school, or the schools of a guardian's children.
pub fn grants_of(c: &mut DbConn, user: &UserRow) -> Result<Vec<Grant>, AppError> {
    if user.kind == "guardian" {
        let mut ids: Vec<i64> = guardians::table
            .filter(guardians::user_id.eq(user.id))
            .select(guardians::school_id)
            .load(c)?;
        ids.sort_unstable();
        ids.dedup();
        return Ok(ids
            .into_iter()
            .map(|school_id| Grant {
                school_id,
                roles: vec![],
            })
            .collect());
    }
    let rows: Vec<(i64, String)> = staff::table
        .filter(staff::user_id.eq(user.id))
        .select((staff::school_id, staff::roles))
        .order(staff::school_id)
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|(school_id, roles)| Grant {
            school_id,
            roles: parse_roles(&roles),
        })
        .collect())
}

/// Parses the comma-separated role list stored with a staff member.
pub fn parse_roles(s: &str) -> Vec<Role> {
    s.split(',').filter_map(|r| Role::parse(r.trim())).collect()
}

/// School names for a set of ids.
pub fn school_names(c: &mut DbConn, ids: &[i64]) -> Result<Vec<(i64, String)>, AppError> {
    Ok(schools::table
        .filter(schools::id.eq_any(ids.to_vec()))
        .select((schools::id, schools::name))
        .load(c)?)
}

/// Stores a new refresh token (hashed).
#[allow(clippy::too_many_arguments)]
pub fn insert_refresh(
    c: &mut DbConn,
    user_id: i64,
    hash: &str,
    family: &str,
    via_client: Option<i64>,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::client_id.eq(via_client),
            refresh_tokens::token_hash.eq(hash),
            refresh_tokens::family.eq(family),
            refresh_tokens::expires_at.eq(Instant(expires)),
            refresh_tokens::created_at.eq(Instant(now)),
        ))
        .execute(c)?;
    Ok(())
}

/// A refresh token as stored.
#[derive(Debug, Queryable)]
pub struct RefreshRow {
    pub id: i64,
    pub user_id: i64,
    pub token_hash: String,
    pub family: String,
    pub expires_at: Instant,
    pub revoked_at: Option<Instant>,
    pub created_at: Instant,
    /// The parent app the guardian signed in through.
    pub client_id: Option<i64>,
}

/// Finds a refresh token by hash.
pub fn refresh_by_hash(c: &mut DbConn, hash: &str) -> Result<Option<RefreshRow>, AppError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash))
        .first::<RefreshRow>(c)
        .optional()?)
}

/// Revokes one token if it is still live; false if someone else revoked it first.
pub fn revoke_one(c: &mut DbConn, id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
    let n = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(Instant(now))))
    .execute(c)?;
    Ok(n == 1)
}

/// Revokes every live token of a family (logout, or reuse of a rotated token).
pub fn revoke_family(c: &mut DbConn, family: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(Instant(now))))
    .execute(c)?;
    Ok(())
}

/// A machine client row.
#[derive(Debug, Queryable)]
pub struct ClientRow {
    pub id: i64,
    pub district_id: i64,
    pub client_id: String,
    pub secret_hash: String,
    pub name: String,
    pub scopes: String,
    pub school_ids: String,
    pub revoked_at: Option<Instant>,
    pub created_at: Instant,
    pub previous_secret_hash: Option<String>,
    pub previous_secret_expires_at: Option<Instant>,
    pub allowed_origins: String,
}

/// Finds a machine client by its public id.
pub fn client_by_client_id(c: &mut DbConn, client_id: &str) -> Result<Option<ClientRow>, AppError> {
    Ok(api_clients::table
        .filter(api_clients::client_id.eq(client_id))
        .first::<ClientRow>(c)
        .optional()?)
}

/// A machine client by its numeric id.
pub fn client_by_id(c: &mut DbConn, id: i64) -> Result<Option<ClientRow>, AppError> {
    Ok(api_clients::table
        .find(id)
        .first::<ClientRow>(c)
        .optional()?)
}

/// Reads a setting.
pub fn setting(c: &mut DbConn, key: &str) -> Result<Option<String>, AppError> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(c)
        .optional()?)
}

/// Writes a setting if absent; returns the stored value (first writer wins).
pub fn setting_or_insert(c: &mut DbConn, key: &str, value: &str) -> Result<String, AppError> {
    if let Some(v) = setting(c, key)? {
        return Ok(v);
    }
    let inserted = c.transaction(|c| {
        diesel::insert_into(settings::table)
            .values((settings::key.eq(key), settings::value.eq(value)))
            .execute(c)
    });
    match inserted {
        Ok(_)
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => setting(c, key)?.ok_or(AppError::NotFound("setting")),
        Err(e) => Err(e.into()),
    }
}

/// The schools among `grants` that `app` may reach: those of its district, and of its
/// school list when it has one.
pub fn app_reach(c: &mut DbConn, app: &ClientRow, grants: &[Grant]) -> Result<Vec<i64>, AppError> {
    let listed = list_of(&app.school_ids);
    let ids: Vec<i64> = grants.iter().map(|g| g.school_id).collect();
    let in_district: Vec<i64> = schools::table
        .filter(schools::id.eq_any(ids))
        .filter(schools::district_id.eq(app.district_id))
        .select(schools::id)
        .load(c)?;
    Ok(in_district
        .into_iter()
        .filter(|s| listed.is_empty() || listed.contains(s))
        .collect())
}

pub fn list_of(ids: &str) -> Vec<i64> {
    ids.split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}
