//! District templates: published by the district admin under
//! `/districts/{district_id}/text-templates`, read by the district's schools under
//! `/schools/{school_id}/text-templates`.

use actix_web::{get, post, web, HttpResponse};
use validator::Validate;

use crate::auth::{DistrictScope, Permission, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{DistrictPath, ReadErrors, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::texts::model::check_kind;
use crate::texts::store::templates as store;
use crate::texts::types::{NewTextTemplate, TextTemplate};

/// Publish a template for the district's schools (district admins).
#[utoipa::path(tag = "texts", params(DistrictPath), request_body = NewTextTemplate, responses((status = 201, description = "Created", body = TextTemplate), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/text-templates")]
pub async fn create_template(
    scope: DistrictScope,
    clock: Clock,
    body: crate::http::body::Json<NewTextTemplate>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    body.validate()?;
    check_kind(&body.kind)?;
    let (district, actor, b, now) = (
        scope.district().get(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let t = db
        .run(move |c| tx(c, |c| store::create_template(c, district, &b, &actor, now)))
        .await?;
    Ok(HttpResponse::Created().json(t))
}

/// The district's templates, newest first (district admins).
#[utoipa::path(tag = "texts", params(DistrictPath, PageQuery), responses((status = 200, description = "Templates", body = Page<TextTemplate>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/text-templates")]
pub async fn list_district_templates(
    scope: DistrictScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<TextTemplate>>> {
    scope.require_admin()?;
    let (limit, before) = (page.limit()?, page.after()?);
    let district = scope.district().get();
    let rows = db
        .run(move |c| store::page_of_district(c, district, before, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |t| t.id)))
}

/// The templates of the school's district, newest first, to copy and adapt.
#[utoipa::path(tag = "texts", params(SchoolPath, PageQuery), responses((status = 200, description = "Templates", body = Page<TextTemplate>), ReadErrors), security(("bearer" = [])))]
#[get("/text-templates")]
pub async fn list_school_templates(
    scope: SchoolScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<TextTemplate>>> {
    scope.require(Permission::RosterRead)?;
    let (limit, before) = (page.limit()?, page.after()?);
    let school = scope.school();
    let rows = db
        .run(move |c| store::page_of_school(c, school, before, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |t| t.id)))
}
