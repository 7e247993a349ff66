//! Editing an application before it is reviewed, and changing an approved one mid-term.

use actix_web::{patch, post, web, HttpResponse};
use validator::Validate;

use crate::applications::store::edit;
use crate::applications::types::{Application, ApplicationChange, ApplicationEdit};
use crate::auth::SchoolScope;
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{SchoolItemPath, WriteErrors};
use crate::http::precondition::{with_etag, IfMatch};

/// Edit a draft or an application returned for changes (the student's guardian, their
/// homeroom teacher or a school admin). Needs `If-Match` with the application's version.
/// A returned application may be edited after the window closes; a draft may not.
#[utoipa::path(
    tag = "applications",
    params(SchoolItemPath, ("If-Match" = String, Header, description = "The application's version, e.g. \"3\"")),
    request_body = ApplicationEdit,
    responses((status = 200, description = "Edited", body = Application), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/applications/{id}")]
pub async fn edit_application(
    if_match: IfMatch,
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<ApplicationEdit>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let (expected, id, b) = (if_match.version()?, path.id, body.into_inner());
    let app = db
        .run(move |c| tx(c, |c| edit::edit(c, &scope, id, expected, &b, clock.now())))
        .await?;
    Ok(with_etag(app.version, &app))
}

/// Change an approved application's offerings or weekdays (guardian or school admin).
#[utoipa::path(tag = "applications", params(SchoolItemPath), request_body = ApplicationChange, responses((status = 200, description = "Changed", body = Application), WriteErrors), security(("bearer" = [])))]
#[post("/applications/{id}/changes")]
pub async fn change_application(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<ApplicationChange>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    let (id, b) = (path.id, body.into_inner());
    let app = db
        .run(move |c| tx(c, |c| edit::change(c, &scope, id, &b, clock.now())))
        .await?;
    Ok(web::Json(app))
}
