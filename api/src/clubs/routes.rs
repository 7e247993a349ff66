//! Club handlers: thin — authorise, validate, call the store in one transaction, answer.

use actix_web::{get, post, web, HttpResponse};
use validator::Validate;

use crate::auth::{Ability, Permission, SchoolScope};
use crate::clubs::model;
use crate::clubs::store;
use crate::clubs::types::{Club, ClubQuery, NewClub, Vetting};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};

/// The club catalogue in id order (everyone with a grant here: families choose from it).
#[utoipa::path(tag = "clubs", params(SchoolPath, ClubQuery, PageQuery), responses((status = 200, description = "Clubs", body = Page<Club>), ReadErrors), security(("bearer" = [])))]
#[get("/clubs")]
pub async fn list_clubs(
    scope: SchoolScope,
    query: crate::http::body::Query<ClubQuery>,
    page_q: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Club>>> {
    let (limit, after) = (page_q.limit()?, page_q.after()?);
    let (school, term) = (scope.school(), query.term_id);
    let rows = db
        .run(move |c| store::page(c, school, term, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |c| c.id)))
}

/// Add a club to the catalogue.
#[utoipa::path(tag = "clubs", params(SchoolPath), request_body = NewClub, responses((status = 201, description = "Created", body = Club), WriteErrors), security(("bearer" = [])))]
#[post("/clubs")]
pub async fn create_club(
    scope: SchoolScope,
    body: crate::http::body::Json<NewClub>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    let b = body.into_inner();
    let vetting = model::admit(&b)?;
    let (school, actor, now) = (scope.school(), scope.actor(), clock.now());
    let club = db
        .run(move |c| tx(c, |c| store::create(c, school, &b, vetting, now, &actor)))
        .await?;
    Ok(HttpResponse::Created().json(club))
}

/// Record the vetting of a club's external teacher (the school admin only).
#[utoipa::path(tag = "clubs", params(SchoolItemPath), request_body = Vetting, responses((status = 200, description = "The club with its vetting", body = Club), WriteErrors), security(("bearer" = [])))]
#[post("/clubs/{id}/vetting")]
pub async fn vet_club(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<Vetting>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<Club>> {
    scope.require_ability(Ability::VetClubs)?;
    body.validate()?;
    let v = body.into_inner();
    model::check_vetting(&v)?;
    let (school, id, actor) = (scope.school(), path.id, scope.actor());
    let (user, now) = (scope.caller.id, clock.now());
    let club = db
        .run(move |c| tx(c, |c| store::vet(c, school, id, &v, user, now, &actor)))
        .await?;
    Ok(web::Json(club))
}
