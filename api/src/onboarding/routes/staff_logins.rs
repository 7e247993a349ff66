//! `/schools/{school_id}/staff/{id}/…`: a staff member's login — invite again, disable,
//! enable. School admins of the school and the district's admins.

use actix_web::{post, web, HttpResponse};

use crate::auth::invitations::Invitation;
use crate::auth::revocation::{Principal, Revocations};
use crate::auth::{Permission, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{SchoolItemPath, WriteErrors};
use crate::http::precondition::with_etag;
use crate::roster::model::Staff;
use crate::roster::store::staff_logins;

/// A new one-time invitation for the staff member's login; the earlier code stops
/// working (also how a forgotten password is replaced). A school admin whose login is in
/// use is re-invited only by the district's admins (403 `staff.peer_admin`).
#[utoipa::path(tag = "roster", params(SchoolItemPath), responses((status = 201, description = "The invitation", body = Invitation), WriteErrors), security(("bearer" = [])))]
#[post("/staff/{id}/invitation")]
pub async fn reinvite_staff(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require(Permission::StaffManage)?;
    let (school, actor, id, now) = (scope.school(), scope.actor(), path.id, clock.now());
    let by_district = scope.caller.district_admin;
    let inv = db
        .run(move |c| {
            tx(c, |c| {
                staff_logins::reinvite(c, school, id, by_district, &actor, now)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(inv))
}

async fn set_disabled(
    scope: SchoolScope,
    id: i64,
    disabled: bool,
    db: web::Data<Db>,
    revocations: web::Data<Revocations>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require(Permission::StaffManage)?;
    let (school, actor, now) = (scope.school(), scope.actor(), clock.now());
    let s = db
        .run(move |c| {
            tx(c, |c| {
                staff_logins::set_disabled(c, school, id, disabled, &actor, now)
            })
        })
        .await?;
    if let Some(user) = s.user_id {
        revocations.forget(Principal::User(user));
    }
    Ok(with_etag(s.version, &s))
}

/// Disable the staff member's login: it cannot sign in and its sessions end at once.
#[utoipa::path(tag = "roster", params(SchoolItemPath), responses((status = 200, description = "Disabled", body = Staff), WriteErrors), security(("bearer" = [])))]
#[post("/staff/{id}/disable")]
pub async fn disable_staff_login(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
    revocations: web::Data<Revocations>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    set_disabled(scope, path.id, true, db, revocations, clock).await
}

/// Enable the staff member's login again.
#[utoipa::path(tag = "roster", params(SchoolItemPath), responses((status = 200, description = "Enabled", body = Staff), WriteErrors), security(("bearer" = [])))]
#[post("/staff/{id}/enable")]
pub async fn enable_staff_login(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
    revocations: web::Data<Revocations>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    set_disabled(scope, path.id, false, db, revocations, clock).await
}
