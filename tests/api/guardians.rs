//! Guardians activate a portal login with a school-issued code and see only their children.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

async fn activate(app: &TestApp, phone: &str, code: &str) -> (u16, Value) {
    json_of(
        app.req(Method::POST, "/api/v1/auth/activate")
            .json(&json!({"phone": phone, "code": code, "password": "parent-pass-1"}))
            .send()
            .await
            .unwrap(),
    )
    .await
}

both!(
    a_guardian_activates_and_sees_only_their_children,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (_, gs) = app
            .get(&admin, &app.school_path("/students/5/guardians"))
            .await;
        let (gid, phone) = (
            gs["items"][0]["id"].as_i64().unwrap(),
            gs["items"][0]["phone"].as_str().unwrap().to_owned(),
        );
        let (s, code) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/guardians/{gid}/activation-code")),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 201);
        let code = code["code"].as_str().unwrap().to_owned();
        let (s, b) = activate(&app, &phone, "00000000").await;
        assert_eq!(
            (s, b["code"].as_str()),
            (401, Some("auth.invalid_activation"))
        );
        let (s, pair) = activate(&app, &phone, &code).await;
        assert_eq!(s, 200, "{pair}");
        let t = pair["access_token"].as_str().unwrap();
        let (_, me) = app.get(t, "/api/v1/me").await;
        assert_eq!(me["kind"], "guardian");
        let (s, kids) = app.get(t, "/api/v1/me/children").await;
        assert_eq!(s, 200);
        assert_eq!(kids["items"].as_array().unwrap().len(), 1);
        assert_eq!(kids["items"][0]["student_id"], 5);
        // Not the school's roster, not another school.
        let (s, _) = app.get(t, &app.school_path("/students")).await;
        assert_eq!(s, 403);
        let (s, _) = app
            .get(t, &format!("/api/v1/schools/{}/students", app.other_school))
            .await;
        assert_eq!(s, 404);
        // The code works once; the password works from now on.
        let (s, _) = activate(&app, &phone, &code).await;
        assert_eq!(s, 401);
        assert_eq!(app.login(&phone, "parent-pass-1").await.status(), 200);
        let (_, list) = app
            .get(&admin, &app.school_path(&format!("/guardians?q={phone}")))
            .await;
        assert_eq!(list["items"][0]["activated"], true);
        // Staff have no children here.
        let (s, _) = app.get(&admin, "/api/v1/me/children").await;
        assert_eq!(s, 403);
    }
);
