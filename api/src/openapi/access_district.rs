//! Who may call the signed-in operations outside a school: the caller's own (`/me`, the
//! event feed) and the district's.

use super::access_table::{
    and_family, staff, Access, ADMINS, DISTRICT, DISTRICT_READERS, STAFF_AND_FAMILY,
};

/// (method, path under `/api/v1`, who may call it).
pub const TABLE: &[(&str, &str, Access)] = &[
    ("GET", "/me", STAFF_AND_FAMILY),
    ("GET", "/me/children", and_family(&[])),
    ("POST", "/me/password", STAFF_AND_FAMILY),
    ("GET", "/me/notifications", STAFF_AND_FAMILY),
    ("GET", "/me/notifications/unread-count", STAFF_AND_FAMILY),
    ("POST", "/me/notifications/{id}/read", STAFF_AND_FAMILY),
    ("POST", "/me/notifications/read-all", STAFF_AND_FAMILY),
    ("GET", "/events", and_family(ADMINS)),
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
