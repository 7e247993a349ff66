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
        assert_eq!(res.headers()["etag"], "\"2\"");
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

both!(terms_rooms_homerooms_and_staff, |app: TestApp| async move {
    let t = app.token("admin").await;
    let term = json!({"name": "2027 春季学期", "start_date": "2027-02-20", "end_date": "2027-07-05", "holidays": ["2027-04-05"], "makeup_workdays": []});
    let (s, b) = app
        .send(&t, Method::POST, &app.school_path("/terms"), &term)
        .await;
    assert_eq!(s, 201, "{b}");
    let bad = json!({"name": "x", "start_date": "2027-02-20", "end_date": "2027-07-05", "holidays": ["2027-09-01"]});
    let (s, b) = app
        .send(&t, Method::POST, &app.school_path("/terms"), &bad)
        .await;
    assert_eq!(
        (s, b["errors"][0]["field"].as_str()),
        (422, Some("holidays[0]"))
    );
    let (s, b) = app
        .send(
            &t,
            Method::POST,
            &app.school_path("/rooms"),
            &json!({"name": "书法教室", "capacity": 40, "kind": "indoor"}),
        )
        .await;
    assert_eq!(s, 201);
    let rid = b["id"].as_i64().unwrap();
    let res = app
        .req(Method::PATCH, &app.school_path(&format!("/rooms/{rid}")))
        .bearer_auth(&t)
        .header("if-match", "1")
        .json(&json!({"name": "书法教室", "capacity": 36, "kind": "indoor"}))
        .send()
        .await
        .unwrap();
    assert_eq!(json_of(res).await.1["capacity"], 36);
    let (s, b) = app
        .send(
            &t,
            Method::POST,
            &app.school_path("/homerooms"),
            &json!({"grade": 1, "name": "一年级1班"}),
        )
        .await;
    assert_eq!(
        (s, b["code"].as_str()),
        (409, Some("homeroom.duplicate_name"))
    );
    let (s, b) = app
        .send(&t, Method::POST, &app.school_path("/staff"), &json!({"name": "赵老师", "phone": "13700009999", "roles": ["tutor"], "username": "zhao", "password": "long-enough-1"}))
        .await;
    assert_eq!(s, 201, "{b}");
    let zt = app.login("zhao", "long-enough-1").await;
    assert_eq!(zt.status(), 200);
    let sid = b["id"].as_i64().unwrap();
    let res = app
        .req(Method::PATCH, &app.school_path(&format!("/staff/{sid}")))
        .bearer_auth(&t)
        .header("if-match", "1")
        .json(&json!({"roles": ["tutor", "gate"]}))
        .send()
        .await
        .unwrap();
    let (s, b) = json_of(res).await;
    assert_eq!((s, b["roles"].clone()), (200, json!(["tutor", "gate"])));
    let (_, me) = app
        .get(&app.token_for("zhao", "long-enough-1").await, "/api/v1/me")
        .await;
    assert_eq!(
        me["grants"][0]["roles"],
        json!(["tutor", "gate"]),
        "new roles apply at the next login"
    );
    let (_, h1) = app
        .get(&t, &app.school_path("/homerooms?grade=1&limit=1"))
        .await;
    let hid = h1["items"][0]["id"].as_i64().unwrap();
    let v = h1["items"][0]["version"].as_i64().unwrap();
    let res = app
        .req(
            Method::PATCH,
            &app.school_path(&format!("/homerooms/{hid}")),
        )
        .bearer_auth(&t)
        .header("if-match", v.to_string())
        .json(&json!({"homeroom_teacher_id": sid}))
        .send()
        .await
        .unwrap();
    let (s, b) = json_of(res).await;
    assert_eq!((s, b["homeroom_teacher_id"].as_i64()), (200, Some(sid)));
    let (_, hr) = app.get(&t, &app.school_path("/homerooms?grade=1")).await;
    assert_eq!(hr["items"].as_array().unwrap().len(), 4);
    assert!(hr["items"][0]["student_count"].as_i64().unwrap() >= 38);
});

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

both!(
    rooms_empty_homerooms_and_staff_can_be_removed,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let del = |path: String, version: &str| {
            app.req(Method::DELETE, &path)
                .bearer_auth(&t)
                .header("if-match", version.to_owned())
                .send()
        };
        let (_, hr) = app
            .get(&t, &app.school_path("/homerooms?grade=1&limit=1"))
            .await;
        let full = &hr["items"][0];
        let (s, b) = json_of(
            del(
                app.school_path(&format!("/homerooms/{}", full["id"])),
                &full["version"].to_string(),
            )
            .await
            .unwrap(),
        )
        .await;
        assert_eq!((s, b["code"].as_str()), (409, Some("homeroom.not_empty")));
        let (_, empty) = app
            .send(
                &t,
                Method::POST,
                &app.school_path("/homerooms"),
                &json!({"grade": 1, "name": "一年级9班"}),
            )
            .await;
        let (s, _) = json_of(
            del(app.school_path(&format!("/homerooms/{}", empty["id"])), "1")
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(s, 204);
        let (_, room) = app
            .send(
                &t,
                Method::POST,
                &app.school_path("/rooms"),
                &json!({"name": "临时教室", "capacity": 30, "kind": "indoor"}),
            )
            .await;
        let (s, _) = json_of(
            del(app.school_path(&format!("/rooms/{}", room["id"])), "1")
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(s, 204);
        let (_, staff) = app.get(&t, &app.school_path("/staff?limit=200")).await;
        let gate = staff["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["username"] == "gate")
            .unwrap()
            .clone();
        let (s, _) = json_of(
            del(
                app.school_path(&format!("/staff/{}", gate["id"])),
                &gate["version"].to_string(),
            )
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(s, 204);
        let (s, b) = json_of(app.login("gate", kehou_api::seed::DEMO_PASSWORD).await).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (403, Some("auth.disabled")),
            "a login without a school is disabled"
        );
        let (_, log) = app
            .get(&t, &app.school_path("/audit-events?action=staff.delete"))
            .await;
        assert_eq!(log["items"][0]["before"]["username"], "gate");
    }
);

both!(
    a_make_up_day_follows_the_timetable_the_school_names,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let base = json!({"name": "2027 春季学期", "start_date": "2027-02-20", "end_date": "2027-07-05",
            "holidays": [], "makeup_workdays": ["2027-02-28"]});
        let mut bad = base.clone();
        bad["makeup_timetable"] = json!({"2027-03-07": 5});
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/terms"), &bad)
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("makeup_timetable.2027-03-07")),
            "{b}"
        );
        bad["makeup_timetable"] = json!({"2027-02-28": 7});
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/terms"), &bad)
            .await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("range")),
            "{b}"
        );
        let mut ok = base.clone();
        ok["makeup_timetable"] = json!({"2027-02-28": 5});
        let (s, term) = app
            .send(&admin, Method::POST, &app.school_path("/terms"), &ok)
            .await;
        assert_eq!(s, 201, "{term}");
        assert_eq!(term["makeup_timetable"], json!({"2027-02-28": 5}));
        let (_, again) = app
            .get(&admin, &app.school_path(&format!("/terms/{}", term["id"])))
            .await;
        assert_eq!(again["makeup_timetable"], json!({"2027-02-28": 5}));
        // The demo term: Saturday 10 October runs Friday's timetable.
        let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
        let demo = terms["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == "2026 秋季学期")
            .unwrap()
            .clone();
        assert_eq!(demo["makeup_timetable"]["2026-10-10"], 5);
    }
);
