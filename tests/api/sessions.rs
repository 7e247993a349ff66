//! Sessions: revocation within seconds, the SPA's HttpOnly refresh cookie, security headers,
//! TLS at a trusted proxy, and a password change that ends every session.

use std::time::Duration;

use kehou_tests::{both, json_of, Backend, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::security::behind_proxy;

/// Waits out the revocation cache (1 s in tests) and a little more.
async fn past_the_check_interval() {
    tokio::time::sleep(Duration::from_millis(1300)).await;
}

both!(
    revocation_takes_effect_within_seconds,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let teacher = app.token("teacher").await;
        let tutor = app.token("tutor").await;
        let roster = app.school_path("/students?limit=1");
        assert_eq!(app.get(&teacher, &roster).await.0, 200);
        // A removed role: the teacher's token stops working; a new sign-in has the new roles.
        let (_, staff) = app.get(&admin, &app.school_path("/staff?limit=100")).await;
        let find = |name: &str| {
            staff["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["username"] == name)
                .cloned()
                .unwrap_or_else(|| panic!("{name} in {staff}"))
        };
        let t = find("teacher");
        let res = app
            .req(
                Method::PATCH,
                &app.school_path(&format!("/staff/{}", t["id"])),
            )
            .bearer_auth(&admin)
            .header("If-Match", format!("\"{}\"", t["version"]))
            .json(&json!({"roles": ["tutor"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        past_the_check_interval().await;
        let (s, b) = app.get(&teacher, &roster).await;
        assert_eq!((s, b["code"].as_str()), (401, Some("auth.revoked")));
        let again = app.token("teacher").await;
        let (_, me) = app.get(&again, "/api/v1/me").await;
        assert_eq!(me["grants"][0]["roles"], json!(["tutor"]));
        // A removed staff member (their login disabled): the token and the refresh end.
        let u = find("tutor");
        let res = app
            .req(
                Method::DELETE,
                &app.school_path(&format!("/staff/{}", u["id"])),
            )
            .bearer_auth(&admin)
            .header("If-Match", format!("\"{}\"", u["version"]))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        past_the_check_interval().await;
        let (s, _) = app.get(&tutor, &roster).await;
        assert_eq!(s, 401);
        // A revoked API client's token stops working too.
        let district = app.token("district").await;
        let (_, created) = app
            .send(
                &district,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &json!({"name": "区数据中心", "scopes": ["roster:read"], "school_ids": []}),
            )
            .await;
        let (s, tok) = json_of(
            app.req(Method::POST, "/api/v1/auth/token")
                .json(&json!({"grant_type": "client_credentials",
                    "client_id": created["client"]["client_id"],
                    "client_secret": created["client_secret"]}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(s, 200, "{tok}");
        let machine = tok["access_token"].as_str().unwrap().to_owned();
        assert_eq!(app.get(&machine, &roster).await.0, 200);
        let (s, _) = app
            .send(
                &district,
                Method::POST,
                &format!(
                    "/api/v1/districts/1/api-clients/{}/revoke",
                    created["client"]["id"]
                ),
                &Value::Null,
            )
            .await;
        assert!(s == 200 || s == 204);
        past_the_check_interval().await;
        let (s, b) = app.get(&machine, &roster).await;
        assert_eq!((s, b["code"].as_str()), (401, Some("auth.revoked")));
    }
);

both!(
    the_spa_session_keeps_its_refresh_token_in_an_http_only_cookie,
    |app: TestApp| async move {
        let res = app
            .req(Method::POST, "/api/v1/auth/login")
            .json(&json!({"username": "admin", "password": kehou_api::seed::DEMO_PASSWORD, "session": "cookie"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let cookie = res
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .unwrap()
            .to_owned();
        for part in [
            "kehou_refresh=",
            "HttpOnly",
            "SameSite=Strict",
            "Path=/api/v1/auth",
        ] {
            assert!(cookie.contains(part), "{part} in {cookie}");
        }
        assert!(!cookie.contains("Secure"), "plain HTTP: no Secure flag");
        let body: Value = res.json().await.unwrap();
        assert!(
            body.get("refresh_token").is_none(),
            "not readable by scripts: {body}"
        );
        let value = cookie.split(';').next().unwrap().to_owned();
        // The cookie refreshes (and rotates); the old cookie is then spent.
        let res = app
            .req(Method::POST, "/api/v1/auth/refresh")
            .header("Cookie", &value)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let rotated = res
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert_ne!(rotated.split(';').next().unwrap(), value);
        let (s, _) = json_of(
            app.req(Method::POST, "/api/v1/auth/refresh")
                .header("Cookie", &value)
                .json(&json!({}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(s, 401);
        // Behind a trusted TLS proxy the cookie is Secure and HSTS is sent.
        let res = app
            .req(Method::GET, "/api/v1/instance")
            .send()
            .await
            .unwrap();
        let h = res.headers();
        let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert!(h.get("referrer-policy").is_some());
        assert!(
            h.get("strict-transport-security").is_none(),
            "not over plain HTTP"
        );
        let info: Value = res.json().await.unwrap();
        assert_eq!(
            info["demo_data"], true,
            "the test database holds demo accounts"
        );
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_at_a_trusted_proxy_gives_secure_cookies_and_hsts() {
    let app = behind_proxy(Backend::Sqlite).await;
    let res = app
        .req(Method::POST, "/api/v1/auth/login")
        .header("X-Forwarded-Proto", "https")
        .json(&json!({"username": "admin", "password": kehou_api::seed::DEMO_PASSWORD, "session": "cookie"}))
        .send()
        .await
        .unwrap();
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(res.headers().get("strict-transport-security").is_some());
    // The same header from an untrusted peer proves nothing.
    let plain = TestApp::spawn(Backend::Sqlite).await;
    let res = plain
        .req(Method::GET, "/healthz")
        .header("X-Forwarded-Proto", "https")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("strict-transport-security").is_none());
}

both!(
    changing_a_password_ends_every_session,
    |app: TestApp| async move {
        let pw = kehou_api::seed::DEMO_PASSWORD;
        let b: Value = app.login("finance", pw).await.json().await.unwrap();
        let (access, refresh) = (
            b["access_token"].as_str().unwrap().to_owned(),
            b["refresh_token"].as_str().unwrap().to_owned(),
        );
        let other = app.token("finance").await; // a second session (another device)
        let change = |current: &str| json!({"current_password": current, "new_password": "finance-new-2026"});
        let (s, b) = app
            .send(
                &access,
                Method::POST,
                "/api/v1/me/password",
                &change("wrong"),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("current_password"))
        );
        let (s, _) = app
            .send(&access, Method::POST, "/api/v1/me/password", &change(pw))
            .await;
        assert_eq!(s, 204);
        past_the_check_interval().await;
        for t in [&access, &other] {
            let (s, b) = app.get(t, "/api/v1/me").await;
            assert_eq!((s, b["code"].as_str()), (401, Some("auth.revoked")));
        }
        let (s, _) = json_of(
            app.req(Method::POST, "/api/v1/auth/refresh")
                .json(&json!({"refresh_token": refresh}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(s, 401, "refresh tokens end too");
        assert_eq!(app.login("finance", pw).await.status(), 401);
        assert_eq!(app.login("finance", "finance-new-2026").await.status(), 200);
    }
);
