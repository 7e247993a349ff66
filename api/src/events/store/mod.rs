//! Queries of events and webhooks: writing an event with its outbox rows, the feed, the
//! endpoints, and the delivery log the worker works through.

pub mod deliveries;
pub mod emit;
pub mod endpoints;
pub mod feed;
