//! Roster import jobs (`.xlsx`/`.csv` → homerooms, students, guardians) and exports.

pub mod check;
#[cfg(test)]
mod check_tests;
pub mod export;
pub mod headers;
pub mod jobs;
pub mod layout;
pub mod limits;
pub mod model;
pub mod normalise;
pub mod read;
pub mod routes;
pub mod runner;
pub mod store;
