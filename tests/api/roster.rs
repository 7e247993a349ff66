//! Students: paging and search over the whole school, versioned and audited changes, who may
//! change the roster, masked phones, guardians and pickup persons, concurrent updates.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

both!(
    students_page_through_the_whole_school_without_gaps,
    |app: TestApp| async move {
        let t = app.token("tutor").await;
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor {
                Some(c) => app.school_path(&format!("/students?limit=200&cursor={c}")),
                None => app.school_path("/students?limit=200"),
            };
            let (s, page) = app.get(&t, &path).await;
            assert_eq!(s, 200);
            seen.extend(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["id"].as_i64().unwrap()),
            );
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        let total = app.count(&format!(
            "SELECT COUNT(*) AS n FROM students WHERE school_id = {}",
            app.school
        ));
        assert!(total > 900);
        assert_eq!(seen.len() as i64, total);
        let mut sorted = seen.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), seen.len(), "no student twice");
        let (s, b) = app.get(&t, &app.school_path("/students?limit=500")).await;
        assert_eq!((s, b["errors"][0]["field"].as_str()), (422, Some("limit")));
    }
);

both!(
    students_are_found_by_name_number_grade_and_homeroom,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let (_, page) = app
            .get(&t, &app.school_path("/students?grade=3&limit=1"))
            .await;
        let one = &page["items"][0];
        assert_eq!(one["grade"], 3);
        let name = one["name"].as_str().unwrap();
        let (_, found) = app
            .get(
                &t,
                &app.school_path(&format!("/students?q={}", urlencode(name))),
            )
            .await;
        assert!(found["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == one["id"]));
        let no = one["student_no"].as_str().unwrap();
        let (_, found) = app
            .get(&t, &app.school_path(&format!("/students?q={no}")))
            .await;
        assert_eq!(found["items"][0]["id"], one["id"]);
        let hr = one["homeroom_id"].as_i64().unwrap();
        let (_, found) = app
            .get(
                &t,
                &app.school_path(&format!("/students?homeroom_id={hr}&limit=200")),
            )
            .await;
        let items = found["items"].as_array().unwrap();
        assert!(items.len() >= 38 && items.iter().all(|s| s["homeroom_id"] == hr));
    }
);

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn new_student(app: &TestApp, t: &str, no: &str) -> (u16, Value) {
    let (_, hrs) = app.get(t, &app.school_path("/homerooms?grade=2")).await;
    let hr = hrs["items"][0]["id"].as_i64().unwrap();
    app.send(t, Method::POST, &app.school_path("/students"), &json!({"student_no": no, "name": "李小明", "gender": "male", "grade": 2, "homeroom_id": hr, "flags": ["migrant"]}))
        .await
}

both!(
    create_update_delete_are_versioned_and_audited,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let (s, st) = new_student(&app, &t, "T0001").await;
        assert_eq!(s, 201, "{st}");
        assert_eq!(st["version"], 1);
        assert_eq!(st["flags"], json!(["migrant"]));
        let id = st["id"].as_i64().unwrap();
        let (s, b) = new_student(&app, &t, "T0001").await;
        assert_eq!(
            (s, b["code"].as_str()),
            (409, Some("student.duplicate_number"))
        );

        let path = app.school_path(&format!("/students/{id}"));
        let patch = json!({"name": "李晓明"});
        let res = app
            .req(Method::PATCH, &path)
            .bearer_auth(&t)
            .json(&patch)
            .send()
            .await
            .unwrap();
        assert_eq!(json_of(res).await.0, 428, "no If-Match");
        let res = app
            .req(Method::PATCH, &path)
            .bearer_auth(&t)
            .header("if-match", "\"1\"")
            .json(&patch)
            .send()
            .await
            .unwrap();
        let tag = res.headers()["etag"].to_str().unwrap().to_owned();
        assert!(
            tag.starts_with("\"2-"),
            "the tag leads with the new version: {tag}"
        );
        let (s, b) = json_of(res).await;
        assert_eq!(
            (s, b["name"].as_str(), b["version"].as_i64()),
            (200, Some("李晓明"), Some(2))
        );
        let res = app
            .req(Method::PATCH, &path)
            .bearer_auth(&t)
            .header("if-match", "\"1\"")
            .json(&json!({"name": "X"}))
            .send()
            .await
            .unwrap();
        let (s, b) = json_of(res).await;
        assert_eq!((s, b["code"].as_str()), (412, Some("precondition_failed")));
        let (_, hrs) = app.get(&t, &app.school_path("/homerooms?grade=5")).await;
        let wrong = hrs["items"][0]["id"].as_i64().unwrap();
        let res = app
            .req(Method::PATCH, &path)
            .bearer_auth(&t)
            .header("if-match", "2")
            .json(&json!({"homeroom_id": wrong}))
            .send()
            .await
            .unwrap();
        let (s, b) = json_of(res).await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("grade_mismatch"))
        );

        let (s, log) = app
            .get(
                &t,
                &app.school_path(&format!("/audit-events?entity=student&entity_id={id}")),
            )
            .await;
        assert_eq!(s, 200);
        let actions: Vec<&str> = log["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, vec!["student.update", "student.create"]);
        assert_eq!(log["items"][0]["before"]["name"], "李小明");
        assert_eq!(log["items"][0]["after"]["name"], "李晓明");
        assert!(log["items"][0]["request_id"].as_str().is_some());
        assert_eq!(log["items"][0]["actor_name"], "校务办 管理员");

        let res = app
            .req(Method::DELETE, &path)
            .bearer_auth(&t)
            .header("if-match", "\"2\"")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        let (s, _) = app.get(&t, &path).await;
        assert_eq!(s, 404);
    }
);

