//! Shared HTTP plumbing below every capability: the OpenAPI helpers of operations
//! (`docs`), paging, preconditions (`If-Match`), `Idempotency-Key`, the clock and CORS.
//! Capabilities depend on this module; it depends on none of them.

pub mod body;
pub mod clock;
pub mod conditional;
pub mod cors;
pub mod cursor;
pub mod docs;
pub mod idempotency;
pub mod page;
pub mod precondition;
