//! The club catalogue (社团) of a term: category, capacity, grade range, weekdays, an
//! optional homeroom restriction, a teacher (staff, or external with a vetting status)
//! and a room. Families rank their choices in the application (see `club_choices`).
//!
//! Vetting an external club teacher (外聘教师审核备案): only the school admin records it,
//! with who, when and which checks; an approval needs the criminal-record check that the
//! law requires for everyone in close contact with minors (《未成年人保护法》第六十二条).
//! Until approved, the club takes no children (see `club_choices::choose`).

pub mod error;
pub mod model;
pub mod routes;
pub mod store;
pub mod types;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(routes::list_clubs)
        .service(routes::create_club)
        .service(routes::vet_club);
}
