//! The holes of the outside review, each closed: account takeover through activation,
//! racing and guessed activation codes, lock-out and account enumeration by guessing,
//! the first admin without demo data. Sessions and revocation are in sessions.rs.

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

/// A new activation code for guardian `gid` (as the school admin `admin`).
async fn issue_code(app: &TestApp, admin: &str, gid: i64) -> String {
    let (s, code) = app
        .send(
            admin,
            Method::POST,
            &app.school_path(&format!("/guardians/{gid}/activation-code")),
            &Value::Null,
        )
        .await;
    assert_eq!(s, 201, "{code}");
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
        let code = issue_code(&app, &admin, gid).await;
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
        let code = issue_code(&app, &admin, gid).await;
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
        let fresh = issue_code(&app, &admin, gid).await;
        let (s, _) = activate(&app, &phone, &fresh, "the-real-parent").await;
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
pub(crate) async fn behind_proxy(backend: Backend) -> TestApp {
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
