//! A district brings its schools on: schools, their first admin by invitation, school staff
//! logins (invite, disable, enable), district staff with their own roles.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

const NEW_PASSWORD: &str = "Xuexiao-2026-chun";

async fn district_of(app: &TestApp, token: &str) -> i64 {
    let (s, me) = app.get(token, "/api/v1/me").await;
    assert_eq!(s, 200, "{me}");
    me["district_id"].as_i64().expect("a district login")
}

/// Sets a password with an invitation and answers the accepting call's status and body.
async fn accept(app: &TestApp, code: &str, password: &str) -> (u16, Value) {
    let res = app
        .req(Method::POST, "/api/v1/auth/invitations/accept")
        .json(&json!({ "code": code, "password": password }))
        .send()
        .await
        .unwrap();
    json_of(res).await
}

async fn patch(app: &TestApp, token: &str, path: &str, etag: &str, body: Value) -> (u16, Value) {
    let res = app
        .req(Method::PATCH, path)
        .bearer_auth(token)
        .header("if-match", etag)
        .json(&body)
        .send()
        .await
        .unwrap();
    json_of(res).await
}

both!(
    a_district_creates_a_school_and_its_admin_sets_their_own_password,
    |app: TestApp| async move {
        let district = app.token("district").await;
        let d = district_of(&app, &district).await;
        let schools = format!("/api/v1/districts/{d}/schools");
        let (s, school) = app
            .send(
                &district,
                Method::POST,
                &schools,
                &json!({
                    "name": "示范区第二小学", "code": "1101050002", "kind": "nine_year"
                }),
            )
            .await;
        assert_eq!(s, 201, "{school}");
        assert_eq!(school["kind"], "nine_year");
        assert_eq!(school["time_zone"], "Asia/Shanghai");
        let id = school["id"].as_i64().unwrap();
        // Nobody chooses a password for someone else.
        let staff = format!("/api/v1/schools/{id}/staff");
        let (s, refused) = app
            .send(
                &district,
                Method::POST,
                &staff,
                &json!({
                    "name": "李校长", "phone": "13800000001", "roles": ["school_admin"],
                    "username": "li.xz", "password": "chosen-by-someone-else"
                }),
            )
            .await;
        assert_eq!(s, 422, "{refused}");
        assert_eq!(refused["errors"][0]["field"], "password");
        assert_eq!(refused["errors"][0]["code"], "not_accepted");
        let (s, admin) = app
            .send(
                &district,
                Method::POST,
                &staff,
                &json!({
                    "name": "李校长", "phone": "13800000001", "roles": ["school_admin"],
                    "username": "li.xz"
                }),
            )
            .await;
        assert_eq!(s, 201, "{admin}");
        assert_eq!(admin["login"], "invited");
        let code = admin["invitation"]["code"].as_str().unwrap().to_owned();
        assert_eq!(admin["invitation"]["path"], format!("/invitation#{code}"));
        // The invited login cannot sign in before the password is set.
        assert_eq!(app.login("li.xz", NEW_PASSWORD).await.status(), 401);
        let res = app
            .req(Method::POST, "/api/v1/auth/invitations/lookup")
            .json(&json!({ "code": code.to_lowercase().replace('-', " ") }))
            .send()
            .await
            .unwrap();
        let (s, info) = json_of(res).await;
        assert_eq!(s, 200, "{info}");
        assert_eq!(info["username"], "li.xz");
        assert_eq!(info["school_name"], "示范区第二小学");
        assert_eq!(info["district_name"], "示范区教育局");
        let (s, short) = accept(&app, &code, "short").await;
        assert_eq!(
            (s, short["errors"][0]["code"].clone()),
            (422, json!("too_short"))
        );
        let (s, ok) = accept(&app, &code, NEW_PASSWORD).await;
        assert_eq!(s, 200, "{ok}");
        assert_eq!(ok["username"], "li.xz");
        let (s, again) = accept(&app, &code, "another-password-2026").await;
        assert_eq!(
            (s, again["code"].clone()),
            (400, json!("auth.invalid_invitation"))
        );
        // The new admin signs in and administers the new school only.
        let token = app.token_for("li.xz", NEW_PASSWORD).await;
        let (_, me) = app.get(&token, "/api/v1/me").await;
        assert_eq!(me["grants"].as_array().unwrap().len(), 1, "{me}");
        assert_eq!(me["grants"][0]["school_id"], id);
        assert_eq!(me["grants"][0]["roles"], json!(["school_admin"]));
        let (s, _) = app.get(&token, &app.school_path("/students")).await;
        assert_eq!(s, 404, "another school of the district stays closed");
        // … manages its own staff the same way, and sees who signed in when.
        let (s, teacher) = app
            .send(
                &token,
                Method::POST,
                &staff,
                &json!({
                    "name": "王老师", "phone": "13800000002", "roles": ["homeroom_teacher"],
                    "username": "wang.ls"
                }),
            )
            .await;
        assert_eq!(s, 201, "{teacher}");
        assert!(teacher["invitation"]["code"].is_string());
        let (_, list) = app.get(&token, &staff).await;
        let items = list["items"].as_array().unwrap();
        let me_row = items.iter().find(|s| s["username"] == "li.xz").unwrap();
        assert_eq!(me_row["login"], "active");
        assert!(me_row["last_sign_in_at"].is_string(), "{me_row}");
        assert!(
            items.iter().all(|s| s["invitation"].is_null()),
            "codes are shown once"
        );
        let (s, _) = app
            .send(
                &token,
                Method::POST,
                &schools,
                &json!({
                    "name": "x", "code": "x-1", "kind": "primary"
                }),
            )
            .await;
        assert_eq!(s, 404, "a school admin does not create schools");
        // The district's list shows the new school with its figures.
        let (_, list) = app.get(&district, &schools).await;
        let row = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .cloned()
            .unwrap();
        assert_eq!(
            (row["students"].clone(), row["staff"].clone()),
            (json!(0), json!(2))
        );
        assert_eq!(row["admins"], 1);
        assert_eq!(row["plan_status"], Value::Null);
        let demo = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == app.school)
            .cloned()
            .unwrap();
        let students = app.count(&format!(
            "SELECT COUNT(*) AS n FROM students WHERE school_id = {}",
            app.school
        ));
        assert_eq!(demo["students"], students);
        assert!(
            app.count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'user.set_password'")
                >= 1
        );
    }
);

