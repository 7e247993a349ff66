//! Roster handlers: thin — parse, authorise, call the store in one blocking job, map.

mod contacts;
mod family;
mod school_data;
mod students;
mod write;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(school_data::get_school)
        .service(students::list_students)
        .service(students::create_student)
        .service(students::get_student)
        .service(students::update_student)
        .service(students::delete_student)
        .service(contacts::list_guardians)
        .service(contacts::list_school_guardians)
        .service(contacts::issue_activation_code)
        .service(contacts::link_guardian)
        .service(contacts::unlink_guardian)
        .service(contacts::list_pickup_persons)
        .service(contacts::create_pickup_person)
        .service(contacts::delete_pickup_person)
        .service(school_data::list_homerooms)
        .service(school_data::create_homeroom)
        .service(school_data::get_homeroom)
        .service(school_data::update_homeroom)
        .service(school_data::delete_homeroom)
        .service(school_data::list_rooms)
        .service(school_data::create_room)
        .service(school_data::update_room)
        .service(school_data::delete_room)
        .service(school_data::list_terms)
        .service(school_data::create_term)
        .service(school_data::get_term)
        .service(school_data::update_term)
        .service(school_data::list_staff)
        .service(school_data::create_staff)
        .service(school_data::update_staff)
        .service(school_data::delete_staff);
}

/// Routes under `/api/v1` that are not per school.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(family::my_children);
}
