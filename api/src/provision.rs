//! Production set-up without demo data: `kehou create-admin` creates a district and its
//! first district admin, who then brings the district's schools on through the API.

use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::password;
use crate::db::schema::{districts, users};
use crate::db::{tx, DbConn};
use crate::error::AppError;

/// What `kehou create-admin` was given.
pub struct FirstAdmin<'a> {
    pub district_code: &'a str,
    /// Needed when the district does not exist yet.
    pub district_name: Option<&'a str>,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
}

/// The shortest password accepted for an administrator.
pub const MIN_ADMIN_PASSWORD: usize = 12;

/// Creates the district (if new) and its admin; returns the district id. Refuses a taken
/// username and a short password; audited as done by the system.
pub fn first_admin(c: &mut DbConn, a: &FirstAdmin) -> Result<i64, AppError> {
    if a.password.chars().count() < MIN_ADMIN_PASSWORD {
        return Err(AppError::field(
            "password",
            "too_short",
            format!("an administrator's password needs at least {MIN_ADMIN_PASSWORD} characters"),
        ));
    }
    if a.username.trim().is_empty() || a.username.len() > 50 {
        return Err(AppError::field("username", "invalid", "1–50 characters"));
    }
    let hash = password::hash(a.password)?;
    tx(c, |c| {
        let district = match districts::table
            .filter(districts::code.eq(a.district_code))
            .select(districts::id)
            .first::<i64>(c)
            .optional()?
        {
            Some(d) => d,
            None => {
                let name = a.district_name.ok_or_else(|| {
                    AppError::field(
                        "district_name",
                        "required",
                        "the district does not exist yet: give --district-name to create it",
                    )
                })?;
                crate::seed::insert_district(c, name, a.district_code)?
            }
        };
        let taken: i64 = users::table
            .filter(users::username.eq(a.username))
            .count()
            .get_result(c)?;
        if taken > 0 {
            return Err(AppError::Conflict {
                code: "user.username_taken",
                detail: format!("the username {} is taken", a.username),
            });
        }
        let id = crate::seed::insert_user(
            c,
            a.username,
            a.display_name,
            &hash,
            Some(district),
            Some("district_admin"),
        )?;
        let after = serde_json::json!({ "username": a.username, "district_id": district });
        audit::Event::outside_schools("user.create_district_admin")
            .on("user", id)
            .after_json(Some(after.to_string()))
            .record(c, &Actor::system())?;
        Ok(district)
    })
}
