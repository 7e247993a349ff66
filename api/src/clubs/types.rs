//! The club as the API shows it and as the school adds it, and the vetting record of an
//! external teacher.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// A club.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Club {
    pub id: i64,
    pub term_id: i64,
    pub name: String,
    /// A school-configured category, e.g. 德, 智, 体, 美, 劳.
    pub category: String,
    pub description: String,
    pub capacity: i32,
    pub grade_min: i32,
    pub grade_max: i32,
    pub weekdays: Vec<u8>,
    /// Only this homeroom may choose it (e.g. 三4葫芦丝班).
    pub homeroom_id: Option<i64>,
    pub teacher_staff_id: Option<i64>,
    /// An external teacher's name, when not staff.
    pub external_teacher: Option<String>,
    /// not_required (staff), pending, approved, rejected. A club whose external teacher is
    /// not approved takes no children.
    pub vetting_status: String,
    /// The school admin who vetted the external teacher (`users.id`).
    pub vetted_by: Option<i64>,
    /// Their name.
    pub vetted_by_name: Option<String>,
    /// When.
    pub vetted_at: Option<chrono::DateTime<Utc>>,
    /// The checks made, e.g. `no_criminal_record`, `qualification`.
    pub vetting_checks: Vec<String>,
    pub room_id: Option<i64>,
    /// The teacher's name: the staff member's, or the external teacher's.
    pub teacher_name: Option<String>,
    /// The room's name.
    pub room_name: Option<String>,
    /// The name of the only homeroom that may choose it.
    pub homeroom_name: Option<String>,
    /// How many applications rank it first.
    pub first_choices: i64,
    /// Seats taken.
    pub taken: i32,
    /// On the waitlist.
    pub waiting: i32,
    pub version: i64,
}

/// A new club.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewClub {
    pub term_id: i64,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20)]
    pub category: String,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    #[serde(default)]
    pub description: String,
    #[validate(range(min = 1, max = 500))]
    #[schema(minimum = 1, maximum = 500)]
    pub capacity: i32,
    #[validate(range(min = 1, max = 9))]
    #[schema(minimum = 1, maximum = 9)]
    pub grade_min: i32,
    #[validate(range(min = 1, max = 9))]
    #[schema(minimum = 1, maximum = 9)]
    pub grade_max: i32,
    #[validate(length(min = 1, max = 7))]
    #[schema(min_items = 1, max_items = 7)]
    pub weekdays: Vec<u8>,
    pub homeroom_id: Option<i64>,
    pub teacher_staff_id: Option<i64>,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub external_teacher: Option<String>,
    pub vetting_status: Option<String>,
    pub room_id: Option<i64>,
}

/// `?term_id=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClubQuery {
    /// Only this term.
    pub term_id: Option<i64>,
}

/// A check made on an external teacher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VettingCheck {
    /// 违法犯罪记录查询 (required for an approval).
    NoCriminalRecord,
    /// 教师资格 / 专业资质证书.
    Qualification,
    /// 健康证明.
    HealthCertificate,
    /// 安全培训.
    SafetyTraining,
    /// 合作协议 (for an agency's teacher).
    Agreement,
}

/// The decision on an external teacher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VettingDecision {
    Approved,
    Rejected,
}

/// The vetting record.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct Vetting {
    pub decision: VettingDecision,
    /// The checks made (an approval needs `no_criminal_record`).
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub checks: Vec<VettingCheck>,
    /// e.g. the certificate numbers.
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub note: Option<String>,
}