both!(
    schools_are_checked_and_edited_with_if_match,
    |app: TestApp| async move {
        let district = app.token("district").await;
        let d = district_of(&app, &district).await;
        let schools = format!("/api/v1/districts/{d}/schools");
        let (s, taken) = app
            .send(
                &district,
                Method::POST,
                &schools,
                &json!({
                    "name": "重复", "code": "demo-primary", "kind": "primary"
                }),
            )
            .await;
        assert_eq!(
            (s, taken["code"].clone()),
            (409, json!("school.code_taken"))
        );
        let (s, tz) = app
            .send(
                &district,
                Method::POST,
                &schools,
                &json!({
                    "name": "时区", "code": "tz-1", "kind": "primary", "time_zone": "Beijing"
                }),
            )
            .await;
        assert_eq!(s, 422);
        assert_eq!(tz["errors"][0]["field"], "time_zone");
        let (s, kind) = app
            .send(
                &district,
                Method::POST,
                &schools,
                &json!({
                    "name": "学段", "code": "k-1", "kind": "high"
                }),
            )
            .await;
        assert_eq!(
            (s, kind["errors"][0]["field"].clone()),
            (422, json!("kind"))
        );
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM schools WHERE code IN ('tz-1', 'k-1')"),
            0
        );
        let res = app
            .req(Method::POST, &schools)
            .bearer_auth(&district)
            .json(&json!({ "name": "示范区中学", "code": "1101050003", "kind": "middle" }))
            .send()
            .await
            .unwrap();
        let etag = res.headers()["etag"].to_str().unwrap().to_owned();
        let (_, school) = json_of(res).await;
        let item = format!("{schools}/{}", school["id"]);
        let (s, _) = patch(
            &app,
            &district,
            &item,
            "\"999\"",
            json!({ "name": "旧的名字" }),
        )
        .await;
        assert_eq!(s, 412);
        let (s, edited) = patch(
            &app,
            &district,
            &item,
            &etag,
            json!({ "name": "示范区第一中学" }),
        )
        .await;
        assert_eq!(s, 200, "{edited}");
        assert_eq!(
            (edited["name"].clone(), edited["kind"].clone()),
            (json!("示范区第一中学"), json!("middle"))
        );
        // Another district's admin can neither list, create nor edit here.
        let other = app.token("s2-district").await;
        let (s, _) = app.get(&other, &schools).await;
        assert_eq!(s, 404);
        let (s, _) = patch(&app, &other, &item, "\"2\"", json!({ "name": "x" })).await;
        assert_eq!(s, 404);
        let (s, _) = app
            .send(&other, Method::POST, &format!("/api/v1/schools/{}/staff", school["id"]), &json!({
                "name": "x", "phone": "13800000009", "roles": ["school_admin"], "username": "intruder"
            }))
            .await;
        assert_eq!(s, 404, "nor invite an admin into this district's school");
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM users WHERE username = 'intruder'"),
            0
        );
    }
);

