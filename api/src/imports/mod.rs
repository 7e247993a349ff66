//! Roster import jobs (`.xlsx`/`.csv` → homerooms, students, guardians) and exports.

pub mod export;
pub mod limits;
pub mod model;
pub mod read;
pub mod routes;
pub mod runner;
pub mod store;
