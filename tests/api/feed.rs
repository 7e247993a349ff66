//! The event feed: each caller reads only its reach (a guardian through a parent app, the
//! app itself, a district system, admins); other roles and scopes are refused.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{guardian_of, open_term};
use super::webhooks::{apply, client, client_token};

both!(
    the_feed_shows_each_caller_only_its_reach,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        guardian_of(&app, 5).await;
        let admin = app.token("admin").await;
        let (_, gs) = app
            .get(&admin, &app.school_path("/students/5/guardians"))
            .await;
        let phone = gs["items"][0]["phone"].as_str().unwrap().to_owned();
        let (parent_app, pa_id, pa_secret) =
            client(&app, &["guardians:sign_in", "events:read"], &[app.school]).await;
        let body = json!({"client_id": pa_id, "client_secret": pa_secret, "username": phone, "password": "parent-pass-1"});
        let (s, pair) = json_of(
            app.req(Method::POST, "/api/v1/auth/app-login")
                .json(&body)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(s, 200, "{pair}");
        let guardian = pair["access_token"].as_str().unwrap().to_owned();

        let mine = apply(&app, term, &plan, &agreement, 5).await;
        let other = apply(&app, term, &plan, &agreement, 6).await;

        let apps_in = |feed: &Value| -> Vec<i64> {
            feed["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|e| e["data"]["application_id"].as_i64())
                .collect()
        };
        // The guardian through the app, and the app by its own token: child 5 only.
        let (s, feed) = app.get(&guardian, "/api/v1/events").await;
        assert_eq!(s, 200, "{feed}");
        assert_eq!(apps_in(&feed), vec![mine], "{feed}");
        assert!(feed["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["data"]["student_id"].as_i64().is_none_or(|s| s == 5)));
        assert!(feed["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "notice.published"));
        let own = client_token(&app, &pa_id, &pa_secret).await;
        let (s, feed) = app
            .get(&own, "/api/v1/events?types=application.submitted")
            .await;
        assert_eq!((s, apps_in(&feed)), (200, vec![mine]), "{feed}");

        // A district system of the school sees both; one of another school none.
        let (_, d_id, d_secret) = client(&app, &["events:read"], &[app.school]).await;
        let district_system = client_token(&app, &d_id, &d_secret).await;
        let (_, feed) = app
            .get(
                &district_system,
                "/api/v1/events?types=application.submitted",
            )
            .await;
        assert_eq!(apps_in(&feed), vec![mine, other]);
        let first = feed["items"][0]["id"].as_str().unwrap().to_owned();
        let (_, after) = app
            .get(
                &district_system,
                &format!("/api/v1/events?types=application.submitted&after={first}"),
            )
            .await;
        assert_eq!(apps_in(&after), vec![other]);

        // Without the scope, and for a teacher: 403. An unknown type: 422 naming it.
        let (_, n_id, n_secret) = client(&app, &["roster:read"], &[]).await;
        let plain = client_token(&app, &n_id, &n_secret).await;
        let (s, b) = app.get(&plain, "/api/v1/events").await;
        assert_eq!((s, b["code"].as_str()), (403, Some("auth.scope_missing")));
        let teacher = app.token("teacher").await;
        assert_eq!(app.get(&teacher, "/api/v1/events").await.0, 403);
        let (s, b) = app
            .get(&admin, "/api/v1/events?types=application.eaten")
            .await;
        assert_eq!((s, b["errors"][0]["field"].as_str()), (422, Some("types")));
        // Another district's admin sees nothing of this school.
        let s2 = app.token("s2-district").await;
        let (_, feed) = app.get(&s2, "/api/v1/events").await;
        assert!(feed["items"].as_array().unwrap().is_empty(), "{feed}");
        let _ = parent_app;
    }
);
