//! The review of a plan version: the school submits a draft (and may take it back before
//! the district decides), the district approves or rejects what was submitted.

use crate::auth::Ability;

/// The statuses of a plan version, in the order of its review.
pub const PLAN_STATUSES: &[&str] = &["draft", "submitted", "approved", "rejected"];

/// A step of a plan's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStep {
    Submit,
    /// The school takes a submitted plan back to edit it.
    Withdraw,
    Approve,
    Reject,
}

impl PlanStep {
    /// The status the plan must be in.
    pub fn from(self) -> &'static str {
        match self {
            PlanStep::Submit => "draft",
            PlanStep::Withdraw | PlanStep::Approve | PlanStep::Reject => "submitted",
        }
    }

    /// The status the step leaves it in.
    pub fn to(self) -> &'static str {
        match self {
            PlanStep::Submit => "submitted",
            PlanStep::Withdraw => "draft",
            PlanStep::Approve => "approved",
            PlanStep::Reject => "rejected",
        }
    }

    /// The audit action's name, `service_plan.<name>`.
    pub fn audit_name(self) -> &'static str {
        match self {
            PlanStep::Withdraw => "withdrawn",
            s => s.to(),
        }
    }

    /// Who takes the step: the school admin submits and withdraws, the district decides.
    pub fn ability(self) -> Ability {
        match self {
            PlanStep::Submit | PlanStep::Withdraw => Ability::EditPlans,
            PlanStep::Approve | PlanStep::Reject => Ability::ApprovePlans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Role;

    #[test]
    fn the_school_submits_and_withdraws_drafts_and_the_district_decides_on_submissions() {
        let all = [
            PlanStep::Submit,
            PlanStep::Withdraw,
            PlanStep::Approve,
            PlanStep::Reject,
        ];
        let steps = all.map(|s| (s.from(), s.to()));
        let expected = [
            ("draft", "submitted"),
            ("submitted", "draft"),
            ("submitted", "approved"),
            ("submitted", "rejected"),
        ];
        assert_eq!(steps, expected);
        let known = |(f, t): &(&str, &str)| PLAN_STATUSES.contains(f) && PLAN_STATUSES.contains(t);
        assert!(steps.iter().all(known));
        for role in Role::ALL {
            for step in [PlanStep::Submit, PlanStep::Withdraw] {
                assert_eq!(step.ability().held_by(&[role]), role == Role::SchoolAdmin);
            }
            for step in [PlanStep::Approve, PlanStep::Reject] {
                assert_eq!(step.ability().held_by(&[role]), role == Role::DistrictAdmin);
            }
        }
    }
}
