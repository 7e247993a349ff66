//! The application (报名申请) state machine and its rules, as pure code.
//!
//! draft → submitted → class_approved → approved, with returned_for_changes, rejected
//! (a reason is required; lack of room is never one: 愿留尽留) and withdrawn.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Submitted,
    ClassApproved,
    Approved,
    ReturnedForChanges,
    Rejected,
    Withdrawn,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::ClassApproved,
        Status::Approved,
        Status::ReturnedForChanges,
        Status::Rejected,
        Status::Withdrawn,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::ClassApproved => "class_approved",
            Status::Approved => "approved",
            Status::ReturnedForChanges => "returned_for_changes",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// An application that still counts as the student's one open application for the term.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Rejected | Status::Withdrawn)
    }
}

/// Why an application is refused. There is deliberately no "full": the base service
/// never refuses a child for lack of room (a shortage means a new group, not a refusal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Not eligible (grade, boarder, …).
    Ineligible,
    /// Incomplete or wrong information.
    Incomplete,
    /// A duplicate application.
    Duplicate,
    /// Another reason, explained in the comment.
    Other,
}

/// Who acts on an application, seen from the rules: the caller's relation to the child.
pub use crate::roster::relation::Relation as Reviewer;

/// What someone does to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Submit,
    ClassApprove,
    ClassReturn,
    ClassReject,
    SchoolApprove,
    SchoolReturn,
    SchoolReject,
    Withdraw,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 8] = [
        Action::Submit,
        Action::ClassApprove,
        Action::ClassReturn,
        Action::ClassReject,
        Action::SchoolApprove,
        Action::SchoolReturn,
        Action::SchoolReject,
        Action::Withdraw,
    ];

    /// Stored name (history).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::ClassApprove => "class_approve",
            Action::ClassReturn => "class_return",
            Action::ClassReject => "class_reject",
            Action::SchoolApprove => "school_approve",
            Action::SchoolReturn => "school_return",
            Action::SchoolReject => "school_reject",
            Action::Withdraw => "withdraw",
        }
    }
}

/// Why a transition is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// This reviewer may not take this action.
    NotAllowed,
    /// The action does not apply in this status.
    WrongStatus(Status),
}

/// The next status, or why not. Pure: the whole state machine is this function.
pub fn transition(from: Status, action: Action, who: Reviewer) -> Result<Status, Refusal> {
    use Action as A;
    use Reviewer as R;
    use Status as S;
    let allowed = match action {
        A::Submit => matches!(who, R::Guardian | R::HomeroomTeacher | R::SchoolAdmin),
        A::ClassApprove | A::ClassReturn | A::ClassReject => {
            matches!(who, R::HomeroomTeacher | R::SchoolAdmin)
        }
        A::SchoolApprove | A::SchoolReturn | A::SchoolReject => matches!(who, R::SchoolAdmin),
        A::Withdraw => matches!(who, R::Guardian | R::SchoolAdmin),
    };
    if !allowed {
        return Err(Refusal::NotAllowed);
    }
    let next = match (action, from) {
        (A::Submit, S::Draft | S::ReturnedForChanges) => S::Submitted,
        (A::ClassApprove, S::Submitted) => S::ClassApproved,
        (A::ClassReturn, S::Submitted) => S::ReturnedForChanges,
        (A::ClassReject, S::Submitted) => S::Rejected,
        (A::SchoolApprove, S::ClassApproved) => S::Approved,
        (A::SchoolReturn, S::ClassApproved) => S::ReturnedForChanges,
        (A::SchoolReject, S::Submitted | S::ClassApproved) => S::Rejected,
        (
            A::Withdraw,
            S::Draft | S::Submitted | S::ClassApproved | S::Approved | S::ReturnedForChanges,
        ) => S::Withdrawn,
        _ => return Err(Refusal::WrongStatus(from)),
    };
    Ok(next)
}

/// How the child leaves at the end of the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeaveMode {
    /// Collected by a guardian or an authorised pickup person.
    Pickup,
    /// Leaves alone (the guardian takes responsibility in the agreement).
    Alone,
    /// Takes the school bus.
    SchoolBus,
}

impl LeaveMode {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            LeaveMode::Pickup => "pickup",
            LeaveMode::Alone => "alone",
            LeaveMode::SchoolBus => "school_bus",
        }
    }
}

