//! The school itself, its terms, homerooms, rooms and staff; a district's schools.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

use validator::Validate;

use super::write;
use crate::auth::{Permission, SchoolScope};
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::http::precondition::with_etag;
use crate::http::precondition::IfMatch;
use crate::roster::model::{
    Homeroom, HomeroomPatch, NewHomeroom, NewStaff, Room, RoomInput, School, Staff, StaffPatch,
    Term, TermInput,
};
use crate::roster::store::{homerooms, rooms, school_data, staff, terms};

/// The school.
#[utoipa::path(tag = "roster", params(SchoolPath), responses((status = 200, description = "The school", body = School), ReadErrors), security(("bearer" = [])))]
#[get("")]
pub async fn get_school(scope: SchoolScope, db: web::Data<Db>) -> AppResult<HttpResponse> {
    let school = scope.school();
    let s = db.run(move |c| school_data::school(c, school)).await?;
    Ok(with_etag(s.version, &s))
}

/// Filters of the homeroom list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HomeroomQuery {
    /// Only this grade.
    pub grade: Option<i32>,
    /// Items per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Homerooms with their student counts, in id order.
#[utoipa::path(tag = "roster", params(SchoolPath, HomeroomQuery), responses((status = 200, description = "Homerooms", body = Page<Homeroom>), ReadErrors), security(("bearer" = [])))]
#[get("/homerooms")]
pub async fn list_homerooms(
    scope: SchoolScope,
    query: crate::http::body::Query<HomeroomQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Homeroom>>> {
    scope.require(Permission::RosterRead)?;
    let page = PageQuery {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let (limit, after) = (page.limit()?, page.after()?);
    let (school, grade) = (scope.school(), query.grade);
    let rows = db
        .run(move |c| homerooms::homerooms_page(c, school, grade, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |h| h.id)))
}

/// Create a homeroom.
#[utoipa::path(tag = "roster", params(SchoolPath), request_body = NewHomeroom, responses((status = 201, description = "Created", body = Homeroom), WriteErrors), security(("bearer" = [])))]
#[post("/homerooms")]
pub async fn create_homeroom(
    scope: SchoolScope,
    body: crate::http::body::Json<NewHomeroom>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::create(
        scope,
        Permission::RosterWrite,
        body,
        &db,
        homerooms::insert_homeroom,
    )
    .await
}

/// One homeroom.
#[utoipa::path(tag = "roster", params(SchoolItemPath), responses((status = 200, description = "The homeroom", body = Homeroom), ReadErrors), security(("bearer" = [])))]
#[get("/homerooms/{id}")]
pub async fn get_homeroom(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterRead)?;
    let (school, id) = (scope.school(), path.id);
    let h = db.run(move |c| homerooms::homeroom(c, school, id)).await?;
    Ok(with_etag(h.version, &h))
}

/// Rooms, function rooms and fields, in id order.
#[utoipa::path(tag = "roster", params(SchoolPath, PageQuery), responses((status = 200, description = "Rooms", body = Page<Room>), ReadErrors), security(("bearer" = [])))]
#[get("/rooms")]
pub async fn list_rooms(
    scope: SchoolScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Room>>> {
    scope.require(Permission::RosterRead)?;
    let (limit, after) = (page.limit()?, page.after()?);
    let school = scope.school();
    let rows = db
        .run(move |c| rooms::rooms_page(c, school, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |r| r.id)))
}

/// Create a room.
#[utoipa::path(tag = "roster", params(SchoolPath), request_body = RoomInput, responses((status = 201, description = "Created", body = Room), WriteErrors), security(("bearer" = [])))]
#[post("/rooms")]
pub async fn create_room(
    scope: SchoolScope,
    body: crate::http::body::Json<RoomInput>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::create(
        scope,
        Permission::RosterWrite,
        body,
        &db,
        rooms::insert_room,
    )
    .await
}

/// Replace a room's name, capacity and kind. Send `If-Match`.
#[utoipa::path(tag = "roster", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = RoomInput, responses((status = 200, description = "Updated", body = Room), WriteErrors), security(("bearer" = [])))]
#[patch("/rooms/{id}")]
pub async fn update_room(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<RoomInput>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::update(
        if_match,
        scope,
        Permission::RosterWrite,
        path.id,
        body,
        &db,
        rooms::update_room,
    )
    .await
}

/// Terms, in id order (oldest first).
#[utoipa::path(tag = "roster", params(SchoolPath, PageQuery), responses((status = 200, description = "Terms", body = Page<Term>), ReadErrors), security(("bearer" = [])))]
#[get("/terms")]
pub async fn list_terms(
    scope: SchoolScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Term>>> {
    // Everyone with a grant here reads the terms: families apply per term.
    let (limit, after) = (page.limit()?, page.after()?);
    let school = scope.school();
    let rows = db
        .run(move |c| terms::terms_page(c, school, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |t| t.id)))
}

