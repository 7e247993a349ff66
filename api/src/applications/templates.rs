//! District templates of the notice, the application form and the agreement, which
//! schools copy and adapt (the copy records which template it came from).

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::texts::TEXT_KINDS;
use crate::audit::{self, snapshot, Actor};
use crate::auth::{Caller, Permission, SchoolScope};
use crate::db::schema::text_templates;
use crate::db::types::Instant;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::openapi::{ReadErrors, SchoolPath, WriteErrors};
use crate::page::Items;

/// A district template.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TextTemplate {
    pub id: i64,
    pub district_id: i64,
    /// notice, application_form or agreement.
    pub kind: String,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A new template.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewTextTemplate {
    pub kind: String,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    #[validate(length(min = 1, max = 50000))]
    #[schema(min_length = 1, max_length = 50000)]
    pub body: String,
}

/// `{district_id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DistrictPath {
    /// The district.
    pub district_id: i64,
}

/// The district's templates, newest first.
pub fn of_district(c: &mut DbConn, district_id: i64) -> Result<Vec<TextTemplate>, AppError> {
    let rows: Vec<(i64, i64, String, String, String, Instant)> = text_templates::table
        .filter(text_templates::district_id.eq(district_id))
        .select((
            text_templates::id,
            text_templates::district_id,
            text_templates::kind,
            text_templates::title,
            text_templates::body,
            text_templates::created_at,
        ))
        .order(text_templates::id.desc())
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| TextTemplate {
            id: r.0,
            district_id: r.1,
            kind: r.2,
            title: r.3,
            body: r.4,
            created_at: r.5 .0,
        })
        .collect())
}

/// Publish a template for the district's schools (district admins).
#[utoipa::path(tag = "applications", params(DistrictPath), request_body = NewTextTemplate, responses((status = 201, description = "Created", body = TextTemplate), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/text-templates")]
pub async fn create_template(
    caller: Caller,
    path: web::Path<DistrictPath>,
    body: web::Json<NewTextTemplate>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    if !(caller.district_admin && caller.district_id == Some(path.district_id)) {
        return Err(AppError::NotFound("district"));
    }
    body.validate()?;
    if !TEXT_KINDS.contains(&body.kind.as_str()) {
        return Err(AppError::field(
            "kind",
            "unknown",
            format!("one of {}", TEXT_KINDS.join(", ")),
        ));
    }
    let (district, actor, b) = (path.district_id, Actor::of(&caller), body.into_inner());
    let t = db
        .run(move |c| {
            tx(c, |c| {
                let id: i64 = diesel::insert_into(text_templates::table)
                    .values((
                        text_templates::district_id.eq(district),
                        text_templates::kind.eq(&b.kind),
                        text_templates::title.eq(&b.title),
                        text_templates::body.eq(&b.body),
                        text_templates::created_at.eq(Instant(Utc::now())),
                    ))
                    .returning(text_templates::id)
                    .get_result(c)?;
                let t = of_district(c, district)?
                    .into_iter()
                    .find(|t| t.id == id)
                    .ok_or(AppError::NotFound("template"))?;
                audit::record(
                    c,
                    &actor,
                    None,
                    "text_template.create",
                    "text_template",
                    Some(id),
                    None,
                    snapshot(&t),
                )?;
                Ok(t)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(t))
}

/// The district's templates (district admins).
#[utoipa::path(tag = "applications", params(DistrictPath), responses((status = 200, description = "Templates", body = Items<TextTemplate>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/text-templates")]
pub async fn list_district_templates(
    caller: Caller,
    path: web::Path<DistrictPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Items<TextTemplate>>> {
    if !(caller.district_admin && caller.district_id == Some(path.district_id)) {
        return Err(AppError::NotFound("district"));
    }
    let district = path.district_id;
    Ok(web::Json(Items {
        items: db.run(move |c| of_district(c, district)).await?,
    }))
}

/// The templates of the school's district, to copy and adapt.
#[utoipa::path(tag = "applications", params(SchoolPath), responses((status = 200, description = "Templates", body = Items<TextTemplate>), ReadErrors), security(("bearer" = [])))]
#[get("/text-templates")]
pub async fn list_school_templates(
    scope: SchoolScope,
    db: web::Data<Db>,
) -> AppResult<web::Json<Items<TextTemplate>>> {
    scope.require(Permission::RosterRead)?;
    let school = scope.school_id;
    let items = db
        .run(move |c| {
            let district = crate::auth::store::district_of_school(c, school)?
                .ok_or(AppError::NotFound("school"))?;
            of_district(c, district)
        })
        .await?;
    Ok(web::Json(Items { items }))
}
