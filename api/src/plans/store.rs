//! Service plan queries: plan versions with their offerings per school and term, the
//! guarded status steps, and the district's bounds (a district setting). Every query on a
//! plan or offering filters by the school.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::{offerings, service_plans, settings};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::notifications::store::{self as notifications, PlanNews};
use crate::plans::calendar;
use crate::plans::error::PlanError;
use crate::plans::model::{check_plan, weekdays_from_text, weekdays_to_text, PlanStep};
use crate::plans::types::{
    NewOffering, NewServicePlan, Offering, ServiceBounds, ServicePlan, SessionOnDate,
};

/// A plan version as stored.
#[derive(Queryable, Selectable)]
#[diesel(table_name = service_plans)]
struct PlanRow {
    id: i64,
    term_id: i64,
    version_no: i32,
    status: String,
    window_opens_at: Instant,
    window_closes_at: Instant,
    review_comment: Option<String>,
    version: i64,
    exemption_categories: String,
}

/// An offering as stored.
#[derive(Queryable, Selectable)]
#[diesel(table_name = offerings)]
struct OfferingRow {
    id: i64,
    kind: String,
    name: String,
    grades: String,
    weekdays: String,
    boarders_excluded: bool,
    start_time: String,
    end_time: String,
    early_grades_start_time: Option<String>,
    cap: Option<i32>,
    taken: i32,
    waiting: i32,
    season_times: String,
    segments: String,
}

impl From<OfferingRow> for Offering {
    fn from(r: OfferingRow) -> Offering {
        Offering {
            id: r.id,
            kind: r.kind,
            name: r.name,
            grades: r.grades.split(',').filter_map(|g| g.parse().ok()).collect(),
            weekdays: weekdays_from_text(&r.weekdays),
            boarders_excluded: r.boarders_excluded,
            start_time: r.start_time,
            end_time: r.end_time,
            early_grades_start_time: r.early_grades_start_time,
            cap: r.cap,
            taken: r.taken,
            waiting: r.waiting,
            season_times: serde_json::from_str(&r.season_times).unwrap_or_default(),
            segments: serde_json::from_str(&r.segments).unwrap_or_default(),
        }
    }
}

/// The offerings of a plan.
pub fn offerings_of(
    c: &mut DbConn,
    school_id: SchoolId,
    plan_id: i64,
) -> Result<Vec<Offering>, AppError> {
    Ok(offerings::table
        .filter(offerings::school_id.eq(school_id))
        .filter(offerings::plan_id.eq(plan_id))
        .select(OfferingRow::as_select())
        .order(offerings::id)
        .load::<OfferingRow>(c)?
        .into_iter()
        .map(Offering::from)
        .collect())
}

