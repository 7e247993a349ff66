//! Requests beside the term application: a day registration and special late service.

pub mod requests;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(requests::create_request)
        .service(requests::list_requests)
        .service(requests::review_request);
}
