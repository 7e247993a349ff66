//! The auth endpoints, registered in one place (so that no handler file needs the others).

use utoipa_actix_web::service_config::ServiceConfig;

use super::{apps, guardian, invitation_routes, me, routes};

/// Registers `/auth/*`, `/me` and the instance notice.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(routes::login)
        .service(routes::refresh)
        .service(routes::logout)
        .service(apps::token)
        .service(apps::app_login)
        .service(me::me)
        .service(me::change_password)
        .service(guardian::activate)
        .service(invitation_routes::lookup_invitation)
        .service(invitation_routes::accept_invitation)
        .service(crate::health::instance);
}
