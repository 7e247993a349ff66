//! A webhook receiver for the tests: records every request (its Standard Webhooks headers
//! and body) and answers 500 to the first few.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{web, HttpRequest, HttpResponse};
/// One request the receiver got.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub id: String,
    pub timestamp: i64,
    pub signature: String,
    pub body: String,
    pub at: Instant,
}

/// A webhook receiver on a free port that answers 500 to the first `fail_first` requests.
pub(crate) struct Receiver {
    pub url: String,
    pub got: Arc<Mutex<Vec<Received>>>,
    handle: actix_web::dev::ServerHandle,
}

impl Receiver {
    pub fn start(fail_first: usize) -> Receiver {
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let failures = Arc::new(AtomicUsize::new(fail_first));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, rx) = std::sync::mpsc::channel();
        let shared = got.clone();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = actix_web::HttpServer::new(move || {
                    let (got, failures) = (shared.clone(), failures.clone());
                    actix_web::App::new().route(
                        "/hook",
                        web::post().to(move |req: HttpRequest, body: web::Bytes| {
                            let (got, failures) = (got.clone(), failures.clone());
                            async move {
                                let h = |n: &str| {
                                    req.headers()
                                        .get(n)
                                        .and_then(|v| v.to_str().ok())
                                        .unwrap_or("")
                                        .to_owned()
                                };
                                got.lock().unwrap().push(Received {
                                    id: h("webhook-id"),
                                    timestamp: h("webhook-timestamp").parse().unwrap_or(0),
                                    signature: h("webhook-signature"),
                                    body: String::from_utf8_lossy(&body).into_owned(),
                                    at: Instant::now(),
                                });
                                let fail = failures
                                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                                        n.checked_sub(1)
                                    })
                                    .is_ok();
                                if fail {
                                    HttpResponse::InternalServerError().finish()
                                } else {
                                    HttpResponse::NoContent().finish()
                                }
                            }
                        }),
                    )
                })
                .workers(1)
                .listen(listener)
                .unwrap()
                .run();
                tx.send(server.handle()).unwrap();
                let _ = server.await;
            })
        });
        Receiver {
            url: format!("http://127.0.0.1:{port}/hook"),
            got,
            handle: rx.recv().unwrap(),
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until `n` requests arrived (at most `secs`).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        let until = Instant::now() + Duration::from_secs(secs);
        while self.received().len() < n && Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.received()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let h = self.handle.clone();
        std::thread::spawn(move || actix_web::rt::System::new().block_on(h.stop(false)));
    }
}
