//! `/auth/token` per RFC 6749 §4.4 (form body, HTTP Basic or body client authentication,
//! §5.2 errors), secret rotation with an overlap, and CORS for a client's origins.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::json;

use super::webhooks::client;

async fn token(
    app: &TestApp,
    basic: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> (u16, serde_json::Value, reqwest::header::HeaderMap) {
    let mut req = app.req(Method::POST, "/api/v1/auth/token").form(form);
    if let Some((id, secret)) = basic {
        req = req.basic_auth(id, Some(secret));
    }
    let res = req.send().await.unwrap();
    let headers = res.headers().clone();
    let (s, b) = json_of(res).await;
    (s, b, headers)
}

both!(
    client_credentials_follow_rfc_6749,
    |app: TestApp| async move {
        let (_, id, secret) = client(&app, &["roster:read", "events:read"], &[app.school]).await;
        let grant = ("grant_type", "client_credentials");

        let (s, b, h) = token(&app, Some((&id, &secret)), &[grant]).await;
        assert_eq!(s, 200, "{b}");
        assert_eq!(
            (b["token_type"].as_str(), b["scope"].as_str()),
            (Some("Bearer"), Some("roster:read events:read"))
        );
        assert_eq!(h.get("cache-control").unwrap(), "no-store");
        let t = b["access_token"].as_str().unwrap();
        let (s, _) = app.get(t, &app.school_path("/homerooms")).await;
        assert_eq!(s, 200, "the token works");

        let (s, b, _) = token(
            &app,
            None,
            &[
                grant,
                ("client_id", &id),
                ("client_secret", &secret),
                ("scope", "events:read"),
            ],
        )
        .await;
        assert_eq!((s, b["scope"].as_str()), (200, Some("events:read")), "{b}");
        let t = b["access_token"].as_str().unwrap();
        let (s, _) = app.get(t, &app.school_path("/homerooms")).await;
        assert_eq!(
            s, 403,
            "a token asked for events:read only cannot read the roster"
        );

        for (basic, form, status, error) in [
            (
                Some((id.as_str(), "wrong")),
                vec![grant],
                401,
                "invalid_client",
            ),
            (
                None,
                vec![grant, ("client_id", "kh_nobody"), ("client_secret", "x")],
                401,
                "invalid_client",
            ),
            (None, vec![grant], 401, "invalid_client"),
            (
                Some((id.as_str(), secret.as_str())),
                vec![grant, ("client_id", id.as_str())],
                400,
                "invalid_request",
            ),
            (
                Some((id.as_str(), secret.as_str())),
                vec![("grant_type", "password")],
                400,
                "unsupported_grant_type",
            ),
            (
                Some((id.as_str(), secret.as_str())),
                vec![grant, ("scope", "roster:write")],
                400,
                "invalid_scope",
            ),
        ] {
            let (s, b, _) = token(&app, basic, &form).await;
            assert_eq!(
                (s, b["error"].as_str()),
                (status, Some(error)),
                "{form:?} → {b}"
            );
            assert!(b["code"].as_str().unwrap().starts_with("auth."));
        }
    }
);

both!(
    a_rotated_secret_overlaps_then_stops,
    |app: TestApp| async move {
        let (numeric, id, old) = client(&app, &["roster:read"], &[]).await;
        let district = app.token("district").await;
        let path = format!("/api/v1/districts/1/api-clients/{numeric}/rotate-secret");
        let (s, b) = app
            .send(
                &district,
                Method::POST,
                &path,
                &json!({"overlap_seconds": 3600}),
            )
            .await;
        assert_eq!(s, 200, "{b}");
        let new = b["client_secret"].as_str().unwrap().to_owned();
        assert!(b["client"]["previous_secret_expires_at"].is_string());
        let grant = ("grant_type", "client_credentials");
        for secret in [&old, &new] {
            let (s, b, _) = token(&app, Some((&id, secret)), &[grant]).await;
            assert_eq!(s, 200, "during the overlap both work: {b}");
        }
        let (s, b) = app
            .send(
                &district,
                Method::POST,
                &path,
                &json!({"overlap_seconds": 0}),
            )
            .await;
        assert_eq!(s, 200);
        let newest = b["client_secret"].as_str().unwrap().to_owned();
        assert_eq!(token(&app, Some((&id, &newest)), &[grant]).await.0, 200);
        assert_eq!(
            token(&app, Some((&id, &new)), &[grant]).await.0,
            401,
            "no overlap: the previous one stops"
        );
        assert_eq!(token(&app, Some((&id, &old)), &[grant]).await.0, 401);
        let s2 = app.token("s2-district").await;
        assert_eq!(app.send(&s2, Method::POST, &path, &json!({})).await.0, 404);
        let audit = app.count(
            "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'api_client.rotate_secret'",
        );
        assert_eq!(audit, 2);
    }
);

both!(
    cors_is_off_until_a_district_allows_an_origin,
    |app: TestApp| async move {
        let origin = "https://h5.jiaxiaotong.example";
        let preflight = || {
            app.req(Method::OPTIONS, "/api/v1/me")
                .header("origin", origin)
                .header("access-control-request-method", "GET")
                .header("access-control-request-headers", "authorization")
                .send()
        };
        let res = preflight().await.unwrap();
        assert!(res.headers().get("access-control-allow-origin").is_none());
        let (numeric, _, _) = client(&app, &["roster:read"], &[]).await;
        let district = app.token("district").await;
        let path = format!("/api/v1/districts/1/api-clients/{numeric}");
        let (s, b) = app
            .send(
                &district,
                Method::PATCH,
                &path,
                &json!({"allowed_origins": ["h5.example/path"]}),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("allowed_origins[0]"))
        );
        let (s, b) = app
            .send(
                &district,
                Method::PATCH,
                &path,
                &json!({"allowed_origins": [origin]}),
            )
            .await;
        assert_eq!(s, 200, "{b}");
        let res = preflight().await.unwrap();
        assert_eq!(res.status(), 204);
        assert_eq!(
            res.headers().get("access-control-allow-origin").unwrap(),
            origin
        );
        assert!(res
            .headers()
            .get("access-control-allow-credentials")
            .is_none());
        let res = app
            .req(Method::GET, "/api/v1/me")
            .header("origin", origin)
            .bearer_auth(&district)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers().get("access-control-allow-origin").unwrap(),
            origin
        );
        let res = app
            .req(Method::GET, "/api/v1/me")
            .header("origin", "https://evil.example")
            .bearer_auth(&district)
            .send()
            .await
            .unwrap();
        assert!(res.headers().get("access-control-allow-origin").is_none());
    }
);
