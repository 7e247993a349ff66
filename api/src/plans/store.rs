//! Service plans (一校一案) per school and term: offerings and the application window.
//! A school admin drafts and submits a version; a district admin approves or rejects it;
//! an approved version is immutable (a change is a new version).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::applications::model::{weekdays_from_text, weekdays_to_text};
use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::{offerings, service_plans};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::calendar::{SeasonTime, Segment};

/// Kinds of service (服务类型).
pub const OFFERING_KINDS: &[&str] = &[
    "morning_reading",
    "noon_care",
    "afternoon_basic",
    "late_extension",
    "evening_study",
    "weekend",
    "holiday",
];

/// An offering: a kind of service on set weekdays for set grades.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Offering {
    pub id: i64,
    /// One of morning_reading, noon_care, afternoon_basic, late_extension, evening_study, weekend, holiday.
    pub kind: String,
    pub name: String,
    pub grades: Vec<i32>,
    /// ISO weekdays, 1 = Monday.
    pub weekdays: Vec<u8>,
    pub boarders_excluded: bool,
    /// `HH:MM`, school-local.
    pub start_time: String,
    pub end_time: String,
    /// Grades 1–2 start later (from the 2nd afternoon lesson), `HH:MM`.
    pub early_grades_start_time: Option<String>,
    /// A school-set cap; applications beyond it wait in a queue (never refused).
    pub cap: Option<i32>,
    pub taken: i32,
    pub waiting: i32,
    /// Times that replace the base times in date ranges (e.g. summer).
    pub season_times: Vec<SeasonTime>,
    /// The parts of the session, in order (relax, homework, club).
    pub segments: Vec<Segment>,
}

/// A new offering.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct NewOffering {
    pub kind: String,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[validate(length(min = 1, max = 9))]
    #[schema(min_items = 1, max_items = 9)]
    pub grades: Vec<i32>,
    #[validate(length(min = 1, max = 7))]
    #[schema(min_items = 1, max_items = 7)]
    pub weekdays: Vec<u8>,
    #[serde(default)]
    pub boarders_excluded: bool,
    pub start_time: String,
    pub end_time: String,
    pub early_grades_start_time: Option<String>,
    #[validate(range(min = 1, max = 5000))]
    #[schema(minimum = 1, maximum = 5000)]
    pub cap: Option<i32>,
    #[serde(default)]
    pub season_times: Vec<SeasonTime>,
    #[serde(default)]
    pub segments: Vec<Segment>,
}

/// A version of a school's plan for a term.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ServicePlan {
    pub id: i64,
    pub term_id: i64,
    pub version_no: i32,
    /// draft, submitted, approved or rejected.
    pub status: String,
    pub window_opens_at: DateTime<Utc>,
    pub window_closes_at: DateTime<Utc>,
    pub review_comment: Option<String>,
    pub offerings: Vec<Offering>,
    /// Fee-exemption categories families may claim under this plan.
    pub exemption_categories: Vec<String>,
    pub version: i64,
}

/// A new plan version.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewServicePlan {
    pub term_id: i64,
    pub window_opens_at: DateTime<Utc>,
    pub window_closes_at: DateTime<Utc>,
    #[validate(length(min = 1, max = 50), nested)]
    #[schema(min_items = 1, max_items = 50)]
    pub offerings: Vec<NewOffering>,
    /// Fee-exemption categories (default: teacher_child, poverty_household, hardship).
    #[serde(default = "default_exemptions")]
    pub exemption_categories: Vec<String>,
}

fn default_exemptions() -> Vec<String> {
    ["teacher_child", "poverty_household", "hardship"]
        .map(String::from)
        .to_vec()
}

/// A district's decision on a plan.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct PlanReview {
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

pub use crate::plans::model::check_plan;

type PlanRow = (
    i64,
    i64,
    i32,
    String,
    Instant,
    Instant,
    Option<String>,
    i64,
    String,
);
type OfferingRow = (
    i64,
    String,
    String,
    String,
    String,
    bool,
    String,
    String,
    Option<String>,
    Option<i32>,
    i32,
    i32,
    String,
    String,
);

