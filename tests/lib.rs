//! The harness of the black-box API tests: start Kehou on a fresh database of either
//! backend, log in as any demo role, and speak HTTP to it.

use std::net::TcpListener;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use kehou_api::config::Config;
use kehou_api::seed::{self, DemoNames, DEMO_PASSWORD};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{json, Value};

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A running Kehou with two seeded schools in two districts.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub backend: Backend,
    /// The demo school (logins admin, teacher, tutor, finance, gate, district).
    pub school: i64,
    /// A school of another district (logins s2-admin, s2-teacher, …, s2-district).
    pub other_school: i64,
    pub database_url: String,
    _dir: Option<TempDir>,
    handle: actix_web::dev::ServerHandle,
}

/// A temporary directory removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The PostgreSQL server the tests use (`KEHOU_TEST_PG_URL`, a superuser URL).
pub fn pg_admin_url() -> String {
    std::env::var("KEHOU_TEST_PG_URL").unwrap_or_else(|_| {
        panic!(
            "KEHOU_TEST_PG_URL is not set: PostgreSQL tests need a server. Run ./scripts/test, \
             which starts a throwaway cluster, or point KEHOU_TEST_PG_URL at one \
             (e.g. postgres://postgres@127.0.0.1:5433/postgres)"
        )
    })
}

fn fresh_database(backend: Backend) -> (String, Option<TempDir>) {
    let name = format!("kehou_test_{}", uuid::Uuid::new_v4().simple());
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(&name);
            std::fs::create_dir_all(&dir).unwrap();
            (
                dir.join("kehou.sqlite3").to_string_lossy().into_owned(),
                Some(TempDir(dir)),
            )
        }
        Backend::Postgres => {
            let admin = pg_admin_url();
            let pool = kehou_api::db::pool(&admin, 1).expect("cannot reach KEHOU_TEST_PG_URL");
            pool.get()
                .unwrap()
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .unwrap();
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            (format!("{base}/{name}"), None)
        }
    }
}

/// Settings a test may change before start.
pub fn test_config(url: &str) -> Config {
    let mut c = Config::for_database(url);
    c.workers = 2;
    c.pool_size = 8;
    c.web_dir = "/nonexistent".into();
    c.seed_demo = false;
    // PostgreSQL refuses to start without configured keys; SQLite keeps its own.
    if kehou_api::db::Backend::of(url) == kehou_api::db::Backend::Postgres {
        c.jwt_keys = vec![(
            "test".into(),
            b"kehou-test-signing-key-0123456789abcdef".to_vec(),
        )];
    }
    // Revocation is checked against the database at most once a second per principal.
    c.revocation_check = Duration::from_secs(1);
    // Webhook tests turn the worker on; the rest leave deliveries in the outbox.
    c.webhooks.worker = false;
    c
}

impl TestApp {
    /// Starts Kehou on a fresh database with the default test settings.
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, |_| {}).await
    }

    /// Starts Kehou on a fresh database after `tune` adjusts the settings.
    pub async fn spawn_with(backend: Backend, tune: impl FnOnce(&mut Config)) -> TestApp {
        let (url, dir) = fresh_database(backend);
        let mut config = test_config(&url);
        tune(&mut config);
        let (school, other_school) = {
            let pool = kehou_api::db::pool(&url, 1).unwrap();
            let mut c = pool.get().unwrap();
            kehou_api::db::migrate(&mut c).unwrap();
            let a = seed::demo_school(&mut c).unwrap();
            let b = seed::school_with_logins(
                &mut c,
                &DemoNames {
                    district_code: "other",
                    district_name: "邻区教育局",
                    school_code: "other-primary",
                    school_name: "邻区第一小学",
                    login_prefix: "s2-",
                },
            )
            .unwrap();
            (a, b)
        };
        let (base, handle) = serve(config);
        TestApp {
            base,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            backend,
            school,
            other_school,
            database_url: url,
            _dir: dir,
            handle,
        }
    }

    /// Stops the server and starts a new one on the same database (nothing is seeded again),
    /// after `tune` adjusts the settings: what a restart of the process does.
    pub async fn restart_with(mut self, tune: impl FnOnce(&mut Config)) -> TestApp {
        self.handle.stop(true).await;
        let mut config = test_config(&self.database_url);
        tune(&mut config);
        let (base, handle) = serve(config);
        self.base = base;
        self.handle = handle;
        self
    }
}