/// Create a term with its holidays and make-up workdays.
#[utoipa::path(tag = "roster", params(SchoolPath), request_body = TermInput, responses((status = 201, description = "Created", body = Term), WriteErrors), security(("bearer" = [])))]
#[post("/terms")]
pub async fn create_term(
    scope: SchoolScope,
    body: crate::http::body::Json<TermInput>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::create(
        scope,
        Permission::RosterWrite,
        body,
        &db,
        terms::insert_term,
    )
    .await
}

/// One term.
#[utoipa::path(tag = "roster", params(SchoolItemPath), responses((status = 200, description = "The term", body = Term), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{id}")]
pub async fn get_term(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterRead)?;
    let (school, id) = (scope.school(), path.id);
    let t = db.run(move |c| terms::term(c, school, id)).await?;
    Ok(with_etag(t.version, &t))
}

/// Replace a term's calendar. Send `If-Match`.
#[utoipa::path(tag = "roster", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = TermInput, responses((status = 200, description = "Updated", body = Term), WriteErrors), security(("bearer" = [])))]
#[patch("/terms/{id}")]
pub async fn update_term(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<TermInput>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::update(
        if_match,
        scope,
        Permission::RosterWrite,
        path.id,
        body,
        &db,
        terms::update_term,
    )
    .await
}

/// Staff of the school with their roles. Phones are masked unless the role needs them.
#[utoipa::path(tag = "roster", params(SchoolPath, PageQuery), responses((status = 200, description = "Staff", body = Page<Staff>), ReadErrors), security(("bearer" = [])))]
#[get("/staff")]
pub async fn list_staff(
    scope: SchoolScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Staff>>> {
    scope.require(Permission::RosterRead)?;
    let (limit, after) = (page.limit()?, page.after()?);
    let (school, full) = (scope.school(), scope.can(Permission::ContactsRead));
    let rows = db
        .run(move |c| staff::staff_page(c, school, full, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |s| s.id)))
}

/// Add a staff member, optionally with a login: the answer's `invitation` is a one-time
/// code with which the person sets their own password (`/invitation#<code>` on the SPA).
#[utoipa::path(tag = "roster", params(SchoolPath), request_body = NewStaff, responses((status = 201, description = "Created", body = Staff), WriteErrors), security(("bearer" = [])))]
#[post("/staff")]
pub async fn create_staff(
    scope: SchoolScope,
    body: crate::http::body::Json<NewStaff>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::StaffManage)?;
    body.validate()?;
    let (school, actor, body) = (scope.school(), scope.actor(), body.into_inner());
    let row = db
        .run(move |c| crate::db::tx(c, |c| staff::insert_staff(c, school, &body, &actor)))
        .await?;
    Ok(crate::http::precondition::created(row.version, &row))
}

/// Rename a homeroom or change its homeroom teacher. Send `If-Match`.
#[utoipa::path(tag = "roster", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = HomeroomPatch, responses((status = 200, description = "Updated", body = Homeroom), WriteErrors), security(("bearer" = [])))]
#[patch("/homerooms/{id}")]
pub async fn update_homeroom(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<HomeroomPatch>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::update(
        if_match,
        scope,
        Permission::RosterWrite,
        path.id,
        body,
        &db,
        homerooms::update_homeroom,
    )
    .await
}

/// Change a staff member's name, phone or roles. Send `If-Match`.
#[utoipa::path(tag = "roster", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), request_body = StaffPatch, responses((status = 200, description = "Updated", body = Staff), WriteErrors), security(("bearer" = [])))]
#[patch("/staff/{id}")]
pub async fn update_staff(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<StaffPatch>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::update(
        if_match,
        scope,
        Permission::StaffManage,
        path.id,
        body,
        &db,
        staff::update_staff,
    )
    .await
}

/// Delete a room. Send `If-Match`.
#[utoipa::path(tag = "roster", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), responses((status = 204, description = "Deleted"), WriteErrors), security(("bearer" = [])))]
#[delete("/rooms/{id}")]
pub async fn delete_room(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::delete(
        if_match,
        scope,
        Permission::RosterWrite,
        path.id,
        &db,
        rooms::delete_room,
    )
    .await
}

/// Delete an empty homeroom (409 `homeroom.not_empty` while students are in it). Send `If-Match`.
#[utoipa::path(tag = "roster", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), responses((status = 204, description = "Deleted"), WriteErrors), security(("bearer" = [])))]
#[delete("/homerooms/{id}")]
pub async fn delete_homeroom(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::delete(
        if_match,
        scope,
        Permission::RosterWrite,
        path.id,
        &db,
        homerooms::delete_homeroom,
    )
    .await
}

/// Remove a staff member from the school; a login left without any school is disabled. Send `If-Match`.
#[utoipa::path(tag = "roster", params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")), responses((status = 204, description = "Removed"), WriteErrors), security(("bearer" = [])))]
#[delete("/staff/{id}")]
pub async fn delete_staff(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::delete(
        if_match,
        scope,
        Permission::StaffManage,
        path.id,
        &db,
        staff::delete_staff,
    )
    .await
}
