//! Guardians: activation of a portal login with a school-issued code, and the
//! guardian's own children (`/me/children`). A guardian sees only their children.

use actix_web::{get, post, web, HttpRequest};
use chrono::Utc;
use diesel::prelude::*;
use rand::Rng;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::ratelimit::LoginLimiter;
use super::routes::{issue_pair, TokenPair};
use super::{password, store, Caller, CallerKind, Keys};
use crate::audit::{self, Actor};
use crate::config::Config;
use crate::db::schema::{guardians, homerooms, schools, student_guardians, students, users};
use crate::db::types::Instant;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::openapi::{ReadErrors, WriteErrors};
use crate::page::Items;
use crate::roster::model::{flags_from_text, StudentFlag};

/// An 8-digit activation code.
pub fn new_code() -> String {
    format!("{:08}", rand::thread_rng().gen_range(0..100_000_000u32))
}

/// Phone, the code the school issued, and the password to set.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ActivationRequest {
    /// The phone number the school has on file.
    #[validate(length(min = 5, max = 20))]
    #[schema(min_length = 5, max_length = 20)]
    pub phone: String,
    /// The 8-digit code.
    #[validate(length(equal = 8))]
    #[schema(min_length = 8, max_length = 8)]
    pub code: String,
    /// The new password (at least 8 characters).
    #[validate(length(min = 8, max = 200))]
    #[schema(min_length = 8, max_length = 200)]
    pub password: String,
}

/// Activate a guardian's portal login. The username is the phone number.
#[utoipa::path(tag = "auth", request_body = ActivationRequest, responses((status = 200, description = "Activated and logged in", body = TokenPair), WriteErrors), security(()))]
#[post("/auth/activate")]
pub async fn activate(
    req: HttpRequest,
    body: web::Json<ActivationRequest>,
    db: web::Data<Db>,
    keys: web::Data<Keys>,
    config: web::Data<Config>,
    limiter: web::Data<LoginLimiter>,
) -> AppResult<web::Json<TokenPair>> {
    body.validate()?;
    let ip = req
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    limiter.admit(&format!("activate:{ip}"))?;
    let (body, keys, config) = (body.into_inner(), keys.into_inner(), config.into_inner());
    let request_id = crate::request_id::of(&req);
    let pair = db
        .run(move |c| {
            let now = Utc::now();
            let candidates: Vec<(i64, i64, Option<String>, Option<Instant>)> = guardians::table
                .filter(guardians::phone.eq(&body.phone))
                .filter(guardians::activation_code_hash.is_not_null())
                .select((
                    guardians::id,
                    guardians::school_id,
                    guardians::activation_code_hash,
                    guardians::activation_expires_at,
                ))
                .load(c)?;
            let matched = candidates.into_iter().find(|(_, _, hash, expires)| {
                expires.is_some_and(|e| e.0 > now)
                    && hash
                        .as_deref()
                        .is_some_and(|h| password::verify(&body.code, h))
            });
            let Some((guardian_id, school_id, _, _)) = matched else {
                return Err(AppError::Unauthenticated {
                    code: "auth.invalid_activation",
                    detail: "the phone number or activation code is wrong or expired".into(),
                });
            };
            tx(c, |c| {
                let hash = password::hash(&body.password)?;
                let user = match store::user_by_username(c, &body.phone)? {
                    Some(u) if u.kind != "guardian" => {
                        return Err(AppError::Conflict {
                            code: "auth.username_taken",
                            detail: "this phone number is a staff login".into(),
                        });
                    }
                    Some(u) => {
                        diesel::update(users::table.find(u.id))
                            .set((
                                users::password_hash.eq(Some(&hash)),
                                users::failed_logins.eq(0),
                                users::locked_until.eq(None::<Instant>),
                            ))
                            .execute(c)?;
                        u.id
                    }
                    None => diesel::insert_into(users::table)
                        .values((
                            users::kind.eq("guardian"),
                            users::username.eq(&body.phone),
                            users::password_hash.eq(Some(&hash)),
                            users::display_name.eq(&body.phone),
                            users::failed_logins.eq(0),
                            users::disabled.eq(false),
                            users::created_at.eq(Instant(now)),
                            users::updated_at.eq(Instant(now)),
                        ))
                        .returning(users::id)
                        .get_result(c)?,
                };
                diesel::update(guardians::table.find(guardian_id))
                    .set((
                        guardians::user_id.eq(Some(user)),
                        guardians::activation_code_hash.eq(None::<String>),
                        guardians::activation_expires_at.eq(None::<Instant>),
                    ))
                    .execute(c)?;
                let actor = Actor {
                    kind: "user".into(),
                    id: Some(user),
                    request_id: request_id.clone(),
                };
                audit::record(
                    c,
                    &actor,
                    Some(school_id),
                    "guardian.activate",
                    "guardian",
                    Some(guardian_id),
                    None,
                    None,
                )?;
                let row = store::user_by_id(c, user)?;
                issue_pair(c, &keys, &config, &row, None, None)
            })
        })
        .await?;
    Ok(web::Json(pair))
}

/// One of the caller's children.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Child {
    pub student_id: i64,
    pub school_id: i64,
    pub school_name: String,
    pub name: String,
    pub grade: i32,
    /// The child's homeroom (clubs may be restricted to one).
    pub homeroom_id: i64,
    pub homeroom_name: String,
    /// Boards at school (some offerings exclude boarders).
    pub boarder: bool,
    /// How the caller is related, e.g. 母亲.
    pub relation: String,
}

/// The caller's own children (guardians only).
#[utoipa::path(tag = "auth", responses((status = 200, description = "Children", body = Items<Child>), ReadErrors), security(("bearer" = [])))]
#[get("/me/children")]
pub async fn my_children(caller: Caller, db: web::Data<Db>) -> AppResult<web::Json<Items<Child>>> {
    if caller.kind != CallerKind::Guardian {
        return Err(AppError::forbidden("only guardians have children here"));
    }
    let user = caller.id;
    type Row = (i64, i64, String, String, i32, i64, String, String, String);
    let rows: Vec<Row> = db
        .run(move |c| {
            Ok(student_guardians::table
                .inner_join(guardians::table)
                .inner_join(students::table.inner_join(homerooms::table))
                .inner_join(schools::table.on(schools::id.eq(student_guardians::school_id)))
                .filter(guardians::user_id.eq(user))
                .select((
                    students::id,
                    students::school_id,
                    schools::name,
                    students::name,
                    students::grade,
                    homerooms::id,
                    homerooms::name,
                    students::flags,
                    student_guardians::relation,
                ))
                .order(students::id)
                .load(c)?)
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|r| Child {
            student_id: r.0,
            school_id: r.1,
            school_name: r.2,
            name: r.3,
            grade: r.4,
            homeroom_id: r.5,
            homeroom_name: r.6,
            boarder: flags_from_text(&r.7).contains(&StudentFlag::Boarder),
            relation: r.8,
        })
        .collect();
    Ok(web::Json(Items { items }))
}
