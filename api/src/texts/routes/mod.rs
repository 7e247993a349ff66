//! The texts' handlers, thin: extract, authorise, validate, one store call (in a
//! transaction when it writes), respond. `versions` and `receipts` per school, `templates`
//! per district (and the school's view of them).

pub mod receipts;
pub mod templates;
pub mod versions;
