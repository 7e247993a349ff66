//! The club catalogue (社团) of a term, and the vetting of clubs' external teachers.

pub mod catalogue;
pub mod vetting;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(catalogue::list_clubs)
        .service(catalogue::create_club)
        .service(vetting::vet_club);
}
