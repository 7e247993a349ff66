//! Import jobs: the stored upload (its mapped columns only), status moves, the report
//! and the outcome.

use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::layout::{locate, Report, Sheet};
use super::limits::{Limits, Refusal};
use super::model::{missing_columns, RowError};
use super::read::read_table_within;
use crate::auth::SchoolId;
use crate::db::schema::import_jobs;
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ImportSummary {
    pub rows: usize,
    pub students_created: usize,
    pub students_updated: usize,
    pub students_unchanged: usize,
    pub homerooms_created: usize,
    pub guardians_created: usize,
    pub guardian_links_created: usize,
}

/// A job row.
#[derive(Debug, Clone, Queryable)]
pub struct JobRow {
    pub id: i64,
    pub school_id: i64,
    pub created_by: Option<i64>,
    pub file_name: String,
    pub content: Vec<u8>,
    pub dry_run: bool,
    pub status: String,
    pub progress_done: i64,
    pub progress_total: i64,
    pub summary_json: Option<String>,
    pub errors_json: String,
    pub created_at: Instant,
    pub updated_at: Instant,
    pub report_json: Option<String>,
}

/// What an upload became before it is stored: the mapped columns only (nothing else of
/// the file is kept), or the reason it cannot be read.
pub enum Upload {
    Sheet(Sheet),
    Failed(Vec<RowError>),
}

/// Reads an upload into its mapped columns (the rest of the file is dropped here and never
/// stored). `Err` (a 422 naming `file`) for a file beyond the limits — too many rows or
/// columns, an `.xlsx` that unpacks too large — found before any cell is kept: the reading
/// streams and never allocates for what the file claims. An unreadable file, or one
/// without a header row, becomes a failed job that says why.
pub fn prepare(name: &str, bytes: &[u8], limits: &Limits) -> Result<Upload, Refusal> {
    match read_table_within(name, bytes, limits) {
        Ok(table) => Ok(match locate(&table) {
            Ok(sheet) => Upload::Sheet(sheet),
            Err(missing) => Upload::Failed(missing_columns(missing)),
        }),
        Err(r) if r.code == "unreadable" => Ok(Upload::Failed(vec![RowError {
            row: 0,
            column: String::new(),
            value: String::new(),
            code: r.code.into(),
            message: r.message,
        }])),
        Err(r) => Err(r),
    }
}

/// Stores a new job: `queued` with its mapped columns, or `failed` at once with the errors.
pub fn insert_job(
    c: &mut DbConn,
    school_id: SchoolId,
    user: Option<i64>,
    file_name: &str,
    upload: &Upload,
    dry_run: bool,
) -> Result<i64, AppError> {
    let now = Instant(Utc::now());
    let (content, status, errors, report) = match upload {
        Upload::Sheet(sheet) => (
            serde_json::to_vec(sheet).map_err(|e| AppError::Internal(e.into()))?,
            "queued",
            "[]".to_owned(),
            Report {
                layout: sheet.layout.clone(),
                ..Report::default()
            },
        ),
        Upload::Failed(errors) => (
            Vec::new(),
            "failed",
            serde_json::to_string(errors).unwrap_or_else(|_| "[]".into()),
            Report::default(),
        ),
    };
    let report = serde_json::to_string(&report).ok();
    Ok(diesel::insert_into(import_jobs::table)
        .values((
            import_jobs::school_id.eq(school_id),
            import_jobs::created_by.eq(user),
            import_jobs::file_name.eq(file_name),
            import_jobs::content.eq(content),
            import_jobs::dry_run.eq(dry_run),
            import_jobs::status.eq(status),
            import_jobs::errors_json.eq(errors),
            import_jobs::report_json.eq(report),
            import_jobs::created_at.eq(now),
            import_jobs::updated_at.eq(now),
        ))
        .returning(import_jobs::id)
        .get_result(c)?)
}

/// One job of the school.
pub fn job(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<JobRow, AppError> {
    import_jobs::table
        .filter(import_jobs::school_id.eq(school_id))
        .filter(import_jobs::id.eq(id))
        .first::<JobRow>(c)
        .optional()?
        .ok_or(AppError::NotFound("import job"))
}

/// Moves a job from one status to another; false if it was not in `from` (someone else moved it).
pub fn transition(
    c: &mut DbConn,
    id: i64,
    from: &str,
    to: &str,
    dry_run: bool,
) -> Result<bool, AppError> {
    let n = diesel::update(
        import_jobs::table
            .filter(import_jobs::id.eq(id))
            .filter(import_jobs::status.eq(from)),
    )
    .set((
        import_jobs::status.eq(to),
        import_jobs::dry_run.eq(dry_run),
        import_jobs::updated_at.eq(Instant(Utc::now())),
    ))
    .execute(c)?;
    Ok(n == 1)
}

/// Deletes the uploaded files of finished jobs last changed before `before` (the job
/// rows and their outcome stay); returns how many files were deleted.
pub fn purge_files(c: &mut DbConn, before: chrono::DateTime<Utc>) -> Result<usize, AppError> {
    Ok(diesel::update(
        import_jobs::table
            .filter(import_jobs::updated_at.lt(Instant(before)))
            .filter(import_jobs::status.eq_any(["committed", "failed", "validated"]))
            .filter(import_jobs::content.ne(Vec::<u8>::new())),
    )
    .set(import_jobs::content.eq(Vec::<u8>::new()))
    .execute(c)?)
}

/// Records what a job recognised and tidied.
pub fn set_report(c: &mut DbConn, id: i64, report: &Report) -> Result<(), AppError> {
    diesel::update(import_jobs::table.filter(import_jobs::id.eq(id)))
        .set(import_jobs::report_json.eq(serde_json::to_string(report).ok()))
        .execute(c)?;
    Ok(())
}

/// Records a job's outcome.
pub fn finish(
    c: &mut DbConn,
    id: i64,
    status: &str,
    total: usize,
    summary: Option<&ImportSummary>,
    errors: &[RowError],
) -> Result<(), AppError> {
    diesel::update(import_jobs::table.filter(import_jobs::id.eq(id)))
        .set((
            import_jobs::status.eq(status),
            import_jobs::progress_done.eq(total as i64),
            import_jobs::progress_total.eq(total as i64),
            import_jobs::summary_json.eq(summary.and_then(|s| serde_json::to_string(s).ok())),
            import_jobs::errors_json
                .eq(serde_json::to_string(errors).unwrap_or_else(|_| "[]".into())),
            import_jobs::updated_at.eq(Instant(Utc::now())),
        ))
        .execute(c)?;
    Ok(())
}