both!(only_admins_change_the_roster, |app: TestApp| async move {
    for role in ["teacher", "tutor", "finance", "gate"] {
        let t = app.token(role).await;
        let (s, b) = new_student(&app, &t, "R0001").await;
        assert_eq!(
            (s, b["code"].as_str()),
            (403, Some("auth.forbidden")),
            "{role}"
        );
        let (s, _) = app.get(&t, &app.school_path("/audit-events")).await;
        assert_eq!(s, 403, "{role} reads the audit log");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM students WHERE student_no = 'R0001'"),
        0
    );
});

both!(
    phones_are_masked_for_roles_that_do_not_need_them,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let gate = app.token("gate").await;
        let path = app.school_path("/students/1/guardians");
        let (_, full) = app.get(&admin, &path).await;
        let (_, masked) = app.get(&gate, &path).await;
        let phone = full["items"][0]["phone"].as_str().unwrap();
        assert_eq!(phone.len(), 11);
        assert!(!phone.contains('*'));
        assert_eq!(
            masked["items"][0]["phone"].as_str().unwrap(),
            format!("{}****{}", &phone[..3], &phone[7..])
        );
        let (_, staff) = app.get(&gate, &app.school_path("/staff")).await;
        assert!(staff["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["phone"].as_str().unwrap().contains("****")));
    }
);

both!(
    guardians_and_pickup_persons_are_linked_to_students,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let (s, st) = new_student(&app, &t, "G0001").await;
        assert_eq!(s, 201);
        let id = st["id"].as_i64().unwrap();
        let g = json!({"name": "李强", "phone": "13912345678", "relation": "父亲"});
        let (s, b) = app
            .send(
                &t,
                Method::POST,
                &app.school_path(&format!("/students/{id}/guardians")),
                &g,
            )
            .await;
        assert_eq!(s, 201, "{b}");
        // The same phone again links the same guardian, not a second one.
        let (_, b) = app
            .send(
                &t,
                Method::POST,
                &app.school_path(&format!("/students/{id}/guardians")),
                &g,
            )
            .await;
        assert_eq!(b["items"].as_array().unwrap().len(), 1);
        let p = json!({"name": "王奶奶", "phone": "13800001111", "relation": "外祖母"});
        let (s, pp) = app
            .send(
                &t,
                Method::POST,
                &app.school_path(&format!("/students/{id}/pickup-persons")),
                &p,
            )
            .await;
        assert_eq!(s, 201);
        let (_, list) = app
            .get(
                &t,
                &app.school_path(&format!("/students/{id}/pickup-persons")),
            )
            .await;
        assert_eq!(list["items"][0]["name"], "王奶奶");
        let pid = pp["id"].as_i64().unwrap();
        let res = app
            .req(
                Method::DELETE,
                &app.school_path(&format!("/students/{id}/pickup-persons/{pid}")),
            )
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        let (_, list) = app
            .get(
                &t,
                &app.school_path(&format!("/students/{id}/pickup-persons")),
            )
            .await;
        assert_eq!(list["items"].as_array().unwrap().len(), 0);
    }
);

both!(
    concurrent_updates_with_the_same_version_let_exactly_one_win,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let (_, st) = new_student(&app, &t, "C0001").await;
        let path = app.school_path(&format!("/students/{}", st["id"]));
        let tasks: Vec<_> = (0..24)
            .map(|i| {
                let req = app
                    .req(Method::PATCH, &path)
                    .bearer_auth(&t)
                    .header("if-match", "\"1\"")
                    .json(&json!({"name": format!("并发{i}")}));
                tokio::spawn(async move { req.send().await.unwrap().status().as_u16() })
            })
            .collect();
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.unwrap());
        }
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 412).count(),
            23,
            "{statuses:?}"
        );
        let (_, after) = app.get(&t, &path).await;
        assert_eq!(after["version"], 2);
        let updates = app.count(&format!("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'student.update' AND entity_id = {}", st["id"]));
        assert_eq!(updates, 1, "only the winning update is audited");
    }
);
