//! The tenant rule: a resource of a school the caller holds no grant for answers 404 —
//! for every documented endpoint under /schools/{school_id}, every role, both directions.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;

fn school_operations() -> Vec<(Method, String)> {
    let doc = kehou_api::openapi::document();
    let mut ops = Vec::new();
    for (path, item) in &doc.paths.paths {
        if !path.contains("{school_id}") {
            continue;
        }
        for (m, present) in [
            (Method::GET, item.get.is_some()),
            (Method::POST, item.post.is_some()),
            (Method::PUT, item.put.is_some()),
            (Method::PATCH, item.patch.is_some()),
            (Method::DELETE, item.delete.is_some()),
        ] {
            if present {
                ops.push((m, path.clone()));
            }
        }
    }
    ops
}

fn fill(path: &str, school: i64) -> String {
    let mut out = path.replace("{school_id}", &school.to_string());
    while let (Some(a), Some(b)) = (out.find('{'), out.find('}')) {
        out.replace_range(a..=b, "1");
    }
    out
}

async fn assert_no_leak(app: &TestApp, username: &str, foreign_school: i64) {
    let token = app.token(username).await;
    for (method, template) in school_operations() {
        let path = fill(&template, foreign_school);
        let res = app
            .req(method.clone(), &path)
            .bearer_auth(&token)
            .header("if-match", "\"1\"")
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap();
        let (s, body) = json_of(res).await;
        assert_eq!(s, 404, "{username} {method} {path} → {s} {body}");
        assert_eq!(body["code"], "not_found");
    }
}

both!(
    no_endpoint_leaks_another_schools_data,
    |app: TestApp| async move {
        assert!(
            school_operations().len() >= 20,
            "the matrix sees the school endpoints"
        );
        for user in ["admin", "teacher", "tutor", "finance", "gate", "district"] {
            assert_no_leak(&app, user, app.other_school).await;
            assert_no_leak(&app, &format!("s2-{user}"), app.school).await;
        }
        // A school id that does not exist at all looks the same.
        assert_no_leak(&app, "district", 999_999).await;
    }
);

both!(
    a_district_admin_reaches_every_school_of_the_district_only,
    |app: TestApp| async move {
        let t = app.token("district").await;
        let (s, _) = app.get(&t, &app.school_path("/students?limit=1")).await;
        assert_eq!(s, 200);
        let (s, page) = app.get(&t, "/api/v1/districts/1/schools").await;
        assert_eq!(s, 200);
        assert!(page["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["district_id"] == 1));
        let (s, _) = app.get(&t, "/api/v1/districts/2/schools").await;
        assert_eq!(s, 404);
    }
);
