//! District templates of the notice, the application form and the agreement, which
//! schools copy and adapt (the copy records which template it came from).

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::audit::{self, Actor};
use crate::auth::{Caller, Permission, SchoolScope};
use crate::db::schema::text_templates;
use crate::db::types::Instant;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::texts::versions::TEXT_KINDS;

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

type TemplateRow = (i64, i64, String, String, String, Instant);

fn to_template(r: TemplateRow) -> TextTemplate {
    TextTemplate {
        id: r.0,
        district_id: r.1,
        kind: r.2,
        title: r.3,
        body: r.4,
        created_at: r.5 .0,
    }
}

/// The district's templates, newest first; with `page`, only `limit + 1` of them older
/// than the `before` id.
fn load(
    c: &mut DbConn,
    district_id: i64,
    page: Option<(Option<i64>, i64)>,
) -> Result<Vec<TextTemplate>, AppError> {
    let mut q = text_templates::table
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
        .into_boxed();
    if let Some((before, limit)) = page {
        if let Some(b) = before {
            q = q.filter(text_templates::id.lt(b));
        }
        q = q.limit(limit + 1);
    }
    Ok(q.load::<TemplateRow>(c)?
        .into_iter()
        .map(to_template)
        .collect())
}

/// The district's templates, newest first.
pub fn of_district(c: &mut DbConn, district_id: i64) -> Result<Vec<TextTemplate>, AppError> {
    load(c, district_id, None)
}

/// One page of the district's templates, newest first: `limit + 1` older than `before`.
pub fn page_of_district(
    c: &mut DbConn,
    district_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<TextTemplate>, AppError> {
    load(c, district_id, Some((before, limit)))
}

/// Publish a template for the district's schools (district admins).
#[utoipa::path(tag = "texts", params(DistrictPath), request_body = NewTextTemplate, responses((status = 201, description = "Created", body = TextTemplate), WriteErrors), security(("bearer" = [])))]
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
                audit::Event::outside_schools("text_template.create")
                    .on("text_template", id)
                    .after(&t)
                    .record(c, &actor)?;
                Ok(t)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(t))
}

/// The district's templates, newest first (district admins).
#[utoipa::path(tag = "texts", params(DistrictPath, PageQuery), responses((status = 200, description = "Templates", body = Page<TextTemplate>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/text-templates")]
pub async fn list_district_templates(
    caller: Caller,
    path: web::Path<DistrictPath>,
    page: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<TextTemplate>>> {
    if !(caller.district_admin && caller.district_id == Some(path.district_id)) {
        return Err(AppError::NotFound("district"));
    }
    let (limit, before) = (page.limit()?, page.after()?);
    let district = path.district_id;
    let rows = db
        .run(move |c| page_of_district(c, district, before, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |t| t.id)))
}

/// The templates of the school's district, newest first, to copy and adapt.
#[utoipa::path(tag = "texts", params(SchoolPath, PageQuery), responses((status = 200, description = "Templates", body = Page<TextTemplate>), ReadErrors), security(("bearer" = [])))]
#[get("/text-templates")]
pub async fn list_school_templates(
    scope: SchoolScope,
    page: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<TextTemplate>>> {
    scope.require(Permission::RosterRead)?;
    let (limit, before) = (page.limit()?, page.after()?);
    let school = scope.school();
    let rows = db
        .run(move |c| {
            let district = crate::auth::store::district_of_school(c, school.get())?
                .ok_or(AppError::NotFound("school"))?;
            page_of_district(c, district, before, limit)
        })
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |t| t.id)))
}
