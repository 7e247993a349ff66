//! Figures: the school's application statistics and approved list, the district's view.

pub mod district;
pub mod district_figures;
pub mod school;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1` (the district's).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(district::district_stats);
}

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(school::application_stats)
        .service(school::export_approved);
}
