//! Typed settings, read once from `KEHOU_*` environment variables.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `KEHOU_DATABASE_URL` | `kehou.sqlite3` | a SQLite file path, or `postgres://…` |
//! | `KEHOU_BIND` | `127.0.0.1:8080` | listen address |
//! | `KEHOU_WEB_DIR` | `web-ui/dist` | the built SPA served at `/` (skipped if absent) |
//! | `KEHOU_DB_POOL_SIZE` | 8 (SQLite) / 16 (PostgreSQL) | connections per process |
//! | `KEHOU_WORKERS` | number of CPUs | HTTP worker threads |
//! | `KEHOU_JWT_KEYS` | required on PostgreSQL; on SQLite generated and kept in the database | `kid:secret[,kid:secret…]`; the first signs, all verify |
//! | `KEHOU_ACCESS_TOKEN_TTL` | 900 | access token lifetime, seconds |
//! | `KEHOU_REFRESH_TOKEN_TTL` | 2592000 | refresh token lifetime, seconds |
//! | `KEHOU_LOGIN_MAX_FAILURES` | 5 | wrong passwords for one account from one address before that pair is throttled |
//! | `KEHOU_LOGIN_LOCK_SECS` | 900 | the window of that throttle (the pair waits until it has passed) |
//! | `KEHOU_LOGIN_RATE_PER_MINUTE` | 30 | sign-in, activation and client-token attempts per client address per minute |
//! | `KEHOU_TRUSTED_PROXIES` | none | comma-separated addresses of reverse proxies whose `X-Forwarded-For`/`-Proto` are believed |
//! | `KEHOU_REVOCATION_CHECK_SECS` | 5 | how long a token's user/client state is cached before it is read again |
//! | `KEHOU_SEED_DEMO` | `false` | seed the demo school (public passwords!) into an empty database; `kehou serve --demo` does the same |
//! | `KEHOU_DEMO_MID_TERM` | `true` | with the demo: the term in full swing (approved plans, texts, applications in every status, clubs with waitlists, requests, three more schools); `0` seeds only the roster, for test suites that build their own term |
//! | `KEHOU_IMPORT_MAX_BYTES` | 20971520 | size of an uploaded roster file |
//! | `KEHOU_IMPORT_MAX_ROWS` | 20000 | data rows of one import file |
//! | `KEHOU_IMPORT_MAX_COLUMNS` | 100 | columns of one import file |
//! | `KEHOU_IMPORT_MAX_UNPACKED_BYTES` | 209715200 | what an `.xlsx` may unpack to |
//! | `KEHOU_IMPORT_MAX_ERRORS` | 1000 | row errors kept for a failed import |
//! | `KEHOU_IMPORT_CONCURRENCY` | 2 | import jobs running at once (others wait, `queued`) |
//! | `KEHOU_IMPORT_RETENTION_DAYS` | 30 | uploaded files of finished imports are deleted after this |
//! | `KEHOU_WEBHOOK_WORKER` | `on` | deliver webhooks from this process (`off`: events queue in the outbox until an instance with the worker on delivers them) |
//! | `KEHOU_WEBHOOK_POLL_MS` | 1000 | how often the worker looks for due deliveries |
//! | `KEHOU_WEBHOOK_RETRY_BASE_MS` | 30000 | the first retry's delay; each next one is 4× longer |
//! | `KEHOU_WEBHOOK_MAX_ATTEMPTS` | 8 | attempts before a delivery is marked `failed` (it can still be replayed) |
//! | `KEHOU_WEBHOOK_ALLOW_INSECURE` | `false` | allow `http://` and private or loopback webhook URLs (development and tests only) |
//! | `RUST_LOG` | `info` | log filter (env_logger) |

use std::time::Duration;

use anyhow::Context;

use crate::db::Backend;

/// All settings of the service.
#[derive(Debug, Clone)]
pub struct Config {
    /// Database URL or SQLite path.
    pub database_url: String,
    /// Listen address.
    pub bind: String,
    /// Directory of the built SPA.
    pub web_dir: String,
    /// Pool size.
    pub pool_size: u32,
    /// HTTP workers.
    pub workers: usize,
    /// JWT keys as `(kid, secret)`; empty means "use the key stored in the database".
    pub jwt_keys: Vec<(String, Vec<u8>)>,
    /// Access token lifetime.
    pub access_ttl: Duration,
    /// Refresh token lifetime.
    pub refresh_ttl: Duration,
    /// Failed logins before lock-out.
    pub login_max_failures: i32,
    /// Lock-out duration.
    pub login_lock: Duration,
    /// Login attempts per client address per minute.
    pub login_rate_per_minute: u32,
    /// Seed the demo school into an empty database.
    pub seed_demo: bool,
    /// With the demo: the term in full swing (plans, texts, applications, more schools);
    /// off, only the roster (suites that build their own term).
    pub demo_mid_term: bool,
    /// Reverse proxies whose forwarding headers are believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How long a token's user/client state is cached (revocation takes effect within this).
    pub revocation_check: Duration,
    /// Bounds of one import file.
    pub import_limits: crate::imports::limits::Limits,
    /// Import jobs running at once.
    pub import_concurrency: usize,
    /// How long uploaded files of finished imports are kept.
    pub import_retention: Duration,
    /// The clock handlers read (the system clock; tests may fix it).
    pub clock: crate::http::clock::Clock,
    /// Webhook delivery settings.
    pub webhooks: WebhookSettings,
}

