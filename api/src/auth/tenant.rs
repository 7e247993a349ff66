//! The tenant as a type. A request under `/schools/{school_id}` reaches its handler only
//! through [`tenant_guard`], which checks the caller's grant and yields a [`SchoolScope`]
//! holding a [`SchoolId`]; every store function on tenant data takes that `SchoolId`, so a
//! handler cannot pass a number it made up. District routes get a [`DistrictScope`] the
//! same way, in one place.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};
use diesel::expression::AsExpression;
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::BigInt;
use diesel::sqlite::Sqlite;
use serde::Serialize;

use super::{authenticated, Ability, Caller, CallerKind, Permission, Role};
use crate::db::{Db, MultiBackend};
use crate::error::AppError;

/// A school the request was checked against. There is no public constructor from an
/// integer: the tenant guard makes one for a request, and code that runs outside a request
/// for a school it read from a row (import jobs, seeders, the provisioning CLI) uses
/// [`SchoolId::of_stored_row`], allowed only in the files `tests/shape.rs` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, AsExpression)]
#[diesel(sql_type = BigInt)]
#[serde(transparent)]
pub struct SchoolId(i64);

impl SchoolId {
    /// The number, for responses and logs.
    pub fn get(self) -> i64 {
        self.0
    }

    /// A school id read from a stored row by code that runs outside a request (an import
    /// job of that school, a seeder, the CLI). Handlers never call this.
    pub fn of_stored_row(id: i64) -> SchoolId {
        SchoolId(id)
    }
}

impl std::fmt::Display for SchoolId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ToSql<BigInt, MultiBackend> for SchoolId {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((BigInt, &self.0));
        Ok(IsNull::No)
    }
}

impl ToSql<BigInt, Pg> for SchoolId {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <i64 as ToSql<BigInt, Pg>>::to_sql(&self.0, out)
    }
}

impl ToSql<BigInt, Sqlite> for SchoolId {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.0);
        Ok(IsNull::No)
    }
}

/// A district the request was checked against (see [`DistrictScope`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, AsExpression)]
#[diesel(sql_type = BigInt)]
#[serde(transparent)]
pub struct DistrictId(i64);

impl DistrictId {
    /// The number, for responses and logs.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl ToSql<BigInt, MultiBackend> for DistrictId {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((BigInt, &self.0));
        Ok(IsNull::No)
    }
}

impl ToSql<BigInt, Pg> for DistrictId {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <i64 as ToSql<BigInt, Pg>>::to_sql(&self.0, out)
    }
}

impl ToSql<BigInt, Sqlite> for DistrictId {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.0);
        Ok(IsNull::No)
    }
}

/// Maps school ids to district ids, cached (schools do not move between districts).
#[derive(Clone, Default)]
pub struct SchoolDirectory {
    cache: Arc<RwLock<HashMap<i64, i64>>>,
}

impl SchoolDirectory {
    /// The district of a school, or `None` if the school does not exist.
    pub async fn district_of(&self, db: &Db, school_id: i64) -> Result<Option<i64>, AppError> {
        if let Some(d) = self
            .cache
            .read()
            .ok()
            .and_then(|m| m.get(&school_id).copied())
        {
            return Ok(Some(d));
        }
        let found = db
            .run(move |c| super::store::district_of_school(c, school_id))
            .await?;
        if let (Some(d), Ok(mut m)) = (found, self.cache.write()) {
            m.insert(school_id, d);
        }
        Ok(found)
    }
}

/// The school a `/schools/{school_id}/…` request may act on, checked against the token.
/// Handlers get a school id for the store only through this extractor; a school the
/// caller holds no grant for answers 404 (it does not reveal that the school exists).
#[derive(Debug, Clone)]
pub struct SchoolScope {
    /// The school (only the guard sets it).
    school: SchoolId,
    /// The caller's roles in it.
    pub roles: Vec<Role>,
    /// The caller.
    pub caller: Caller,
}

impl SchoolScope {
    /// The school this request may act on.
    pub fn school(&self) -> SchoolId {
        self.school
    }

    /// Whether the caller holds `p` here.
    pub fn can(&self, p: Permission) -> bool {
        match self.caller.kind {
            CallerKind::Client => self.caller.scopes.iter().any(|s| s == p.scope()),
            _ => self.roles.iter().any(|r| p.granted_to(*r)),
        }
    }

    /// Refuses with 403 unless the caller holds `p` here.
    pub fn require(&self, p: Permission) -> Result<(), AppError> {
        if self.can(p) {
            Ok(())
        } else {
            Err(AppError::forbidden(format!(
                "your role may not do this ({})",
                p.scope()
            )))
        }
    }

    /// Whether the caller's roles here hold `a` (machine clients hold no staff ability).
    pub fn has(&self, a: Ability) -> bool {
        self.caller.kind == CallerKind::Staff && a.held_by(&self.roles)
    }

