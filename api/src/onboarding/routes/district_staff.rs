//! `/districts/{district_id}/staff`: district admins manage the district's own logins.

use actix_web::{get, patch, post, web, HttpResponse};
use validator::Validate;

use crate::auth::invitations::{self, Invitation};
use crate::auth::revocation::{Principal, Revocations};
use crate::auth::DistrictScope;
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{DistrictItemPath, DistrictPath, ReadErrors, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::http::precondition::{created, with_etag, IfMatch};
use crate::onboarding::model::{DistrictStaff, DistrictStaffEdit, NewDistrictStaff};
use crate::onboarding::store::district_staff;

/// The district's staff logins (district admins and viewers), in id order.
#[utoipa::path(tag = "districts", params(DistrictPath, PageQuery), responses((status = 200, description = "District staff", body = Page<DistrictStaff>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/staff")]
pub async fn list_district_staff(
    scope: DistrictScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<DistrictStaff>>> {
    scope.require_admin()?;
    let district = scope.district();
    let (limit, after) = (page.limit()?, page.after()?);
    let rows = db
        .run(move |c| district_staff::page(c, district, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |s| s.id)))
}

/// Add a district login (admin or viewer). The answer's `invitation` is the one-time code
/// with which the person sets their own password.
#[utoipa::path(tag = "districts", params(DistrictPath), request_body = NewDistrictStaff, responses((status = 201, description = "Created", body = DistrictStaff), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/staff")]
pub async fn create_district_staff(
    scope: DistrictScope,
    body: crate::http::body::Json<NewDistrictStaff>,
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
                district_staff::create(c, district, &body, &actor, now)
            })
        })
        .await?;
    Ok(created(s.version, &s))
}

/// Rename, change the role of, disable or enable a district login. Send `If-Match`.
#[utoipa::path(tag = "districts", params(DistrictItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = DistrictStaffEdit, responses((status = 200, description = "Updated", body = DistrictStaff), WriteErrors), security(("bearer" = [])))]
#[patch("/districts/{district_id}/staff/{id}")]
pub async fn update_district_staff(
    if_match: IfMatch,
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    body: crate::http::body::Json<DistrictStaffEdit>,
    db: web::Data<Db>,
    revocations: web::Data<Revocations>,
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
                district_staff::update(c, district, id, version, &body, &actor, now)
            })
        })
        .await?;
    revocations.forget(Principal::User(s.id));
    Ok(with_etag(s.version, &s))
}

/// A new invitation for a district login (the earlier code stops working).
#[utoipa::path(tag = "districts", params(DistrictItemPath), responses((status = 201, description = "The invitation", body = Invitation), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/staff/{id}/invitation")]
pub async fn reinvite_district_staff(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    let (district, actor, id, now) = (scope.district(), scope.actor(), path.id, clock.now());
    let inv = db
        .run(move |c| {
            tx(c, |c| {
                district_staff::one(c, district, id)?;
                invitations::issue(c, id, &actor, now)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(inv))
}
