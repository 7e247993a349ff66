//! Roster import jobs (`.xlsx`/`.csv` → homerooms, students, guardians) and exports.

pub mod export;
pub mod model;
pub mod routes;
pub mod runner;
pub mod store;
