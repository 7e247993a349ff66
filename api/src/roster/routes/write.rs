//! The one shape of the roster's write handlers: check the permission, validate the body,
//! do the store call in one transaction (it writes its audit event there too), and answer
//! with the new version as `ETag` (201 on create, 200 on update, 204 on delete). Updates and
//! deletes need `If-Match`.

use actix_web::HttpResponse;
use serde::Serialize;
use validator::Validate;

use crate::audit::Actor;
use crate::auth::{Permission, SchoolId, SchoolScope};
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::precondition::{created, with_etag, IfMatch};
use crate::roster::model::{Homeroom, Room, Staff, Student, Term};

/// A row with an optimistic-concurrency version.
pub trait Versioned {
    fn version(&self) -> i64;
}

macro_rules! versioned {
    ($($t:ty),*) => { $(impl Versioned for $t { fn version(&self) -> i64 { self.version } })* };
}
versioned!(Homeroom, Room, Staff, Student, Term);

type Insert<B, T> = fn(&mut DbConn, SchoolId, &B, &Actor) -> Result<T, AppError>;
type Update<B, T> = fn(&mut DbConn, SchoolId, i64, i64, &B, &Actor) -> Result<T, AppError>;
type Delete = fn(&mut DbConn, SchoolId, i64, i64, &Actor) -> Result<(), AppError>;

/// Creates a row of the school: 201 with `ETag`.
pub async fn create<B, T>(
    scope: SchoolScope,
    need: Permission,
    body: crate::http::body::Json<B>,
    db: &Db,
    insert: Insert<B, T>,
) -> AppResult<HttpResponse>
where
    B: Validate + Send + 'static,
    T: Serialize + Versioned + Send + 'static,
{
    scope.require(need)?;
    body.validate()?;
    let (school, actor, body) = (scope.school(), scope.actor(), body.into_inner());
    let row = db
        .run(move |c| tx(c, |c| insert(c, school, &body, &actor)))
        .await?;
    Ok(created(row.version(), &row))
}

/// Changes a row if `If-Match` names its current version: 200 with the new `ETag`.
pub async fn update<B, T>(
    if_match: IfMatch,
    scope: SchoolScope,
    need: Permission,
    id: i64,
    body: crate::http::body::Json<B>,
    db: &Db,
    update: Update<B, T>,
) -> AppResult<HttpResponse>
where
    B: Validate + Send + 'static,
    T: Serialize + Versioned + Send + 'static,
{
    scope.require(need)?;
    body.validate()?;
    let version = if_match.version()?;
    let (school, actor, body) = (scope.school(), scope.actor(), body.into_inner());
    let row = db
        .run(move |c| tx(c, |c| update(c, school, id, version, &body, &actor)))
        .await?;
    Ok(with_etag(row.version(), &row))
}

/// Deletes a row if `If-Match` names its current version: 204.
pub async fn delete(
    if_match: IfMatch,
    scope: SchoolScope,
    need: Permission,
    id: i64,
    db: &Db,
    delete: Delete,
) -> AppResult<HttpResponse> {
    scope.require(need)?;
    let version = if_match.version()?;
    let (school, actor) = (scope.school(), scope.actor());
    db.run(move |c| tx(c, |c| delete(c, school, id, version, &actor)))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
