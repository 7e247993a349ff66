//! Versioned texts of a term — the notice (告知书), the application form text and the
//! agreement (委托协议书). A published version is immutable; its SHA-256 is what
//! acceptances refer to.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::plan_texts;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::texts::error::TextError;
use crate::texts::model::text_hash;
use crate::texts::store::templates;
use crate::texts::types::{NewPlanText, PlanText, TextQuery};

/// A text version as stored.
#[derive(Queryable, Selectable)]
#[diesel(table_name = plan_texts)]
struct TextRow {
    id: i64,
    term_id: i64,
    kind: String,
    version_no: i32,
    title: String,
    body: String,
    sha256: String,
    published_at: Option<Instant>,
}

impl From<TextRow> for PlanText {
    fn from(r: TextRow) -> PlanText {
        PlanText {
            id: r.id,
            term_id: r.term_id,
            kind: r.kind,
            version_no: r.version_no,
            title: r.title,
            body: r.body,
            sha256: r.sha256,
            published_at: r.published_at.map(|i| i.0),
        }
    }
}

/// One text.
pub fn text(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<PlanText, AppError> {
    Ok(plan_texts::table
        .filter(plan_texts::school_id.eq(school_id))
        .filter(plan_texts::id.eq(id))
        .select(TextRow::as_select())
        .first::<TextRow>(c)
        .optional()?
        .map(PlanText::from)
        .ok_or(TextError::NotFound)?)
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
        .select(TextRow::as_select())
        .first::<TextRow>(c)
        .optional()?
        .map(PlanText::from))
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
        .select(TextRow::as_select())
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
    Ok(s.load::<TextRow>(c)?
        .into_iter()
        .map(PlanText::from)
        .collect())
}

/// Drafts a new version of a text of the term (adapting a template of the school's
/// district, when named); audited.
pub fn create_text(
    c: &mut DbConn,
    school: SchoolId,
    b: &NewPlanText,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<PlanText, AppError> {
    crate::roster::store::terms::term(c, school, b.term_id)
        .map_err(|_| AppError::field("term_id", "not_found", "no such term"))?;
    if let Some(t) = b.template_id {
        if !templates::in_district_of(c, school, t, &b.kind)? {
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
            plan_texts::created_at.eq(Instant(now)),
        ))
        .returning(plan_texts::id)
        .get_result(c)?;
    let t = text(c, school, id)?;
    audit::Event::in_school(school, "text.create")
        .on("text", id)
        .after(&t)
        .record(c, actor)?;
    Ok(t)
}

/// Publishes a draft: from now on it is immutable and the current version; audited.
pub fn publish_text(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<PlanText, AppError> {
    let n = diesel::update(
        plan_texts::table
            .filter(plan_texts::school_id.eq(school))
            .filter(plan_texts::id.eq(id))
            .filter(plan_texts::published_at.is_null()),
    )
    .set(plan_texts::published_at.eq(Some(Instant(now))))
    .execute(c)?;
    let t = text(c, school, id)?;
    if n == 0 {
        return Err(TextError::AlreadyPublished.into());
    }
    audit::Event::in_school(school, "text.publish")
        .on("text", id)
        .after(&t)
        .record(c, actor)?;
    let data = serde_json::json!({
        "school_id": school, "text_id": id, "term_id": t.term_id, "kind": t.kind,
        "version_no": t.version_no,
    });
    crate::events::emit(
        c,
        school,
        None,
        crate::events::EventType::NoticePublished,
        data,
        now,
    )?;
    Ok(t)
}
