//! The texts' request and response types: text versions, district templates, notice
//! receipts and the informed report.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

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

/// A district template.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TextTemplate {
    pub id: i64,
    pub district_id: i64,
    /// notice, application_form or agreement.
    pub kind: String,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A new template.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewTextTemplate {
    pub kind: String,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    #[validate(length(min = 1, max = 50000))]
    #[schema(min_length = 1, max_length = 50000)]
    pub body: String,
}

/// A family's receipt of the notice.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewNoticeReceipt {
    /// The published notice.
    pub text_id: i64,
    pub student_id: i64,
}

/// A recorded receipt.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NoticeReceipt {
    pub text_id: i64,
    pub student_id: i64,
    /// portal, paper or api_client:<id>.
    pub channel: String,
    pub at: chrono::DateTime<Utc>,
}

/// `?student_id=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceiptQuery {
    /// The student whose family's receipts to list.
    pub student_id: i64,
}

/// How many families of a homeroom have received the notice.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HomeroomInformed {
    pub homeroom_id: i64,
    pub homeroom_name: String,
    pub students: i64,
    /// Families with a child in this homeroom (siblings in one class count once).
    pub families: i64,
    /// Of those, the families that received the notice (for any of their children).
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

/// 知晓率: informed ÷ families, per homeroom and for the school. A family is the children
/// who share a guardian (siblings count once); it is informed when the notice reached it
/// for any of its children.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InformedReport {
    pub text_id: Option<i64>,
    pub students: i64,
    pub families: i64,
    pub informed: i64,
    /// informed ÷ families, 0–1 (1 when there are no families).
    pub rate: f64,
    pub homerooms: Vec<HomeroomInformed>,
}
