//! District templates of the notice, the application form and the agreement, which
//! schools copy and adapt (the copy records which template it came from).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::text_templates;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::texts::error::TextError;
use crate::texts::types::{NewTextTemplate, TextTemplate};

/// A template as stored.
#[derive(Queryable, Selectable)]
#[diesel(table_name = text_templates)]
struct TemplateRow {
    id: i64,
    district_id: i64,
    kind: String,
    title: String,
    body: String,
    created_at: Instant,
}

impl From<TemplateRow> for TextTemplate {
    fn from(r: TemplateRow) -> TextTemplate {
        TextTemplate {
            id: r.id,
            district_id: r.district_id,
            kind: r.kind,
            title: r.title,
            body: r.body,
            created_at: r.created_at.0,
        }
    }
}

/// One page of the district's templates, newest first: `limit + 1` older than `before`.
pub fn page_of_district(
    c: &mut DbConn,
    district_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<TextTemplate>, AppError> {
    let mut q = text_templates::table
        .filter(text_templates::district_id.eq(district_id))
        .select(TemplateRow::as_select())
        .order(text_templates::id.desc())
        .limit(limit + 1)
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(text_templates::id.lt(b));
    }
    Ok(q.load::<TemplateRow>(c)?
        .into_iter()
        .map(TextTemplate::from)
        .collect())
}

fn district_of(c: &mut DbConn, school: SchoolId) -> Result<i64, AppError> {
    Ok(
        crate::auth::store::district_of_school(c, school.get())?
            .ok_or(TextError::SchoolNotFound)?,
    )
}

/// One page of the templates of the school's district, newest first.
pub fn page_of_school(
    c: &mut DbConn,
    school: SchoolId,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<TextTemplate>, AppError> {
    let district = district_of(c, school)?;
    page_of_district(c, district, before, limit)
}

/// Whether template `id` is one of `kind` from the school's district.
pub fn in_district_of(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    kind: &str,
) -> Result<bool, AppError> {
    let district = district_of(c, school)?;
    let n: i64 = text_templates::table
        .filter(text_templates::district_id.eq(district))
        .filter(text_templates::id.eq(id))
        .filter(text_templates::kind.eq(kind))
        .count()
        .get_result(c)?;
    Ok(n > 0)
}

/// Publishes a template for the district's schools; audited.
pub fn create_template(
    c: &mut DbConn,
    district: i64,
    b: &NewTextTemplate,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<TextTemplate, AppError> {
    let id: i64 = diesel::insert_into(text_templates::table)
        .values((
            text_templates::district_id.eq(district),
            text_templates::kind.eq(&b.kind),
            text_templates::title.eq(&b.title),
            text_templates::body.eq(&b.body),
            text_templates::created_at.eq(Instant(now)),
        ))
        .returning(text_templates::id)
        .get_result(c)?;
    let t: TextTemplate = text_templates::table
        .filter(text_templates::district_id.eq(district))
        .filter(text_templates::id.eq(id))
        .select(TemplateRow::as_select())
        .first::<TemplateRow>(c)
        .optional()?
        .ok_or(TextError::TemplateNotFound)?
        .into();
    audit::Event::outside_schools("text_template.create")
        .on("text_template", id)
        .after(&t)
        .record(c, actor)?;
    Ok(t)
}
