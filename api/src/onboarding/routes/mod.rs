//! Onboarding handlers.

mod district_staff;
mod schools;
mod staff_logins;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(staff_logins::reinvite_staff)
        .service(staff_logins::disable_staff_login)
        .service(staff_logins::enable_staff_login);
}

/// Routes under `/api/v1` that are not per school.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(schools::list_district_schools)
        .service(schools::create_school)
        .service(schools::update_school)
        .service(district_staff::list_district_staff)
        .service(district_staff::create_district_staff)
        .service(district_staff::update_district_staff)
        .service(district_staff::reinvite_district_staff);
}