/// The offerings of a plan.
pub fn offerings_of(
    c: &mut DbConn,
    school_id: SchoolId,
    plan_id: i64,
) -> Result<Vec<Offering>, AppError> {
    let rows: Vec<OfferingRow> = offerings::table
        .filter(offerings::school_id.eq(school_id))
        .filter(offerings::plan_id.eq(plan_id))
        .select((
            offerings::id,
            offerings::kind,
            offerings::name,
            offerings::grades,
            offerings::weekdays,
            offerings::boarders_excluded,
            offerings::start_time,
            offerings::end_time,
            offerings::early_grades_start_time,
            offerings::cap,
            offerings::taken,
            offerings::waiting,
            offerings::season_times,
            offerings::segments,
        ))
        .order(offerings::id)
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|r| Offering {
            id: r.0,
            kind: r.1,
            name: r.2,
            grades: r.3.split(',').filter_map(|g| g.parse().ok()).collect(),
            weekdays: weekdays_from_text(&r.4),
            boarders_excluded: r.5,
            start_time: r.6,
            end_time: r.7,
            early_grades_start_time: r.8,
            cap: r.9,
            taken: r.10,
            waiting: r.11,
            season_times: serde_json::from_str(&r.12).unwrap_or_default(),
            segments: serde_json::from_str(&r.13).unwrap_or_default(),
        })
        .collect())
}

const PLAN_COLUMNS: (
    service_plans::id,
    service_plans::term_id,
    service_plans::version_no,
    service_plans::status,
    service_plans::window_opens_at,
    service_plans::window_closes_at,
    service_plans::review_comment,
    service_plans::version,
    service_plans::exemption_categories,
) = (
    service_plans::id,
    service_plans::term_id,
    service_plans::version_no,
    service_plans::status,
    service_plans::window_opens_at,
    service_plans::window_closes_at,
    service_plans::review_comment,
    service_plans::version,
    service_plans::exemption_categories,
);

fn with_offerings(
    c: &mut DbConn,
    school_id: SchoolId,
    r: PlanRow,
) -> Result<ServicePlan, AppError> {
    Ok(ServicePlan {
        id: r.0,
        term_id: r.1,
        version_no: r.2,
        status: r.3,
        window_opens_at: r.4 .0,
        window_closes_at: r.5 .0,
        review_comment: r.6,
        offerings: offerings_of(c, school_id, r.0)?,
        version: r.7,
        exemption_categories: r
            .8
            .split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// One plan version with its offerings.
pub fn plan(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<ServicePlan, AppError> {
    let r: PlanRow = service_plans::table
        .filter(service_plans::school_id.eq(school_id))
        .filter(service_plans::id.eq(id))
        .select(PLAN_COLUMNS)
        .first(c)
        .optional()?
        .ok_or(AppError::NotFound("service plan"))?;
    with_offerings(c, school_id, r)
}

/// One page of the school's plan versions (of one term when given) in id order:
/// `limit + 1` after `after`, each with its offerings.
pub fn plans_page(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ServicePlan>, AppError> {
    let mut q = service_plans::table
        .filter(service_plans::school_id.eq(school_id))
        .select(PLAN_COLUMNS)
        .order(service_plans::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(t) = term_id {
        q = q.filter(service_plans::term_id.eq(t));
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

pub(crate) fn insert_plan(
    c: &mut DbConn,
    school_id: SchoolId,
    p: &NewServicePlan,
    actor: &Actor,
) -> Result<ServicePlan, AppError> {
    crate::roster::store::terms::term(c, school_id, p.term_id)
        .map_err(|_| AppError::field("term_id", "not_found", "no such term in this school"))?;
    let last: Option<i32> = service_plans::table
        .filter(service_plans::school_id.eq(school_id))
        .filter(service_plans::term_id.eq(p.term_id))
        .select(diesel::dsl::max(service_plans::version_no))
        .first(c)?;
    let now = Instant(Utc::now());
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
    for o in &p.offerings {
        let grades: Vec<String> = o.grades.iter().map(|g| g.to_string()).collect();
        diesel::insert_into(offerings::table)
            .values((
                offerings::school_id.eq(school_id),
                offerings::plan_id.eq(id),
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
    let created = plan(c, school_id, id)?;
    audit::Event::in_school(school_id, "service_plan.create")
        .on("service_plan", id)
        .after(&created)
        .record(c, actor)?;
    Ok(created)
}

/// Moves a plan from one status to another (guarded), with a comment; audited.
pub(crate) fn move_plan(
    c: &mut DbConn,
    school_id: SchoolId,
    id: i64,
    from: &str,
    to: &str,
    comment: Option<&str>,
    actor: &Actor,
) -> Result<ServicePlan, AppError> {
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
        service_plans::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Conflict {
            code: "service_plan.wrong_status",
            detail: format!("the plan is {}, not {from}", before.status),
        });
    }
    let after = plan(c, school_id, id)?;
    audit::Event::in_school(school_id, format!("service_plan.{to}"))
        .on("service_plan", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}