/// How webhooks are delivered.
#[derive(Debug, Clone)]
pub struct WebhookSettings {
    /// Whether this process runs the delivery worker.
    pub worker: bool,
    /// How often the worker looks for due deliveries.
    pub poll: Duration,
    /// The first retry's delay (each next one is 4× longer).
    pub retry_base: Duration,
    /// Attempts before a delivery is `failed`.
    pub max_attempts: i32,
    /// Allow http:// and private addresses (development and tests).
    pub allow_insecure: bool,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        WebhookSettings {
            worker: true,
            poll: Duration::from_secs(1),
            retry_base: Duration::from_secs(30),
            max_attempts: 8,
            allow_insecure: false,
        }
    }
}

fn flag(name: &str, v: &str) -> anyhow::Result<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => anyhow::bail!("{name}={v:?} is invalid: use on or off"),
    }
}

impl Config {
    /// Defaults for a given database: what `kehou serve` uses with no environment.
    pub fn for_database(database_url: &str) -> Config {
        let backend = Backend::of(database_url);
        Config {
            database_url: database_url.to_owned(),
            bind: "127.0.0.1:8080".into(),
            web_dir: "web-ui/dist".into(),
            pool_size: if backend == Backend::Postgres { 16 } else { 8 },
            workers: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            jwt_keys: Vec::new(),
            access_ttl: Duration::from_secs(900),
            refresh_ttl: Duration::from_secs(30 * 24 * 3600),
            login_max_failures: 5,
            login_lock: Duration::from_secs(900),
            login_rate_per_minute: 30,
            seed_demo: false,
            demo_mid_term: true,
            trusted_proxies: Vec::new(),
            revocation_check: Duration::from_secs(5),
            import_limits: crate::imports::limits::Limits::default(),
            import_concurrency: 2,
            import_retention: Duration::from_secs(30 * 24 * 3600),
            clock: crate::http::clock::Clock::system(),
            webhooks: WebhookSettings::default(),
        }
    }

