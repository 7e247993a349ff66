//! Applications (报名申请): a family applies for the offerings and clubs of an approved
//! plan; the class review and the school review decide; seats and queues on capped
//! offerings; mid-term changes, withdrawals, and the enrollments they produce.

pub mod error;
pub mod model;
pub mod policy;
pub mod routes;
pub mod store;
pub mod types;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    use routes::{apply, edit, enrollments, evidence, read, review};
    cfg.service(read::list_applications)
        .service(apply::create_application)
        .service(read::get_application)
        .service(review::submit_application)
        .service(review::class_review)
        .service(review::school_review)
        .service(review::withdraw_application)
        .service(edit::change_application)
        .service(edit::edit_application)
        .service(enrollments::list_enrollments)
        .service(review::bulk_review)
        .service(evidence::acceptance_evidence);
}
