//! Figures: the school's application statistics and approved list (报名汇总表) as `.xlsx`,
//! and the district's view of applications: per school, the term in session on a date,
//! participation, unmet demand (waiting beyond school caps) and special late-service
//! requests — the figures a bureau reports (愿留尽留、特殊延时申请全覆盖).

pub mod clubs;
pub mod error;
pub mod model;
pub mod routes;
pub mod store;
pub mod types;
pub mod workbook;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1` (the district's).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(routes::district_stats);
}

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(routes::application_stats)
        .service(routes::export_approved);
}
