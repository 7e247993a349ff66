//! `/districts/{district_id}/service-bounds`: the district's bounds on when sessions may
//! end (e.g. not before 17:30, not after 19:00); new plans are checked against them.

use actix_web::{get, put, web};

use crate::auth::DistrictScope;
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::docs::{DistrictPath, ReadErrors, WriteErrors};
use crate::plans::model::check_bounds;
use crate::plans::store;
use crate::plans::types::ServiceBounds;

/// The district's bounds on session end times.
#[utoipa::path(tag = "plans", params(DistrictPath), responses((status = 200, description = "Bounds", body = ServiceBounds), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/service-bounds")]
pub async fn get_bounds(
    scope: DistrictScope,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServiceBounds>> {
    scope.require_admin()?;
    let district = scope.district().get();
    let bounds = db.run(move |c| store::district_bounds(c, district)).await?;
    Ok(web::Json(bounds))
}

/// Set the district's bounds on session end times (district admins); new plans are checked against them.
#[utoipa::path(tag = "plans", params(DistrictPath), request_body = ServiceBounds, responses((status = 200, description = "Bounds", body = ServiceBounds), WriteErrors), security(("bearer" = [])))]
#[put("/districts/{district_id}/service-bounds")]
pub async fn put_bounds(
    scope: DistrictScope,
    body: crate::http::body::Json<ServiceBounds>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServiceBounds>> {
    scope.require_admin()?;
    let b = body.into_inner();
    check_bounds(&b)?;
    let (district, actor) = (scope.district().get(), scope.actor());
    let saved = db
        .run(move |c| tx(c, |c| store::save_bounds(c, district, b, &actor)))
        .await?;
    Ok(web::Json(saved))
}
