use kehou_tests::{both, json_of, Backend, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

both!(
    login_gives_tokens_and_me_shows_the_grants,
    |app: TestApp| async move {
        let t = app.token("teacher").await;
        let (s, me) = app.get(&t, "/api/v1/me").await;
        assert_eq!(s, 200);
        assert_eq!(me["kind"], "staff");
        assert_eq!(me["grants"][0]["school_id"], app.school);
        assert_eq!(me["grants"][0]["roles"], json!(["homeroom_teacher"]));
        assert_eq!(
            me["grants"][0]["homeroom_ids"],
            json!([1]),
            "the teacher leads 一年级1班"
        );
        let (s, me) = app.get(&app.token("district").await, "/api/v1/me").await;
        assert_eq!((s, me["district_admin"].as_bool()), (200, Some(true)));
    }
);

/// The permissions `/me` lists for a login in its school.
async fn permissions(app: &TestApp, login: &str) -> Vec<String> {
    let (_, me) = app.get(&app.token(login).await, "/api/v1/me").await;
    me["grants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["school_id"] == app.school)
        .unwrap()["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect()
}

both!(
    me_lists_what_each_role_may_do_in_each_school,
    |app: TestApp| async move {
        let has = |ps: &[String], p: &str| ps.iter().any(|x| x == p);
        let teacher = permissions(&app, "teacher").await;
        assert!(has(&teacher, "review_applications") && has(&teacher, "record_paper_receipt"));
        assert!(!has(&teacher, "vet_clubs") && !has(&teacher, "edit_roster"));
        let admin = permissions(&app, "admin").await;
        assert!(
            has(&admin, "vet_clubs") && has(&admin, "edit_plans") && has(&admin, "school_review")
        );
        assert!(
            !has(&admin, "approve_plans"),
            "only the district approves plans"
        );
        let district = permissions(&app, "district").await;
        assert!(has(&district, "approve_plans") && !has(&district, "vet_clubs"));
        let gate = permissions(&app, "gate").await;
        assert!(has(&gate, "view_guardians") && !has(&gate, "view_clubs"));
        // The list is what the server enforces: the teacher's missing vet_clubs is a 403.
        let (s, _) = app
            .send(
                &app.token("teacher").await,
                Method::POST,
                &app.school_path("/clubs/1/vetting"),
                &json!({"decision": "approved", "checks": ["no_criminal_record"]}),
            )
            .await;
        assert_eq!(s, 403);
    }
);

both!(
    wrong_passwords_are_refused_without_locking_the_account,
    |app: TestApp| async move {
        let (s, b) = json_of(app.login("nobody", "x").await).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (401, Some("auth.invalid_credentials"))
        );
        for _ in 0..5 {
            let (s, b) = json_of(app.login("gate", "wrong").await).await;
            assert_eq!(
                (s, b["code"].as_str()),
                (401, Some("auth.invalid_credentials"))
            );
        }
        // This address is throttled for this account (see security.rs for the owner's side) …
        let (s, b) = json_of(app.login("gate", "wrong").await).await;
        assert_eq!((s, b["code"].as_str()), (429, Some("auth.rate_limited")));
        // … and the account itself is never locked in the database.
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM users WHERE username = 'gate' AND locked_until IS NOT NULL"),
            0
        );
        // Other accounts are unaffected.
        app.token("tutor").await;
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_guessing_many_accounts_is_rate_limited() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.login_rate_per_minute = 5).await;
    for i in 0..5 {
        let (s, _) = json_of(app.login(&format!("user{i}"), "x").await).await;
        assert_eq!(s, 401);
    }
    let res = app.login("user9", "x").await;
    assert!(res.headers().get("retry-after").is_some());
    let (s, b) = json_of(res).await;
    assert_eq!((s, b["code"].as_str()), (429, Some("auth.rate_limited")));
}

async fn pair(app: &TestApp) -> (String, String) {
    let b: Value = app
        .login("admin", kehou_api::seed::DEMO_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    (
        b["access_token"].as_str().unwrap().into(),
        b["refresh_token"].as_str().unwrap().into(),
    )
}

async fn refresh(app: &TestApp, token: &str) -> (u16, Value) {
    json_of(
        app.req(Method::POST, "/api/v1/auth/refresh")
            .json(&json!({"refresh_token": token}))
            .send()
            .await
            .unwrap(),
    )
    .await
}

both!(
    refresh_tokens_rotate_and_a_reused_one_revokes_the_family,
    |app: TestApp| async move {
        let (_, r1) = pair(&app).await;
        let (s, b) = refresh(&app, &r1).await;
        assert_eq!(s, 200);
        let r2 = b["refresh_token"].as_str().unwrap().to_owned();
        assert_ne!(r1, r2);
        let (s, _) = app
            .get(b["access_token"].as_str().unwrap(), "/api/v1/me")
            .await;
        assert_eq!(s, 200);
        // r1 was used: presenting it again is theft, and kills r2 too.
        let (s, b) = refresh(&app, &r1).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (401, Some("auth.invalid_refresh_token"))
        );
        let (s, _) = refresh(&app, &r2).await;
        assert_eq!(s, 401);
        // Only hashes are stored.
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) AS n FROM refresh_tokens WHERE token_hash = '{r2}'"
            )),
            0
        );
    }
);

both!(
    logout_revokes_the_refresh_token,
    |app: TestApp| async move {
        let (_, r) = pair(&app).await;
        let res = app
            .req(Method::POST, "/api/v1/auth/logout")
            .json(&json!({"refresh_token": r}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        let (s, _) = refresh(&app, &r).await;
        assert_eq!(s, 401);
    }
);

both!(bad_tokens_are_refused, |app: TestApp| async move {
    let (a, _) = pair(&app).await;
    let (s, b) = app.get(&format!("{a}x"), "/api/v1/me").await;
    assert_eq!((s, b["code"].as_str()), (401, Some("auth.invalid_token")));
    let res = app
        .req(Method::GET, "/api/v1/me")
        .header("authorization", "Basic abc")
        .send()
        .await
        .unwrap();
    let (s, b) = json_of(res).await;
    assert_eq!((s, b["code"].as_str()), (401, Some("auth.missing_token")));
});
