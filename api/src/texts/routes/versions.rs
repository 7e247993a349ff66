//! `/schools/{school_id}/texts`: the term's text versions, drafted and published.

use actix_web::{get, post, web, HttpResponse};
use validator::Validate;

use crate::auth::{Permission, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::texts::model::check_kind;
use crate::texts::store::versions as store;
use crate::texts::types::{NewPlanText, PlanText, TextQuery};

/// Texts of the school in id order: a kind's versions oldest first, the newest last.
/// Families see published versions only.
#[utoipa::path(tag = "texts", params(SchoolPath, TextQuery, PageQuery), responses((status = 200, description = "Texts", body = Page<PlanText>), ReadErrors), security(("bearer" = [])))]
#[get("/texts")]
pub async fn list_texts(
    scope: SchoolScope,
    query: crate::http::body::Query<TextQuery>,
    page_q: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<PlanText>>> {
    let (limit, after) = (page_q.limit()?, page_q.after()?);
    let school = scope.school();
    let staff = scope.can(Permission::RosterRead);
    let q = query.into_inner();
    if let Some(kind) = &q.kind {
        crate::texts::model::check_kind(kind)?;
    }
    let rows = db
        .run(move |c| store::page(c, school, &q, staff, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |t| t.id)))
}

/// Draft a new version of a text.
#[utoipa::path(tag = "texts", params(SchoolPath), request_body = NewPlanText, responses((status = 201, description = "Created", body = PlanText), WriteErrors), security(("bearer" = [])))]
#[post("/texts")]
pub async fn create_text(
    scope: SchoolScope,
    clock: Clock,
    body: crate::http::body::Json<NewPlanText>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    check_kind(&body.kind)?;
    let (school, actor, b, now) = (
        scope.school(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let t = db
        .run(move |c| tx(c, |c| store::create_text(c, school, &b, &actor, now)))
        .await?;
    Ok(HttpResponse::Created().json(t))
}

/// Publish a text version. From now on it is immutable and becomes the current version.
#[utoipa::path(tag = "texts", params(SchoolItemPath), responses((status = 200, description = "Published", body = PlanText), WriteErrors), security(("bearer" = [])))]
#[post("/texts/{id}/publish")]
pub async fn publish_text(
    scope: SchoolScope,
    clock: Clock,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<PlanText>> {
    scope.require(Permission::RosterWrite)?;
    let (school, id, actor, now) = (scope.school(), path.id, scope.actor(), clock.now());
    let t = db
        .run(move |c| tx(c, |c| store::publish_text(c, school, id, &actor, now)))
        .await?;
    Ok(web::Json(t))
}
