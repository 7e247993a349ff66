//! Onboarding queries.

pub mod district_staff;
pub mod schools;