/// Whether every requested weekday is offered.
pub fn weekdays_offered(requested: &[u8], offered: &[u8]) -> bool {
    !requested.is_empty() && requested.iter().all(|d| offered.contains(d))
}

/// A reviewer's decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Return,
    Reject,
}

/// Which review: the class review (班级审核) or the school review (学校复核).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStep {
    Class,
    School,
}

/// The state-machine action of a decision in a review step.
pub fn review_action(step: ReviewStep, decision: Decision) -> Action {
    match (step, decision) {
        (ReviewStep::Class, Decision::Approve) => Action::ClassApprove,
        (ReviewStep::Class, Decision::Return) => Action::ClassReturn,
        (ReviewStep::Class, Decision::Reject) => Action::ClassReject,
        (ReviewStep::School, Decision::Approve) => Action::SchoolApprove,
        (ReviewStep::School, Decision::Return) => Action::SchoolReturn,
        (ReviewStep::School, Decision::Reject) => Action::SchoolReject,
    }
}

/// The application's number as people read it: the year its term starts and the id,
/// `2026-000123`.
pub fn number(term_starts: chrono::NaiveDate, id: i64) -> String {
    use chrono::Datelike;
    format!("{}-{id:06}", term_starts.year())
}

pub mod placement;
pub mod rules;
pub use rules::*;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const REVIEWERS: [Reviewer; 4] = [
        Reviewer::Guardian,
        Reviewer::HomeroomTeacher,
        Reviewer::SchoolAdmin,
        Reviewer::OtherStaff,
    ];

    #[test]
    fn the_happy_path_needs_both_reviews() {
        let s = transition(Status::Draft, Action::Submit, Reviewer::Guardian).unwrap();
        let s = transition(s, Action::ClassApprove, Reviewer::HomeroomTeacher).unwrap();
        assert_eq!(
            transition(s, Action::SchoolApprove, Reviewer::HomeroomTeacher),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(
            transition(s, Action::SchoolApprove, Reviewer::SchoolAdmin),
            Ok(Status::Approved)
        );
        assert_eq!(
            transition(
                Status::Submitted,
                Action::SchoolApprove,
                Reviewer::SchoolAdmin
            ),
            Err(Refusal::WrongStatus(Status::Submitted))
        );
    }

    #[test]
    fn returned_applications_can_be_resubmitted_and_approved_ones_withdrawn() {
        assert_eq!(
            transition(
                Status::ReturnedForChanges,
                Action::Submit,
                Reviewer::Guardian
            ),
            Ok(Status::Submitted)
        );
        assert_eq!(
            transition(Status::Approved, Action::Withdraw, Reviewer::Guardian),
            Ok(Status::Withdrawn)
        );
        assert_eq!(
            transition(
                Status::Approved,
                Action::Withdraw,
                Reviewer::HomeroomTeacher
            ),
            Err(Refusal::NotAllowed)
        );
    }

    proptest! {
        /// No sequence of actions by anyone leaves the state machine's rules.
        #[test]
        fn no_sequence_reaches_an_illegal_state(steps in proptest::collection::vec((0..8usize, 0..4usize), 0..40)) {
            let mut s = Status::Draft;
            let mut class_approved_seen = false;
            for (a, r) in steps {
                let (action, who) = (Action::ALL[a], REVIEWERS[r]);
                let before = s;
                match transition(s, action, who) {
                    Ok(next) => {
                        // Terminal states never move.
                        prop_assert!(before.is_open(), "{:?} moved out of a terminal state", before);
                        // Only the allowed roles move it.
                        prop_assert!(who != Reviewer::OtherStaff);
                        if matches!(action, Action::SchoolApprove | Action::SchoolReturn | Action::SchoolReject) {
                            prop_assert_eq!(who, Reviewer::SchoolAdmin);
                        }
                        if next == Status::Approved {
                            prop_assert_eq!(before, Status::ClassApproved);
                            prop_assert!(class_approved_seen);
                        }
                        if next == Status::ClassApproved {
                            class_approved_seen = true;
                        }
                        s = next;
                    }
                    Err(_) => prop_assert_eq!(s, before),
                }
            }
        }
    }

    #[test]
    fn weekdays_round_trip_and_check() {
        assert!(weekdays_offered(&[1, 2], &[1, 2, 3, 4]));
        assert!(!weekdays_offered(&[5], &[1, 2, 3, 4]));
        assert!(!weekdays_offered(&[], &[1]));
    }
}
