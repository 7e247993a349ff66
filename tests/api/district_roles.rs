//! The role matrix outside one school: every documented operation under
//! `/districts/{district_id}` and the caller's own (`/me`, `/events`) is called by every
//! demo login, and the answer agrees with the API's published table (`x-roles`,
//! `api/src/openapi/access.rs`): allowed callers are never refused (401, 403, or the
//! district's own 404), refused callers are refused and nothing is written.

use kehou_api::openapi::access;
use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::roles::allowed;

const LOGINS: &[&str] = &[
    "admin",
    "teacher",
    "tutor",
    "district",
    "inspector",
    "guardian",
];

#[test]
fn every_signed_in_operation_says_who_may_call_it() {
    let doc = kehou_api::openapi::published();
    let mut seen = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let public = op["security"].as_array().is_some_and(Vec::is_empty);
            if public || !op.is_object() {
                continue;
            }
            seen += 1;
            let roles = op["x-roles"].as_array();
            assert!(
                roles.is_some() && op["x-family"].is_boolean(),
                "{method} {path} needs a caller but does not say who: add it to api/src/openapi/access.rs"
            );
            assert!(
                op["description"]
                    .as_str()
                    .is_some_and(|d| d.contains("**Who may call it:**")),
                "{method} {path}: the description names who may call it"
            );
        }
    }
    assert!(
        seen > 90,
        "the check sees the signed-in operations ({seen})"
    );
}

both!(
    district_and_own_operations_agree_with_the_table,
    |app: TestApp| async move {
        let guardian = crate::applications::guardian_of(&app, 5).await;
        let ops: Vec<(&str, String, access::Access)> = access::rows()
            .filter(|(_, p, _)| !p.starts_with("/schools/"))
            .map(|(m, p, a)| {
                // Ids that exist nowhere: an allowed caller gets the object's 404 (or 422),
                // never the district's, and nothing is changed.
                let mut path = format!("/api/v1{p}").replace("{district_id}", "1");
                while let (Some(a), Some(b)) = (path.find('{'), path.find('}')) {
                    path.replace_range(a..=b, "999999");
                }
                (*m, path, *a)
            })
            .collect();
        assert!(ops.len() >= 28, "{} operations", ops.len());
        let audited = || app.count("SELECT COUNT(*) AS n FROM audit_events");
        let mut wrong = Vec::new();
        for who in LOGINS {
            let token = if *who == "guardian" {
                guardian.clone()
            } else {
                app.token(who).await
            };
            for (m, path, access) in &ops {
                let before = audited();
                let res = app
                    .req(Method::from_bytes(m.as_bytes()).unwrap(), path)
                    .bearer_auth(&token)
                    .header("if-match", "\"999\"")
                    .json(&Value::Object(Default::default()))
                    .send()
                    .await
                    .unwrap();
                let (s, body) = json_of(res).await;
                let districts_404 = s == 404 && body["detail"] == json!("district not found");
                let ok = if allowed(*access, who) {
                    !matches!(s, 401 | 403) && !districts_404
                } else {
                    matches!(s, 403 | 404 | 422) && audited() == before
                };
                if !ok {
                    wrong.push(format!("{who} {m} {path} → {s} {}", body["code"]));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "the published table disagrees with the server:\n{}",
            wrong.join("\n")
        );
    }
);
