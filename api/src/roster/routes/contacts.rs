//! `/schools/{school_id}/students/{id}/guardians` and `/pickup-persons`.

use actix_web::{delete, get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

use crate::auth::need_to_know::{Field, Viewer};
use crate::auth::{CallerKind, Permission, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, SchoolItemPath, WriteErrors};
use crate::http::page::Items;
use crate::roster::model::{GuardianLink, PickupPerson, PickupPersonInput, StudentGuardian};
use crate::roster::store::guardians::{self, GuardianSummary};
use crate::roster::store::{contacts as store, students};

/// The guardians of a student. Phones are masked unless the role needs them.
#[utoipa::path(
    tag = "roster",
    params(SchoolItemPath),
    responses((status = 200, description = "Guardians", body = Items<StudentGuardian>), ReadErrors),
    security(("bearer" = []))
)]
#[get("/students/{id}/guardians")]
pub async fn list_guardians(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Items<StudentGuardian>>> {
    scope.require(Permission::GuardiansRead)?;
    let (school, id, viewer) = (scope.school(), path.id, Viewer::of(&scope));
    let items = db
        .run(move |c| {
            let student = students::get(c, school, id)?;
            let full = viewer
                .load(c)?
                .sees(Field::Contacts, Some(student.homeroom_id));
            store::guardians_of(c, school, id, full)
        })
        .await?;
    Ok(web::Json(Items { items }))
}

/// Link a guardian to a student: found by phone within the school, or created.
#[utoipa::path(
    tag = "roster",
    params(SchoolItemPath),
    request_body = GuardianLink,
    responses((status = 201, description = "The student's guardians after the change", body = Items<StudentGuardian>), WriteErrors),
    security(("bearer" = []))
)]
#[post("/students/{id}/guardians")]
pub async fn link_guardian(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<GuardianLink>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    let (school, id, actor, body) = (scope.school(), path.id, scope.actor(), body.into_inner());
    let viewer = Viewer::of(&scope);
    let items = db
        .run(move |c| {
            tx(c, |c| {
                let student = students::get(c, school, id)?;
                let full = viewer
                    .load(c)?
                    .sees(Field::Contacts, Some(student.homeroom_id));
                store::link_guardian(c, school, id, &body, &actor)?;
                store::guardians_of(c, school, id, full)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(Items { items }))
}

/// The people authorised to collect a student. Staff with roster access, or one of the
/// student's guardians (phones masked).
#[utoipa::path(
    tag = "roster",
    params(SchoolItemPath),
    responses((status = 200, description = "Pickup persons", body = Items<PickupPerson>), ReadErrors),
    security(("bearer" = []))
)]
#[get("/students/{id}/pickup-persons")]
pub async fn list_pickup_persons(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Items<PickupPerson>>> {
    // A guardian reads their own child's list (phones masked); staff need roster access.
    let guardian = (scope.caller.kind == CallerKind::Guardian).then_some(scope.caller.id);
    if guardian.is_none() {
        scope.require(Permission::GuardiansRead)?;
    }
    let (school, id, viewer) = (scope.school(), path.id, Viewer::of(&scope));
    let items = db
        .run(move |c| {
            if let Some(user) = guardian {
                crate::roster::store::relations::require_guardian_of(c, school, user, id)?;
            }
            let student = students::get(c, school, id)?;
            let full = viewer
                .load(c)?
                .sees(Field::Contacts, Some(student.homeroom_id));
            store::pickup_persons_of(c, school, id, full)
        })
        .await?;
    Ok(web::Json(Items { items }))
}

/// Authorise a person to collect a student.
#[utoipa::path(
    tag = "roster",
    params(SchoolItemPath),
    request_body = PickupPersonInput,
    responses((status = 201, description = "Created", body = PickupPerson), WriteErrors),
    security(("bearer" = []))
)]
#[post("/students/{id}/pickup-persons")]
pub async fn create_pickup_person(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<PickupPersonInput>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    let (school, id, actor, body) = (scope.school(), path.id, scope.actor(), body.into_inner());
    let p = db
        .run(move |c| {
            tx(c, |c| {
                students::get(c, school, id)?;
                store::insert_pickup_person(c, school, id, &body, &actor)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(p))
}

/// `{school_id}`, `{id}` and `{person_id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PickupPersonPath {
    /// The school.
    #[allow(dead_code)]
    pub school_id: i64,
    /// The student.
    pub id: i64,
    /// The pickup person.
    pub person_id: i64,
}

/// Withdraw a person's authorisation to collect a student.
#[utoipa::path(
    tag = "roster",
    params(PickupPersonPath),
    responses((status = 204, description = "Removed"), WriteErrors),
    security(("bearer" = []))
)]
#[delete("/students/{id}/pickup-persons/{person_id}")]
pub async fn delete_pickup_person(
    scope: SchoolScope,
    path: web::Path<PickupPersonPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let (school, id, person, actor) = (scope.school(), path.id, path.person_id, scope.actor());
    db.run(move |c| {
        tx(c, |c| {
            store::delete_pickup_person(c, school, id, person, &actor)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Filters of the guardian list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GuardianQuery {
    /// Name or phone contains this.
    pub q: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The school's guardians.
#[utoipa::path(tag = "roster", params(crate::http::docs::SchoolPath, GuardianQuery), responses((status = 200, description = "Guardians", body = crate::http::page::Page<GuardianSummary>), ReadErrors), security(("bearer" = [])))]
#[get("/guardians")]
pub async fn list_school_guardians(
    scope: SchoolScope,
    query: crate::http::body::Query<GuardianQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<crate::http::page::Page<GuardianSummary>>> {
    scope.require(Permission::GuardiansRead)?;
    let q = query.into_inner();
    let page = crate::http::page::PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (limit, after) = (page.limit()?, page.after()?);
    // A school-wide list: unmasked only for those who see every class's contacts.
    let (school, full) = (
        scope.school(),
        Viewer::of(&scope).sees(Field::Contacts, None),
    );
    let rows = db
        .run(move |c| guardians::page(c, school, q.q.as_deref(), after, limit, full))
        .await?;
    Ok(web::Json(crate::http::page::Page::from_rows(
        rows,
        limit,
        |g| g.id,
    )))
}

/// A portal activation code, shown once.
#[derive(Debug, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ActivationCode {
    /// Give it to the guardian (on paper or by SMS); they activate with phone + code.
    pub code: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// Issue a guardian's portal activation code (valid 14 days; a new one replaces the old).
#[utoipa::path(tag = "roster", params(SchoolItemPath), responses((status = 201, description = "The code", body = ActivationCode), WriteErrors), security(("bearer" = [])))]
#[post("/guardians/{id}/activation-code")]
pub async fn issue_activation_code(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let code = crate::auth::guardian::new_code();
    let hash = crate::auth::password::hash_off_thread(code.clone()).await?;
    let expires = chrono::Utc::now() + chrono::Duration::days(14);
    let (school, id, actor) = (scope.school(), path.id, scope.actor());
    db.run(move |c| {
        tx(c, |c| {
            guardians::set_activation_code(c, school, id, &hash, expires, &actor)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(ActivationCode {
        code,
        expires_at: expires,
    }))
}

/// `{school_id}`, `{id}` (student) and `{guardian_id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct GuardianLinkPath {
    /// The school.
    #[allow(dead_code)]
    pub school_id: i64,
    /// The student.
    pub id: i64,
    /// The guardian.
    pub guardian_id: i64,
}

/// Unlink a guardian from a student.
#[utoipa::path(tag = "roster", params(GuardianLinkPath), responses((status = 204, description = "Unlinked"), WriteErrors), security(("bearer" = [])))]
#[delete("/students/{id}/guardians/{guardian_id}")]
pub async fn unlink_guardian(
    scope: SchoolScope,
    path: web::Path<GuardianLinkPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let (school, id, guardian, actor) = (scope.school(), path.id, path.guardian_id, scope.actor());
    db.run(move |c| {
        tx(c, |c| {
            store::unlink_guardian(c, school, id, guardian, &actor)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
