//! The reports' queries: a school's facts (every function takes the school and filters by
//! it) and the district's grouped figures.

pub mod district;
pub mod school;
