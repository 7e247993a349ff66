//! The applications capability's queries: creating, moving, editing and reading
//! applications, their seats and club places, their history, enrollments and evidence.
//! Every function takes the `SchoolId` of the request and filters by it.

pub mod club_choices;
pub mod create;
pub mod edit;
pub mod enrollments;
pub mod evidence;
pub mod history;
pub mod list;
pub mod people;
pub mod read;
pub mod seats;
pub mod transition;
