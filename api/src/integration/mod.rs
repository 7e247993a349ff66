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
];
