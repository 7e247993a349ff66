//! What the document says beyond what the handlers' annotations give, applied to the whole
//! document once it is assembled:
//!
//! - list items and other inlined copies of named schemas become `$ref`s (one name per thing
//!   in generated clients);
//! - `Problem.code` is an enum of the catalogue of stable codes (`docs/errors.md`, generated
//!   from the code by `api/tests/error_codes.rs`), and each operation's 4xx answers list the
//!   codes of its capability with that status (`x-codes` and the description);
//! - each operation keeps only the 4xx it can answer (no 412/428 without `If-Match`, no 401/403
//!   on public operations, no 404 without a path parameter, no 415/413 without a body);
//! - the headers: `X-Request-Id` on every answer, `ETag` on reads and creates,
//!   `If-None-Match` and 304 on reads, `Retry-After` on 429 and 503;
//! - security: public operations declare none; operations a machine client may call list the
//!   `oauth2` scopes they need beside `bearer`;
//! - who may call a signed-in operation (`x-roles`, `x-family`; [`super::access`]);
//! - a relative server, so tools know where requests go.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

/// The catalogue: (code, status, files that answer it).
fn catalogue() -> Vec<(String, u16, Vec<String>)> {
    include_str!("../../../docs/errors.md")
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let code = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            let status = cells.get(1)?.parse().ok()?;
            let files = cells
                .get(2)?
                .split(',')
                .map(|f| f.trim().trim_matches('`').to_owned())
                .collect();
            Some((code.to_owned(), status, files))
        })
        .collect()
}

/// The source folders of a tag's capability.
fn folders(tag: &str) -> &'static [&'static str] {
    match tag {
        "roster" => &["roster/"],
        "imports" => &["imports/"],
        "audit" => &["audit/"],
        "plans" => &["plans/"],
        "texts" => &["texts/"],
        "clubs" => &["clubs/"],
        "applications" => &["applications/", "roster/relation"],
        "service_requests" => &["service_requests/", "roster/relation"],
        "reports" => &["reports/"],
        "integration" => &["integration/"],
        "events" => &["events/"],
        "auth" => &["auth/"],
        _ => &[],
    }
}

/// Codes every operation may answer: the shared plumbing's.
fn shared(file: &str) -> bool {
    file.starts_with("http/")
        || matches!(
            file,
            "error.rs"
                | "server.rs"
                | "fallback.rs"
                | "db/errors.rs"
                | "auth/tenant.rs"
                | "auth/mod.rs"
        )
}

/// Changes that take no `If-Match` (a whole settings document, a link removed, a client's
/// origins); `api/tests/shape.rs` keeps this list true to the handlers.
pub const WITHOUT_IF_MATCH: &[(&str, &str)] = &[
    ("put", "/service-bounds"),
    ("delete", "/pickup-persons/{person_id}"),
    ("delete", "/guardians/{guardian_id}"),
    ("patch", "/api-clients/{id}"),
];

/// The oauth2 scopes a machine client needs for an operation, if clients may call it.
fn scopes(tag: &str, method: &str, path: &str) -> Option<Vec<&'static str>> {
    let read = method == "get";
    Some(match tag {
        "roster" if path.ends_with("/export") => vec!["roster:read"],
        "roster" if read => vec!["roster:read"],
        "roster" | "imports" => vec!["roster:write"],
        "audit" => vec!["audit:read"],
        "events" if path == "/api/v1/events" => vec!["events:read"],
        "texts" if path.ends_with("/notice-receipts") && !read => vec!["notices:record"],
        _ => return None,
    })
}

fn header(description: &str) -> Value {
    json!({"description": description, "schema": {"type": "string"}})
}

/// Replaces every inlined copy of a named schema by a `$ref` to it.
fn refs(v: &mut Value, named: &[(String, Value)]) {
    if let Some((name, _)) = named.iter().find(|(_, s)| s == v) {
        *v = json!({"$ref": format!("#/components/schemas/{name}")});
        return;
    }
    match v {
        Value::Object(m) => m.values_mut().for_each(|x| refs(x, named)),
        Value::Array(a) => a.iter_mut().for_each(|x| refs(x, named)),
        _ => {}
    }
}

