//! Who may call each signed-in operation, and the role sets it is written with.

use crate::auth::Role;
use Role as R;

/// Who may call an operation.
#[derive(Debug, Clone, Copy)]
pub struct Access {
    /// Staff roles (in the school for school operations, in the district for district ones).
    pub roles: &'static [Role],
    /// Whether a guardian of the child concerned (or a parent app signed in for them) may.
    pub family: bool,
}

pub(super) const fn staff(roles: &'static [Role]) -> Access {
    Access {
        roles,
        family: false,
    }
}

pub(super) const fn and_family(roles: &'static [Role]) -> Access {
    Access {
        roles,
        family: true,
    }
}

pub(super) const EVERY: &[Role] = &[
    R::DistrictAdmin,
    R::DistrictViewer,
    R::SchoolAdmin,
    R::HomeroomTeacher,
    R::Tutor,
    R::Finance,
    R::Gate,
];
/// Everyone at the school who deals with families (not the district's inspectors).
pub(super) const FAMILIES: &[Role] = &[
    R::DistrictAdmin,
    R::SchoolAdmin,
    R::HomeroomTeacher,
    R::Tutor,
    R::Finance,
    R::Gate,
];
pub(super) const ADMINS: &[Role] = &[R::DistrictAdmin, R::SchoolAdmin];
pub(super) const TEACHERS: &[Role] = &[R::DistrictAdmin, R::SchoolAdmin, R::HomeroomTeacher];
pub(super) const SCHOOL_ADMIN: &[Role] = &[R::SchoolAdmin];
pub(super) const DISTRICT: &[Role] = &[R::DistrictAdmin];
pub(super) const DISTRICT_READERS: &[Role] = &[R::DistrictAdmin, R::DistrictViewer];

/// Every staff role with roster access.
pub const STAFF: Access = staff(EVERY);
/// Staff and the family of the child concerned.
pub const STAFF_AND_FAMILY: Access = and_family(EVERY);
/// School and district admins.
pub const ADMINS_ONLY: Access = staff(ADMINS);

