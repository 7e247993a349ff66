//! Applications (报名申请): a family applies for the offerings and clubs of an approved
//! plan; the class review and the school review decide; seats and queues on capped
//! offerings; mid-term changes, withdrawals, and the enrollments they produce.

pub mod bulk;
pub mod changes;
pub mod club_choices;
pub mod edit;
pub mod enrollments;
pub mod evidence;
pub mod model;
pub mod read;
pub mod routes;
pub mod seats;
pub mod store;
pub mod types;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(routes::list_applications)
        .service(routes::create_application)
        .service(routes::get_application)
        .service(routes::submit_application)
        .service(routes::class_review)
        .service(routes::school_review)
        .service(routes::withdraw_application)
        .service(changes::change_application)
        .service(edit::edit_application)
        .service(enrollments::list_enrollments)
        .service(bulk::bulk_review)
        .service(evidence::acceptance_evidence);
}
