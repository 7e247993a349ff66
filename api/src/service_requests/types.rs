//! A request as the API shows it and as families and staff send it, the review decision,
//! and the list's filters.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// A day registration or a special late-service request.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ServiceRequest {
    pub id: i64,
    pub term_id: i64,
    pub student_id: i64,
    /// `day_registration` or `special_late`.
    pub kind: String,
    pub offering_id: i64,
    /// The one date (day registrations).
    pub service_date: Option<NaiveDate>,
    /// Until when the child must stay, `HH:MM` (special late service).
    pub until_time: Option<String>,
    pub reason: String,
    /// submitted, approved or rejected.
    pub status: String,
    pub review_comment: Option<String>,
    pub version: i64,
}

/// A new request.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct NewServiceRequest {
    pub term_id: i64,
    pub student_id: i64,
    /// `day_registration` or `special_late`.
    pub kind: String,
    pub offering_id: i64,
    pub service_date: Option<NaiveDate>,
    pub until_time: Option<String>,
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// A review decision on a request.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct RequestReview {
    pub approve: bool,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

/// Filters of the request list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    /// Only requests in this status.
    pub status: Option<String>,
    /// Only requests of this term.
    pub term_id: Option<i64>,
}
