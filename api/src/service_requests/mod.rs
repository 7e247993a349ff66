//! Requests beside the term application: an ad-hoc day registration for one date (after
//! an emergency) and a special late-service request (特殊延时申请). Each has its own
//! review by a school admin; both are counted for the district (特殊延时申请全覆盖).

pub mod error;
pub mod model;
pub mod routes;
pub mod store;
pub mod types;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(routes::create_request)
        .service(routes::list_requests)
        .service(routes::review_request);
}