/// Prepares and starts a server on its own thread; its base URL and handle.
fn serve(config: Config) -> (String, actix_web::dev::ServerHandle) {
    let state = kehou_api::server::prepare(config).expect("prepare");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = kehou_api::server::start(state, listener).unwrap();
            tx.send(server.handle()).unwrap();
            let _ = server.await;
        })
    });
    let handle = rx.recv().unwrap();
    (format!("http://127.0.0.1:{port}"), handle)
}

impl TestApp {
    /// A request to `path` (absolute, e.g. `/api/v1/me`).
    pub fn req(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{}", self.base, path))
    }

    /// Logs in and returns the access token.
    pub async fn token(&self, username: &str) -> String {
        let res = self.login(username, DEMO_PASSWORD).await;
        assert_eq!(res.status(), 200, "login as {username}");
        let body: Value = res.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_owned()
    }

    /// Logs in with a password and returns the access token.
    pub async fn token_for(&self, username: &str, password: &str) -> String {
        let body: Value = self.login(username, password).await.json().await.unwrap();
        body["access_token"].as_str().expect("login").to_owned()
    }

    /// POST /auth/login.
    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.req(Method::POST, "/api/v1/auth/login")
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .unwrap()
    }

    /// GET with a token; returns status and JSON body (Null if none).
    pub async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let res = self
            .req(Method::GET, path)
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        json_of(res).await
    }

    /// A JSON request with a token; returns status and body.
    pub async fn send(
        &self,
        token: &str,
        method: Method,
        path: &str,
        body: &Value,
    ) -> (u16, Value) {
        let res = self
            .req(method, path)
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap();
        json_of(res).await
    }

    /// A path under this app's demo school.
    pub fn school_path(&self, rest: &str) -> String {
        format!("/api/v1/schools/{}{}", self.school, rest)
    }

    /// Runs a statement against the app's database (to set up a state no endpoint makes).
    pub fn exec(&self, sql: &str) {
        let pool = kehou_api::db::pool(&self.database_url, 1).unwrap();
        let mut c = pool.get().unwrap();
        c.batch_execute(sql).unwrap();
    }

    /// Runs SQL against the app's database (for checking effects).
    pub fn count(&self, sql: &str) -> i64 {
        use diesel::prelude::*;
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let pool = kehou_api::db::pool(&self.database_url, 1).unwrap();
        let mut c = pool.get().unwrap();
        diesel::sql_query(sql).get_result::<N>(&mut *c).unwrap().n
    }
}

impl TestApp {
    /// The text column `s` of every row of a query (for schema checks).
    pub fn strings(&self, sql: &str) -> Vec<String> {
        use diesel::prelude::*;
        #[derive(diesel::QueryableByName)]
        struct S {
            #[diesel(sql_type = diesel::sql_types::Text)]
            s: String,
        }
        let pool = kehou_api::db::pool(&self.database_url, 1).unwrap();
        let mut c = pool.get().unwrap();
        diesel::sql_query(sql)
            .load::<S>(&mut *c)
            .unwrap()
            .into_iter()
            .map(|r| r.s)
            .collect()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let h = self.handle.clone();
        std::thread::spawn(move || actix_web::rt::System::new().block_on(h.stop(false)));
    }
}

/// Status and JSON body of a response; asserts problem+json on errors.
pub async fn json_of(res: Response) -> (u16, Value) {
    let status = res.status().as_u16();
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let text = res.text().await.unwrap();
    if status >= 400 {
        assert!(
            ct.starts_with("application/problem+json"),
            "status {status} without problem+json: {ct} {text}"
        );
    }
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, body)
}

/// Declares a test that runs once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! both {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::TestApp::spawn($crate::Backend::Sqlite).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let app = $crate::TestApp::spawn($crate::Backend::Postgres).await;
                ($body)(app).await;
            }
        }
    };
}
