//! Service plan handlers, thin: extract, authorise, validate, one store call in a
//! transaction, respond. `service_plans` per school; `bounds` per district.

pub mod bounds;
pub mod drafts;
pub mod service_plans;