    /// Reads the environment; errors name the variable.
    pub fn from_env() -> anyhow::Result<Config> {
        let url = var("KEHOU_DATABASE_URL").unwrap_or_else(|| "kehou.sqlite3".into());
        let mut c = Config::for_database(&url);
        if let Some(v) = var("KEHOU_BIND") {
            c.bind = v;
        }
        if let Some(v) = var("KEHOU_WEB_DIR") {
            c.web_dir = v;
        }
        if let Some(v) = parsed::<u32>("KEHOU_DB_POOL_SIZE")? {
            c.pool_size = v.max(1);
        }
        if let Some(v) = parsed::<usize>("KEHOU_WORKERS")? {
            c.workers = v.max(1);
        }
        if let Some(v) = parsed::<u64>("KEHOU_ACCESS_TOKEN_TTL")? {
            c.access_ttl = Duration::from_secs(v);
        }
        if let Some(v) = parsed::<u64>("KEHOU_REFRESH_TOKEN_TTL")? {
            c.refresh_ttl = Duration::from_secs(v);
        }
        if let Some(v) = parsed::<i32>("KEHOU_LOGIN_MAX_FAILURES")? {
            c.login_max_failures = v.max(1);
        }
        if let Some(v) = parsed::<u64>("KEHOU_LOGIN_LOCK_SECS")? {
            c.login_lock = Duration::from_secs(v);
        }
        if let Some(v) = parsed::<u32>("KEHOU_LOGIN_RATE_PER_MINUTE")? {
            c.login_rate_per_minute = v.max(1);
        }
        if let Some(v) = var("KEHOU_SEED_DEMO") {
            c.seed_demo = match v.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => true,
                "0" | "false" | "no" | "off" => false,
                _ => anyhow::bail!("KEHOU_SEED_DEMO={v:?} is invalid: use 1 or 0"),
            };
        }
        if let Some(v) = var("KEHOU_DEMO_MID_TERM") {
            c.demo_mid_term = match v.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => true,
                "0" | "false" | "no" | "off" => false,
                _ => anyhow::bail!("KEHOU_DEMO_MID_TERM={v:?} is invalid: use 1 or 0"),
            };
        }
        if let Some(v) = var("KEHOU_TRUSTED_PROXIES") {
            c.trusted_proxies = v
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| {
                    p.parse()
                        .with_context(|| format!("KEHOU_TRUSTED_PROXIES: {p:?}"))
                })
                .collect::<anyhow::Result<_>>()?;
        }
        if let Some(v) = parsed::<u64>("KEHOU_REVOCATION_CHECK_SECS")? {
            c.revocation_check = Duration::from_secs(v);
        }
        let l = &mut c.import_limits;
        if let Some(v) = parsed::<usize>("KEHOU_IMPORT_MAX_BYTES")? {
            l.max_file_bytes = v.max(1);
        }
        if let Some(v) = parsed::<usize>("KEHOU_IMPORT_MAX_ROWS")? {
            l.max_rows = v.max(1);
        }
        if let Some(v) = parsed::<usize>("KEHOU_IMPORT_MAX_COLUMNS")? {
            l.max_columns = v.max(1);
        }
        if let Some(v) = parsed::<u64>("KEHOU_IMPORT_MAX_UNPACKED_BYTES")? {
            l.max_uncompressed_bytes = v.max(1);
        }
        if let Some(v) = parsed::<usize>("KEHOU_IMPORT_MAX_ERRORS")? {
            l.max_errors = v.max(1);
        }
        if let Some(v) = parsed::<usize>("KEHOU_IMPORT_CONCURRENCY")? {
            c.import_concurrency = v.max(1);
        }
        if let Some(v) = parsed::<u64>("KEHOU_IMPORT_RETENTION_DAYS")? {
            c.import_retention = Duration::from_secs(v * 24 * 3600);
        }
        let w = &mut c.webhooks;
        if let Some(v) = var("KEHOU_WEBHOOK_WORKER") {
            w.worker = flag("KEHOU_WEBHOOK_WORKER", &v)?;
        }
        if let Some(v) = var("KEHOU_WEBHOOK_ALLOW_INSECURE") {
            w.allow_insecure = flag("KEHOU_WEBHOOK_ALLOW_INSECURE", &v)?;
        }
        if let Some(v) = parsed::<u64>("KEHOU_WEBHOOK_POLL_MS")? {
            w.poll = Duration::from_millis(v.max(10));
        }
        if let Some(v) = parsed::<u64>("KEHOU_WEBHOOK_RETRY_BASE_MS")? {
            w.retry_base = Duration::from_millis(v.max(10));
        }
        if let Some(v) = parsed::<i32>("KEHOU_WEBHOOK_MAX_ATTEMPTS")? {
            w.max_attempts = v.clamp(1, 20);
        }
        if let Some(v) = var("KEHOU_JWT_KEYS") {
            c.jwt_keys = parse_keys(&v).context("KEHOU_JWT_KEYS")?;
        }
        Ok(c)
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parsed<T: std::str::FromStr>(name: &str) -> anyhow::Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(None),
        Some(v) => v
            .trim()
            .parse::<T>()
            .map(Some)
            .map_err(|e| anyhow::anyhow!("{name}={v:?} is invalid: {e}")),
    }
}

/// Parses `kid:secret,kid:secret`; secrets must be at least 32 bytes.
pub fn parse_keys(v: &str) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut keys = Vec::new();
    for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (kid, secret) = part
            .split_once(':')
            .ok_or_else(|| anyhow::anyhow!("expected kid:secret, got {part:?}"))?;
        anyhow::ensure!(
            secret.len() >= 32,
            "the secret of key {kid:?} is shorter than 32 bytes"
        );
        keys.push((kid.to_owned(), secret.as_bytes().to_vec()));
    }
    anyhow::ensure!(!keys.is_empty(), "no keys given");
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_short_secrets_are_refused() {
        let keys = parse_keys(
            "k2:0123456789abcdef0123456789abcdef, k1:abcdefabcdefabcdefabcdefabcdefabcdef",
        )
        .unwrap();
        assert_eq!(keys[0].0, "k2");
        assert_eq!(keys.len(), 2);
        assert!(parse_keys("k1:short").is_err());
        assert!(parse_keys("nocolon").is_err());
    }

    #[test]
    fn backend_defaults_follow_the_url() {
        assert_eq!(Config::for_database("postgres://x/y").pool_size, 16);
        assert_eq!(Config::for_database("kehou.sqlite3").pool_size, 8);
    }
}
