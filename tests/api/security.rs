//! The holes of the outside review, each closed: account takeover through activation,
//! racing and guessed activation codes, lock-out and account enumeration by guessing,
//! revocation that waits for token expiry, readable refresh tokens, missing headers.

use std::time::Duration;

use kehou_tests::{both, json_of, Backend, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::guardian_of;

const PARENT_PASSWORD: &str = "parent-pass-1";

async fn activate(app: &TestApp, phone: &str, code: &str, password: &str) -> (u16, Value) {
    json_of(
        app.req(Method::POST, "/api/v1/auth/activate")
            .json(&json!({"phone": phone, "code": code, "password": password}))
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// School B's admin links a guardian with `phone` to one of B's students and issues a code.
async fn other_school_code_for(app: &TestApp, phone: &str) -> String {
    let b_admin = app.token("s2-admin").await;
    let b = |rest: &str| format!("/api/v1/schools/{}{rest}", app.other_school);
    let (_, students) = app.get(&b_admin, &b("/students?limit=1")).await;
    let student = students["items"][0]["id"].as_i64().unwrap();
    let (s, linked) = app
        .send(
            &b_admin,
            Method::POST,
            &b(&format!("/students/{student}/guardians")),
            &json!({"name": "冒名者", "phone": phone, "relation": "父亲"}),
        )
        .await;
    assert!(s == 201 || s == 200, "{linked}");
    let (_, list) = app
        .get(&b_admin, &b(&format!("/guardians?q={phone}")))
        .await;
    let gid = list["items"][0]["id"].as_i64().unwrap();
    let (s, code) = app
        .send(
            &b_admin,
            Method::POST,
            &b(&format!("/guardians/{gid}/activation-code")),
            &Value::Null,
        )
        .await;
    assert_eq!(s, 201);
    code["code"].as_str().unwrap().to_owned()
}

async fn first_guardian_phone(app: &TestApp, student: i64) -> (i64, String) {
    let admin = app.token("admin").await;
    let (_, gs) = app
        .get(
            &admin,
            &app.school_path(&format!("/students/{student}/guardians")),
        )
        .await;
    (
        gs["items"][0]["id"].as_i64().unwrap(),
        gs["items"][0]["phone"].as_str().unwrap().to_owned(),
    )
}

both!(
    another_schools_code_cannot_take_over_an_account,
    |app: TestApp| async move {
        guardian_of(&app, 5).await; // school A's parent activated with PARENT_PASSWORD
        let (_, phone) = first_guardian_phone(&app, 5).await;
        let parent = app.token_for(&phone, PARENT_PASSWORD).await;
        let code = other_school_code_for(&app, &phone).await;

        // The attacker knows the code but not the parent's password.
        let (s, b) = activate(&app, &phone, &code, "attacker-pass-9").await;
        assert_eq!(
            (s, b["code"].as_str()),
            (401, Some("auth.confirm_existing_account"))
        );
        assert_eq!(app.login(&phone, "attacker-pass-9").await.status(), 401);
        assert_eq!(app.login(&phone, PARENT_PASSWORD).await.status(), 200);
        let (s, _) = app.get(&parent, "/api/v1/me/children").await;
        assert_eq!(s, 200, "the parent's session goes on");

        // The account holder confirms with their own password: B's child joins the account.
        let (s, b) = activate(&app, &phone, &code, PARENT_PASSWORD).await;
        assert_eq!(s, 200, "{b}");
        let t = app.token_for(&phone, PARENT_PASSWORD).await;
        let (_, kids) = app.get(&t, "/api/v1/me/children").await;
        let schools: Vec<i64> = kids["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["school_id"].as_i64().unwrap())
            .collect();
        assert!(schools.contains(&app.school) && schools.contains(&app.other_school));
        // The password never changed.
        assert_eq!(
            app.count(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'guardian.activate' AND after_json LIKE '%\"linked_existing_account\":true%'"
            ),
            1
        );
    }
);

both!(
    an_activation_code_works_once_even_when_two_requests_race,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (gid, phone) = first_guardian_phone(&app, 6).await;
        let (_, code) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/guardians/{gid}/activation-code")),
                &Value::Null,
            )
            .await;
        let code = code["code"].as_str().unwrap().to_owned();
        let tries = (0..6).map(|i| {
            let (app, phone, code) = (&app, phone.clone(), code.clone());
            async move { activate(app, &phone, &code, &format!("racing-pass-{i}")).await }
        });
        let answers = futures_util::future::join_all(tries).await;
        let ok: Vec<_> = answers.iter().filter(|(s, _)| *s == 200).collect();
        assert_eq!(ok.len(), 1, "exactly one activation wins: {answers:?}");
        for (s, b) in answers.iter().filter(|(s, _)| *s != 200) {
            assert!(*s == 401 || *s == 409, "{s} {b}");
        }
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) AS n FROM users WHERE username = '{phone}'"
            )),
            1
        );
    }
);

both!(
    an_activation_code_is_void_after_five_wrong_codes,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (gid, phone) = first_guardian_phone(&app, 7).await;
        let (_, code) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/guardians/{gid}/activation-code")),
                &Value::Null,
            )
            .await;
        let code = code["code"].as_str().unwrap().to_owned();
        let wrong = if code == "00000000" {
            "11111111"
        } else {
            "00000000"
        };
        for _ in 0..5 {
            let (s, b) = activate(&app, &phone, wrong, "guessing-pass").await;
            assert_eq!(
                (s, b["code"].as_str()),
                (401, Some("auth.invalid_activation"))
            );
        }
        let (s, b) = activate(&app, &phone, &code, "the-real-parent").await;
        assert_eq!(
            (s, b["code"].as_str()),
            (401, Some("auth.invalid_activation")),
            "the code is void now"
        );
        // A new code from the school works again.
        let (_, fresh) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/guardians/{gid}/activation-code")),
                &Value::Null,
            )
            .await;
        let (s, _) = activate(
            &app,
            &phone,
            fresh["code"].as_str().unwrap(),
            "the-real-parent",
        )
        .await;
        assert_eq!(s, 200);
    }
);

