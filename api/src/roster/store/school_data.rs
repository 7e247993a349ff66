//! Schools: read here, created and edited by the district (`onboarding`).

pub use crate::onboarding::store::schools::{school, schools_of_district};
