//! Database access: one connection type over PostgreSQL and SQLite, the pool, the
//! migrations, and the `tx` helper that begins SQLite writes `IMMEDIATE`.
//!
//! Diesel is blocking: every query runs inside `Db::run`, which waits for a permit
//! asynchronously (shedding load with 503 after a deadline) and then runs the closure on
//! actix's blocking pool with one pooled connection.

pub mod bulk;
pub mod errors;
pub mod schema;
pub mod types;

use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, CustomizeConnection, ManageConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;

/// One connection to either backend; queries written against it run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    /// PostgreSQL (production).
    Pg(diesel::PgConnection),
    /// SQLite (embedded default).
    Sqlite(diesel::SqliteConnection),
}

const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");

/// Which database a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `postgres://` or `postgresql://`
    Postgres,
    /// anything else: a file path (or `sqlite://path`)
    Sqlite,
}

impl Backend {
    /// Chooses the backend by URL scheme.
    pub fn of(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// An r2d2 manager that picks the backend by URL and reports the real connection error.
#[derive(Debug, Clone)]
pub struct Manager {
    url: String,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match Backend::of(&self.url) {
            Backend::Postgres => diesel::PgConnection::establish(&self.url).map(DbConn::Pg),
            Backend::Sqlite => {
                let path = self.url.strip_prefix("sqlite://").unwrap_or(&self.url);
                diesel::SqliteConnection::establish(path).map(DbConn::Sqlite)
            }
        }
        .map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || broken_transaction(conn) || (suspected() && lost(conn))
    }
}

/// When (as seconds since the epoch) a lost connection was last seen; 0 = never.
static SUSPECT_SINCE: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
/// How long after a lost connection every returned connection is probed.
const SUSPECT_FOR_SECS: i64 = 30;

/// Called when a query found its connection gone (the database restarted). For a while
/// every connection given back to the pool is probed with `SELECT 1` and a dead one is
/// dropped, so the pool refills with live connections instead of failing forever — without
/// paying for a probe on every checkout in normal times.
pub fn suspect_connections() {
    SUSPECT_SINCE.store(
        chrono::Utc::now().timestamp(),
        std::sync::atomic::Ordering::Relaxed,
    );
}

fn suspected() -> bool {
    let since = SUSPECT_SINCE.load(std::sync::atomic::Ordering::Relaxed);
    since > 0 && chrono::Utc::now().timestamp() - since < SUSPECT_FOR_SECS
}

fn lost(conn: &mut DbConn) -> bool {
    conn.batch_execute("SELECT 1").is_err()
}

fn broken_transaction(conn: &mut DbConn) -> bool {
    match conn {
        DbConn::Pg(c) => AnsiTransactionManager::is_broken_transaction_manager(c),
        DbConn::Sqlite(c) => AnsiTransactionManager::is_broken_transaction_manager(c),
    }
}

#[derive(Debug)]
struct Setup;

impl CustomizeConnection<DbConn, r2d2::Error> for Setup {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        let sql: &[&str] = match conn {
            // busy_timeout first: the later pragmas may already wait for a lock.
            DbConn::Sqlite(_) => &[
                "PRAGMA busy_timeout = 5000",
                "PRAGMA foreign_keys = ON",
                "PRAGMA synchronous = NORMAL",
            ],
            DbConn::Pg(_) => &[
                "SET TIME ZONE 'UTC'",
                "SET statement_timeout = '30s'",
                "SET idle_in_transaction_session_timeout = '60s'",
            ],
        };
        for s in sql {
            conn.batch_execute(s).map_err(r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// A pool of connections.
pub type Pool = r2d2::Pool<Manager>;
/// A connection checked out of the pool.
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// Builds the pool; `size` connections at most.
pub fn pool(url: &str, size: u32) -> anyhow::Result<Pool> {
    let pool = r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(5))
        // No `SELECT 1` per checkout: a broken connection shows up as a query error and
        // `has_broken` drops it (measured: the extra round trip cost ~25% of read throughput).
        .test_on_check_out(false)
        .connection_customizer(Box::new(Setup))
        .build(Manager {
            url: url.to_owned(),
        })?;
    Ok(pool)
}

/// Applies pending migrations; on SQLite also switches the file to WAL (persistent).
pub fn migrate(conn: &mut DbConn) -> anyhow::Result<usize> {
    let applied = match conn {
        DbConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS),
        DbConn::Sqlite(c) => {
            c.batch_execute("PRAGMA journal_mode = WAL")?;
            c.run_pending_migrations(SQLITE_MIGRATIONS)
        }
    }
    .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    Ok(applied.len())
}

/// Runs `f` in a writing transaction: `BEGIN IMMEDIATE` on SQLite (so a read-then-write
/// cannot fail on a stale snapshot), plain `BEGIN` on PostgreSQL. Rolls back on error.
pub fn tx<T, E: From<diesel::result::Error>>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E> {
    match conn {
        DbConn::Sqlite(s) => AnsiTransactionManager::begin_transaction_sql(s, "BEGIN IMMEDIATE")?,
        DbConn::Pg(p) => AnsiTransactionManager::begin_transaction_sql(p, "BEGIN")?,
    }
    match f(conn) {
        Ok(v) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(v)
        }
        Err(e) => {
            <DbConn as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(e)
        }
    }
}

/// The database handle the app uses: a pool plus a semaphore sized to it.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    permits: Arc<tokio::sync::Semaphore>,
    backend: Backend,
    wait: Duration,
}

impl Db {
    /// Wraps a pool; `wait` is how long a request may queue for a connection.
    pub fn new(pool: Pool, backend: Backend, wait: Duration) -> Db {
        let size = pool.max_size() as usize;
        Db {
            pool,
            permits: Arc::new(tokio::sync::Semaphore::new(size)),
            backend,
            wait,
        }
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The underlying pool (for CLI commands and background jobs).
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// A permit of the same limiter the requests queue on, for a background thread (an
    /// import job): it waits its turn like a request, so jobs never take connections the
    /// requests were promised.
    pub fn blocking_permit(&self) -> tokio::sync::OwnedSemaphorePermit {
        loop {
            if let Ok(p) = self.permits.clone().try_acquire_owned() {
                return p;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Runs blocking database work off the async workers, one connection per call.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let permit = tokio::time::timeout(self.wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| AppError::Unavailable("database busy".into()))?
            .map_err(|_| AppError::Unavailable("shutting down".into()))?;
        let pool = self.pool.clone();
        let result = actix_web::web::block(move || {
            let _permit = permit;
            let mut conn = pool
                .get()
                .map_err(|e| AppError::Unavailable(e.to_string()))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?;
        result
    }
}
