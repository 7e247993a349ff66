//! Schools.

use diesel::prelude::*;

use crate::auth::SchoolId;
use crate::db::schema::schools;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::School;

/// One school.
pub fn school(c: &mut DbConn, school_id: SchoolId) -> Result<School, AppError> {
    schools::table
        .find(school_id)
        .select((
            schools::id,
            schools::district_id,
            schools::name,
            schools::code,
            schools::time_zone,
            schools::version,
        ))
        .first::<(i64, i64, String, String, String, i64)>(c)
        .optional()?
        .map(|r| School {
            id: r.0,
            district_id: r.1,
            name: r.2,
            code: r.3,
            time_zone: r.4,
            version: r.5,
        })
        .ok_or(AppError::NotFound("school"))
}

/// The schools of a district, by id.
pub fn schools_of_district(
    c: &mut DbConn,
    district_id: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<School>, AppError> {
    let mut q = schools::table
        .filter(schools::district_id.eq(district_id))
        .select((
            schools::id,
            schools::district_id,
            schools::name,
            schools::code,
            schools::time_zone,
            schools::version,
        ))
        .order(schools::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(schools::id.gt(a));
    }
    Ok(q.load::<(i64, i64, String, String, String, i64)>(c)?
        .into_iter()
        .map(|r| School {
            id: r.0,
            district_id: r.1,
            name: r.2,
            code: r.3,
            time_zone: r.4,
            version: r.5,
        })
        .collect())
}
