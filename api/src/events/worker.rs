//! The delivery worker: a task beside the server that polls the outbox, sends each due delivery
//! signed per Standard Webhooks, and records the outcome; a failure is retried with
//! exponential backoff until `max_attempts`. Sending happens outside any transaction; a
//! crash mid-send leaves the lease to expire and the delivery is sent again (at least once;
//! receivers dedupe on `webhook-id`).

use std::time::Duration;

use chrono::Utc;

use crate::config::WebhookSettings;
use crate::db::Db;
use crate::events::model::{backoff, check_url, internal_address, signature_header};
use crate::events::store::deliveries::{self, Due, Outcome};

/// Deliveries sent per poll.
const BATCH: i64 = 20;
/// How long a receiver may take.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Starts the worker on the current actix system (the one serving): it stops with it.
pub fn spawn(db: Db, settings: WebhookSettings) {
    actix_web::rt::spawn(run(db, settings));
}

async fn run(db: Db, settings: WebhookSettings) {
    let client = match reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Kehou-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
    {
        Ok(c) => c,
        Err(e) => return log::error!("webhook worker cannot build its HTTP client: {e}"),
    };
    loop {
        tokio::time::sleep(settings.poll).await;
        let now = Utc::now();
        let due = match db.run(move |c| deliveries::claim_due(c, now, BATCH)).await {
            Ok(d) => d,
            Err(e) => {
                log::warn!("webhook worker cannot read the outbox: {e}");
                continue;
            }
        };
        for d in due {
            let outcome = send(&client, &d, settings.allow_insecure).await;
            let now = Utc::now();
            let retry_at = match &outcome.error {
                Some(_) if d.attempts + 1 < settings.max_attempts => Some(
                    now + chrono::Duration::from_std(backoff(settings.retry_base, d.attempts + 1))
                        .unwrap_or(chrono::Duration::days(1)),
                ),
                _ => None,
            };
            if let Some(e) = &outcome.error {
                log::info!("webhook delivery {} failed: {e}", d.id);
            }
            if let Err(e) = db
                .run(move |c| deliveries::record(c, &d, &outcome, retry_at, now))
                .await
            {
                log::warn!("webhook worker cannot record an attempt: {e}");
            }
        }
    }
}

/// One attempt.
async fn send(client: &reqwest::Client, d: &Due, allow_insecure: bool) -> Outcome {
    let failed = |status_code: Option<u16>, why: String| Outcome {
        status_code,
        error: Some(why),
    };
    let url = match check_url(&d.url, allow_insecure) {
        Ok(u) => u,
        Err(why) => return failed(None, format!("the URL is refused: {why:?}")),
    };
    if !allow_insecure {
        let host = url.host_str().unwrap_or_default().to_owned();
        let port = url.port_or_known_default().unwrap_or(443);
        let target = format!("{host}:{port}");
        let resolved: Result<Vec<std::net::SocketAddr>, _> =
            tokio::net::lookup_host(target).await.map(|a| a.collect());
        match resolved {
            Ok(addrs) if addrs.iter().any(|a| internal_address(a.ip())) => {
                return failed(None, format!("{host} resolves to an internal address"));
            }
            Ok(_) => {}
            Err(e) => return failed(None, format!("cannot resolve {host}: {e}")),
        }
    }
    let body = match serde_json::to_string(&d.event) {
        Ok(b) => b,
        Err(e) => return failed(None, format!("cannot write the body: {e}")),
    };
    let ts = Utc::now().timestamp();
    let secrets: Vec<&str> = d.secrets.iter().map(String::as_str).collect();
    let signature = signature_header(&secrets, &d.event.id, ts, &body);
    let sent = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &d.event.id)
        .header("webhook-timestamp", ts.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await;
    match sent {
        Ok(res) if res.status().is_success() => Outcome {
            status_code: Some(res.status().as_u16()),
            error: None,
        },
        Ok(res) => failed(
            Some(res.status().as_u16()),
            format!("the receiver answered {}", res.status()),
        ),
        Err(e) if e.is_timeout() => failed(None, "the receiver did not answer in 10 s".into()),
        Err(e) => failed(None, format!("cannot reach the receiver: {e}")),
    }
}
