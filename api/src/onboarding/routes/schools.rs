//! `/districts/{district_id}/schools`: the district's schools with their figures; district
//! admins create and edit them.

use actix_web::{get, patch, post, web, HttpResponse};
use validator::Validate;

use crate::auth::DistrictScope;
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{DistrictItemPath, DistrictPath, ReadErrors, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::http::precondition::{created, with_etag, IfMatch};
use crate::onboarding::model::{NewSchool, School, SchoolEdit, SchoolOverview};
use crate::onboarding::store::schools;

/// The district's schools with their key figures (students, staff, school admins, the
/// status of the latest service plan), in id order. District admins, viewers and clients.
#[utoipa::path(tag = "districts", params(DistrictPath, PageQuery), responses((status = 200, description = "Schools", body = Page<SchoolOverview>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/schools")]
pub async fn list_district_schools(
    scope: DistrictScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<SchoolOverview>>> {
    let district = scope.district();
    let (limit, after) = (page.limit()?, page.after()?);
    let rows = db
        .run(move |c| schools::overview(c, district, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |s| s.id)))
}

/// Add a school to the district (district admins). Then invite its first school admin
/// with `POST /schools/{school_id}/staff`.
#[utoipa::path(tag = "districts", params(DistrictPath), request_body = NewSchool, responses((status = 201, description = "Created", body = School), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/schools")]
pub async fn create_school(
    scope: DistrictScope,
    body: crate::http::body::Json<NewSchool>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    body.validate()?;
    let (district, actor, body, now) = (
        scope.district(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let s = db
        .run(move |c| {
            tx(c, |c| {
                schools::create_school(c, district, &body, &actor, now)
            })
        })
        .await?;
    Ok(created(s.version, &s))
}

/// Change a school's name, code, kind or time zone (district admins). Send `If-Match`.
#[utoipa::path(tag = "districts", params(DistrictItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = SchoolEdit, responses((status = 200, description = "Updated", body = School), WriteErrors), security(("bearer" = [])))]
#[patch("/districts/{district_id}/schools/{id}")]
pub async fn update_school(
    if_match: IfMatch,
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    body: crate::http::body::Json<SchoolEdit>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    body.validate()?;
    let version = if_match.version()?;
    let (district, actor, body, now) = (
        scope.district(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let id = path.id;
    let s = db
        .run(move |c| {
            tx(c, |c| {
                schools::update_school(c, district, id, version, &body, &actor, now)
            })
        })
        .await?;
    Ok(with_etag(s.version, &s))
}
