//! `/events` (the feed) and `/districts/{district_id}/webhooks` (endpoints, their delivery
//! log, replay and secret rotation).

mod feed;
mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

pub use feed::*;
pub use webhooks::*;

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(feed::list_events)
        .service(webhooks::list_endpoints)
        .service(webhooks::create_endpoint)
        .service(webhooks::get_endpoint)
        .service(webhooks::edit_endpoint)
        .service(webhooks::rotate_endpoint_secret)
        .service(webhooks::list_deliveries)
        .service(webhooks::replay_delivery);
}
