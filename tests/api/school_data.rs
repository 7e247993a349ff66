//! The school's own data: terms and their calendars, rooms, homerooms and staff — created,
//! changed with versions, removed when empty.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::json;

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
        .send(&t, Method::POST, &app.school_path("/staff"), &json!({"name": "赵老师", "phone": "13700009999", "roles": ["tutor"], "username": "zhao"}))
        .await;
    assert_eq!(s, 201, "{b}");
    let res = app
        .req(Method::POST, "/api/v1/auth/invitations/accept")
        .json(&json!({"code": b["invitation"]["code"], "password": "long-enough-2026"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let zt = app.login("zhao", "long-enough-2026").await;
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
        .get(
            &app.token_for("zhao", "long-enough-2026").await,
            "/api/v1/me",
        )
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
