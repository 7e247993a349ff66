//! The audit log as the API shows it, and its filters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// One audit event.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AuditEvent {
    pub id: i64,
    pub school_id: Option<i64>,
    /// `user`, `client` or `system`.
    pub actor_kind: String,
    pub actor_id: Option<i64>,
    /// The actor's display name (users), when the actor is a person.
    pub actor_name: Option<String>,
    /// e.g. `student.update`.
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    /// The entity before the change (JSON).
    pub before: Option<serde_json::Value>,
    /// The entity after the change (JSON).
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
    pub at: DateTime<Utc>,
}

/// Filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this entity type (e.g. `student`).
    pub entity: Option<String>,
    /// Only this entity.
    pub entity_id: Option<i64>,
    /// Only this action (e.g. `student.update`).
    pub action: Option<String>,
    /// Only this actor.
    pub actor_id: Option<i64>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
