//! The district's bounds on when after-school sessions may end (e.g. not before 17:30,
//! not after 19:00). Stored as a district setting; plans are checked against them.

use actix_web::{get, put, web};
use chrono::NaiveTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::audit::{self, Actor};
use crate::auth::Caller;
use crate::auth::SchoolId;
use crate::db::schema::settings;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, WriteErrors};

/// Earliest and latest end time of a session, `HH:MM`, school-local.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ServiceBounds {
    pub earliest_end: String,
    pub latest_end: String,
}

impl Default for ServiceBounds {
    fn default() -> Self {
        ServiceBounds {
            earliest_end: "00:00".into(),
            latest_end: "19:00".into(),
        }
    }
}

impl ServiceBounds {
    /// The earliest allowed end.
    pub fn earliest(&self) -> NaiveTime {
        NaiveTime::parse_from_str(&self.earliest_end, "%H:%M").unwrap_or(NaiveTime::MIN)
    }

    /// The latest allowed end.
    pub fn latest(&self) -> NaiveTime {
        NaiveTime::parse_from_str(&self.latest_end, "%H:%M")
            .unwrap_or_else(|_| NaiveTime::from_hms_opt(19, 0, 0).unwrap_or(NaiveTime::MIN))
    }
}

fn key(district: i64) -> String {
    format!("district:{district}:service_bounds")
}

/// The bounds of a district (defaults when unset).
pub fn of_district(c: &mut DbConn, district: i64) -> Result<ServiceBounds, AppError> {
    let v: Option<String> = settings::table
        .find(key(district))
        .select(settings::value)
        .first(c)
        .optional()?;
    Ok(v.and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

/// The bounds that apply to a school.
pub fn of_school(c: &mut DbConn, school: SchoolId) -> Result<ServiceBounds, AppError> {
    let district = crate::auth::store::district_of_school(c, school.get())?
        .ok_or(AppError::NotFound("school"))?;
    of_district(c, district)
}

/// `{district_id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DistrictPath {
    /// The district.
    pub district_id: i64,
}

fn district_admin(caller: &Caller, district: i64) -> Result<(), AppError> {
    if caller.district_admin && caller.district_id == Some(district) {
        Ok(())
    } else {
        Err(AppError::NotFound("district"))
    }
}

/// The district's bounds on session end times.
#[utoipa::path(tag = "plans", params(DistrictPath), responses((status = 200, description = "Bounds", body = ServiceBounds), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/service-bounds")]
pub async fn get_bounds(
    caller: Caller,
    path: web::Path<DistrictPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServiceBounds>> {
    district_admin(&caller, path.district_id)?;
    let district = path.district_id;
    Ok(web::Json(db.run(move |c| of_district(c, district)).await?))
}

/// Set the district's bounds on session end times (district admins); new plans are checked against them.
#[utoipa::path(tag = "plans", params(DistrictPath), request_body = ServiceBounds, responses((status = 200, description = "Bounds", body = ServiceBounds), WriteErrors), security(("bearer" = [])))]
#[put("/districts/{district_id}/service-bounds")]
pub async fn put_bounds(
    caller: Caller,
    path: web::Path<DistrictPath>,
    body: web::Json<ServiceBounds>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServiceBounds>> {
    district_admin(&caller, path.district_id)?;
    let b = body.into_inner();
    let parse = |f: &str, v: &str| {
        NaiveTime::parse_from_str(v, "%H:%M").map_err(|_| AppError::field(f, "format", "use HH:MM"))
    };
    let (e, l) = (
        parse("earliest_end", &b.earliest_end)?,
        parse("latest_end", &b.latest_end)?,
    );
    if e >= l {
        return Err(AppError::field(
            "latest_end",
            "range",
            "the latest end must be after the earliest",
        ));
    }
    let (district, actor) = (path.district_id, Actor::of(&caller));
    let saved = db
        .run(move |c| {
            tx(c, |c| {
                let value = serde_json::to_string(&b).map_err(|e| AppError::Internal(e.into()))?;
                let n = diesel::update(settings::table.find(key(district)))
                    .set(settings::value.eq(&value))
                    .execute(c)?;
                if n == 0 {
                    diesel::insert_into(settings::table)
                        .values((settings::key.eq(key(district)), settings::value.eq(&value)))
                        .execute(c)?;
                }
                audit::Event::outside_schools("district.service_bounds")
                    .on("district", district)
                    .after_json(Some(value))
                    .record(c, &actor)?;
                Ok(b)
            })
        })
        .await?;
    Ok(web::Json(saved))
}
