//! The district's view of applications: per school, the term in session on a date,
//! participation, unmet demand (waiting beyond school caps) and special late-service
//! requests — the figures a bureau reports (愿留尽留、特殊延时申请全覆盖).

use actix_web::{get, web};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::docs::ReadErrors;

/// One school's figures.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SchoolFigures {
    pub school_id: i64,
    pub school_name: String,
    /// The term in session on the date (null: none).
    pub term_id: Option<i64>,
    pub eligible: i64,
    pub applied: i64,
    pub approved: i64,
    /// Unmet demand: places wanted beyond a school-set cap.
    pub waiting: i64,
    pub participation_rate: f64,
    pub special_late_requested: i64,
    pub special_late_approved: i64,
}

/// The district's figures.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DistrictFigures {
    pub date: NaiveDate,
    pub schools: Vec<SchoolFigures>,
    pub eligible: i64,
    pub approved: i64,
    pub waiting: i64,
    pub participation_rate: f64,
}

/// `{district_id}` and `?date=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DistrictPath {
    /// The district.
    pub district_id: i64,
}

/// `?date=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DateQuery {
    /// The date whose terms count (default: today in Asia/Shanghai).
    pub date: Option<NaiveDate>,
}

/// Participation and unmet demand of every school of the district.
#[utoipa::path(tag = "reports", params(DistrictPath, DateQuery), responses((status = 200, description = "Figures", body = DistrictFigures), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/application-stats")]
pub async fn district_stats(
    caller: Caller,
    path: web::Path<DistrictPath>,
    query: web::Query<DateQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<DistrictFigures>> {
    if !(caller.district_admin && caller.district_id == Some(path.district_id)) {
        return Err(AppError::NotFound("district"));
    }
    let district = path.district_id;
    let date = query
        .date
        .unwrap_or_else(|| (Utc::now() + chrono::Duration::hours(8)).date_naive());
    let figures = db
        .run(move |c| {
            let out = crate::reports::district_figures::figures(c, district, date)?;
            let (eligible, approved, waiting) = out.iter().fold((0, 0, 0), |a, f| {
                (a.0 + f.eligible, a.1 + f.approved, a.2 + f.waiting)
            });
            let participation_rate = if eligible == 0 {
                0.0
            } else {
                approved as f64 / eligible as f64
            };
            Ok(DistrictFigures {
                date,
                schools: out,
                eligible,
                approved,
                waiting,
                participation_rate,
            })
        })
        .await?;
    Ok(web::Json(figures))
}
