//! Roster queries. Every function takes the school id first and filters by it.

pub mod contacts;
pub mod family;
pub mod guardians;
pub mod homerooms;
pub mod relations;
pub mod rooms;
pub mod school_data;
pub mod staff;
pub mod staff_logins;
pub mod students;
pub mod terms;

use crate::error::AppError;

/// Checks the `If-Match` version against the stored one.
pub fn expect_version(stored: i64, expected: i64) -> Result<(), AppError> {
    if stored == expected {
        Ok(())
    } else {
        Err(AppError::Stale)
    }
}

/// A LIKE pattern that matches `q` anywhere, with LIKE's wildcards escaped away.
pub fn contains_pattern(q: &str) -> String {
    let cleaned: String = q
        .trim()
        .chars()
        .filter(|c| *c != '%' && *c != '_' && *c != '\\')
        .collect();
    format!("%{cleaned}%")
}
