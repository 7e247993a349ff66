//! Webhooks: deliveries signed per Standard Webhooks, retried with backoff, durable across a
//! restart, replayable; URLs and clients checked.

use std::time::Duration;

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, open_term};
use super::receiver::{Received, Receiver};

/// Settings for a test that delivers: the worker on, fast polls and retries, loopback URLs.
pub(crate) fn delivering(c: &mut kehou_api::config::Config) {
    c.webhooks.worker = true;
    c.webhooks.poll = Duration::from_millis(50);
    c.webhooks.retry_base = Duration::from_millis(300);
    c.webhooks.allow_insecure = true;
}

/// Loopback URLs allowed, the worker off: events wait in the outbox.
fn paused(c: &mut kehou_api::config::Config) {
    delivering(c);
    c.webhooks.worker = false;
}

/// A client of district 1 with `scopes`; (numeric id, client_id, secret).
pub(crate) async fn client(
    app: &TestApp,
    scopes: &[&str],
    schools: &[i64],
) -> (i64, String, String) {
    let district = app.token("district").await;
    let (s, b) = app
        .send(
            &district,
            Method::POST,
            "/api/v1/districts/1/api-clients",
            &json!({"name": "家校通 App", "scopes": scopes, "school_ids": schools}),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    (
        b["client"]["id"].as_i64().unwrap(),
        b["client"]["client_id"].as_str().unwrap().to_owned(),
        b["client_secret"].as_str().unwrap().to_owned(),
    )
}

/// A token for a client by client credentials (form, HTTP Basic).
pub(crate) async fn client_token(app: &TestApp, id: &str, secret: &str) -> String {
    let res = app
        .req(Method::POST, "/api/v1/auth/token")
        .basic_auth(id, Some(secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    let (s, b) = json_of(res).await;
    assert_eq!(s, 200, "{b}");
    b["access_token"].as_str().unwrap().to_owned()
}

/// Registers an endpoint for `client`; (endpoint id, secret).
async fn subscribe(app: &TestApp, client: i64, url: &str, types: Value) -> (i64, String) {
    let district = app.token("district").await;
    let (s, b) = app
        .send(
            &district,
            Method::POST,
            "/api/v1/districts/1/webhooks",
            &json!({"api_client_id": client, "url": url, "event_types": types}),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    (
        b["endpoint"]["id"].as_i64().unwrap(),
        b["secret"].as_str().unwrap().to_owned(),
    )
}

/// Submits an application for `student` as the admin; its id.
pub(crate) async fn apply(
    app: &TestApp,
    term: i64,
    plan: &Value,
    agreement: &Value,
    student: i64,
) -> i64 {
    let admin = app.token("admin").await;
    let (s, b) = app
        .send(
            &admin,
            Method::POST,
            &app.school_path("/applications"),
            &application(term, plan, agreement, student, false),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    b["id"].as_i64().unwrap()
}

fn verify(r: &Received, secret: &str) -> bool {
    let expected = kehou_api::events::model::sign(secret, &r.id, r.timestamp, &r.body).unwrap();
    r.signature.split(' ').any(|s| s == expected)
}

async fn deliveries(app: &TestApp, endpoint: i64) -> Value {
    let district = app.token("district").await;
    let (s, b) = app
        .get(
            &district,
            &format!("/api/v1/districts/1/webhooks/{endpoint}/deliveries"),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_deliveries() {
    deliveries_are_signed_retried_and_replayed(
        TestApp::spawn_with(kehou_tests::Backend::Sqlite, delivering).await,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_deliveries() {
    deliveries_are_signed_retried_and_replayed(
        TestApp::spawn_with(kehou_tests::Backend::Postgres, delivering).await,
    )
    .await;
}

async fn deliveries_are_signed_retried_and_replayed(app: TestApp) {
    let (term, plan, agreement) = open_term(&app, 30).await;
    let (client_id, _, _) = client(&app, &["events:read"], &[app.school]).await;
    let hook = Receiver::start(2);
    let (endpoint, secret) =
        subscribe(&app, client_id, &hook.url, json!(["application.submitted"])).await;
    let id = apply(&app, term, &plan, &agreement, 5).await;

    // Two 500s, then a 2xx: three attempts, each gap longer than the one before.
    let got = hook.wait_for(3, 20).await;
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|r| r.id == got[0].id && verify(r, &secret)));
    let body: Value = serde_json::from_str(&got[2].body).unwrap();
    assert_eq!(body["type"], "application.submitted");
    assert_eq!(body["data"]["application_id"].as_i64(), Some(id));
    assert_eq!(body["id"].as_str(), Some(got[0].id.as_str()));
    let (g1, g2) = (got[1].at - got[0].at, got[2].at - got[1].at);
    assert!(g1 >= Duration::from_millis(250), "{g1:?}");
    assert!(g2 > g1, "backoff grows: {g1:?} then {g2:?}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let log = deliveries(&app, endpoint).await;
    let d = &log["items"][0];
    assert_eq!(
        (
            d["status"].as_str(),
            d["attempts"].as_i64(),
            d["last_status_code"].as_i64()
        ),
        (Some("succeeded"), Some(3), Some(204)),
        "{log}"
    );
    // Not subscribed to withdrawals: nothing more comes.
    assert_eq!(log["items"].as_array().unwrap().len(), 1);

    // Replay: the same event again, with the same webhook-id.
    let district = app.token("district").await;
    let (s, r) = app
        .send(
            &district,
            Method::POST,
            &format!(
                "/api/v1/districts/1/webhooks/{endpoint}/deliveries/{}/replay",
                d["id"]
            ),
            &Value::Null,
        )
        .await;
    assert_eq!((s, r["status"].as_str()), (202, Some("pending")), "{r}");
    let got = hook.wait_for(4, 10).await;
    assert_eq!(got.len(), 4);
    assert_eq!(got[3].id, got[0].id);

    // Rotation with overlap: deliveries carry both signatures.
    let (s, rotated) = app
        .send(
            &district,
            Method::POST,
            &format!("/api/v1/districts/1/webhooks/{endpoint}/rotate-secret"),
            &json!({"overlap_seconds": 3600}),
        )
        .await;
    assert_eq!(s, 200, "{rotated}");
    let new_secret = rotated["secret"].as_str().unwrap().to_owned();
    assert_ne!(new_secret, secret);
    app.send(
        &district,
        Method::POST,
        &format!(
            "/api/v1/districts/1/webhooks/{endpoint}/deliveries/{}/replay",
            d["id"]
        ),
        &Value::Null,
    )
    .await;
    let got = hook.wait_for(5, 10).await;
    assert!(verify(&got[4], &new_secret) && verify(&got[4], &secret));

    // Another district's admin sees none of it.
    let s2 = app.token("s2-district").await;
    let (s, _) = app
        .get(
            &s2,
            &format!("/api/v1/districts/1/webhooks/{endpoint}/deliveries"),
        )
        .await;
    assert_eq!(s, 404);
}

async fn restart_delivers_once(app: TestApp) {
    let (term, plan, agreement) = open_term(&app, 30).await;
    let (client_id, _, _) = client(&app, &["events:read"], &[]).await;
    let hook = Receiver::start(0);
    subscribe(&app, client_id, &hook.url, json!([])).await;
    apply(&app, term, &plan, &agreement, 5).await;
    apply(&app, term, &plan, &agreement, 6).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        hook.received().is_empty(),
        "the worker is off: nothing is sent yet"
    );

    // The process stops with the events committed and not delivered; a new one delivers them.
    let app = app.restart_with(delivering).await;
    let got = hook.wait_for(2, 10).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let got_later = hook.received();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got_later.len(), 2, "no duplicate after the first delivery");
    assert_ne!(got[0].id, got[1].id);
    drop(app);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_restart() {
    restart_delivers_once(TestApp::spawn_with(kehou_tests::Backend::Sqlite, paused).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_restart() {
    restart_delivers_once(TestApp::spawn_with(kehou_tests::Backend::Postgres, paused).await).await;
}

both!(
    webhook_urls_and_clients_are_checked,
    |app: TestApp| async move {
        let district = app.token("district").await;
        let (no_scope, _, _) = client(&app, &["roster:read"], &[]).await;
        let (ok, _, _) = client(&app, &["events:read"], &[]).await;
        for (body, field) in [
            (
                json!({"api_client_id": ok, "url": "http://hooks.example.com/x"}),
                "url",
            ),
            (
                json!({"api_client_id": ok, "url": "https://169.254.169.254/latest"}),
                "url",
            ),
            (
                json!({"api_client_id": ok, "url": "https://127.0.0.1/x"}),
                "url",
            ),
            (
                json!({"api_client_id": no_scope, "url": "https://hooks.example.com/x"}),
                "api_client_id",
            ),
            (
                json!({"api_client_id": 9999, "url": "https://hooks.example.com/x"}),
                "api_client_id",
            ),
        ] {
            let (s, b) = app
                .send(
                    &district,
                    Method::POST,
                    "/api/v1/districts/1/webhooks",
                    &body,
                )
                .await;
            assert_eq!(
                (s, b["errors"][0]["field"].as_str()),
                (422, Some(field)),
                "{body} → {b}"
            );
        }
        let (s, b) = app
            .send(
                &district,
                Method::POST,
                "/api/v1/districts/1/webhooks",
                &json!({"api_client_id": ok, "url": "https://hooks.example.com/kehou", "event_types": ["notice.published"]}),
            )
            .await;
        assert_eq!(s, 201, "{b}");
        assert!(b["secret"].as_str().unwrap().starts_with("whsec_"));
        let id = b["endpoint"]["id"].as_i64().unwrap();
        // A school admin, and another district's admin, cannot see or change it.
        let admin = app.token("admin").await;
        assert_eq!(app.get(&admin, "/api/v1/districts/1/webhooks").await.0, 404);
        let s2 = app.token("s2-district").await;
        assert_eq!(
            app.get(&s2, &format!("/api/v1/districts/1/webhooks/{id}"))
                .await
                .0,
            404
        );
        // The list never shows secrets; edits need the version.
        let (_, list) = app.get(&district, "/api/v1/districts/1/webhooks").await;
        assert!(!list.to_string().contains("whsec_"));
        let path = format!("/api/v1/districts/1/webhooks/{id}");
        let (s, _) = app
            .send(&district, Method::PATCH, &path, &json!({"disabled": true}))
            .await;
        assert_eq!(s, 428);
        let res = app
            .req(Method::PATCH, &path)
            .bearer_auth(&district)
            .header("if-match", "\"1\"")
            .json(&json!({"disabled": true}))
            .send()
            .await
            .unwrap();
        let (s, b) = json_of(res).await;
        assert_eq!(
            (s, b["disabled"].as_bool(), b["version"].as_i64()),
            (200, Some(true), Some(2))
        );
    }
);
