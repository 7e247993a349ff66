//! Parent apps: an API client with `guardians:sign_in` signs a guardian in; what the
//! guardian then does is recorded as done through that app, and revoking the app ends it.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, guardian_of, open_term};

/// A client of district 1 for the test school; returns (numeric id, client_id, secret).
async fn parent_app(app: &TestApp, scopes: &[&str]) -> (i64, String, String) {
    let district = app.token("district").await;
    let (s, created) = app
        .send(
            &district,
            Method::POST,
            "/api/v1/districts/1/api-clients",
            &json!({"name": "家校通 App", "scopes": scopes, "school_ids": [app.school]}),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    (
        created["client"]["id"].as_i64().unwrap(),
        created["client"]["client_id"].as_str().unwrap().to_owned(),
        created["client_secret"].as_str().unwrap().to_owned(),
    )
}

async fn app_login(
    app: &TestApp,
    client: &str,
    secret: &str,
    user: &str,
    password: &str,
) -> (u16, Value) {
    let body = json!({"client_id": client, "client_secret": secret, "username": user, "password": password});
    json_of(
        app.req(Method::POST, "/api/v1/auth/app-login")
            .json(&body)
            .send()
            .await
            .unwrap(),
    )
    .await
}

both!(
    a_guardian_signed_in_through_a_parent_app_acts_through_it,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        guardian_of(&app, 5).await; // activates the first guardian with password parent-pass-1
        let admin = app.token("admin").await;
        let (_, gs) = app
            .get(&admin, &app.school_path("/students/5/guardians"))
            .await;
        let phone = gs["items"][0]["phone"].as_str().unwrap().to_owned();
        let (numeric, client, secret) = parent_app(&app, &["guardians:sign_in"]).await;

        let (s, b) = app_login(&app, &client, "wrong-secret", &phone, "parent-pass-1").await;
        assert_eq!((s, b["code"].as_str()), (401, Some("auth.invalid_client")));
        let (s, b) = app_login(&app, &client, &secret, "admin", "Kehou@2026").await;
        assert_eq!((s, b["code"].as_str()), (403, Some("auth.guardians_only")));
        let (_, c2, s2) = parent_app(&app, &["roster:read"]).await;
        let (s, b) = app_login(&app, &c2, &s2, &phone, "parent-pass-1").await;
        assert_eq!((s, b["code"].as_str()), (403, Some("auth.scope_missing")));

        let (s, pair) = app_login(&app, &client, &secret, &phone, "parent-pass-1").await;
        assert_eq!(s, 200, "{pair}");
        let token = pair["access_token"].as_str().unwrap();
        let (s, kids) = app.get(token, "/api/v1/me/children").await;
        assert_eq!((s, kids["items"][0]["student_id"].as_i64()), (200, Some(5)));

        let (_, texts) = app
            .get(token, &app.school_path(&format!("/texts?term_id={term}")))
            .await;
        let notice = texts["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["kind"] == "notice")
            .unwrap()
            .clone();
        let (s, _) = app
            .send(
                token,
                Method::POST,
                &app.school_path("/notice-receipts"),
                &json!({"text_id": notice["id"], "student_id": 5}),
            )
            .await;
        assert_eq!(s, 201);
        let (_, receipts) = app
            .get(token, &app.school_path("/notice-receipts?student_id=5"))
            .await;
        let channel = format!("api_client:{numeric}");
        assert_eq!(
            receipts["items"][0]["channel"].as_str(),
            Some(channel.as_str())
        );

        let (s, applied) = app
            .send(
                token,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, false),
            )
            .await;
        assert_eq!(s, 201, "{applied}");
        assert_eq!(applied["acceptance"]["accepted_by_kind"], "guardian");
        assert_eq!(
            applied["acceptance"]["channel"].as_str(),
            Some(channel.as_str())
        );
        assert_eq!(applied["history"][0]["actor_role"], "guardian");

        // Refreshing keeps the app on the tokens, until the district revokes the app.
        let refresh = |t: String| {
            let app = &app;
            async move {
                json_of(
                    app.req(Method::POST, "/api/v1/auth/refresh")
                        .json(&json!({"refresh_token": t}))
                        .send()
                        .await
                        .unwrap(),
                )
                .await
            }
        };
        let (s, renewed) = refresh(pair["refresh_token"].as_str().unwrap().to_owned()).await;
        assert_eq!(s, 200);
        let (s, again) = app
            .send(
                renewed["access_token"].as_str().unwrap(),
                Method::POST,
                &app.school_path("/notice-receipts"),
                &json!({"text_id": notice["id"], "student_id": 5}),
            )
            .await;
        assert!(s == 201 || s == 200, "{again}");
        let district = app.token("district").await;
        let (s, _) = app
            .send(
                &district,
                Method::POST,
                &format!("/api/v1/districts/1/api-clients/{numeric}/revoke"),
                &Value::Null,
            )
            .await;
        assert!(s == 200 || s == 204, "revoked: {s}");
        let (s, b) = refresh(renewed["refresh_token"].as_str().unwrap().to_owned()).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (401, Some("auth.invalid_refresh_token"))
        );
        let (s, _) = app_login(&app, &client, &secret, &phone, "parent-pass-1").await;
        assert_eq!(s, 401, "a revoked app signs nobody in");
    }
);

both!(
    a_parent_app_reaches_only_its_schools,
    |app: TestApp| async move {
        guardian_of(&app, 5).await;
        let admin = app.token("admin").await;
        let (_, gs) = app
            .get(&admin, &app.school_path("/students/5/guardians"))
            .await;
        let phone = gs["items"][0]["phone"].as_str().unwrap().to_owned();
        // A parent app registered by the other district, for its own school.
        let other = app.token("s2-district").await;
        let (_, me) = app.get(&other, "/api/v1/me").await;
        let district = me["district_id"].as_i64().unwrap();
        let (s, created) = app
            .send(&other, Method::POST, &format!("/api/v1/districts/{district}/api-clients"),
                &json!({"name": "另一区的 App", "scopes": ["guardians:sign_in"], "school_ids": [app.other_school]}))
            .await;
        assert_eq!(s, 201, "{created}");
        let (s, b) = app_login(
            &app,
            created["client"]["client_id"].as_str().unwrap(),
            created["client_secret"].as_str().unwrap(),
            &phone,
            "parent-pass-1",
        )
        .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (403, Some("auth.outside_client_schools"))
        );
    }
);