async fn login_from(app: &TestApp, ip: &str, user: &str, password: &str) -> (u16, Value) {
    json_of(
        app.req(Method::POST, "/api/v1/auth/login")
            .header("X-Forwarded-For", ip)
            .json(&json!({"username": user, "password": password}))
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// Requests from the test client (127.0.0.1) are treated as coming through a trusted proxy,
/// so `X-Forwarded-For` gives each "person" their own address.
async fn behind_proxy(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, |c| {
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
}

async fn guessing_locks_nobody_out(app: TestApp) {
    let pw = kehou_api::seed::DEMO_PASSWORD;
    // An unknown user and a wrong password answer exactly alike.
    let (s1, unknown) = login_from(&app, "203.0.113.5", "no-such-user", "guess").await;
    let (s2, wrong) = login_from(&app, "203.0.113.5", "gate", "guess").await;
    assert_eq!((s1, s2), (401, 401));
    assert_eq!(unknown["code"], wrong["code"]);
    assert_eq!(unknown["detail"], wrong["detail"]);
    for _ in 0..4 {
        let (s, _) = login_from(&app, "203.0.113.5", "gate", "guess").await;
        assert_eq!(s, 401);
    }
    // The guesser is throttled for this account — even with the right password …
    let (s, b) = login_from(&app, "203.0.113.5", "gate", pw).await;
    assert_eq!((s, b["code"].as_str()), (429, Some("auth.rate_limited")));
    // … but the owner, from their own address, signs in as usual.
    let (s, _) = login_from(&app, "198.51.100.7", "gate", pw).await;
    assert_eq!(s, 200);
    // A disabled account is told only to whoever knows its password.
    app.exec("UPDATE users SET disabled = TRUE WHERE username = 'tutor'");
    let (s, b) = login_from(&app, "198.51.100.8", "tutor", "guess").await;
    assert_eq!(
        (s, b["code"].as_str()),
        (401, Some("auth.invalid_credentials"))
    );
    let (s, b) = login_from(&app, "198.51.100.8", "tutor", pw).await;
    assert_eq!((s, b["code"].as_str()), (403, Some("auth.disabled")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_locks_nobody_out_sqlite() {
    guessing_locks_nobody_out(behind_proxy(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_locks_nobody_out_postgres() {
    guessing_locks_nobody_out(behind_proxy(Backend::Postgres).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarded_addresses_are_ignored_from_untrusted_peers() {
    // No trusted proxy: a guesser cannot dodge the throttle by inventing addresses.
    let app = TestApp::spawn(Backend::Sqlite).await;
    for i in 0..5 {
        let (s, _) = login_from(&app, &format!("192.0.2.{i}"), "gate", "guess").await;
        assert_eq!(s, 401);
    }
    let (s, _) = login_from(&app, "192.0.2.99", "gate", "guess").await;
    assert_eq!(s, 429);
}

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

#[test]
fn postgres_without_configured_keys_refuses_to_start() {
    let mut config = kehou_tests::test_config(&kehou_tests::pg_admin_url());
    config.jwt_keys.clear();
    let err = kehou_api::server::prepare(config)
        .err()
        .expect("must refuse");
    assert!(err.to_string().contains("KEHOU_JWT_KEYS"), "{err}");
}

#[test]
fn a_server_without_demo_data_says_so() {
    let dir = std::env::temp_dir().join(format!("kehou-nodemo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = dir.join("k.sqlite3").to_string_lossy().into_owned();
    let config = kehou_tests::test_config(&url);
    let state = kehou_api::server::prepare(config).unwrap();
    assert!(!state.instance.demo_data, "no demo school unless asked");
    let _ = std::fs::remove_dir_all(&dir);
}

both!(
    the_first_district_admin_is_created_without_demo_data,
    |app: TestApp| async move {
        let pool = kehou_api::db::pool(&app.database_url, 1).unwrap();
        let mut c = pool.get().unwrap();
        let admin = |password: &'static str| kehou_api::provision::FirstAdmin {
            district_code: "110105",
            district_name: Some("朝阳区教育委员会"),
            username: "chaoyang-admin",
            display_name: "朝阳区 课后服务科",
            password,
        };
        let short = kehou_api::provision::first_admin(&mut c, &admin("short")).unwrap_err();
        assert_eq!(short.code(), "validation_failed");
        let district =
            kehou_api::provision::first_admin(&mut c, &admin("a long passphrase 2026")).unwrap();
        let again = kehou_api::provision::first_admin(&mut c, &admin("a long passphrase 2026"))
            .unwrap_err();
        assert_eq!(again.code(), "user.username_taken");
        drop(c);
        let t = app
            .token_for("chaoyang-admin", "a long passphrase 2026")
            .await;
        let (s, me) = app.get(&t, "/api/v1/me").await;
        assert_eq!(s, 200);
        assert_eq!(me["district_admin"], true);
        assert_eq!(me["district_id"].as_i64(), Some(district));
        // The new district admin reaches their own (empty) district, and no other.
        let (s, _) = app
            .get(&t, &format!("/api/v1/districts/{district}/schools"))
            .await;
        assert_eq!(s, 200);
        let (s, _) = app.get(&t, "/api/v1/districts/1/schools").await;
        assert_eq!(s, 404);
    }
);

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
