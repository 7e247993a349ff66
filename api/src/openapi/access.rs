//! Who may call each operation that needs a signed-in caller: the table the document
//! publishes as `x-roles` (and `x-family`) and in each operation's description. The server
//! enforces the same rules in the handlers (abilities, permissions, scopes);
//! `tests/api/roles.rs` and `tests/api/district_roles.rs` call every operation as every role
//! and fail when the two disagree, and a bearer operation missing from the table fails there
//! too. Machine clients are named by the `oauth2` scopes of the operation's `security`.

use serde_json::{json, Map, Value};

pub use super::access_table::Access;

/// Every row of the table: the school operations, then the caller's own and the district's.
pub fn rows() -> impl Iterator<Item = &'static (&'static str, &'static str, Access)> {
    super::access_table::TABLE
        .iter()
        .chain(super::access_district::TABLE)
}

/// Who may call `method path` (path under `/api/v1`), if it is in the table.
pub fn of(method: &str, path: &str) -> Option<Access> {
    rows()
        .find(|(m, p, _)| m.eq_ignore_ascii_case(method) && *p == path)
        .map(|(_, _, a)| *a)
}

/// Publishes who may call a signed-in operation: `x-roles`, `x-family` and a sentence in its
/// description. Public operations and paths outside the table are left as they are.
pub fn annotate(method: &str, path: &str, op: &mut Map<String, Value>) {
    let Some(access) = path.strip_prefix("/api/v1").and_then(|p| of(method, p)) else {
        return;
    };
    let roles: Vec<&str> = access.roles.iter().map(|r| r.as_str()).collect();
    op.insert("x-roles".into(), json!(roles));
    op.insert("x-family".into(), json!(access.family));
    let mut who: Vec<String> = roles.iter().map(|r| format!("`{r}`")).collect();
    if access.family {
        who.push(
            "the family of the child concerned (a guardian, or a parent app signed in for one)"
                .into(),
        );
    }
    let sentence = format!("\n\n**Who may call it:** {}.", who.join(", "));
    let description = op
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    op.insert(
        "description".into(),
        json!(format!("{description}{sentence}")),
    );
}
