//! `/schools/{school_id}/students`.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

use super::write;
use crate::auth::need_to_know::{mask_identifier, Field, Viewer};
use crate::auth::{Permission, SchoolScope};
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::http::precondition::with_etag;
use crate::http::precondition::IfMatch;
use crate::roster::model::{NewStudent, Student, StudentPatch};
use crate::roster::store::students::{self as store, StudentFilter};
use validator::Validate;

/// Filters of the student list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StudentQuery {
    /// Name contains this, or the student number starts with it.
    pub q: Option<String>,
    /// Only this grade (1–9).
    pub grade: Option<i32>,
    /// Only this homeroom.
    pub homeroom_id: Option<i64>,
    /// Only those changed at or after this instant (RFC 3339): what a client syncing the
    /// list asks for since its last sync.
    #[param(value_type = Option<String>, format = DateTime, example = "2026-09-01T00:00:00Z")]
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// List students, with search and filters.
#[utoipa::path(
    tag = "roster",
    params(SchoolPath, StudentQuery),
    responses((status = 200, description = "A page of students", body = Page<Student>), ReadErrors),
    security(("bearer" = []))
)]
#[get("/students")]
pub async fn list_students(
    scope: SchoolScope,
    query: crate::http::body::Query<StudentQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Student>>> {
    scope.require(Permission::RosterRead)?;
    let q = query.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (limit, after) = (page.limit()?, page.after()?);
    let filter = StudentFilter {
        q: q.q,
        grade: q.grade,
        homeroom_id: q.homeroom_id,
        updated_since: q.updated_since,
    };
    let (school, viewer) = (scope.school(), Viewer::of(&scope));
    let rows = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            let rows = store::list(c, school, &filter, after, limit)?;
            Ok(rows.into_iter().map(|s| cut(&viewer, s)).collect())
        })
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |s| s.id)))
}

/// Create a student.
#[utoipa::path(
    tag = "roster",
    params(SchoolPath),
    request_body = NewStudent,
    responses((status = 201, description = "Created", body = Student), WriteErrors),
    security(("bearer" = []))
)]
#[post("/students")]
pub async fn create_student(
    scope: SchoolScope,
    body: crate::http::body::Json<NewStudent>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    write::create(scope, Permission::RosterWrite, body, &db, store::insert).await
}

/// One student.
#[utoipa::path(
    tag = "roster",
    params(SchoolItemPath),
    responses((status = 200, description = "The student", body = Student), ReadErrors),
    security(("bearer" = []))
)]
#[get("/students/{id}")]
pub async fn get_student(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterRead)?;
    let (school, id, viewer) = (scope.school(), path.id, Viewer::of(&scope));
    let s = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            Ok(cut(&viewer, store::get(c, school, id)?))
        })
        .await?;
    Ok(with_etag(s.version, &s))
}

/// The student as the caller may see them: sensitive flags and the national student
/// number only where the need-to-know matrix allows.
fn cut(viewer: &Viewer, mut s: Student) -> Student {
    s.flags = viewer.flags(&s.flags, s.homeroom_id);
    if !viewer.sees(Field::Identifiers, Some(s.homeroom_id)) {
        s.national_no = s.national_no.as_deref().map(mask_identifier);
    }
    s
}

/// Change a student. Send `If-Match` with the version you read.
#[utoipa::path(
    tag = "roster",
    params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read, e.g. \"3\"")),
    request_body = StudentPatch,
    responses((status = 200, description = "Updated", body = Student), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/students/{id}")]
pub async fn update_student(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<StudentPatch>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    let version = if_match.version()?;
    let (school, id, actor, viewer) = (scope.school(), path.id, scope.actor(), Viewer::of(&scope));
    let mut patch = body.into_inner();
    let s = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            crate::db::tx(c, |c| {
                // A caller who cannot see a child's sensitive flags cannot clear them either:
                // the flags they were not shown are kept.
                if let Some(flags) = patch.flags.as_mut() {
                    let before = store::get(c, school, id)?;
                    let hidden = before
                        .flags
                        .iter()
                        .filter(|f| !viewer.flags(&before.flags, before.homeroom_id).contains(f));
                    for f in hidden {
                        if !flags.contains(f) {
                            flags.push(*f);
                        }
                    }
                }
                store::update(c, school, id, version, &patch, &actor)
            })
            .map(|s| cut(&viewer, s))
        })
        .await?;
    Ok(with_etag(s.version, &s))
}

/// Delete a student with their guardian links and pickup persons.
#[utoipa::path(
    tag = "roster",
    params(SchoolItemPath, ("If-Match" = String, Header, description = "The version you read")),
    responses((status = 204, description = "Deleted"), WriteErrors),
    security(("bearer" = []))
)]
#[delete("/students/{id}")]
pub async fn delete_student(
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
        store::delete,
    )
    .await
}