both!(
    a_disabled_login_cannot_sign_in_and_its_sessions_end,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let teacher = app.token("teacher").await;
        let (_, list) = app.get(&admin, &app.school_path("/staff?limit=200")).await;
        let row = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["username"] == "teacher")
            .cloned()
            .unwrap();
        let item = app.school_path(&format!("/staff/{}", row["id"]));
        let (s, disabled) = app
            .send(&admin, Method::POST, &format!("{item}/disable"), &json!({}))
            .await;
        assert_eq!(
            (s, disabled["login"].clone()),
            (200, json!("disabled")),
            "{disabled}"
        );
        let (s, _) = app.get(&teacher, &app.school_path("/students")).await;
        assert_eq!(s, 401, "the running session ended");
        assert_ne!(
            app.login("teacher", kehou_api::seed::DEMO_PASSWORD)
                .await
                .status(),
            200
        );
        let (s, enabled) = app
            .send(&admin, Method::POST, &format!("{item}/enable"), &json!({}))
            .await;
        assert_eq!((s, enabled["login"].clone()), (200, json!("active")));
        assert_eq!(
            app.login("teacher", kehou_api::seed::DEMO_PASSWORD)
                .await
                .status(),
            200
        );
        // A new invitation replaces the old one; the admin cannot lock themself out.
        let (s, first) = app
            .send(
                &admin,
                Method::POST,
                &format!("{item}/invitation"),
                &json!({}),
            )
            .await;
        assert_eq!(s, 201, "{first}");
        let (_, second) = app
            .send(
                &admin,
                Method::POST,
                &format!("{item}/invitation"),
                &json!({}),
            )
            .await;
        let (s, _) = accept(&app, first["code"].as_str().unwrap(), NEW_PASSWORD).await;
        assert_eq!(s, 400, "the first code stopped working");
        let (s, _) = accept(&app, second["code"].as_str().unwrap(), NEW_PASSWORD).await;
        assert_eq!(s, 200);
        assert_eq!(app.login("teacher", NEW_PASSWORD).await.status(), 200);
        let me_row = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["username"] == "admin")
            .cloned()
            .unwrap();
        let (s, selfish) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/staff/{}/disable", me_row["id"])),
                &json!({}),
            )
            .await;
        assert_eq!((s, selfish["code"].clone()), (409, json!("staff.self")));
        // A school admin's login in use is not reset by a school admin (a peer could take
        // it over with the code); the district's admin may.
        let admin_item = app.school_path(&format!("/staff/{}/invitation", me_row["id"]));
        let (s, refused) = app
            .send(&admin, Method::POST, &admin_item, &json!({}))
            .await;
        assert_eq!(
            (s, refused["code"].clone()),
            (403, json!("staff.peer_admin"))
        );
        let district = app.token("district").await;
        let (s, reset) = app
            .send(&district, Method::POST, &admin_item, &json!({}))
            .await;
        assert_eq!(s, 201, "{reset}");
        assert!(reset["code"].is_string());
    }
);

