//! Service plans (一校一案): a school's offerings and application window per term, drafted
//! by the school, approved by the district; the district's bounds on session times; the
//! calendar of which sessions run on a date.
//!
//! `types` (requests and responses), `model` (the plan's rules, the review steps, stored
//! weekdays) with `calendar` (the dates sessions run on), `store` (queries), `error` (the
//! refusals), `routes` (handlers).

pub mod calendar;
pub mod drafts;
pub mod error;
pub mod model;
pub mod routes;
pub mod steps;
pub mod store;
pub mod types;
mod window;

use utoipa_actix_web::service_config::ServiceConfig;

use routes::{bounds, drafts as draft_routes, service_plans};

/// Routes under `/api/v1` (the district's).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(bounds::get_bounds).service(bounds::put_bounds);
}

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(service_plans::list_plans)
        .service(service_plans::create_plan)
        .service(service_plans::get_plan)
        .service(draft_routes::edit_plan)
        .service(draft_routes::delete_plan)
        .service(draft_routes::withdraw_plan)
        .service(draft_routes::change_window)
        .service(service_plans::submit_plan)
        .service(service_plans::approve_plan)
        .service(service_plans::reject_plan)
        .service(service_plans::sessions_on);
}
