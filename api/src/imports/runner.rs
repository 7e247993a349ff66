//! Runs import jobs on their own threads (not the HTTP workers' blocking pool), one
//! pooled connection each; progress is kept in memory while the job's transaction is open.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use diesel::Connection;

use super::model::{check_table, read_table, RowError};
use super::store;
use crate::audit::{self, Actor};
use crate::db::{tx, Pool};
use crate::error::AppError;

/// Live progress of running jobs: id → (done, total).
#[derive(Clone, Default)]
pub struct Progress(Arc<Mutex<HashMap<i64, (usize, usize)>>>);

impl Progress {
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
    pool: Pool,
    progress: Progress,
    school_id: i64,
    job_id: i64,
    actor: Actor,
    commit: bool,
) {
    std::thread::Builder::new()
        .name(format!("import-{job_id}"))
        .spawn(move || {
            if let Err(e) = run(&pool, &progress, school_id, job_id, &actor, commit) {
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

fn run(
    pool: &Pool,
    progress: &Progress,
    school_id: i64,
    job_id: i64,
    actor: &Actor,
    commit: bool,
) -> Result<(), AppError> {
    let mut c = pool
        .get()
        .map_err(|e| AppError::Unavailable(e.to_string()))?;
    let job = store::job(&mut c, school_id, job_id)?;
    let table = match read_table(&job.file_name, &job.content) {
        Ok(t) => t,
        Err(message) => {
            let err = RowError {
                row: 0,
                column: String::new(),
                value: job.file_name.clone(),
                code: "unreadable".into(),
                message,
            };
            return store::finish(&mut c, job_id, "failed", 0, None, &[err]);
        }
    };
    let total = table.len().saturating_sub(1);
    progress.set(job_id, 0, total);
    let started = std::time::Instant::now();
    let checked = check_table(&table);
    log::info!(
        "import {job_id}: {total} rows read and checked in {:?}",
        started.elapsed()
    );
    if !checked.errors.is_empty() {
        return store::finish(&mut c, job_id, "failed", total, None, &checked.errors);
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
        audit::record(
            c,
            actor,
            Some(school_id),
            "roster.import",
            "import_job",
            Some(job_id),
            None,
            Some(after.to_string()),
        )?;
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
