//! What a family and the office are told about a seat: the stored placement read with the
//! application's status, so a seat held for an application under review never reads as a
//! place given, and a lower club choice that is not needed never reads as a refusal.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Status;

/// Where the child stands in one offering or club, as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// An unsubmitted draft: nothing is held yet.
    Draft,
    /// A seat (or club place) kept for the application while it is reviewed.
    Held,
    /// The application is approved and the child has the seat.
    Enrolled,
    /// Behind a cap (or every club choice full), at `queue_position`.
    Waiting,
    /// A lower club choice not needed: a higher one holds a place.
    NotNeeded,
    /// A club choice that got no place (full when the child was placed).
    NotPlaced,
    /// Given up by a withdrawal (or dropped in a change).
    Left,
    /// Given back because the application was rejected.
    Released,
}

impl Placement {
    /// Whether the row still takes part (not given up by a withdrawal or rejection).
    pub fn holds(self) -> bool {
        !matches!(self, Placement::Left | Placement::Released)
    }
}

/// The stored placement of a row as the API shows it. `stored` is `draft`, `enrolled`,
/// `waiting`, `not_placed` or `left`; `sibling_placed` says whether a club choice ranked
/// above this one holds a place (only read for `not_placed`: a choice above the placed one
/// was full, one below it is not needed).
pub fn shown(status: Status, stored: &str, sibling_placed: bool) -> Placement {
    match stored {
        "draft" => Placement::Draft,
        "enrolled" => match status {
            Status::Approved | Status::Withdrawn => Placement::Enrolled,
            Status::Draft => Placement::Draft,
            _ => Placement::Held,
        },
        "waiting" => Placement::Waiting,
        "not_placed" if status == Status::Draft => Placement::Draft,
        "not_placed" if sibling_placed => Placement::NotNeeded,
        "not_placed" => Placement::NotPlaced,
        _ if status == Status::Rejected => Placement::Released,
        _ => Placement::Left,
    }
}

#[cfg(test)]
mod tests {
    use super::{shown, Placement};
    use crate::applications::model::Status;

    #[test]
    fn a_seat_is_held_until_the_school_approves() {
        for s in [
            Status::Submitted,
            Status::ClassApproved,
            Status::ReturnedForChanges,
        ] {
            assert_eq!(shown(s, "enrolled", false), Placement::Held, "{s:?}");
        }
        assert_eq!(
            shown(Status::Approved, "enrolled", false),
            Placement::Enrolled
        );
    }

    #[test]
    fn a_lower_choice_is_not_needed_rather_than_refused() {
        assert_eq!(
            shown(Status::Submitted, "not_placed", true),
            Placement::NotNeeded
        );
        assert_eq!(
            shown(Status::Submitted, "not_placed", false),
            Placement::NotPlaced
        );
    }

    #[test]
    fn drafts_hold_nothing_and_rejections_release() {
        assert_eq!(shown(Status::Draft, "draft", false), Placement::Draft);
        assert_eq!(shown(Status::Draft, "not_placed", true), Placement::Draft);
        assert_eq!(shown(Status::Rejected, "left", false), Placement::Released);
        assert_eq!(shown(Status::Withdrawn, "left", false), Placement::Left);
    }
}