/// The school operations: (method, path under `/api/v1`, who may call it).
pub const TABLE: &[(&str, &str, Access)] = &[
    ("GET", "/schools/{school_id}", STAFF_AND_FAMILY),
    ("GET", "/schools/{school_id}/applications", STAFF_AND_FAMILY),
    (
        "POST",
        "/schools/{school_id}/applications",
        and_family(TEACHERS),
    ),
    (
        "POST",
        "/schools/{school_id}/applications/bulk-review",
        staff(TEACHERS),
    ),
    (
        "GET",
        "/schools/{school_id}/applications/{id}",
        STAFF_AND_FAMILY,
    ),
    (
        "PATCH",
        "/schools/{school_id}/applications/{id}",
        and_family(TEACHERS),
    ),
    (
        "POST",
        "/schools/{school_id}/applications/{id}/changes",
        and_family(SCHOOL_ADMIN),
    ),
    (
        "POST",
        "/schools/{school_id}/applications/{id}/class-review",
        staff(TEACHERS),
    ),
    (
        "POST",
        "/schools/{school_id}/applications/{id}/school-review",
        ADMINS_ONLY,
    ),
    (
        "POST",
        "/schools/{school_id}/applications/{id}/submit",
        and_family(TEACHERS),
    ),
    (
        "POST",
        "/schools/{school_id}/applications/{id}/withdraw",
        and_family(ADMINS),
    ),
    ("GET", "/schools/{school_id}/audit-events", ADMINS_ONLY),
    ("GET", "/schools/{school_id}/clubs", STAFF_AND_FAMILY),
    ("POST", "/schools/{school_id}/clubs", ADMINS_ONLY),
    (
        "POST",
        "/schools/{school_id}/clubs/{id}/vetting",
        staff(SCHOOL_ADMIN),
    ),
    (
        "GET",
        "/schools/{school_id}/exports/students.xlsx",
        ADMINS_ONLY,
    ),
    ("GET", "/schools/{school_id}/guardians", staff(FAMILIES)),
    (
        "POST",
        "/schools/{school_id}/guardians/{id}/activation-code",
        ADMINS_ONLY,
    ),
    ("GET", "/schools/{school_id}/homerooms", STAFF),
    ("POST", "/schools/{school_id}/homerooms", ADMINS_ONLY),
    ("GET", "/schools/{school_id}/homerooms/{id}", STAFF),
    ("PATCH", "/schools/{school_id}/homerooms/{id}", ADMINS_ONLY),
    ("DELETE", "/schools/{school_id}/homerooms/{id}", ADMINS_ONLY),
    (
        "GET",
        "/schools/{school_id}/imports/template.xlsx",
        ADMINS_ONLY,
    ),
    ("POST", "/schools/{school_id}/imports", ADMINS_ONLY),
    ("GET", "/schools/{school_id}/imports/{id}", ADMINS_ONLY),
    (
        "POST",
        "/schools/{school_id}/imports/{id}/commit",
        ADMINS_ONLY,
    ),
    (
        "GET",
        "/schools/{school_id}/notice-receipts",
        STAFF_AND_FAMILY,
    ),
    (
        "POST",
        "/schools/{school_id}/notice-receipts",
        and_family(TEACHERS),
    ),
    ("GET", "/schools/{school_id}/rooms", STAFF),
    ("POST", "/schools/{school_id}/rooms", ADMINS_ONLY),
    ("PATCH", "/schools/{school_id}/rooms/{id}", ADMINS_ONLY),
    ("DELETE", "/schools/{school_id}/rooms/{id}", ADMINS_ONLY),
    (
        "GET",
        "/schools/{school_id}/service-plans",
        STAFF_AND_FAMILY,
    ),
    ("POST", "/schools/{school_id}/service-plans", ADMINS_ONLY),
    (
        "GET",
        "/schools/{school_id}/service-plans/{id}",
        STAFF_AND_FAMILY,
    ),
    (
        "POST",
        "/schools/{school_id}/service-plans/{id}/approve",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/schools/{school_id}/service-plans/{id}/reject",
        staff(DISTRICT),
    ),
    (
        "GET",
        "/schools/{school_id}/service-plans/{id}/sessions",
        STAFF_AND_FAMILY,
    ),
    (
        "POST",
        "/schools/{school_id}/service-plans/{id}/submit",
        staff(SCHOOL_ADMIN),
    ),
    (
        "PUT",
        "/schools/{school_id}/service-plans/{id}",
        staff(SCHOOL_ADMIN),
    ),
    (
        "DELETE",
        "/schools/{school_id}/service-plans/{id}",
        staff(SCHOOL_ADMIN),
    ),
    (
        "POST",
        "/schools/{school_id}/service-plans/{id}/withdraw",
        staff(SCHOOL_ADMIN),
    ),
    (
        "PATCH",
        "/schools/{school_id}/service-plans/{id}/window",
        staff(SCHOOL_ADMIN),
    ),
    (
        "GET",
        "/schools/{school_id}/service-requests",
        STAFF_AND_FAMILY,
    ),
    (
        "POST",
        "/schools/{school_id}/service-requests",
        and_family(TEACHERS),
    ),
    (
        "POST",
        "/schools/{school_id}/service-requests/{id}/review",
        ADMINS_ONLY,
    ),
    ("GET", "/schools/{school_id}/staff", STAFF),
    ("POST", "/schools/{school_id}/staff", ADMINS_ONLY),
    ("PATCH", "/schools/{school_id}/staff/{id}", ADMINS_ONLY),
    ("DELETE", "/schools/{school_id}/staff/{id}", ADMINS_ONLY),
    (
        "POST",
        "/schools/{school_id}/staff/{id}/disable",
        ADMINS_ONLY,
    ),
    (
        "POST",
        "/schools/{school_id}/staff/{id}/enable",
        ADMINS_ONLY,
    ),
    (
        "POST",
        "/schools/{school_id}/staff/{id}/invitation",
        ADMINS_ONLY,
    ),
    ("GET", "/schools/{school_id}/students", STAFF),
    ("POST", "/schools/{school_id}/students", ADMINS_ONLY),
    ("GET", "/schools/{school_id}/students/{id}", STAFF),
    ("PATCH", "/schools/{school_id}/students/{id}", ADMINS_ONLY),
    ("DELETE", "/schools/{school_id}/students/{id}", ADMINS_ONLY),
    (
        "GET",
        "/schools/{school_id}/students/{id}/acceptance-evidence",
        ADMINS_ONLY,
    ),
    (
        "GET",
        "/schools/{school_id}/students/{id}/guardians",
        staff(FAMILIES),
    ),
    (
        "POST",
        "/schools/{school_id}/students/{id}/guardians",
        ADMINS_ONLY,
    ),
    (
        "DELETE",
        "/schools/{school_id}/students/{id}/guardians/{guardian_id}",
        ADMINS_ONLY,
    ),
    (
        "GET",
        "/schools/{school_id}/students/{id}/pickup-persons",
        and_family(FAMILIES),
    ),
    (
        "POST",
        "/schools/{school_id}/students/{id}/pickup-persons",
        ADMINS_ONLY,
    ),
    (
        "DELETE",
        "/schools/{school_id}/students/{id}/pickup-persons/{person_id}",
        ADMINS_ONLY,
    ),
    ("GET", "/schools/{school_id}/terms", STAFF_AND_FAMILY),
    ("POST", "/schools/{school_id}/terms", ADMINS_ONLY),
    ("GET", "/schools/{school_id}/terms/{id}", STAFF),
    ("PATCH", "/schools/{school_id}/terms/{id}", ADMINS_ONLY),
    (
        "GET",
        "/schools/{school_id}/terms/{term_id}/application-stats",
        STAFF,
    ),
    (
        "GET",
        "/schools/{school_id}/terms/{term_id}/enrollments",
        STAFF,
    ),
    (
        "GET",
        "/schools/{school_id}/terms/{term_id}/exports/approved-applications.xlsx",
        ADMINS_ONLY,
    ),
    (
        "GET",
        "/schools/{school_id}/terms/{term_id}/informed-report",
        STAFF,
    ),
    ("GET", "/schools/{school_id}/text-templates", STAFF),
    ("GET", "/schools/{school_id}/texts", STAFF_AND_FAMILY),
    ("POST", "/schools/{school_id}/texts", ADMINS_ONLY),
    (
        "POST",
        "/schools/{school_id}/texts/{id}/publish",
        ADMINS_ONLY,
    ),
];
