//! The application as the API shows it and as families send it: offerings and where the
//! child stands, the acceptance evidence, the history, the new application; reviews,
//! edits, changes and withdrawals; enrollments.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::applications::model::placement::Placement;
pub use crate::applications::model::{Decision, ReviewStep};
use crate::applications::model::{LeaveMode, RejectReason, Status};
use crate::texts::types::PlanText;

/// One offering of an application and where the child stands in it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AppliedOffering {
    pub offering_id: i64,
    pub kind: String,
    pub name: String,
    pub weekdays: Vec<u8>,
    /// `held` while the application is reviewed, `enrolled` once approved, `waiting`
    /// behind a school-set cap, `draft` before submitting (nothing held), `left` after a
    /// withdrawal, `released` after a rejection.
    pub placement: Placement,
    /// 1-based position among those still waiting (null unless waiting).
    pub queue_position: Option<i64>,
}

/// The provable acceptance of the agreement.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Acceptance {
    pub text_id: i64,
    pub version_no: i32,
    pub title: String,
    /// SHA-256 of the exact text accepted.
    pub sha256: String,
    /// `guardian`, `staff` or `client`.
    pub accepted_by_kind: String,
    pub accepted_by_id: i64,
    /// Who accepted, by name: the guardian's, the staff member's in the school, or the app's.
    pub accepted_by_name: Option<String>,
    /// A guardian's relation to the child (母亲, 祖父 …); null for staff and apps.
    pub accepted_by_relation: Option<String>,
    /// `portal`, `spa` or `api_client:<id>`.
    pub channel: String,
    pub accepted_at: DateTime<Utc>,
}

/// One step of an application's history.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApplicationEvent {
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    /// `user`, `client` or `system` (as in the audit log).
    pub actor_kind: String,
    pub actor_id: Option<i64>,
    /// Who acted, for people reading the history: `guardian`, `staff`, `client` or `system`.
    pub actor_role: String,
    /// Who acted, by name: a staff member's name in the school (never a login name), a
    /// guardian's name, an app's registered name; null for the system.
    pub actor_name: Option<String>,
    /// A staff member's roles in the school (`homeroom_teacher`, `school_admin` …).
    pub actor_staff_roles: Vec<String>,
    /// A guardian's relation to the child.
    pub actor_relation: Option<String>,
    pub comment: Option<String>,
    pub at: DateTime<Utc>,
}

/// An application (报名申请).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Application {
    pub id: i64,
    /// The number people quote (`2026-000123`: the term's year and the id).
    pub number: String,
    pub term_id: i64,
    pub plan_id: i64,
    pub student_id: i64,
    pub student_name: String,
    pub homeroom_id: i64,
    pub homeroom_name: String,
    pub status: Status,
    #[schema(value_type = LeaveMode)]
    pub leave_mode: String,
    pub pickup_person_ids: Vec<i64>,
    pub exemption_category: Option<String>,
    pub exemption_note: Option<String>,
    pub offerings: Vec<AppliedOffering>,
    /// Ranked club choices and where the child stands in each.
    pub club_choices: Vec<ClubChoice>,
    pub acceptance: Acceptance,
    pub reject_reason: Option<String>,
    pub withdraw_effective_date: Option<NaiveDate>,
    pub history: Vec<ApplicationEvent>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An offering asked for, on some weekdays.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema, Validate)]
pub struct OfferingChoice {
    pub offering_id: i64,
    /// ISO weekdays (1 = Monday); all the offering's days when empty.
    #[serde(default)]
    #[validate(length(max = 7))]
    #[schema(max_items = 7)]
    pub weekdays: Vec<u8>,
}

/// A fee-exemption claim.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema, Validate)]
pub struct ExemptionClaim {
    /// teacher_child, poverty_household or hardship.
    #[validate(length(min = 1, max = 40))]
    #[schema(min_length = 1, max_length = 40)]
    pub category: String,
    /// The evidence (certificate number, explanation).
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub note: String,
}

/// A new application.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema, Validate)]
pub struct NewApplication {
    pub term_id: i64,
    pub student_id: i64,
    #[validate(length(min = 1, max = 20), nested)]
    #[schema(min_items = 1, max_items = 20)]
    pub offerings: Vec<OfferingChoice>,
    #[serde(default)]
    #[validate(length(max = 10))]
    #[schema(max_items = 10)]
    pub pickup_person_ids: Vec<i64>,
    pub leave_mode: LeaveMode,
    #[validate(nested)]
    pub exemption: Option<ExemptionClaim>,
    /// The agreement version shown to the family; must be the current one.
    pub agreement_text_id: i64,
    /// Must be true: the family accepts the agreement's duties.
    pub accept_agreement: bool,
    /// Club ids, first choice first (at most 5).
    #[serde(default)]
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub club_choices: Vec<i64>,
    /// Submit at once (default) or keep as a draft.
    #[serde(default = "yes")]
    pub submit: bool,
}

