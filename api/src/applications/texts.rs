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

use crate::audit::{self, snapshot};
use crate::auth::{CallerKind, Permission, Role, SchoolScope};
use crate::db::schema::{homerooms, notice_receipts, plan_texts, students};
use crate::db::types::Instant;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::openapi::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::page::Items;

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
pub fn text(c: &mut DbConn, school_id: i64, id: i64) -> Result<PlanText, AppError> {
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
    school_id: i64,
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
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TextQuery {
    /// Only this term.
    pub term_id: Option<i64>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only published versions.
    pub published: Option<bool>,
}

/// Texts of the school, newest version first per kind.
#[utoipa::path(tag = "applications", params(SchoolPath, TextQuery), responses((status = 200, description = "Texts", body = Items<PlanText>), ReadErrors), security(("bearer" = [])))]
#[get("/texts")]
pub async fn list_texts(
    scope: SchoolScope,
    query: web::Query<TextQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Items<PlanText>>> {
    let school = scope.school_id;
    let staff = scope.can(Permission::RosterRead);
    let q = query.into_inner();
    let items = db
        .run(move |c| {
            let mut s = plan_texts::table
                .filter(plan_texts::school_id.eq(school))
                .select(COLUMNS)
                .order((plan_texts::kind, plan_texts::version_no.desc()))
                .into_boxed();
            if let Some(t) = q.term_id {
                s = s.filter(plan_texts::term_id.eq(t));
            }
            if let Some(k) = q.kind {
                s = s.filter(plan_texts::kind.eq(k));
            }
            // Families see published texts only.
            if q.published == Some(true) || !staff {
                s = s.filter(plan_texts::published_at.is_not_null());
            }
            Ok(s.load::<Row>(c)?.into_iter().map(to_text).collect())
        })
        .await?;
    Ok(web::Json(Items { items }))
}

/// Draft a new version of a text.
#[utoipa::path(tag = "applications", params(SchoolPath), request_body = NewPlanText, responses((status = 201, description = "Created", body = PlanText), WriteErrors), security(("bearer" = [])))]
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
    let (school, actor, b) = (scope.school_id, scope.actor(), body.into_inner());
    let t = db
        .run(move |c| {
            tx(c, |c| {
                crate::roster::store::terms::term(c, school, b.term_id)
                    .map_err(|_| AppError::field("term_id", "not_found", "no such term"))?;
                if let Some(t) = b.template_id {
                    let district = crate::auth::store::district_of_school(c, school)?
                        .ok_or(AppError::NotFound("school"))?;
                    if !super::templates::of_district(c, district)?
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
                audit::record(
                    c,
                    &actor,
                    Some(school),
                    "text.create",
                    "text",
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

/// Publish a text version. From now on it is immutable and becomes the current version.
#[utoipa::path(tag = "applications", params(SchoolItemPath), responses((status = 200, description = "Published", body = PlanText), WriteErrors), security(("bearer" = [])))]
#[post("/texts/{id}/publish")]
pub async fn publish_text(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    db: web::Data<Db>,
) -> AppResult<web::Json<PlanText>> {
    scope.require(Permission::RosterWrite)?;
    let (school, id, actor) = (scope.school_id, path.1, scope.actor());
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
                audit::record(
                    c,
                    &actor,
                    Some(school),
                    "text.publish",
                    "text",
                    Some(id),
                    None,
                    snapshot(&t),
                )?;
                Ok(t)
            })
        })
        .await?;
    Ok(web::Json(t))
}

/// A family's receipt of the notice.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewNoticeReceipt {
    /// The published notice.
    pub text_id: i64,
    pub student_id: i64,
}

/// Record that a family received the notice: a guardian reading it in the portal or an
/// app, or the homeroom teacher for a paper copy. Repeats are harmless.
#[utoipa::path(tag = "applications", params(SchoolPath), request_body = NewNoticeReceipt, responses((status = 201, description = "Recorded"), WriteErrors), security(("bearer" = [])))]
#[post("/notice-receipts")]
pub async fn record_receipt(
    scope: SchoolScope,
    body: web::Json<NewNoticeReceipt>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    let (school, actor, b) = (scope.school_id, scope.actor(), body.into_inner());
    let caller = scope.caller.clone();
    let staff_ok = scope
        .roles
        .iter()
        .any(|r| matches!(r, Role::HomeroomTeacher | Role::SchoolAdmin));
    db.run(move |c| {
        tx(c, |c| {
            let t = text(c, school, b.text_id).map_err(|_| AppError::field("text_id", "not_found", "no such text"))?;
            if t.kind != "notice" || t.published_at.is_none() {
                return Err(AppError::field("text_id", "not_a_notice", "the text must be a published notice"));
            }
            crate::roster::store::students::get(c, school, b.student_id)?;
            let channel = match caller.kind {
                CallerKind::Guardian => {
                    super::store::require_guardian_of(c, school, caller.id, b.student_id)?;
                    "portal".to_owned()
                }
                CallerKind::Client => format!("api_client:{}", caller.id),
                CallerKind::Staff if staff_ok => "paper".to_owned(),
                CallerKind::Staff => return Err(AppError::forbidden("homeroom teachers and school admins record paper receipts")),
            };
            let exists: i64 = notice_receipts::table
                .filter(notice_receipts::text_id.eq(b.text_id))
                .filter(notice_receipts::student_id.eq(b.student_id))
                .count()
                .get_result(c)?;
            if exists == 0 {
                diesel::insert_into(notice_receipts::table)
                    .values((
                        notice_receipts::school_id.eq(school),
                        notice_receipts::text_id.eq(b.text_id),
                        notice_receipts::student_id.eq(b.student_id),
                        notice_receipts::channel.eq(&channel),
                        notice_receipts::recorded_by_kind.eq(&actor.kind),
                        notice_receipts::recorded_by_id.eq(actor.id),
                        notice_receipts::at.eq(Instant(Utc::now())),
                    ))
                    .execute(c)?;
                let after = serde_json::json!({"text_id": b.text_id, "student_id": b.student_id, "channel": channel});
                audit::record(c, &actor, Some(school), "notice.received", "student", Some(b.student_id), None, Some(after.to_string()))?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::Created().finish())
}

/// How many families of a homeroom have received the notice.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HomeroomInformed {
    pub homeroom_id: i64,
    pub homeroom_name: String,
    pub families: i64,
    pub informed: i64,
    /// The students whose families have not received it yet (不漏一人).
    pub not_informed: Vec<NotInformed>,
}

/// A student whose family has not received the notice.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NotInformed {
    pub student_id: i64,
    pub name: String,
}

/// 知晓率: informed ÷ families, per homeroom and for the school. A family is counted per student.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InformedReport {
    pub text_id: Option<i64>,
    pub families: i64,
    pub informed: i64,
    /// informed ÷ families, 0–1 (1 when there are no families).
    pub rate: f64,
    pub homerooms: Vec<HomeroomInformed>,
}

/// `{school_id}` and `{term_id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TermPath {
    /// The school.
    pub school_id: i64,
    /// The term.
    pub term_id: i64,
}

/// The informed-families report for the term's current notice.
#[utoipa::path(tag = "applications", params(TermPath), responses((status = 200, description = "The report", body = InformedReport), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/informed-report")]
pub async fn informed_report(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<InformedReport>> {
    scope.require(Permission::RosterRead)?;
    let (school, term) = (scope.school_id, path.term_id);
    let report = db
        .run(move |c| {
            crate::roster::store::terms::term(c, school, term)?;
            let notice = current(c, school, term, "notice")?;
            let informed_ids: std::collections::HashSet<i64> = match &notice {
                Some(t) => notice_receipts::table
                    .filter(notice_receipts::text_id.eq(t.id))
                    .select(notice_receipts::student_id)
                    .load::<i64>(c)?
                    .into_iter()
                    .collect(),
                None => Default::default(),
            };
            let rows: Vec<(i64, String, i64, String)> = students::table
                .inner_join(homerooms::table)
                .filter(students::school_id.eq(school))
                .select((students::id, students::name, homerooms::id, homerooms::name))
                .order((homerooms::grade, homerooms::id, students::id))
                .load(c)?;
            let mut out: Vec<HomeroomInformed> = Vec::new();
            for (sid, name, hid, hname) in rows {
                if out.last().is_none_or(|h| h.homeroom_id != hid) {
                    out.push(HomeroomInformed {
                        homeroom_id: hid,
                        homeroom_name: hname,
                        families: 0,
                        informed: 0,
                        not_informed: vec![],
                    });
                }
                let h = out.last_mut().expect("pushed above");
                h.families += 1;
                if informed_ids.contains(&sid) {
                    h.informed += 1;
                } else {
                    h.not_informed.push(NotInformed {
                        student_id: sid,
                        name,
                    });
                }
            }
            let families: i64 = out.iter().map(|h| h.families).sum();
            let informed: i64 = out.iter().map(|h| h.informed).sum();
            let rate = if families == 0 {
                1.0
            } else {
                informed as f64 / families as f64
            };
            Ok(InformedReport {
                text_id: notice.map(|t| t.id),
                families,
                informed,
                rate,
                homerooms: out,
            })
        })
        .await?;
    Ok(web::Json(report))
}
