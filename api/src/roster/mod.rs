//! The roster: districts, schools, terms, homerooms, students, guardians, pickup
//! persons, staff and rooms — the data every other capability uses.

pub mod model;
pub mod relation;
pub mod routes;
pub mod store;
pub mod term_calendar;
