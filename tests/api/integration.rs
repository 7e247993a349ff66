//! Machine clients: created by a district admin, secret shown once, tokens limited to
//! their scopes and schools, revocable.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

pub(crate) async fn client_token(app: &TestApp, client_id: &str, secret: &str) -> (u16, Value) {
    json_of(
        app.req(Method::POST, "/api/v1/auth/token")
            .json(&json!({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}))
            .send()
            .await
            .unwrap(),
    )
    .await
}

both!(
    clients_get_tokens_limited_to_scopes_and_schools,
    |app: TestApp| async move {
        let admin = app.token("district").await;
        let body =
            json!({"name": "家校通 App", "scopes": ["roster:read"], "school_ids": [app.school]});
        let (s, created) = app
            .send(
                &admin,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &body,
            )
            .await;
        assert_eq!(s, 201, "{created}");
        let (id, secret) = (
            created["client"]["client_id"].as_str().unwrap().to_owned(),
            created["client_secret"].as_str().unwrap().to_owned(),
        );
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) AS n FROM api_clients WHERE secret_hash = '{secret}'"
            )),
            0,
            "stored hashed"
        );
        let (_, list) = app.get(&admin, "/api/v1/districts/1/api-clients").await;
        assert!(
            list.to_string().find(&secret).is_none(),
            "the secret is shown once only"
        );

        let (s, tok) = client_token(&app, &id, &secret).await;
        assert_eq!(s, 200);
        let t = tok["access_token"].as_str().unwrap();
        let (s, page) = app.get(t, &app.school_path("/students?limit=1")).await;
        assert_eq!(s, 200);
        let sid = page["items"][0]["id"].as_i64().unwrap();
        let (_, gs) = app
            .get(t, &app.school_path(&format!("/students/{sid}/guardians")))
            .await;
        assert!(
            gs["items"][0]["phone"].as_str().unwrap().contains("****"),
            "no roster:contacts scope"
        );
        let (s, _) = app
            .send(
                t,
                Method::POST,
                &app.school_path("/rooms"),
                &json!({"name": "x", "capacity": 1, "kind": "indoor"}),
            )
            .await;
        assert_eq!(s, 403, "no roster:write scope");
        let (s, _) = app
            .get(t, &format!("/api/v1/schools/{}/students", app.other_school))
            .await;
        assert_eq!(s, 404, "another district's school");

        let (s, _) = client_token(&app, &id, "wrong").await;
        assert_eq!(s, 401);
        let (s, _) = app
            .send(
                &admin,
                Method::POST,
                &format!(
                    "/api/v1/districts/1/api-clients/{}/revoke",
                    created["client"]["id"]
                ),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 200);
        let (s, b) = client_token(&app, &id, &secret).await;
        assert_eq!((s, b["code"].as_str()), (401, Some("auth.invalid_client")));
    }
);

both!(
    only_the_districts_admin_manages_its_clients,
    |app: TestApp| async move {
        let body = json!({"name": "x", "scopes": ["roster:read"]});
        for user in ["admin", "s2-district"] {
            let (s, _) = app
                .send(
                    &app.token(user).await,
                    Method::POST,
                    "/api/v1/districts/1/api-clients",
                    &body,
                )
                .await;
            assert_eq!(s, 404, "{user}");
        }
        let t = app.token("district").await;
        let (s, b) = app
            .send(
                &t,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &json!({"name": "x", "scopes": ["everything"]}),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("scopes[0]"))
        );
        let (s, b) = app
            .send(
                &t,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &json!({"name": "x", "scopes": ["roster:read"], "school_ids": [app.other_school]}),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("school_ids"))
        );
    }
);

both!(
    a_client_records_notice_receipts_only_with_its_scope,
    |app: TestApp| async move {
        let (term, _, _) = crate::applications::open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let (_, texts) = app
            .get(&admin, &app.school_path(&format!("/texts?term_id={term}")))
            .await;
        let notice = texts["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["kind"] == "notice" && !t["published_at"].is_null())
            .expect("a published notice")["id"]
            .clone();
        let district = app.token("district").await;
        let mut tokens = Vec::new();
        for scopes in [
            json!(["roster:read"]),
            json!(["roster:read", "notices:record"]),
        ] {
            let (s, created) = app
                .send(
                    &district,
                    Method::POST,
                    "/api/v1/districts/1/api-clients",
                    &json!({"name": "家校通", "scopes": scopes, "school_ids": [app.school]}),
                )
                .await;
            assert_eq!(s, 201, "{created}");
            let (_, tok) = client_token(
                &app,
                created["client"]["client_id"].as_str().unwrap(),
                created["client_secret"].as_str().unwrap(),
            )
            .await;
            tokens.push((
                created["client"]["id"].as_i64().unwrap(),
                tok["access_token"].as_str().unwrap().to_owned(),
            ));
        }
        let receipt = json!({"text_id": notice, "student_id": 5});
        let (s, b) = app
            .send(
                &tokens[0].1,
                Method::POST,
                &app.school_path("/notice-receipts"),
                &receipt,
            )
            .await;
        assert_eq!(s, 403, "no notices:record scope: {b}");
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM notice_receipts WHERE student_id = 5"),
            0,
            "nothing recorded on refusal"
        );
        let (s, b) = app
            .send(
                &tokens[1].1,
                Method::POST,
                &app.school_path("/notice-receipts"),
                &receipt,
            )
            .await;
        assert_eq!(s, 201, "{b}");
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) AS n FROM notice_receipts WHERE student_id = 5 AND channel = 'api_client:{}'",
                tokens[1].0
            )),
            1,
            "recorded on the client's own channel"
        );
    }
);
