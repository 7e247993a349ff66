//! Versioned texts of a term — the notice (告知书), the application form text and the
//! agreement (委托协议书) — and the record of which families received the notice.
//! A published version is immutable; its SHA-256 is what acceptances refer to.

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::audit;
use crate::auth::SchoolId;
use crate::auth::{Permission, SchoolScope};
use crate::db::schema::plan_texts;
use crate::db::types::Instant;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};

/// Kinds of text.
pub const TEXT_KINDS: &[&str] = &["notice", "application_form", "agreement"];

/// A version of a text.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlanText {
    pub id: i64,
    pub term_id: i64,
    /// notice, application_form or agreement.
    pub kind: String,
    pub version_no: i32,
    pub title: String,
    pub body: String,
    /// SHA-256 (hex) of `body` exactly as stored.
    pub sha256: String,
    /// Set once published; a published text never changes.
    pub published_at: Option<DateTime<Utc>>,
}

/// A new text version (a draft).
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewPlanText {
    pub term_id: i64,
    pub kind: String,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    #[validate(length(min = 1, max = 50000))]
    #[schema(min_length = 1, max_length = 50000)]
    pub body: String,
    /// The district template this text adapts, if any.
    pub template_id: Option<i64>,
}

/// SHA-256 hex of a text.
pub fn text_hash(body: &str) -> String {
    hex::encode(Sha256::digest(body.as_bytes()))
}

type Row = (
    i64,
    i64,
    String,
    i32,
    String,
    String,
    String,
    Option<Instant>,
);

fn to_text(r: Row) -> PlanText {
    PlanText {
        id: r.0,
        term_id: r.1,
        kind: r.2,
        version_no: r.3,
        title: r.4,
        body: r.5,
        sha256: r.6,
        published_at: r.7.map(|i| i.0),
    }
}

const COLUMNS: (
    plan_texts::id,
    plan_texts::term_id,
    plan_texts::kind,
    plan_texts::version_no,
    plan_texts::title,
    plan_texts::body,
    plan_texts::sha256,
    plan_texts::published_at,
) = (
    plan_texts::id,
    plan_texts::term_id,
    plan_texts::kind,
    plan_texts::version_no,
    plan_texts::title,
    plan_texts::body,
    plan_texts::sha256,
    plan_texts::published_at,
);

/// One text.
pub fn text(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<PlanText, AppError> {
    plan_texts::table
        .filter(plan_texts::school_id.eq(school_id))
        .filter(plan_texts::id.eq(id))
        .select(COLUMNS)
        .first::<Row>(c)
        .optional()?
        .map(to_text)
        .ok_or(AppError::NotFound("text"))
}

/// The current (newest published) text of a kind for a term.
pub fn current(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: i64,
    kind: &str,
) -> Result<Option<PlanText>, AppError> {
    Ok(plan_texts::table
        .filter(plan_texts::school_id.eq(school_id))
        .filter(plan_texts::term_id.eq(term_id))
        .filter(plan_texts::kind.eq(kind))
        .filter(plan_texts::published_at.is_not_null())
        .order(plan_texts::version_no.desc())
        .select(COLUMNS)
        .first::<Row>(c)
        .optional()?
        .map(to_text))
}

/// Filters of the text list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TextQuery {
    /// Only this term.
    pub term_id: Option<i64>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only published versions.
    pub published: Option<bool>,
}

