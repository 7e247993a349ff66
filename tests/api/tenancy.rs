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

/// The table whose ids a path variable names, from the segment before it.
fn table_of(segment: &str, var: &str) -> Option<&'static str> {
    Some(match (segment, var) {
        (_, "{guardian_id}") => "guardians",
        (_, "{person_id}") => "pickup_persons",
        ("applications", _) => "applications",
        ("guardians", _) => "guardians",
        ("homerooms", _) => "homerooms",
        ("imports", _) => "import_jobs",
        ("rooms", _) => "rooms",
        ("service-plans", _) => "service_plans",
        ("service-requests", _) => "service_requests",
        ("staff", _) => "staff",
        ("students", _) => "students",
        ("terms", _) => "terms",
        ("texts", _) => "plan_texts",
        _ => return None,
    })
}

/// `template` under `school`, every object id replaced by one of `owner`'s (None when
/// `owner` has no such object).
fn with_ids_of(app: &TestApp, template: &str, school: i64, owner: i64) -> Option<String> {
    let mut out = Vec::new();
    let parts: Vec<&str> = template.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if *part == "{school_id}" {
            out.push(school.to_string());
        } else if part.starts_with('{') {
            let table = table_of(parts[i - 1], part)?;
            let id = app.count(&format!(
                "SELECT COALESCE(MAX(id), 0) AS n FROM {table} WHERE school_id = {owner}"
            ));
            if id == 0 {
                return None;
            }
            out.push(id.to_string());
        } else {
            out.push((*part).to_owned());
        }
    }
    Some(out.join("/"))
}

both!(
    another_schools_object_ids_under_ones_own_school_answer_404,
    |app: TestApp| async move {
        let token = app.token("admin").await;
        let mut checked = 0;
        for (method, template) in school_operations() {
            if template.matches('{').count() < 2 {
                continue; // no object id besides the school's
            }
            let Some(path) = with_ids_of(&app, &template, app.school, app.other_school) else {
                continue;
            };
            let res = app
                .req(method.clone(), &path)
                .bearer_auth(&token)
                .header("if-match", "\"1\"")
                .json(&serde_json::json!({}))
                .send()
                .await
                .unwrap();
            let (s, body) = json_of(res).await;
            assert!(!(200..300).contains(&s), "{method} {path} → {s} {body}");
            if method == Method::GET {
                assert_eq!(s, 404, "{method} {path} → {s} {body}");
            }
            checked += 1;
        }
        assert!(
            checked >= 15,
            "the matrix reached {checked} nested operations"
        );
    }
);

both!(
    another_schools_ids_inside_request_bodies_are_refused,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let b = app.other_school;
        let b_homeroom = app.count(&format!(
            "SELECT MAX(id) AS n FROM homerooms WHERE school_id = {b}"
        ));
        let b_staff = app.count(&format!(
            "SELECT MAX(id) AS n FROM staff WHERE school_id = {b}"
        ));
        let b_student = app.count(&format!(
            "SELECT MAX(id) AS n FROM students WHERE school_id = {b}"
        ));
        let b_room = app.count(&format!(
            "SELECT MAX(id) AS n FROM rooms WHERE school_id = {b}"
        ));
        let a_term = app.count(&format!(
            "SELECT MIN(id) AS n FROM terms WHERE school_id = {}",
            app.school
        ));
        let cases = [
            (
                "/students",
                serde_json::json!({"student_no": "X-1", "name": "外校", "gender": "male", "grade": 1, "homeroom_id": b_homeroom}),
            ),
            (
                "/homerooms",
                serde_json::json!({"grade": 1, "name": "一年级9班", "homeroom_teacher_id": b_staff}),
            ),
            (
                "/notice-receipts",
                serde_json::json!({"text_id": 1, "student_id": b_student}),
            ),
            (
                "/clubs",
                serde_json::json!({"term_id": a_term, "name": "外校教室社团", "category": "体育", "capacity": 10,
                "grade_min": 1, "grade_max": 6, "weekdays": [1], "room_id": b_room}),
            ),
            (
                "/clubs",
                serde_json::json!({"term_id": a_term, "name": "外校老师社团", "category": "体育", "capacity": 10,
                "grade_min": 1, "grade_max": 6, "weekdays": [1], "teacher_staff_id": b_staff}),
            ),
        ];
        let before = app.count("SELECT (SELECT COUNT(*) FROM students) + (SELECT COUNT(*) FROM homerooms) + (SELECT COUNT(*) FROM clubs) + (SELECT COUNT(*) FROM notice_receipts) AS n");
        for (path, body) in cases {
            let (s, answer) = app
                .send(&admin, Method::POST, &app.school_path(path), &body)
                .await;
            assert!(
                (400..500).contains(&s),
                "POST {path} with school B's ids → {s} {answer}"
            );
        }
        let after = app.count("SELECT (SELECT COUNT(*) FROM students) + (SELECT COUNT(*) FROM homerooms) + (SELECT COUNT(*) FROM clubs) + (SELECT COUNT(*) FROM notice_receipts) AS n");
        assert_eq!(before, after, "nothing was written");
        // A homeroom of A cannot be given B's teacher either.
        let a_homeroom = app.count(&format!(
            "SELECT MIN(id) AS n FROM homerooms WHERE school_id = {}",
            app.school
        ));
        let res = app
            .req(
                Method::PATCH,
                &app.school_path(&format!("/homerooms/{a_homeroom}")),
            )
            .bearer_auth(&admin)
            .header("if-match", "\"1\"")
            .json(&serde_json::json!({"homeroom_teacher_id": b_staff}))
            .send()
            .await
            .unwrap();
        let (s, answer) = json_of(res).await;
        assert!((400..500).contains(&s), "{s} {answer}");
    }
);

