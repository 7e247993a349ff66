//! The figures as the API shows them: a school's application statistics and the
//! district's figures per school.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Counts for one group (a grade, a homeroom, an offering kind, or the school).
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
pub struct Counts {
    /// Students who may use the service (grades offered; boarders left out where excluded).
    pub eligible: i64,
    /// Submitted applications still standing or decided (drafts and withdrawals apart).
    pub applied: i64,
    pub approved: i64,
    pub in_review: i64,
    pub refused: i64,
    pub withdrawn: i64,
    /// Drafts not yet submitted.
    pub drafts: i64,
    /// Seats wanted beyond a school-set cap (unmet demand, reported to the district).
    pub waiting: i64,
    /// approved ÷ eligible, 0–1.
    pub participation_rate: f64,
}

/// Application statistics of a term.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApplicationStats {
    pub school: Counts,
    /// Families that received the current notice, of all families (children sharing a
    /// guardian are one family).
    pub informed: i64,
    pub families: i64,
    /// Refusals by reason code.
    pub refused_by_reason: BTreeMap<String, i64>,
    pub by_grade: BTreeMap<i32, Counts>,
    pub by_homeroom: BTreeMap<String, Counts>,
    pub by_offering_kind: BTreeMap<String, Counts>,
    /// Each club of the term: applicants by rank, placed, waiting, fill rate.
    pub by_club: Vec<crate::reports::clubs::ClubFigures>,
}

/// One school's figures.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SchoolFigures {
    pub school_id: i64,
    pub school_name: String,
    /// The term in session on the date (null: none).
    pub term_id: Option<i64>,
    pub eligible: i64,
    pub applied: i64,
    pub approved: i64,
    /// Unmet demand: places wanted beyond a school-set cap.
    pub waiting: i64,
    pub participation_rate: f64,
    pub special_late_requested: i64,
    pub special_late_approved: i64,
}

/// The district's figures.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DistrictFigures {
    pub date: NaiveDate,
    pub schools: Vec<SchoolFigures>,
    pub eligible: i64,
    pub approved: i64,
    pub waiting: i64,
    pub participation_rate: f64,
}

/// `?date=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DateQuery {
    /// The date whose terms count (default: today in Asia/Shanghai).
    pub date: Option<NaiveDate>,
}
