//! The application (报名申请) state machine and its rules, as pure code.
//!
//! draft → submitted → class_approved → approved, with returned_for_changes, rejected
//! (a reason is required; lack of room is never one: 愿留尽留) and withdrawn.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::applications::error::ApplicationError;
use crate::applications::types::{Decision, ReviewStep};
use crate::clubs::types::Club;
use crate::plans::store::Offering;

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

/// Weekdays as ISO numbers (1 = Monday) from a stored `1,2,3`.
pub fn weekdays_from_text(s: &str) -> Vec<u8> {
    s.split(',')
        .filter_map(|d| d.trim().parse().ok())
        .filter(|d| (1..=7).contains(d))
        .collect()
}

/// Weekdays for storage, sorted and unique.
pub fn weekdays_to_text(days: &[u8]) -> String {
    let mut d = days.to_vec();
    d.sort_unstable();
    d.dedup();
    d.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether every requested weekday is offered.
pub fn weekdays_offered(requested: &[u8], offered: &[u8]) -> bool {
    !requested.is_empty() && requested.iter().all(|d| offered.contains(d))
}

/// Whether `now` is inside the plan's application window.
pub fn window_open(now: DateTime<Utc>, opens: DateTime<Utc>, closes: DateTime<Utc>) -> bool {
    opens <= now && now <= closes
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

/// An offering asked for on `days`, for a student of `grade` (boarding or not): the days
/// to book (all the offering's when none are named), or why not.
pub fn offering_days(
    o: &Offering,
    grade: i32,
    boarder: bool,
    days: &[u8],
) -> Result<Vec<u8>, ApplicationError> {
    if !o.grades.contains(&grade) {
        return Err(ApplicationError::GradeNotOffered(format!(
            "{} is not offered to grade {grade}",
            o.name
        )));
    }
    if o.boarders_excluded && boarder {
        return Err(ApplicationError::BoarderExcluded(format!(
            "{} is not offered to boarders",
            o.name
        )));
    }
    let days = if days.is_empty() {
        o.weekdays.clone()
    } else {
        days.to_vec()
    };
    if !weekdays_offered(&days, &o.weekdays) {
        return Err(ApplicationError::WeekdayNotOffered(format!(
            "{} runs on weekdays {:?} only",
            o.name, o.weekdays
        )));
    }
    Ok(days)
}

/// Whether a club may take this student: its teacher vetted, the grade in range, and its
/// homeroom restriction (if any) the student's.
pub fn club_takes(club: &Club, grade: i32, homeroom_id: i64) -> Result<(), ApplicationError> {
    if !matches!(club.vetting_status.as_str(), "not_required" | "approved") {
        return Err(ApplicationError::ClubTeacherNotVetted(format!(
            "{} takes no children until the school admin has vetted its external teacher",
            club.name
        )));
    }
    if grade < club.grade_min
        || grade > club.grade_max
        || club.homeroom_id.is_some_and(|h| h != homeroom_id)
    {
        return Err(ApplicationError::ClubNotOffered(format!(
            "{} is not open to this student",
            club.name
        )));
    }
    Ok(())
}

/// Only a draft or an application returned for changes is edited.
pub fn editable(status: Status) -> Result<(), ApplicationError> {
    if matches!(status, Status::Draft | Status::ReturnedForChanges) {
        Ok(())
    } else {
        Err(ApplicationError::WrongStatus(format!(
            "only a draft or an application returned for changes is edited; this one is {}",
            status.as_str()
        )))
    }
}

/// Only an approved application changes mid-term.
pub fn changeable(status: Status) -> Result<(), ApplicationError> {
    if status == Status::Approved {
        Ok(())
    } else {
        Err(ApplicationError::WrongStatus(
            "only an approved application changes mid-term; edit others before review".into(),
        ))
    }
}

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
        assert_eq!(weekdays_to_text(&[5, 1, 3, 1]), "1,3,5");
        assert_eq!(weekdays_from_text("1,3,5,9,x"), vec![1, 3, 5]);
        assert!(weekdays_offered(&[1, 2], &[1, 2, 3, 4]));
        assert!(!weekdays_offered(&[5], &[1, 2, 3, 4]));
        assert!(!weekdays_offered(&[], &[1]));
    }

    fn offering(grades: Vec<i32>, weekdays: Vec<u8>, boarders_excluded: bool) -> Offering {
        Offering {
            id: 1,
            kind: "afternoon_basic".into(),
            name: "课后基础托管".into(),
            grades,
            weekdays,
            boarders_excluded,
            start_time: "16:15".into(),
            end_time: "17:30".into(),
            early_grades_start_time: None,
            cap: None,
            taken: 0,
            waiting: 0,
            season_times: vec![],
            segments: vec![],
        }
    }

    #[test]
    fn an_offering_checks_grade_boarders_and_weekdays() {
        let o = offering(vec![1, 2, 3], vec![1, 2, 3, 4, 5], true);
        assert_eq!(offering_days(&o, 2, false, &[]), Ok(vec![1, 2, 3, 4, 5]));
        assert_eq!(offering_days(&o, 2, false, &[1, 3]), Ok(vec![1, 3]));
        assert!(matches!(
            offering_days(&o, 4, false, &[]),
            Err(ApplicationError::GradeNotOffered(_))
        ));
        assert!(matches!(
            offering_days(&o, 2, true, &[]),
            Err(ApplicationError::BoarderExcluded(_))
        ));
        assert!(matches!(
            offering_days(&o, 2, false, &[6]),
            Err(ApplicationError::WeekdayNotOffered(_))
        ));
    }

    #[test]
    fn the_window_includes_its_ends() {
        let t = |h: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 9, 1, h, 0, 0).unwrap();
        assert!(window_open(t(8), t(8), t(18)) && window_open(t(18), t(8), t(18)));
        assert!(!window_open(t(7), t(8), t(18)) && !window_open(t(19), t(8), t(18)));
    }

    #[test]
    fn only_drafts_and_returned_applications_are_edited_only_approved_ones_change() {
        for s in [Status::Draft, Status::ReturnedForChanges] {
            assert!(editable(s).is_ok());
            assert!(changeable(s).is_err());
        }
        assert!(editable(Status::Approved).is_err());
        assert!(changeable(Status::Approved).is_ok());
    }
}