both!(
    guardians_and_api_clients_reach_no_other_school,
    |app: TestApp| async move {
        // A guardian of school A, and a district client limited to school A.
        let guardian = crate::applications::guardian_of(&app, 5).await;
        let district = app.token("district").await;
        let (s, created) = app
            .send(
                &district,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &serde_json::json!({"name": "区数据中心", "scopes": ["roster:read", "roster:write", "roster:contacts", "roster:sensitive", "audit:read"], "school_ids": [app.school]}),
            )
            .await;
        assert_eq!(s, 201, "{created}");
        let (_, tok) = json_of(
            app.req(Method::POST, "/api/v1/auth/token")
                .json(&serde_json::json!({"grant_type": "client_credentials",
                    "client_id": created["client"]["client_id"],
                    "client_secret": created["client_secret"]}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        let machine = tok["access_token"].as_str().unwrap().to_owned();
        for token in [&guardian, &machine] {
            for (method, template) in school_operations() {
                let path = fill(&template, app.other_school);
                let res = app
                    .req(method.clone(), &path)
                    .bearer_auth(token)
                    .header("if-match", "\"1\"")
                    .json(&serde_json::json!({}))
                    .send()
                    .await
                    .unwrap();
                let (s, body) = json_of(res).await;
                assert_eq!(s, 404, "{method} {path} → {s} {body}");
            }
        }
        // Every district route of another district answers 404 to this district's admin.
        let doc = kehou_api::openapi::document();
        let mut district_ops = 0;
        for (path, item) in &doc.paths.paths {
            if !path.contains("{district_id}") {
                continue;
            }
            for (m, present) in [
                (Method::GET, item.get.is_some()),
                (Method::POST, item.post.is_some()),
                (Method::PATCH, item.patch.is_some()),
                (Method::DELETE, item.delete.is_some()),
            ] {
                if !present {
                    continue;
                }
                let mut url = path.replace("{district_id}", "2");
                while let (Some(a), Some(b)) = (url.find('{'), url.find('}')) {
                    url.replace_range(a..=b, "1");
                }
                let res = app
                    .req(m.clone(), &url)
                    .bearer_auth(&district)
                    .json(&serde_json::json!({}))
                    .send()
                    .await
                    .unwrap();
                let (s, body) = json_of(res).await;
                // DistrictScope answers before any body or query is read.
                assert_eq!(s, 404, "district 1's admin: {m} {url} → {s} {body}");
                district_ops += 1;
            }
        }
        assert!(
            district_ops >= 5,
            "the district routes are covered ({district_ops})"
        );
    }
);
