//! Service plans (一校一案): a school's offerings and application window per term, drafted
//! by the school, approved by the district; the district's bounds on session times; the
//! calendar of which sessions run on a date.

pub mod bounds;
pub mod calendar;
pub mod model;
pub mod routes;
pub mod store;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1` (the district's).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(bounds::get_bounds).service(bounds::put_bounds);
}

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(routes::list_plans)
        .service(routes::create_plan)
        .service(routes::get_plan)
        .service(routes::submit_plan)
        .service(routes::approve_plan)
        .service(routes::reject_plan)
        .service(routes::sessions_on);
}
