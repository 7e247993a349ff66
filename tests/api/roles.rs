//! The role × operation matrix within one school, from the permission table the API publishes
//! (`x-roles`, `api/src/openapi/access.rs`): for every
//! documented operation under `/schools/{school_id}`, each role either may call it (never
//! 401/403) or is refused (403 or 404; 422 where the body is checked before the role, as
//! actix's JSON extractor does) and nothing is written (the audit log does not grow). An
//! operation missing from the table fails the test, so a new endpoint is covered the day it
//! is added.

use kehou_api::auth::Role;
use kehou_api::openapi::access::{self, Access};
use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, guardian_of, open_term};

/// The callers of the matrix, by login (the guardian is added by the test).
const ROLES: &[&str] = &[
    "admin",
    "teacher",
    "tutor",
    "finance",
    "gate",
    "district",
    "inspector",
    "guardian",
];

/// The role a demo login holds (the guardian holds none: they are the family).
pub fn role_of(who: &str) -> Option<Role> {
    Some(match who {
        "admin" => Role::SchoolAdmin,
        "teacher" => Role::HomeroomTeacher,
        "tutor" => Role::Tutor,
        "finance" => Role::Finance,
        "gate" => Role::Gate,
        "district" => Role::DistrictAdmin,
        "inspector" => Role::DistrictViewer,
        _ => return None,
    })
}

/// Whether the published table lets `who` call an operation.
pub fn allowed(access: Access, who: &str) -> bool {
    match role_of(who) {
        Some(role) => access.roles.contains(&role),
        None => access.family,
    }
}

/// The school operations of the API's table, with paths under `/schools/{school_id}`.
fn table() -> Vec<(&'static str, &'static str, Access)> {
    access::rows()
        .filter_map(|(m, p, a)| Some((*m, p.strip_prefix("/schools/{school_id}")?, *a)))
        .collect()
}

fn documented() -> Vec<(String, String)> {
    let doc = kehou_api::openapi::document();
    let mut ops = Vec::new();
    for (path, item) in &doc.paths.paths {
        let Some(rest) = path.strip_prefix("/api/v1/schools/{school_id}") else {
            continue;
        };
        for (m, present) in [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("PATCH", item.patch.is_some()),
            ("DELETE", item.delete.is_some()),
        ] {
            if present {
                ops.push((m.to_owned(), rest.to_owned()));
            }
        }
    }
    ops
}

#[test]
fn every_school_operation_is_in_the_permission_table() {
    let ops = documented();
    let table = table();
    for (m, p) in &ops {
        assert!(
            table.iter().any(|(tm, tp, _)| tm == m && tp == p),
            "{m} {p} is not in the permission table (api/src/openapi/access.rs): say who may call it"
        );
    }
    for (m, p, _) in &table {
        assert!(
            ops.iter().any(|(om, op)| om == m && op == p),
            "{m} {p} is in the permission table but not documented"
        );
    }
}

both!(
    each_role_may_call_only_what_the_table_grants,
    |app: TestApp| async move {
        // Objects to aim at: an application, a plan, a service request, texts, an import.
        let (term, plan, agreement) = open_term(&app, 30).await;
        let guardian = guardian_of(&app, 5).await;
        let admin = app.token("admin").await;
        let (s, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, true),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        let ids = json!({
            "applications": a["id"], "service-plans": plan["id"], "terms": term, "students": 5,
            "homerooms": 1, "rooms": 1, "staff": 1, "guardians": 1, "imports": 1,
            "service-requests": 1, "texts": agreement["id"],
        });
        let fill = |template: &str| {
            let parts: Vec<&str> = template.split('/').collect();
            let mut out = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                if part.starts_with('{') {
                    let key = if *part == "{guardian_id}" {
                        "guardians"
                    } else if *part == "{person_id}" {
                        "pickup"
                    } else {
                        parts[i - 1]
                    };
                    out.push(
                        ids.get(key)
                            .map(|v| v.to_string())
                            .unwrap_or_else(|| "1".into()),
                    );
                } else {
                    out.push((*part).to_owned());
                }
            }
            app.school_path(&out.join("/"))
        };
        let mut wrong = Vec::new();
        let audited = || app.count("SELECT COUNT(*) AS n FROM audit_events");
        for who in ROLES {
            let token = if *who == "guardian" {
                guardian.clone()
            } else {
                app.token(who).await
            };
            for (m, template, may) in table() {
                // Deletes of shared fixtures would change what later rows see.
                if m == "DELETE" {
                    continue;
                }
                let method = Method::from_bytes(m.as_bytes()).unwrap();
                let res = app
                    .req(method, &fill(template))
                    .bearer_auth(&token)
                    .header("if-match", "\"999\"")
                    .json(&Value::Object(Default::default()))
                    .send()
                    .await
                    .unwrap();
                let before = audited();
                let (s, body) = json_of(res).await;
                let ok = if allowed(may, who) {
                    s != 401 && s != 403
                } else {
                    matches!(s, 403 | 404 | 422) && audited() == before
                };
                if !ok {
                    wrong.push(format!("{who} {m} {template} → {s} {}", body["code"]));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "the permission table disagrees:\n{}",
            wrong.join("\n")
        );
    }
);
