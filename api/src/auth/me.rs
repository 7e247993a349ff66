//! `/me`: who the caller is — identity, kind, district, school grants with roles (and the
//! homerooms a homeroom teacher leads), scopes of a machine client.

use actix_web::{get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{store, Ability, Caller, CallerKind, Role, SchoolId};
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::ReadErrors;

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
    /// What these roles may do there (the server's table, `auth::abilities`).
    pub permissions: Vec<Ability>,
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
    /// The caller's district role, if any.
    pub district_role: Option<Role>,
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
                    permissions: Vec::new(),
                })
                .collect::<Vec<_>>();
            let mut grants = grants;
            if caller.kind == CallerKind::Staff {
                for g in grants
                    .iter_mut()
                    .filter(|g| g.roles.contains(&Role::HomeroomTeacher))
                {
                    g.homeroom_ids = crate::roster::store::relations::homerooms_led_by(
                        c,
                        SchoolId::of_stored_row(g.school_id),
                        caller.id,
                    )?;
                }
            }
            // A district admin's grant covers every school of the district.
            let district_role = if caller.district_admin {
                Some(Role::DistrictAdmin)
            } else if caller.district_viewer {
                Some(Role::DistrictViewer)
            } else {
                None
            };
            if let (Some(role), Some(district)) = (district_role, caller.district_id) {
                for s in crate::roster::store::school_data::schools_of_district(
                    c, district, None, 10_000,
                )? {
                    match grants.iter_mut().find(|g| g.school_id == s.id) {
                        Some(g) => g.roles.push(role),
                        None => grants.push(SchoolGrant {
                            school_id: s.id,
                            school_name: s.name,
                            roles: vec![role],
                            homeroom_ids: Vec::new(),
                            permissions: Vec::new(),
                        }),
                    }
                }
            }
            if caller.kind == CallerKind::Staff {
                for g in grants.iter_mut() {
                    g.permissions = Ability::of(&g.roles);
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
                district_role,
                grants,
                scopes: caller.scopes.clone(),
            })
        })
        .await?;
    Ok(web::Json(me))
}

/// A password change: the current password and the new one.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct PasswordChange {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub current_password: String,
    /// At least 8 characters (12 for administrators is advised).
    #[validate(length(min = 8, max = 200))]
    #[schema(min_length = 8, max_length = 200)]
    pub new_password: String,
}

/// Change one's own password. Every session of the account ends (access tokens within the
/// revocation interval, refresh tokens at once), this one included: sign in again.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordChange,
    responses((status = 204, description = "Changed; every session has ended"), crate::http::docs::WriteErrors),
    security(("bearer" = []))
)]
#[post("/me/password")]
pub async fn change_password(
    caller: Caller,
    body: crate::http::body::Json<PasswordChange>,
    db: web::Data<Db>,
    revocations: web::Data<super::revocation::Revocations>,
) -> AppResult<actix_web::HttpResponse> {
    use validator::Validate;
    body.validate()?;
    if caller.kind == CallerKind::Client {
        return Err(crate::error::AppError::forbidden(
            "machine clients have no password",
        ));
    }
    let id = caller.id;
    let user = db.run(move |c| store::user_by_id(c, id)).await?;
    let current = user.password_hash.clone().unwrap_or_default();
    if !super::password::verify_off_thread(body.current_password.clone(), current).await? {
        return Err(crate::error::AppError::field(
            "current_password",
            "wrong",
            "the current password is wrong",
        ));
    }
    let hash = super::password::hash_off_thread(body.new_password.clone()).await?;
    let actor = caller_actor(&caller);
    db.run(move |c| {
        crate::db::tx(c, |c| {
            use crate::db::schema::users;
            use diesel::prelude::*;
            diesel::update(users::table.find(id))
                .set((
                    users::password_hash.eq(Some(&hash)),
                    users::updated_at.eq(crate::db::types::Instant(chrono::Utc::now())),
                ))
                .execute(c)?;
            super::revocation::end_sessions(c, id, chrono::Utc::now())?;
            crate::audit::Event::outside_schools("user.password_change")
                .on("user", id)
                .record(c, &actor)
        })
    })
    .await?;
    revocations.forget(super::revocation::Principal::User(id));
    Ok(actix_web::HttpResponse::NoContent().finish())
}

fn caller_actor(caller: &Caller) -> crate::audit::Actor {
    crate::audit::Actor::of(caller)
}
