//! Onboarding: a district brings its schools on — schools and their kinds, the district's
//! own staff, and staff logins by invitation (nobody sets a password for someone else).

pub mod model;
pub mod routes;
pub mod store;