both!(
    district_staff_have_their_own_roles_and_viewers_only_read,
    |app: TestApp| async move {
        let district = app.token("district").await;
        let d = district_of(&app, &district).await;
        let staff = format!("/api/v1/districts/{d}/staff");
        let (s, viewer) = app
            .send(
                &district,
                Method::POST,
                &staff,
                &json!({
                    "username": "duban.zhao", "display_name": "赵督学", "role": "district_viewer"
                }),
            )
            .await;
        assert_eq!(s, 201, "{viewer}");
        let (s, _) = accept(
            &app,
            viewer["invitation"]["code"].as_str().unwrap(),
            NEW_PASSWORD,
        )
        .await;
        assert_eq!(s, 200);
        let token = app.token_for("duban.zhao", NEW_PASSWORD).await;
        let (_, me) = app.get(&token, "/api/v1/me").await;
        assert_eq!(me["district_role"], "district_viewer");
        assert_eq!(me["grants"][0]["roles"], json!(["district_viewer"]));
        let (s, _) = app
            .get(&token, &format!("/api/v1/districts/{d}/schools"))
            .await;
        assert_eq!(s, 200);
        let (s, _) = app.get(&token, &app.school_path("/homerooms")).await;
        assert_eq!(s, 200, "an inspector reads the schools' set-up");
        let (s, _) = app.get(&token, &app.school_path("/guardians")).await;
        assert_eq!(s, 403, "but not the families");
        for (path, body) in [
            (
                format!("/api/v1/districts/{d}/schools"),
                json!({"name": "x", "code": "v-1", "kind": "primary"}),
            ),
            (
                staff.clone(),
                json!({"username": "v2", "display_name": "x", "role": "district_admin"}),
            ),
        ] {
            let (s, _) = app.send(&token, Method::POST, &path, &body).await;
            assert_eq!(s, 404, "a viewer writes nothing: {path}");
        }
        let (s, _) = app.get(&token, &staff).await;
        assert_eq!(s, 404, "nor lists the district's logins");
        // Promote with If-Match; the old token carried the old role and stops working.
        let res = app
            .req(Method::GET, &staff)
            .bearer_auth(&district)
            .send()
            .await
            .unwrap();
        let (_, list) = json_of(res).await;
        let row = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["username"] == "duban.zhao")
            .cloned()
            .unwrap();
        assert_eq!(row["login"], "active");
        let item = format!("{staff}/{}", row["id"]);
        let (s, promoted) = patch(
            &app,
            &district,
            &item,
            &format!("\"{}\"", row["version"]),
            json!({"role": "district_admin"}),
        )
        .await;
        assert_eq!(
            (s, promoted["role"].clone()),
            (200, json!("district_admin")),
            "{promoted}"
        );
        let (s, _) = app
            .get(&token, &format!("/api/v1/districts/{d}/schools"))
            .await;
        assert_eq!(s, 401);
        // An admin does not demote or disable themself.
        let me_id = district_of(&app, &district).await;
        let _ = me_id;
        let (_, me) = app.get(&district, "/api/v1/me").await;
        let own = format!("{staff}/{}", me["user_id"]);
        let (_, rows) = app.get(&district, &staff).await;
        let own_row = rows["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == me["user_id"])
            .cloned()
            .unwrap();
        let (s, selfish) = patch(
            &app,
            &district,
            &own,
            &format!("\"{}\"", own_row["version"]),
            json!({"disabled": true}),
        )
        .await;
        assert_eq!((s, selfish["code"].clone()), (409, json!("staff.self")));
        let (s, taken) = app
            .send(
                &district,
                Method::POST,
                &staff,
                &json!({
                    "username": "admin", "display_name": "x", "role": "district_viewer"
                }),
            )
            .await;
        assert_eq!(
            (s, taken["code"].clone()),
            (409, json!("user.username_taken"))
        );
    }
);
