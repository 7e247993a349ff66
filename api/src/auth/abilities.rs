//! What a staff member may do in one school, by role: the one table the server enforces and
//! `/me` lists per school, so the SPA shows what the caller may do without mirroring rules.
//!
//! [`super::Permission`] is the coarse roster permission that machine clients hold as scopes;
//! an [`Ability`] is an action of a capability (approve a plan, vet a club, …). Handlers
//! require an ability through `SchoolScope::require_ability`; the docs' permission table
//! (docs/SECURITY.md) lists the same names. Pure; unit-tested.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Role;

/// An action in a school that some roles may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ability {
    /// Read the students of the school.
    ViewStudents,
    /// Guardians and pickup persons of a student (people who hand children over need them).
    ViewGuardians,
    /// Homerooms.
    ViewHomerooms,
    /// Staff members and their roles.
    ViewStaff,
    /// Rooms.
    ViewRooms,
    /// Terms and their calendars.
    ViewTerms,
    /// Upload roster imports.
    ImportRoster,
    /// Download the roster workbook.
    ExportRoster,
    /// Create, change and delete students, guardians, pickup persons, homerooms, rooms, terms.
    EditRoster,
    /// Add staff members and their logins.
    ManageStaff,
    /// Read the audit log.
    ViewAuditLog,
    /// Read the service plan versions (服务方案).
    ViewPlans,
    /// Draft and submit a plan version.
    EditPlans,
    /// Approve or reject a submitted plan (方案审批).
    ApprovePlans,
    /// Draft and publish the notice, the application form and the agreement.
    ManageTexts,
    /// The informed report (知晓情况).
    ViewInformed,
    /// Record a family's paper receipt of the notice.
    RecordPaperReceipt,
    /// The class review (班级审核).
    ReviewApplications,
    /// The school review (学校复核), withdrawing for a family, evidence, the approved list.
    SchoolReview,
    /// Application statistics (报名统计).
    ViewApplicationStats,
    /// The club catalogue of a term.
    ViewClubs,
    /// Add clubs.
    EditClubs,
    /// Record the vetting of a club's external teacher (外聘教师审核备案).
    VetClubs,
    /// Day registrations and special late-service requests.
    ViewServiceRequests,
    /// Approve or reject them.
    ReviewServiceRequests,
}

use Ability as A;
use Role as R;

const ADMINS: &[Role] = &[R::DistrictAdmin, R::SchoolAdmin];
/// Who reads a school's set-up and figures: its admins and the district's viewers.
const READERS: &[Role] = &[R::DistrictAdmin, R::SchoolAdmin, R::DistrictViewer];
const ALL_STAFF: &[Role] = &[
    R::DistrictAdmin,
    R::DistrictViewer,
    R::SchoolAdmin,
    R::HomeroomTeacher,
    R::Tutor,
    R::Finance,
    R::Gate,
];

impl Ability {
    /// Every ability, in the order `/me` lists them.
    pub const ALL: [Ability; 25] = [
        A::ViewStudents,
        A::ViewGuardians,
        A::ViewHomerooms,
        A::ViewStaff,
        A::ViewRooms,
        A::ViewTerms,
        A::ImportRoster,
        A::ExportRoster,
        A::EditRoster,
        A::ManageStaff,
        A::ViewAuditLog,
        A::ViewPlans,
        A::EditPlans,
        A::ApprovePlans,
        A::ManageTexts,
        A::ViewInformed,
        A::RecordPaperReceipt,
        A::ReviewApplications,
        A::SchoolReview,
        A::ViewApplicationStats,
        A::ViewClubs,
        A::EditClubs,
        A::VetClubs,
        A::ViewServiceRequests,
        A::ReviewServiceRequests,
    ];

    /// The roles that hold this ability in a school.
    pub fn roles(self) -> &'static [Role] {
        match self {
            A::ViewStudents | A::ViewHomerooms | A::ViewTerms => ALL_STAFF,
            A::ViewGuardians => &[
                R::DistrictAdmin,
                R::SchoolAdmin,
                R::HomeroomTeacher,
                R::Tutor,
                R::Gate,
            ],
            A::ViewRooms | A::ViewClubs => &[
                R::DistrictAdmin,
                R::DistrictViewer,
                R::SchoolAdmin,
                R::HomeroomTeacher,
                R::Tutor,
            ],
            A::ViewStaff | A::ViewPlans | A::ViewApplicationStats => READERS,
            A::ImportRoster
            | A::ExportRoster
            | A::EditRoster
            | A::ViewAuditLog
            | A::ManageTexts
            | A::SchoolReview
            | A::EditClubs
            | A::ManageStaff
            | A::ReviewServiceRequests => ADMINS,
            A::EditPlans | A::VetClubs => &[R::SchoolAdmin],
            A::ApprovePlans => &[R::DistrictAdmin],
            A::ViewInformed | A::ReviewApplications | A::ViewServiceRequests => {
                &[R::DistrictAdmin, R::SchoolAdmin, R::HomeroomTeacher]
            }
            A::RecordPaperReceipt => &[R::SchoolAdmin, R::HomeroomTeacher],
        }
    }

    /// Whether any of `roles` holds this ability.
    pub fn held_by(self, roles: &[Role]) -> bool {
        self.roles().iter().any(|r| roles.contains(r))
    }

    /// The abilities `roles` hold, in [`Ability::ALL`] order.
    pub fn of(roles: &[Role]) -> Vec<Ability> {
        Ability::ALL
            .into_iter()
            .filter(|a| a.held_by(roles))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_school_admin_vets_clubs_and_edits_plans_only_the_district_approves() {
        for role in Role::ALL {
            assert_eq!(
                Ability::VetClubs.held_by(&[role]),
                role == Role::SchoolAdmin
            );
            assert_eq!(
                Ability::EditPlans.held_by(&[role]),
                role == Role::SchoolAdmin
            );
            assert_eq!(
                Ability::ApprovePlans.held_by(&[role]),
                role == Role::DistrictAdmin
            );
        }
    }

    #[test]
    fn the_gate_sees_guardians_but_not_rooms_clubs_or_plans() {
        let gate = Ability::of(&[Role::Gate]);
        assert!(gate.contains(&Ability::ViewGuardians));
        for a in [Ability::ViewRooms, Ability::ViewClubs, Ability::ViewPlans] {
            assert!(!gate.contains(&a), "{a:?}");
        }
        assert!(Ability::of(&[]).is_empty(), "no role, no ability");
    }

    #[test]
    fn roles_add_up() {
        let both = Ability::of(&[Role::Tutor, Role::HomeroomTeacher]);
        assert!(both.contains(&Ability::ViewRooms) && both.contains(&Ability::RecordPaperReceipt));
    }
}
