//! Notifications (通知): people are told what concerns them — the homeroom teacher that an
//! application waits for the class review, the school's admins that one waits for theirs
//! or that the district decided a plan, the district's admins that a plan waits for
//! approval or a window moved, a guardian that their child's application was returned,
//! decided or moved up a queue. Written in the transaction of the change (from the same
//! events the feed and webhooks carry), read in the app with an unread count, and handed
//! to a [`channel::Channel`] for SMS or WeChat (a logging adapter here).
//!
//! `types` (responses), `store` (recipients and words), `inbox` (a person's list, the
//! channel queue), `routes` (handlers),
//! `channel` (the adapter interface and its worker).

pub mod channel;
pub mod inbox;
pub mod routes;
pub mod store;
pub mod types;

use utoipa_actix_web::service_config::ServiceConfig;

pub use store::PlanNews;

/// Routes under `/api/v1`.
pub fn configure(cfg: &mut ServiceConfig) {
    // The fixed paths before `{id}`.
    cfg.service(routes::unread_count)
        .service(routes::read_all)
        .service(routes::list_notifications)
        .service(routes::read_notification);
}
