//! Runs import jobs on their own threads (not the HTTP workers' blocking pool), a bounded
//! number at once (the others stay `queued`, visibly, until a slot frees), one pooled
//! connection each and none while the file is parsed; progress is kept in memory while
//! the job's transaction is open.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};

use diesel::Connection;

use super::check::check_sheet;
use super::layout::{Report, Sheet};
use super::limits::Limits;
use super::model::RowError;
use super::store;
use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::{tx, Pool};
use crate::error::AppError;

/// Live progress of running jobs: id → (done, total); and the slots jobs take turns for.
#[derive(Clone)]
pub struct Progress(Arc<Mutex<HashMap<i64, (usize, usize)>>>, Arc<Slots>);

/// A counting semaphore for job threads.
struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

impl Slots {
    fn take(&self) -> SlotGuard<'_> {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
        SlotGuard(self)
    }
}

struct SlotGuard<'a>(&'a Slots);

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

impl Default for Progress {
    fn default() -> Progress {
        Progress::new(2)
    }
}

impl Progress {
    /// At most `concurrent` jobs run at once.
    pub fn new(concurrent: usize) -> Progress {
        Progress(
            Arc::default(),
            Arc::new(Slots {
                free: Mutex::new(concurrent.max(1)),
                freed: Condvar::new(),
            }),
        )
    }

    fn set(&self, id: i64, done: usize, total: usize) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(id, (done, total));
        }
    }

    fn clear(&self, id: i64) {
        if let Ok(mut m) = self.0.lock() {
            m.remove(&id);
        }
    }

    /// The progress of a running job.
    pub fn get(&self, id: i64) -> Option<(usize, usize)> {
        self.0.lock().ok().and_then(|m| m.get(&id).copied())
    }
}

/// Starts a job on its own thread. `commit` writes; otherwise it is a dry run.
pub fn spawn(
    db: crate::db::Db,
    progress: Progress,
    limits: Limits,
    school_id: SchoolId,
    job_id: i64,
    actor: Actor,
    commit: bool,
) {
    std::thread::Builder::new()
        .name(format!("import-{job_id}"))
        .spawn(move || {
            let slots = progress.1.clone();
            let _slot = slots.take();
            // The job's connection counts against the requests' limiter.
            let _permit = db.blocking_permit();
            let pool = db.pool().clone();
            if let Err(e) = run(&pool, &progress, &limits, school_id, job_id, &actor, commit) {
                log::error!("import job {job_id} failed: {e}");
                if let Ok(mut c) = pool.get() {
                    let err = RowError {
                        row: 0,
                        column: String::new(),
                        value: String::new(),
                        code: "internal".into(),
                        message: e.to_string(),
                    };
                    let _ = store::finish(&mut c, job_id, "failed", 0, None, &[err]);
                }
            }
            progress.clear(job_id);
        })
        .expect("spawn import thread");
}

/// Runs a job on the calling thread (the CLI), reporting into `progress`.
pub fn run_now(
    pool: &Pool,
    progress: &Progress,
    limits: &Limits,
    school_id: SchoolId,
    job_id: i64,
    actor: &Actor,
    commit: bool,
) -> Result<(), AppError> {
    let outcome = run(pool, progress, limits, school_id, job_id, actor, commit);
    progress.clear(job_id);
    outcome
}

fn run(
    pool: &Pool,
    progress: &Progress,
    limits: &Limits,
    school_id: SchoolId,
    job_id: i64,
    actor: &Actor,
    commit: bool,
) -> Result<(), AppError> {
    let connect = || pool.get().map_err(|e| AppError::Unavailable(e.to_string()));
    let job = store::job(&mut *connect()?, school_id, job_id)?;
    // Parsed with no connection held (and so no SQLite lock). The job holds the file's
    // mapped columns only (see layout.rs), stored at upload.
    let sheet: Result<Sheet, _> = serde_json::from_slice(&job.content);
    let mut c = connect()?;
    let sheet = match sheet {
        Ok(s) => s,
        Err(e) => {
            let err = RowError {
                row: 0,
                column: String::new(),
                value: job.file_name.clone(),
                code: "unreadable".into(),
                message: format!("the stored file cannot be read again ({e}); upload it again"),
            };
            return store::finish(&mut c, job_id, "failed", 0, None, &[err]);
        }
    };
    let total = sheet.rows.len();
    progress.set(job_id, 0, total);
    let started = std::time::Instant::now();
    let checked = check_sheet(&sheet);
    log::info!(
        "import {job_id}: {total} rows checked in {:?}",
        started.elapsed()
    );
    store::set_report(
        &mut c,
        job_id,
        &Report {
            layout: sheet.layout.clone(),
            normalised_count: checked.tidied.count,
            normalised: checked.tidied.listed,
        },
    )?;
    if !checked.errors.is_empty() {
        let errors = capped(checked.errors, limits.max_errors);
        return store::finish(&mut c, job_id, "failed", total, None, &errors);
    }
    let report = |done: usize| progress.set(job_id, done, total);
    if !commit {
        let summary =
            c.transaction(|c| store::apply(c, school_id, &checked.rows, actor, false, &report))?;
        return store::finish(&mut c, job_id, "validated", total, Some(&summary), &[]);
    }
    let outcome = tx(&mut c, |c| {
        let summary = store::apply(c, school_id, &checked.rows, actor, true, &report)?;
        let after =
            serde_json::json!({"job_id": job_id, "file_name": job.file_name, "summary": summary});
        audit::Event::in_school(school_id, "roster.import")
            .on("import_job", job_id)
            .after_json(Some(after.to_string()))
            .record(c, actor)?;
        store::finish(c, job_id, "committed", total, Some(&summary), &[])?;
        Ok::<_, AppError>(summary)
    });
    log::info!("import {job_id}: committed in {:?}", started.elapsed());
    match outcome {
        Ok(_) => Ok(()),
        Err(
            e @ (AppError::Conflict { .. }
            | AppError::Unprocessable { .. }
            | AppError::Unavailable(_)),
        ) => {
            let err = RowError {
                row: 0,
                column: String::new(),
                value: String::new(),
                code: e.code(),
                message: format!("nothing was imported: {e}"),
            };
            store::finish(&mut c, job_id, "failed", total, None, &[err])
        }
        Err(e) => Err(e),
    }
}

/// Keeps the first `max` row errors and says how many more there were.
fn capped(mut errors: Vec<RowError>, max: usize) -> Vec<RowError> {
    if errors.len() > max {
        let more = errors.len() - max;
        errors.truncate(max);
        errors.push(RowError {
            row: 0,
            column: String::new(),
            value: more.to_string(),
            code: "more_errors".into(),
            message: format!("{more} more errors are not listed; fix these and try again"),
        });
    }
    errors
}
