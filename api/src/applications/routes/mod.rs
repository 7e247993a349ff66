//! `/schools/{school_id}/applications` and what hangs off them: apply (guardians, staff
//! on their behalf, parent apps), read, the two-step review, edits and mid-term changes,
//! withdrawals, enrollments and the acceptance evidence. Each handler: extract,
//! authorise, validate, one store call in one transaction, respond.

pub mod apply;
pub mod edit;
pub mod enrollments;
pub mod evidence;
pub mod read;
pub mod review;
