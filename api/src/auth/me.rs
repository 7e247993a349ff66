//! `/me`: who the caller is — identity, kind, district, school grants with roles (and the
//! homerooms a homeroom teacher leads), scopes of a machine client.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{store, Caller, CallerKind, Role};
use crate::db::Db;
use crate::error::AppResult;
use crate::openapi::ReadErrors;

/// The roles of the caller in one school.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SchoolGrant {
    /// The school.
    pub school_id: i64,
    /// Its name.
    pub school_name: String,
    /// Roles there (empty for guardians).
    pub roles: Vec<Role>,
    /// The homerooms the caller leads there as homeroom teacher.
    pub homeroom_ids: Vec<i64>,
}

/// Who the caller is.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Me {
    /// The user id (or the api client id).
    pub user_id: i64,
    /// staff, guardian or client.
    pub kind: CallerKind,
    /// Login name.
    pub username: String,
    /// Name to show.
    pub display_name: String,
    /// District of a district admin or client.
    pub district_id: Option<i64>,
    /// Whether the caller administers the district.
    pub district_admin: bool,
    /// School grants.
    pub grants: Vec<SchoolGrant>,
    /// Scopes of a machine client.
    pub scopes: Vec<String>,
}

/// The current caller: identity, district and school grants.
#[utoipa::path(
    tag = "auth",
    responses((status = 200, description = "The caller", body = Me), ReadErrors),
    security(("bearer" = []))
)]
#[get("/me")]
pub async fn me(caller: Caller, db: web::Data<Db>) -> AppResult<web::Json<Me>> {
    let me = db
        .run(move |c| {
            let ids: Vec<i64> = caller.grants.iter().map(|g| g.school_id).collect();
            let names = store::school_names(c, &ids)?;
            let grants = caller
                .grants
                .iter()
                .map(|g| SchoolGrant {
                    school_id: g.school_id,
                    school_name: names
                        .iter()
                        .find(|(id, _)| *id == g.school_id)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                    roles: g.roles.clone(),
                    homeroom_ids: Vec::new(),
                })
                .collect::<Vec<_>>();
            let mut grants = grants;
            if caller.kind == CallerKind::Staff {
                for g in grants
                    .iter_mut()
                    .filter(|g| g.roles.contains(&Role::HomeroomTeacher))
                {
                    g.homeroom_ids =
                        crate::applications::store::homerooms_led_by(c, g.school_id, caller.id)?;
                }
            }
            // A district admin's grant covers every school of the district.
            if let (true, Some(district)) = (caller.district_admin, caller.district_id) {
                for s in crate::roster::store::school_data::schools_of_district(
                    c, district, None, 10_000,
                )? {
                    match grants.iter_mut().find(|g| g.school_id == s.id) {
                        Some(g) => g.roles.push(Role::DistrictAdmin),
                        None => grants.push(SchoolGrant {
                            school_id: s.id,
                            school_name: s.name,
                            roles: vec![Role::DistrictAdmin],
                            homeroom_ids: Vec::new(),
                        }),
                    }
                }
            }
            let (username, display_name) = match caller.kind {
                CallerKind::Client => (
                    format!("client:{}", caller.id),
                    format!("API client {}", caller.id),
                ),
                _ => {
                    let u = store::user_by_id(c, caller.id)?;
                    (u.username, u.display_name)
                }
            };
            Ok(Me {
                user_id: caller.id,
                kind: caller.kind,
                username,
                display_name,
                district_id: caller.district_id,
                district_admin: caller.district_admin,
                grants,
                scopes: caller.scopes.clone(),
            })
        })
        .await?;
    Ok(web::Json(me))
}