/// One page of the school's texts in id order (so a kind's versions come oldest first):
/// `limit + 1` rows after `after`. Drafts only when `drafts`.
pub fn page(
    c: &mut DbConn,
    school_id: SchoolId,
    f: &TextQuery,
    drafts: bool,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<PlanText>, AppError> {
    let mut s = plan_texts::table
        .filter(plan_texts::school_id.eq(school_id))
        .select(COLUMNS)
        .order(plan_texts::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(t) = f.term_id {
        s = s.filter(plan_texts::term_id.eq(t));
    }
    if let Some(k) = &f.kind {
        s = s.filter(plan_texts::kind.eq(k.clone()));
    }
    if f.published == Some(true) || !drafts {
        s = s.filter(plan_texts::published_at.is_not_null());
    }
    if let Some(a) = after {
        s = s.filter(plan_texts::id.gt(a));
    }
    Ok(s.load::<Row>(c)?.into_iter().map(to_text).collect())
}

/// Texts of the school in id order: a kind's versions oldest first, the newest last.
/// Families see published versions only.
#[utoipa::path(tag = "texts", params(SchoolPath, TextQuery, PageQuery), responses((status = 200, description = "Texts", body = Page<PlanText>), ReadErrors), security(("bearer" = [])))]
#[get("/texts")]
pub async fn list_texts(
    scope: SchoolScope,
    query: web::Query<TextQuery>,
    page_q: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<PlanText>>> {
    let (limit, after) = (page_q.limit()?, page_q.after()?);
    let school = scope.school();
    let staff = scope.can(Permission::RosterRead);
    let q = query.into_inner();
    let rows = db
        .run(move |c| page(c, school, &q, staff, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |t| t.id)))
}

/// Draft a new version of a text.
#[utoipa::path(tag = "texts", params(SchoolPath), request_body = NewPlanText, responses((status = 201, description = "Created", body = PlanText), WriteErrors), security(("bearer" = [])))]
#[post("/texts")]
pub async fn create_text(
    scope: SchoolScope,
    body: web::Json<NewPlanText>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    if !TEXT_KINDS.contains(&body.kind.as_str()) {
        return Err(AppError::field(
            "kind",
            "unknown",
            format!("one of {}", TEXT_KINDS.join(", ")),
        ));
    }
    let (school, actor, b) = (scope.school(), scope.actor(), body.into_inner());
    let t = db
        .run(move |c| {
            tx(c, |c| {
                crate::roster::store::terms::term(c, school, b.term_id)
                    .map_err(|_| AppError::field("term_id", "not_found", "no such term"))?;
                if let Some(t) = b.template_id {
                    let district = crate::auth::store::district_of_school(c, school.get())?
                        .ok_or(AppError::NotFound("school"))?;
                    if !crate::texts::templates::of_district(c, district)?
                        .iter()
                        .any(|x| x.id == t && x.kind == b.kind)
                    {
                        return Err(AppError::field(
                            "template_id",
                            "not_found",
                            "not a template of this kind from the school's district",
                        ));
                    }
                }
                let last: Option<i32> = plan_texts::table
                    .filter(plan_texts::school_id.eq(school))
                    .filter(plan_texts::term_id.eq(b.term_id))
                    .filter(plan_texts::kind.eq(&b.kind))
                    .select(diesel::dsl::max(plan_texts::version_no))
                    .first(c)?;
                let id: i64 = diesel::insert_into(plan_texts::table)
                    .values((
                        plan_texts::school_id.eq(school),
                        plan_texts::term_id.eq(b.term_id),
                        plan_texts::kind.eq(&b.kind),
                        plan_texts::version_no.eq(last.unwrap_or(0) + 1),
                        plan_texts::title.eq(&b.title),
                        plan_texts::body.eq(&b.body),
                        plan_texts::sha256.eq(text_hash(&b.body)),
                        plan_texts::template_id.eq(b.template_id),
                        plan_texts::created_at.eq(Instant(Utc::now())),
                    ))
                    .returning(plan_texts::id)
                    .get_result(c)?;
                let t = text(c, school, id)?;
                audit::Event::in_school(school, "text.create")
                    .on("text", id)
                    .after(&t)
                    .record(c, &actor)?;
                Ok(t)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(t))
}

/// Publish a text version. From now on it is immutable and becomes the current version.
#[utoipa::path(tag = "texts", params(SchoolItemPath), responses((status = 200, description = "Published", body = PlanText), WriteErrors), security(("bearer" = [])))]
#[post("/texts/{id}/publish")]
pub async fn publish_text(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    db: web::Data<Db>,
) -> AppResult<web::Json<PlanText>> {
    scope.require(Permission::RosterWrite)?;
    let (school, id, actor) = (scope.school(), path.1, scope.actor());
    let t = db
        .run(move |c| {
            tx(c, |c| {
                let n = diesel::update(
                    plan_texts::table
                        .filter(plan_texts::school_id.eq(school))
                        .filter(plan_texts::id.eq(id))
                        .filter(plan_texts::published_at.is_null()),
                )
                .set(plan_texts::published_at.eq(Some(Instant(Utc::now()))))
                .execute(c)?;
                let t = text(c, school, id)?;
                if n == 0 {
                    return Err(AppError::Conflict {
                        code: "text.already_published",
                        detail: "a published text cannot change; draft a new version".into(),
                    });
                }
                audit::Event::in_school(school, "text.publish")
                    .on("text", id)
                    .after(&t)
                    .record(c, &actor)?;
                Ok(t)
            })
        })
        .await?;
    Ok(web::Json(t))
}
