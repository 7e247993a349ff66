//! Events and webhooks: what integrators care about (an application submitted, reviewed,
//! withdrawn; a queue place that moved up; a notice published), written in the transaction
//! of the change it reports; readable as a cursor feed within the caller's reach, and
//! delivered to the district's webhook endpoints from a durable outbox, signed per
//! Standard Webhooks, retried with exponential backoff.

pub mod model;
pub mod routes;
pub mod store;
pub mod types;
pub mod worker;

pub use store::emit::emit;
pub use types::EventType;

/// The scope an API client needs for the feed and for webhook deliveries.
pub const EVENTS_READ: &str = "events:read";
