//! What the feed, the webhook endpoints and their delivery log look like on the wire.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum EventType {
    /// A family (or staff on its behalf) submitted an application.
    #[serde(rename = "application.submitted")]
    ApplicationSubmitted,
    /// The homeroom teacher passed it to the school review (班级审核通过).
    #[serde(rename = "application.class_reviewed")]
    ApplicationClassReviewed,
    /// A reviewer returned it to the family to fix.
    #[serde(rename = "application.returned")]
    ApplicationReturned,
    /// The school approved it: the child is enrolled.
    #[serde(rename = "application.approved")]
    ApplicationApproved,
    /// A reviewer refused it, with a reason.
    #[serde(rename = "application.rejected")]
    ApplicationRejected,
    /// The family or the school withdrew it; the enrollment ends on the effective date.
    #[serde(rename = "application.withdrawn")]
    ApplicationWithdrawn,
    /// A queue place moved up: the child now has a seat in a capped offering.
    #[serde(rename = "application.queue_moved")]
    ApplicationQueueMoved,
    /// The school published a notice, form or agreement text.
    #[serde(rename = "notice.published")]
    NoticePublished,
}

impl EventType {
    /// Every type.
    pub const ALL: [EventType; 8] = [
        EventType::ApplicationSubmitted,
        EventType::ApplicationClassReviewed,
        EventType::ApplicationReturned,
        EventType::ApplicationApproved,
        EventType::ApplicationRejected,
        EventType::ApplicationWithdrawn,
        EventType::ApplicationQueueMoved,
        EventType::NoticePublished,
    ];

    /// The stored and wire name, e.g. `application.submitted`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::ApplicationSubmitted => "application.submitted",
            EventType::ApplicationClassReviewed => "application.class_reviewed",
            EventType::ApplicationReturned => "application.returned",
            EventType::ApplicationApproved => "application.approved",
            EventType::ApplicationRejected => "application.rejected",
            EventType::ApplicationWithdrawn => "application.withdrawn",
            EventType::ApplicationQueueMoved => "application.queue_moved",
            EventType::NoticePublished => "notice.published",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One event: the feed's item and a webhook's body (Standard Webhooks payload shape).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "evt_1042", "type": "application.submitted", "timestamp": "2026-09-01T08:12:40Z",
    "data": {"school_id": 1, "student_id": 5, "application_id": 77, "number": "2026-000077", "status": "submitted"}
}))]
pub struct Event {
    /// `evt_<n>`, increasing; also the `webhook-id` of its deliveries (receivers dedupe on it).
    pub id: String,
    /// What happened.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// When it happened.
    pub timestamp: DateTime<Utc>,
    /// Ids and statuses only (`school_id`, `student_id`, `application_id`, `status` …),
    /// never names or phone numbers: read the resource for more, within your reach.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

/// Filters of the feed.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Only events after this one (`evt_<n>`), e.g. the last one you processed.
    #[param(example = "evt_1041")]
    pub after: Option<String>,
    /// Only these types, comma-separated.
    #[param(example = "application.submitted,application.withdrawn")]
    pub types: Option<String>,
}

/// A district's webhook endpoint for one of its API clients.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WebhookEndpoint {
    #[schema(example = 4)]
    pub id: i64,
    #[schema(example = 1)]
    pub district_id: i64,
    /// The API client whose reach the deliveries follow (a parent app: its guardians'
    /// children; a district system: its schools). It needs the `events:read` scope.
    #[schema(example = 3)]
    pub api_client_id: i64,
    #[schema(example = "https://hooks.jiaxiaotong.example/kehou")]
    pub url: String,
    #[schema(example = "家校通 生产环境")]
    pub description: String,
    /// The types delivered; empty: every type.
    pub event_types: Vec<EventType>,
    /// A disabled endpoint gets no new deliveries.
    pub disabled: bool,
    /// Until when the previous secret still signs too, after a rotation.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    #[schema(example = 1)]
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new webhook endpoint.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"api_client_id": 3, "url": "https://hooks.jiaxiaotong.example/kehou", "event_types": ["application.approved", "application.withdrawn"], "description": "家校通 生产环境"}))]
pub struct NewWebhookEndpoint {
    /// One of the district's API clients, with the `events:read` scope.
    pub api_client_id: i64,
    /// `https://` (a public address; checked again when it is resolved at delivery).
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub url: String,
    /// The types to deliver; empty or absent: every type.
    #[serde(default)]
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub event_types: Vec<EventType>,
    #[serde(default)]
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub description: String,
}

/// Changes to an endpoint (absent fields stay).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"disabled": true}))]
pub struct WebhookEndpointEdit {
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub url: Option<String>,
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub event_types: Option<Vec<EventType>>,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub description: Option<String>,
    pub disabled: Option<bool>,
}

/// An endpoint with its signing secret — shown when it is created or rotated, never again.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookSecret {
    pub endpoint: WebhookEndpoint,
    /// `whsec_…`: give it to a Standard Webhooks verifier.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

/// How long the previous signing secret keeps signing after a rotation.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"overlap_seconds": 86400}))]
pub struct WebhookSecretRotation {
    /// Seconds during which deliveries carry both signatures (0: only the new one; at most
    /// 30 days; default one day).
    #[validate(range(min = 0, max = 2_592_000))]
    #[schema(minimum = 0, maximum = 2_592_000)]
    #[serde(default = "one_day")]
    pub overlap_seconds: i64,
}

fn one_day() -> i64 {
    86_400
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting for its first attempt or a retry (`next_attempt_at`).
    Pending,
    /// The receiver answered 2xx.
    Succeeded,
    /// Every attempt failed; replay it when the receiver is fixed.
    Failed,
}

impl DeliveryStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Succeeded => "succeeded",
            DeliveryStatus::Failed => "failed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> DeliveryStatus {
        match s {
            "succeeded" => DeliveryStatus::Succeeded,
            "failed" => DeliveryStatus::Failed,
            _ => DeliveryStatus::Pending,
        }
    }
}

/// One event's delivery to one endpoint: the delivery log.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WebhookDelivery {
    #[schema(example = 17)]
    pub id: i64,
    #[schema(example = 4)]
    pub endpoint_id: i64,
    /// The event (`webhook-id`).
    #[schema(example = "evt_1042")]
    pub event_id: String,
    pub event_type: EventType,
    pub status: DeliveryStatus,
    /// Attempts made so far.
    #[schema(example = 1)]
    pub attempts: i32,
    /// The receiver's last HTTP status, if it answered.
    #[schema(example = 200)]
    pub last_status_code: Option<i32>,
    /// Why the last attempt failed (timeout, refused address, status …).
    pub last_error: Option<String>,
    /// When the next attempt is due (pending only).
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}
