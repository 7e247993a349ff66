//! Machine clients (`api_clients`): district systems and parent apps that call the API
//! with client credentials, limited to scopes and schools.

pub mod routes;
pub mod store;

/// Scopes a client may be granted.
pub const SCOPES: &[&str] = &[
    "roster:read",
    "roster:write",
    "roster:contacts",
    // Sensitive flags and fee exemptions (see auth::need_to_know).
    "roster:sensitive",
    "audit:read",
    // Notice receipts recorded through a parent app or a district system.
    crate::texts::model::NOTICES_RECORD,
    crate::auth::apps::GUARDIAN_SIGN_IN,
    // The event feed and webhook deliveries.
    crate::events::EVENTS_READ,
];

/// What each scope allows, for the OpenAPI document.
pub const SCOPE_DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "roster:read",
        "Read the roster (students, homerooms, staff, rooms, terms)",
    ),
    ("roster:write", "Create and change roster entries"),
    ("roster:contacts", "See phone numbers unmasked"),
    ("roster:sensitive", "See sensitive flags and fee exemptions"),
    ("audit:read", "Read the audit log"),
    (
        crate::texts::model::NOTICES_RECORD,
        "Record that a family received a notice",
    ),
    (
        crate::auth::apps::GUARDIAN_SIGN_IN,
        "Sign guardians in (parent apps)",
    ),
    (
        crate::events::EVENTS_READ,
        "Read the event feed and receive webhooks",
    ),
];