fn with_offerings(
    c: &mut DbConn,
    school_id: SchoolId,
    r: PlanRow,
) -> Result<ServicePlan, AppError> {
    Ok(ServicePlan {
        id: r.id,
        term_id: r.term_id,
        version_no: r.version_no,
        status: r.status,
        window_opens_at: r.window_opens_at.0,
        window_closes_at: r.window_closes_at.0,
        review_comment: r.review_comment,
        offerings: offerings_of(c, school_id, r.id)?,
        version: r.version,
        window_changes: super::window::changes(c, school_id, r.id)?,
        exemption_categories: r
            .exemption_categories
            .split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// One plan version with its offerings.
pub fn plan(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<ServicePlan, AppError> {
    let r = service_plans::table
        .filter(service_plans::school_id.eq(school_id))
        .filter(service_plans::id.eq(id))
        .select(PlanRow::as_select())
        .first::<PlanRow>(c)
        .optional()?
        .ok_or(PlanError::NotFound)?;
    with_offerings(c, school_id, r)
}

/// One page of the school's plan versions (of one term when given) in id order:
/// `limit + 1` after `after`, each with its offerings.
pub fn plans_page(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
    approved_only: bool,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ServicePlan>, AppError> {
    let mut q = service_plans::table
        .filter(service_plans::school_id.eq(school_id))
        .select(PlanRow::as_select())
        .order(service_plans::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(t) = term_id {
        q = q.filter(service_plans::term_id.eq(t));
    }
    if approved_only {
        q = q.filter(service_plans::status.eq("approved"));
    }
    if let Some(a) = after {
        q = q.filter(service_plans::id.gt(a));
    }
    q.load::<PlanRow>(c)?
        .into_iter()
        .map(|r| with_offerings(c, school_id, r))
        .collect()
}

/// The newest approved plan of a term.
pub fn approved_plan(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: i64,
) -> Result<Option<ServicePlan>, AppError> {
    let id: Option<i64> = service_plans::table
        .filter(service_plans::school_id.eq(school_id))
        .filter(service_plans::term_id.eq(term_id))
        .filter(service_plans::status.eq("approved"))
        .order(service_plans::version_no.desc())
        .select(service_plans::id)
        .first(c)
        .optional()?;
    id.map(|id| plan(c, school_id, id)).transpose()
}

/// Drafts a new version of the term's plan, checked against the district's bounds, with
/// its offerings; audited.
pub fn draft_plan(
    c: &mut DbConn,
    school_id: SchoolId,
    p: &NewServicePlan,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<ServicePlan, AppError> {
    check_plan(p, &school_bounds(c, school_id)?)?;
    crate::roster::store::terms::term(c, school_id, p.term_id)
        .map_err(|_| AppError::field("term_id", "not_found", "no such term in this school"))?;
    let last: Option<i32> = service_plans::table
        .filter(service_plans::school_id.eq(school_id))
        .filter(service_plans::term_id.eq(p.term_id))
        .select(diesel::dsl::max(service_plans::version_no))
        .first(c)?;
    let now = Instant(now);
    let id: i64 = diesel::insert_into(service_plans::table)
        .values((
            service_plans::school_id.eq(school_id),
            service_plans::term_id.eq(p.term_id),
            service_plans::version_no.eq(last.unwrap_or(0) + 1),
            service_plans::status.eq("draft"),
            service_plans::window_opens_at.eq(Instant(p.window_opens_at)),
            service_plans::window_closes_at.eq(Instant(p.window_closes_at)),
            service_plans::exemption_categories.eq(p.exemption_categories.join(",")),
            service_plans::version.eq(1),
            service_plans::created_at.eq(now),
            service_plans::updated_at.eq(now),
        ))
        .returning(service_plans::id)
        .get_result(c)?;
    insert_offerings(c, school_id, id, &p.offerings)?;
    let created = plan(c, school_id, id)?;
    audit::Event::in_school(school_id, "service_plan.create")
        .on("service_plan", id)
        .after(&created)
        .record(c, actor)?;
    Ok(created)
}

/// Stores a plan version's offerings (a new version's, or a draft's edited list).
pub fn insert_offerings(
    c: &mut DbConn,
    school_id: SchoolId,
    plan_id: i64,
    list: &[NewOffering],
) -> Result<(), AppError> {
    for o in list {
        let grades: Vec<String> = o.grades.iter().map(|g| g.to_string()).collect();
        diesel::insert_into(offerings::table)
            .values((
                offerings::school_id.eq(school_id),
                offerings::plan_id.eq(plan_id),
                offerings::kind.eq(&o.kind),
                offerings::name.eq(&o.name),
                offerings::grades.eq(grades.join(",")),
                offerings::weekdays.eq(weekdays_to_text(&o.weekdays)),
                offerings::boarders_excluded.eq(o.boarders_excluded),
                offerings::start_time.eq(&o.start_time),
                offerings::end_time.eq(&o.end_time),
                offerings::early_grades_start_time.eq(&o.early_grades_start_time),
                offerings::cap.eq(o.cap),
                offerings::taken.eq(0),
                offerings::waiting.eq(0),
                offerings::season_times
                    .eq(serde_json::to_string(&o.season_times).unwrap_or_else(|_| "[]".into())),
                offerings::segments
                    .eq(serde_json::to_string(&o.segments).unwrap_or_else(|_| "[]".into())),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// Takes a step of the plan's review (guarded by the status it starts from), with a
/// comment; audited.
pub fn move_plan(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    step: PlanStep,
    comment: Option<&str>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<ServicePlan, AppError> {
    let (from, to) = (step.from(), step.to());
    let before = plan(c, school_id, id)?;
    let n = diesel::update(
        service_plans::table
            .filter(service_plans::school_id.eq(school_id))
            .filter(service_plans::id.eq(id))
            .filter(service_plans::status.eq(from)),
    )
    .set((
        service_plans::status.eq(to),
        service_plans::review_comment.eq(comment),
        service_plans::reviewed_by.eq(actor.id),
        service_plans::version.eq(before.version + 1),
        service_plans::updated_at.eq(Instant(now)),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(PlanError::WrongStatus {
            status: before.status,
            from,
        }
        .into());
    }
    let after = plan(c, school_id, id)?;
    audit::Event::in_school(school_id, format!("service_plan.{}", step.audit_name()))
        .on("service_plan", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    let news = match step {
        PlanStep::Submit => Some(PlanNews::Submitted),
        PlanStep::Approve => Some(PlanNews::Approved),
        PlanStep::Reject => Some(PlanNews::Rejected),
        PlanStep::Withdraw => None,
    };
    if let Some(news) = news {
        notifications::for_plan(c, school_id, id, after.version_no, news, now)?;
    }
    Ok(after)
}

/// The plan's sessions on a date, in its term's calendar.
pub fn sessions_on(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    date: NaiveDate,
    approved_only: bool,
) -> Result<Vec<SessionOnDate>, AppError> {
    let p = plan(c, school_id, id)?;
    if approved_only && p.status != "approved" {
        return Err(AppError::NotFound("service plan"));
    }
    let term = crate::roster::store::terms::term(c, school_id, p.term_id)?;
    Ok(calendar::sessions_on(&p, &term, date))
}

fn bounds_key(district: i64) -> String {
    format!("district:{district}:service_bounds")
}

/// The bounds of a district (defaults when unset).
pub fn district_bounds(c: &mut DbConn, district: i64) -> Result<ServiceBounds, AppError> {
    let v: Option<String> = settings::table
        .find(bounds_key(district))
        .select(settings::value)
        .first(c)
        .optional()?;
    Ok(v.and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

/// The bounds that apply to a school.
pub fn school_bounds(c: &mut DbConn, school: SchoolId) -> Result<ServiceBounds, AppError> {
    let district = crate::auth::store::district_of_school(c, school.get())?
        .ok_or(PlanError::SchoolNotFound)?;
    district_bounds(c, district)
}

/// Sets the district's bounds; audited.
pub fn save_bounds(
    c: &mut DbConn,
    district: i64,
    b: ServiceBounds,
    actor: &Actor,
) -> Result<ServiceBounds, AppError> {
    let value = serde_json::to_string(&b).map_err(|e| AppError::Internal(e.into()))?;
    let n = diesel::update(settings::table.find(bounds_key(district)))
        .set(settings::value.eq(&value))
        .execute(c)?;
    if n == 0 {
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(bounds_key(district)),
                settings::value.eq(&value),
            ))
            .execute(c)?;
    }
    audit::Event::outside_schools("district.service_bounds")
        .on("district", district)
        .after_json(Some(value))
        .record(c, actor)?;
    Ok(b)
}