    /// Refuses with 403 unless the caller's roles here hold `a`.
    pub fn require_ability(&self, a: Ability) -> Result<(), AppError> {
        if self.has(a) {
            Ok(())
        } else {
            Err(AppError::forbidden(format!(
                "your role may not do this ({})",
                serde_json::to_value(a)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            )))
        }
    }

    /// An audit actor for this request.
    pub fn actor(&self) -> crate::audit::Actor {
        crate::audit::Actor::of(&self.caller)
    }
}

impl FromRequest for SchoolScope {
    type Error = AppError;
    type Future = std::future::Ready<Result<SchoolScope, AppError>>;

    /// Reads the scope that [`tenant_guard`] resolved before any extractor ran.
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(
            req.extensions()
                .get::<SchoolScope>()
                .cloned()
                .ok_or_else(|| {
                    AppError::Internal(anyhow::anyhow!(
                        "tenant_guard is not installed on this scope"
                    ))
                }),
        )
    }
}

/// Resolves the caller's grant for the `{school_id}` of the path.
async fn resolve_scope(req: &HttpRequest) -> Result<SchoolScope, AppError> {
    let caller = authenticated(req).await?;
    let school_id: i64 = req
        .match_info()
        .get("school_id")
        .and_then(|s| s.parse().ok())
        .ok_or(AppError::NotFound("school"))?;
    if let Some(g) = caller.grants.iter().find(|g| g.school_id == school_id) {
        let roles = g.roles.clone();
        return Ok(SchoolScope {
            school: SchoolId(school_id),
            roles,
            caller,
        });
    }
    let district_wide = caller.district_admin
        || caller.district_viewer
        || (caller.kind == CallerKind::Client && caller.grants.is_empty());
    if let (true, Some(district)) = (district_wide, caller.district_id) {
        let db = req
            .app_data::<web::Data<Db>>()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("db not configured")))?;
        let dir = req
            .app_data::<web::Data<SchoolDirectory>>()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("directory not configured")))?;
        if dir.district_of(db, school_id).await? == Some(district) {
            let roles = if caller.district_admin {
                vec![Role::DistrictAdmin]
            } else if caller.district_viewer {
                vec![Role::DistrictViewer]
            } else {
                vec![]
            };
            return Ok(SchoolScope {
                school: SchoolId(school_id),
                roles,
                caller,
            });
        }
    }
    Err(AppError::NotFound("school"))
}

/// Middleware on the `/schools/{school_id}` scope: authenticates and checks the tenant
/// before any handler extractor runs, so no body or query error can reveal whether
/// another school's resource exists.
pub async fn tenant_guard(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<
    actix_web::dev::ServiceResponse<actix_web::body::EitherBody<impl actix_web::body::MessageBody>>,
    actix_web::Error,
> {
    use actix_web::ResponseError;
    match resolve_scope(req.request()).await {
        Ok(scope) => {
            req.extensions_mut().insert(scope);
            Ok(next.call(req).await?.map_into_left_body())
        }
        // Answered here, not raised: the outer middleware (request id, headers) still see it.
        Err(e) => Ok(req.into_response(e.error_response()).map_into_right_body()),
    }
}

/// The district a `/districts/{district_id}/…` request may act on: the caller administers
/// it, or is a machine client of it. Any other district answers 404, like another school.
#[derive(Debug, Clone)]
pub struct DistrictScope {
    district: DistrictId,
    /// The caller.
    pub caller: Caller,
}

impl DistrictScope {
    /// The district.
    pub fn district(&self) -> DistrictId {
        self.district
    }

    /// Refuses (404, as for another district) unless a district admin is calling: machine
    /// clients of the district read, they do not administer.
    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.caller.district_admin {
            Ok(())
        } else {
            Err(AppError::NotFound("district"))
        }
    }

    /// Refuses (404) unless a district admin or a district viewer is calling: the
    /// district's own figures, which its staff read and machine clients do not.
    pub fn require_reader(&self) -> Result<(), AppError> {
        if self.caller.district_admin || self.caller.district_viewer {
            Ok(())
        } else {
            Err(AppError::NotFound("district"))
        }
    }

    /// An audit actor for this request.
    pub fn actor(&self) -> crate::audit::Actor {
        crate::audit::Actor::of(&self.caller)
    }
}

/// Whether `caller` may act on `district`: its admin, or one of its machine clients.
fn covers(caller: &Caller, district: i64) -> bool {
    caller.district_id == Some(district)
        && (caller.district_admin || caller.district_viewer || caller.kind == CallerKind::Client)
}

impl FromRequest for DistrictScope {
    type Error = AppError;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<DistrictScope, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let caller = authenticated(&req).await?;
            let district: i64 = req
                .match_info()
                .get("district_id")
                .and_then(|s| s.parse().ok())
                .ok_or(AppError::NotFound("district"))?;
            if !covers(&caller, district) {
                return Err(AppError::NotFound("district"));
            }
            Ok(DistrictScope {
                district: DistrictId(district),
                caller,
            })
        })
    }
}
