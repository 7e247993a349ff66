//! The service plans' request and response types: plan versions and their offerings, the
//! district's bounds on session times, season times and segments, sessions on a date.

use chrono::{DateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

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
    /// Changes to the application window since approval (extended, closed early), oldest
    /// first.
    pub window_changes: Vec<WindowChange>,
    pub version: i64,
}

/// A change to an approved plan's application window, recorded with who made it and why.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WindowChange {
    /// When applying opened before the change.
    pub from_opens_at: DateTime<Utc>,
    /// When applying closed before the change.
    pub from_closes_at: DateTime<Utc>,
    /// When applying opens after it.
    pub to_opens_at: DateTime<Utc>,
    /// When applying closes after it.
    pub to_closes_at: DateTime<Utc>,
    /// Why, as the school recorded it (the district reads it).
    pub reason: String,
    /// Who changed it, by name.
    pub changed_by_name: Option<String>,
    /// When.
    pub changed_at: DateTime<Utc>,
}

/// A new application window for an approved plan: later to extend it, now to close it early.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct WindowEdit {
    /// When applying opens (default: unchanged).
    pub window_opens_at: Option<DateTime<Utc>>,
    /// When applying closes: later than today's close to extend it, now to close it early;
    /// never in the past.
    pub window_closes_at: DateTime<Utc>,
    /// Why (1–200 characters), for the district and the record.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub reason: String,
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

/// Filter by term.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// Only this term.
    pub term_id: Option<i64>,
}

/// Times that apply between two month-days each year, e.g. `05-01`..`10-31`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SeasonTime {
    /// `MM-DD`, inclusive.
    pub from: String,
    /// `MM-DD`, inclusive; may be earlier than `from` (a range over the new year).
    pub to: String,
    pub start_time: String,
    pub end_time: String,
}

/// A part of a session (时间段): relax, homework or club.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Segment {
    /// relax, homework or club.
    pub kind: String,
    pub start_time: String,
    pub end_time: String,
}

/// `?date=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DateQuery {
    /// A school-local date, `YYYY-MM-DD`.
    pub date: chrono::NaiveDate,
}

/// A session that runs on a date.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SessionOnDate {
    pub offering_id: i64,
    pub kind: String,
    pub name: String,
    pub start_time: String,
    pub end_time: String,
    pub early_grades_start_time: Option<String>,
    /// The session's parts on that date (moved with the season's times).
    pub segments: Vec<Segment>,
}

/// Earliest and latest end time of a session, `HH:MM`, school-local.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ServiceBounds {
    pub earliest_end: String,
    pub latest_end: String,
}

impl Default for ServiceBounds {
    fn default() -> Self {
        ServiceBounds {
            earliest_end: "00:00".into(),
            latest_end: "19:00".into(),
        }
    }
}

impl ServiceBounds {
    /// The earliest allowed end.
    pub fn earliest(&self) -> NaiveTime {
        NaiveTime::parse_from_str(&self.earliest_end, "%H:%M").unwrap_or(NaiveTime::MIN)
    }

    /// The latest allowed end.
    pub fn latest(&self) -> NaiveTime {
        NaiveTime::parse_from_str(&self.latest_end, "%H:%M")
            .unwrap_or_else(|_| NaiveTime::from_hms_opt(19, 0, 0).unwrap_or(NaiveTime::MIN))
    }
}
