//! Notifications as the API shows them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Something a person is told about: an application waiting for their review, their child's
/// application decided, a plan decided.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Notification {
    pub id: i64,
    /// The school it concerns.
    pub school_id: i64,
    /// What happened: an event type (`application.returned` …) or `service_plan.approved`,
    /// `service_plan.rejected`, `service_plan.submitted`, `service_plan.window`.
    pub kind: String,
    /// A short line, e.g. 报名被退回修改.
    pub title: String,
    /// One or two sentences naming the child or the plan.
    pub body: String,
    /// The SPA page it leads to, e.g. `/portal/children/5/applications/12`.
    pub link: String,
    /// The ids it is about (`student_id`, `application_id`, `plan_id` …).
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
    /// When the person read it (null: unread).
    pub read_at: Option<DateTime<Utc>>,
}

/// How many notifications the caller has not read.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnreadCount {
    /// Unread notifications, across the caller's schools.
    pub unread: i64,
}

/// Filters of the caller's notifications.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only unread ones.
    pub unread: Option<bool>,
}

/// A notification's id in the path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct NotificationPath {
    /// The notification.
    pub id: i64,
}
