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

const fn staff(roles: &'static [Role]) -> Access {
    Access {
        roles,
        family: false,
    }
}

const fn and_family(roles: &'static [Role]) -> Access {
    Access {
        roles,
        family: true,
    }
}

const EVERY: &[Role] = &[
    R::DistrictAdmin,
    R::DistrictViewer,
    R::SchoolAdmin,
    R::HomeroomTeacher,
    R::Tutor,
    R::Finance,
    R::Gate,
];
/// Everyone at the school who deals with families (not the district's inspectors).
const FAMILIES: &[Role] = &[
    R::DistrictAdmin,
    R::SchoolAdmin,
    R::HomeroomTeacher,
    R::Tutor,
    R::Finance,
    R::Gate,
];
const ADMINS: &[Role] = &[R::DistrictAdmin, R::SchoolAdmin];
const TEACHERS: &[Role] = &[R::DistrictAdmin, R::SchoolAdmin, R::HomeroomTeacher];
const SCHOOL_ADMIN: &[Role] = &[R::SchoolAdmin];
const DISTRICT: &[Role] = &[R::DistrictAdmin];
const DISTRICT_READERS: &[Role] = &[R::DistrictAdmin, R::DistrictViewer];

/// Every staff role with roster access.
pub const STAFF: Access = staff(EVERY);
/// Staff and the family of the child concerned.
pub const STAFF_AND_FAMILY: Access = and_family(EVERY);
/// School and district admins.
pub const ADMINS_ONLY: Access = staff(ADMINS);

/// (method, path under `/api/v1`, who may call it).
pub const TABLE: &[(&str, &str, Access)] = &[
    ("GET", "/me", STAFF_AND_FAMILY),
    ("GET", "/me/children", and_family(&[])),
    ("POST", "/me/password", STAFF_AND_FAMILY),
    ("GET", "/events", and_family(ADMINS)),
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
    (
        "GET",
        "/districts/{district_id}/api-clients",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/districts/{district_id}/api-clients",
        staff(DISTRICT),
    ),
    (
        "PATCH",
        "/districts/{district_id}/api-clients/{id}",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/districts/{district_id}/api-clients/{id}/revoke",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/districts/{district_id}/api-clients/{id}/rotate-secret",
        staff(DISTRICT),
    ),
    (
        "GET",
        "/districts/{district_id}/application-stats",
        staff(DISTRICT),
    ),
    (
        "GET",
        "/districts/{district_id}/schools",
        staff(DISTRICT_READERS),
    ),
    ("POST", "/districts/{district_id}/schools", staff(DISTRICT)),
    (
        "PATCH",
        "/districts/{district_id}/schools/{id}",
        staff(DISTRICT),
    ),
    (
        "GET",
        "/districts/{district_id}/service-bounds",
        staff(DISTRICT),
    ),
    (
        "PUT",
        "/districts/{district_id}/service-bounds",
        staff(DISTRICT),
    ),
    ("GET", "/districts/{district_id}/staff", staff(DISTRICT)),
    ("POST", "/districts/{district_id}/staff", staff(DISTRICT)),
    (
        "PATCH",
        "/districts/{district_id}/staff/{id}",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/districts/{district_id}/staff/{id}/invitation",
        staff(DISTRICT),
    ),
    (
        "GET",
        "/districts/{district_id}/text-templates",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/districts/{district_id}/text-templates",
        staff(DISTRICT),
    ),
    ("GET", "/districts/{district_id}/webhooks", staff(DISTRICT)),
    ("POST", "/districts/{district_id}/webhooks", staff(DISTRICT)),
    (
        "GET",
        "/districts/{district_id}/webhooks/{id}",
        staff(DISTRICT),
    ),
    (
        "PATCH",
        "/districts/{district_id}/webhooks/{id}",
        staff(DISTRICT),
    ),
    (
        "GET",
        "/districts/{district_id}/webhooks/{id}/deliveries",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/districts/{district_id}/webhooks/{id}/deliveries/{delivery_id}/replay",
        staff(DISTRICT),
    ),
    (
        "POST",
        "/districts/{district_id}/webhooks/{id}/rotate-secret",
        staff(DISTRICT),
    ),
];