fn yes() -> bool {
    true
}

/// Filters of the application list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationQuery {
    /// Only this term's applications.
    pub term_id: Option<i64>,
    /// Only applications in this status.
    pub status: Option<Status>,
    /// Only this homeroom's students (within your reach).
    pub homeroom_id: Option<i64>,
    /// Only those changed at or after this instant (RFC 3339): what a client syncing the
    /// list asks for since its last sync.
    #[param(value_type = Option<String>, format = DateTime, example = "2026-09-01T00:00:00Z")]
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
    /// A search: part of the student's name, or the start of their student number (1–50
    /// characters).
    #[param(max_length = 50, example = "王")]
    pub q: Option<String>,
    /// Items per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A review decision.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct Review {
    /// approve, return (for changes) or reject.
    pub decision: Decision,
    /// Required to reject; `other` needs a comment.
    pub reason: Option<RejectReason>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

/// A withdrawal.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct Withdrawal {
    /// The enrollment ends on this date (default: today); fees use it.
    pub effective_date: Option<NaiveDate>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

/// The family's choices, replacing the application's.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ApplicationEdit {
    #[validate(length(min = 1, max = 20), nested)]
    #[schema(min_items = 1, max_items = 20)]
    pub offerings: Vec<OfferingChoice>,
    pub leave_mode: LeaveMode,
    #[serde(default)]
    #[validate(length(max = 10))]
    #[schema(max_items = 10)]
    pub pickup_person_ids: Vec<i64>,
    /// Null withdraws an exemption claim.
    #[validate(nested)]
    pub exemption: Option<ExemptionClaim>,
    /// Club ids, first choice first (at most 5). A changed ranking gives up the current
    /// placement and is placed again; the same ranking keeps it.
    #[serde(default)]
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub club_choices: Vec<i64>,
    /// Needed only when a new agreement version was published since the family accepted:
    /// the current version's id, with `accept_agreement: true`.
    pub agreement_text_id: Option<i64>,
    #[serde(default)]
    pub accept_agreement: bool,
}

/// A change of offerings or weekdays.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ApplicationChange {
    /// The new set of offerings (replaces the old one).
    #[validate(length(min = 1, max = 20), nested)]
    #[schema(min_items = 1, max_items = 20)]
    pub offerings: Vec<OfferingChoice>,
    /// From this date on; fees use it.
    pub effective_date: NaiveDate,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

/// A review of many applications at once (one step, one decision).
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct BulkReview {
    #[validate(length(min = 1, max = 500))]
    #[schema(min_items = 1, max_items = 500)]
    pub ids: Vec<i64>,
    pub step: ReviewStep,
    #[validate(nested)]
    pub review: Review,
}

/// The outcome for one application of a bulk review.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BulkResult {
    pub id: i64,
    /// The new status, or null when refused.
    #[schema(value_type = Option<Status>)]
    pub status: Option<String>,
    /// The problem code when refused.
    pub error: Option<String>,
}

/// Everything that proves what a family agreed to, for one student.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AcceptanceEvidence {
    pub student_id: i64,
    pub applications: Vec<Application>,
    /// The exact texts accepted, with their hashes.
    pub texts: Vec<PlanText>,
    /// Whether each stored hash still matches its text (tamper check).
    pub hashes_match: bool,
}

/// One child in one offering.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Enrollment {
    pub application_id: i64,
    pub student_id: i64,
    pub student_name: String,
    pub homeroom_id: i64,
    pub homeroom_name: String,
    pub offering_id: i64,
    pub kind: String,
    pub weekdays: Vec<u8>,
    /// `enrolled`, or `waiting` behind a cap.
    pub placement: String,
    /// The last day of service after a withdrawal (null while enrolled).
    pub ends_on: Option<NaiveDate>,
    /// The fee-exemption category claimed, if any.
    pub exemption_category: Option<String>,
}

/// A ranked club choice and where the child stands.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ClubChoice {
    pub club_id: i64,
    /// 1 = first choice.
    pub rank: i32,
    /// `held` (under review) or `enrolled` (approved) for the choice that has the place;
    /// `not_needed` for the others; `waiting` for the first choice when all are full, the
    /// rest `not_placed`; `draft`, `left` and `released` as for offerings.
    pub placement: Placement,
    /// 1-based position on the club's waitlist (waiting only).
    pub queue_position: Option<i64>,
}
