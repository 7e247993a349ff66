//! Applications (报名申请): the school's service plan, its texts and informed families,
//! and the applications with their two-step review.

pub mod bounds;
pub mod bulk;
pub mod calendar;
pub mod changes;
pub mod club_choices;
pub mod club_vetting;
pub mod clubs;
pub mod district;
pub mod district_figures;
pub mod edit;
pub mod enrollments;
pub mod evidence;
pub mod informed;
pub mod model;
pub mod plan;
pub mod plan_routes;
pub mod plan_rules;
pub mod read;
pub mod reports;
pub mod requests;
pub mod routes;
pub mod seats;
pub mod store;
pub mod templates;
pub mod texts;
pub mod types;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1` that are not per school.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(district::district_stats)
        .service(bounds::get_bounds)
        .service(bounds::put_bounds)
        .service(templates::create_template)
        .service(templates::list_district_templates);
}

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(plan_routes::list_plans)
        .service(plan_routes::create_plan)
        .service(plan_routes::get_plan)
        .service(plan_routes::submit_plan)
        .service(plan_routes::approve_plan)
        .service(plan_routes::reject_plan)
        .service(plan_routes::sessions_on)
        .service(clubs::list_clubs)
        .service(clubs::create_club)
        .service(club_vetting::vet_club)
        .service(templates::list_school_templates)
        .service(texts::list_texts)
        .service(texts::create_text)
        .service(texts::publish_text)
        .service(informed::record_receipt)
        .service(informed::list_receipts)
        .service(informed::informed_report)
        .service(routes::list_applications)
        .service(routes::create_application)
        .service(routes::get_application)
        .service(routes::submit_application)
        .service(routes::class_review)
        .service(routes::school_review)
        .service(routes::withdraw_application)
        .service(changes::change_application)
        .service(edit::edit_application)
        .service(requests::create_request)
        .service(requests::list_requests)
        .service(requests::review_request)
        .service(enrollments::list_enrollments)
        .service(bulk::bulk_review)
        .service(reports::application_stats)
        .service(evidence::acceptance_evidence)
        .service(reports::export_approved);
}