fn polish_operation(
    method: &str,
    path: &str,
    op: &mut Map<String, Value>,
    codes: &[(String, u16, Vec<String>)],
) {
    let tag = op
        .get("tags")
        .and_then(|t| t.get(0))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let params: Vec<(String, String)> = op
        .get("parameters")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    let s = |k: &str| {
                        p.get(k)
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_lowercase()
                    };
                    (s("in"), s("name"))
                })
                .collect()
        })
        .unwrap_or_default();
    let has_path = params.iter().any(|(i, _)| i == "path");
    let has_query = params.iter().any(|(i, _)| i == "query");
    let has_body = op.contains_key("requestBody");
    let if_match = params.iter().any(|(i, n)| i == "header" && n == "if-match")
        || (matches!(method, "patch" | "put" | "delete")
            && !WITHOUT_IF_MATCH
                .iter()
                .any(|(m, p)| *m == method && path.ends_with(p)));
    let public = op
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| s.iter().all(|x| x.as_object().is_some_and(Map::is_empty)));
    if public {
        op.insert("security".into(), json!([]));
    } else if let Some(sc) = scopes(&tag, method, path) {
        op.insert("security".into(), json!([{"bearer": []}, {"oauth2": sc}]));
    }
    if !public {
        super::access::annotate(method, path, op);
    }
    if if_match {
        let params = op.entry("parameters").or_insert_with(|| json!([]));
        if let Some(list) = params.as_array_mut() {
            if !list.iter().any(|p| {
                p["name"]
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case("if-match"))
            }) {
                list.push(json!({"name": "If-Match", "in": "header", "required": false,
                    "description": "The `ETag` you read (or its version, `\"3\"`); without it the update answers 428, with a stale one 412. Weak tags never match.",
                    "schema": {"type": "string"}, "example": "\"3-1f0c9a2b7d4e5a61\""}));
            }
        }
    }
    if method == "get" {
        let params = op.entry("parameters").or_insert_with(|| json!([]));
        if let Some(list) = params.as_array_mut() {
            list.push(
                json!({"name": "If-None-Match", "in": "header", "required": false,
                "description": "An `ETag` you hold: unchanged, the answer is 304 with no body.",
                "schema": {"type": "string"}}),
            );
        }
    }
    let own: Vec<&(String, u16, Vec<String>)> = codes
        .iter()
        .filter(|(_, _, files)| {
            files
                .iter()
                .any(|f| shared(f) || folders(&tag).iter().any(|d| f.starts_with(d)))
        })
        .collect();
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    responses.retain(|status, _| match status.as_str() {
        "401" | "403" => !public || tag == "auth",
        "404" => has_path || !public,
        "412" | "428" => if_match,
        "413" | "415" => has_body,
        "422" => has_body || has_query || has_path,
        "423" => tag == "auth",
        "409" => has_body || method != "get",
        _ => true,
    });
    if !responses.keys().any(|k| k.starts_with('4')) {
        responses.insert("405".into(), json!({"description": "Another method than the one documented",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}));
    }
    if method == "get" {
        responses.insert("304".into(), json!({"description": "Not modified: the `If-None-Match` tag is current",
            "headers": {"ETag": header("The current tag"), "X-Request-Id": header("This request's id")}}));
    }
    for (status, r) in responses.iter_mut() {
        let Some(r) = r.as_object_mut() else { continue };
        let headers = r.entry("headers").or_insert_with(|| json!({}));
        let Some(h) = headers.as_object_mut() else {
            continue;
        };
        h.insert(
            "X-Request-Id".into(),
            header("This request's id (also in the server's log)"),
        );
        if (status == "200" && method == "get") || status == "201" {
            h.insert("ETag".into(), header("A strong tag of this representation, led by the resource's version when it has one"));
        }
        if status == "429" || status == "503" {
            h.insert("Retry-After".into(), json!({"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}));
        }
        if let Ok(n) = status.parse::<u16>() {
            let mine: Vec<&str> = own
                .iter()
                .filter(|(_, s, _)| *s == n)
                .map(|(c, _, _)| c.as_str())
                .collect();
            if n >= 400 && !mine.is_empty() {
                r.insert("x-codes".into(), json!(mine));
                let d = r
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                let listed: Vec<String> = mine.iter().map(|c| format!("`{c}`")).collect();
                r.insert(
                    "description".into(),
                    json!(format!("{d}. Codes: {}", listed.join(", "))),
                );
            }
        }
    }
}

/// The polished document, as JSON (utoipa's types cannot hold all of it: they would not
/// read back an untyped schema such as an audit event's `before`).
pub fn polish(doc: &utoipa::openapi::OpenApi) -> Value {
    let mut v = serde_json::to_value(doc).unwrap_or(Value::Null);
    let codes = catalogue();
    let mut all: BTreeSet<&str> = codes.iter().map(|(c, _, _)| c.as_str()).collect();
    // The fallback's code for a status actix answers that no code names (fallback.rs).
    all.insert("request.refused");
    if let Some(code) = v.pointer_mut("/components/schemas/Problem/properties/code") {
        code["enum"] = json!(all.iter().collect::<Vec<_>>());
    }
    let named: Vec<(String, Value)> = v
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .filter(|(_, s)| {
                    s.get("type") == Some(&json!("object")) || s.get("allOf").is_some()
                })
                .map(|(k, s)| (k.clone(), s.clone()))
                .collect()
        })
        .unwrap_or_default();
    if let Some(paths) = v.get_mut("paths") {
        refs(paths, &named);
    }
    if let Some(schemas) = v
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        let names: Vec<String> = schemas.keys().cloned().collect();
        for n in names {
            let others: Vec<(String, Value)> =
                named.iter().filter(|(k, _)| *k != n).cloned().collect();
            if let Some(s) = schemas.get_mut(&n) {
                if let Some(props) = s.get_mut("properties") {
                    refs(props, &others);
                }
            }
        }
    }
    if let Some(paths) = v.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in item.iter_mut() {
                if let Some(op) = op.as_object_mut() {
                    super::descriptions::summarise(op);
                    polish_operation(method, path, op, &codes);
                }
            }
        }
    }
    let missing = super::enums::add(&mut v);
    debug_assert!(missing.is_empty(), "enums not found: {missing:?}");
    super::descriptions::fill(&mut v);
    optional_bodies(&mut v);
    string_keys(&mut v);
    super::examples::add(&mut v);
    v["servers"] = json!([{"url": "/", "description": "This server"}]);
    v
}

/// JSON object keys are strings: a map keyed by numbers (grade → counts) has keys such as
/// `"3"`, which a `propertyNames` of type integer would refuse.
fn string_keys(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(names) = m.get_mut("propertyNames") {
                if names.get("type") == Some(&json!("integer")) {
                    *names = json!({"type": "string", "pattern": "^-?[0-9]+$"});
                }
            }
            m.values_mut().for_each(string_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(string_keys),
        _ => {}
    }
}

/// A JSON body whose schema requires no field may be left out: the server reads a missing
/// body as `{}` (http/body.rs), so the document must not call it required.
fn optional_bodies(v: &mut Value) {
    let schemas = v
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or(Value::Null);
    let Some(paths) = v.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            let Some(body) = op.get_mut("requestBody") else {
                continue;
            };
            let name = body
                .pointer("/content/application~1json/schema/$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .map(str::to_owned);
            let Some(schema) = name.and_then(|n| schemas.get(&n)) else {
                continue;
            };
            let requires = schema
                .get("required")
                .and_then(Value::as_array)
                .is_some_and(|r| !r.is_empty());
            if schema.get("type") == Some(&json!("object")) && !requires {
                body["required"] = json!(false);
            }
        }
    }
}
