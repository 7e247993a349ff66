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
    crate::auth::apps::GUARDIAN_SIGN_IN,
];
