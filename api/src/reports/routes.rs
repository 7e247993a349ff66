//! Report handlers: thin — authorise, read the facts in one blocking job, count, answer.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};

use crate::auth::{DistrictScope, Permission, SchoolScope};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::clock::Clock;
use crate::http::docs::{DistrictPath, ReadErrors, TermPath};
use crate::reports::types::{ApplicationStats, DateQuery, DistrictFigures};
use crate::reports::{model, store, workbook};

/// The workbook's media type.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Applied, approved, refused (by reason), waiting and withdrawn, by grade, homeroom and
/// offering kind; participation = approved ÷ eligible students.
#[utoipa::path(tag = "reports", params(TermPath), responses((status = 200, description = "Statistics", body = ApplicationStats), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/application-stats")]
pub async fn application_stats(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ApplicationStats>> {
    scope.require(Permission::RosterRead)?;
    let (school, term) = (scope.school(), path.term_id);
    let facts = db
        .run(move |c| store::school::stats_facts(c, school, term))
        .await?;
    Ok(web::Json(model::application_stats(&facts)))
}

/// The approved list of the term, one sheet per homeroom (报名汇总表).
#[utoipa::path(
    tag = "reports",
    params(TermPath),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), ReadErrors),
    security(("bearer" = []))
)]
#[get("/terms/{term_id}/exports/approved-applications.xlsx")]
pub async fn export_approved(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let (school, term) = (scope.school(), path.term_id);
    let lines = db
        .run(move |c| store::school::approved_lines(c, school, term))
        .await?;
    let bytes = web::block(move || workbook::approved_list(&lines))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))??;
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"approved-applications.xlsx\"; filename*=UTF-8''%E6%8A%A5%E5%90%8D%E6%B1%87%E6%80%BB%E8%A1%A8.xlsx"))
        .body(bytes))
}

/// Participation and unmet demand of every school of the district.
#[utoipa::path(tag = "reports", params(DistrictPath, DateQuery), responses((status = 200, description = "Figures", body = DistrictFigures), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/application-stats")]
pub async fn district_stats(
    scope: DistrictScope,
    query: crate::http::body::Query<DateQuery>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<DistrictFigures>> {
    scope.require_admin()?;
    let district = scope.district();
    let date = query
        .date
        .unwrap_or_else(|| model::shanghai_today(clock.now()));
    let schools = db
        .run(move |c| store::district::figures(c, district, date))
        .await?;
    Ok(web::Json(model::district_figures(date, schools)))
}
