//! `/schools/{school_id}/imports` and `/exports/students.xlsx`.

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::layout::{ColumnMapping, Report};
use super::limits::Limits;
use super::model::RowError;
use super::normalise::Normalisation;
use super::runner::{self, Progress};
use super::store::{self, ImportSummary, JobRow, Upload};
use crate::auth::{Permission, SchoolScope};
use crate::config::Config;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};

/// Registers the routes (under the school scope).
pub fn configure_school(cfg: &mut ServiceConfig) {
    // The template before `/imports/{id}`, which would take its path.
    cfg.service(super::export::import_template)
        .service(create_import)
        .service(get_import)
        .service(commit_import)
        .service(super::export::export_students);
}

/// Progress of a job.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct JobProgress {
    pub done: i64,
    pub total: i64,
}

/// An import job: `queued` → `running` → `validated` (dry run passed) or `failed`
/// (with row errors); a validated job is committed with `POST …/commit`: `running` → `committed`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ImportJob {
    pub id: i64,
    pub status: String,
    pub dry_run: bool,
    pub file_name: String,
    pub progress: JobProgress,
    pub summary: Option<ImportSummary>,
    /// Every problem found, by row and column.
    pub errors: Vec<RowError>,
    /// The header row as the spreadsheet numbers it (title rows above it were skipped);
    /// absent when no header was found.
    pub header_row: Option<usize>,
    /// Which file column fills which field, in the file's order.
    pub mapping: Vec<ColumnMapping>,
    /// The columns left out, e.g. 身份证号, 家庭住址: never stored.
    pub ignored_columns: Vec<String>,
    /// Values tidied on the way (the first 200; `normalised_count` counts all).
    pub normalised: Vec<Normalisation>,
    pub normalised_count: usize,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn to_job(r: JobRow, live: Option<(usize, usize)>) -> ImportJob {
    let (done, total) = live
        .map(|(d, t)| (d as i64, t as i64))
        .unwrap_or((r.progress_done, r.progress_total));
    let report: Report = r
        .report_json
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    ImportJob {
        header_row: (report.layout.header_row > 0).then_some(report.layout.header_row),
        mapping: report.layout.mapping,
        ignored_columns: report.layout.ignored_columns,
        normalised: report.normalised,
        normalised_count: report.normalised_count,
        id: r.id,
        status: r.status,
        dry_run: r.dry_run,
        file_name: r.file_name,
        progress: JobProgress { done, total },
        summary: r.summary_json.and_then(|s| serde_json::from_str(&s).ok()),
        errors: serde_json::from_str(&r.errors_json).unwrap_or_default(),
        created_at: r.created_at.0,
        updated_at: r.updated_at.0,
    }
}

/// The multipart form of an import.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ImportUpload {
    /// `.xlsx` or `.csv` (UTF-8 or GBK/GB18030). The header row is found by its content
    /// (title rows above it are skipped); headers may be any of the variants in
    /// docs/imports.md (学号, 全国学籍号, 姓名/学生姓名, 性别, 年级, 班级/班级名称,
    /// 监护人姓名, 监护人电话/联系电话/手机号码, 关系/与学生关系, 标记, or 是/否 columns
    /// such as 是否随迁子女). Other columns are left out and never stored.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// `true` (default): check and count only; `false`: check and import at once.
    dry_run: Option<bool>,
}

async fn read_upload(
    req: &HttpRequest,
    payload: web::Payload,
    limits: &Limits,
) -> AppResult<(String, Vec<u8>, bool)> {
    let ct = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.starts_with("multipart/form-data") {
        return Err(AppError::UnsupportedMediaType(
            "send the file as multipart/form-data with a field named file".into(),
        ));
    }
    let mut form = Multipart::new(req.headers(), payload);
    let (mut file, mut dry_run) = (None, true);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| AppError::BadRequest {
            code: "import.malformed_form",
            detail: e.to_string(),
        })?;
        let name = field.name().unwrap_or("").to_owned();
        let file_name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .unwrap_or("upload.csv")
            .to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| AppError::BadRequest {
                code: "import.malformed_form",
                detail: e.to_string(),
            })?;
            if bytes.len() + chunk.len() > limits.max_file_bytes {
                return Err(AppError::PayloadTooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "file" => file = Some((file_name, bytes)),
            "dry_run" => {
                dry_run = match String::from_utf8_lossy(&bytes).trim() {
                    // The documented boolean only (`0`/`1` are not booleans in the schema).
                    "true" | "" => true,
                    "false" => false,
                    other => {
                        return Err(AppError::field(
                            "dry_run",
                            "invalid",
                            format!("dry_run must be true or false, not {other:?}"),
                        ))
                    }
                }
            }
            _ => {}
        }
    }
    let (name, bytes) = file.ok_or_else(|| {
        AppError::field(
            "file",
            "required",
            "attach the roster file as the field file",
        )
    })?;
    if bytes.is_empty() {
        return Err(AppError::field("file", "empty", "the file is empty"));
    }
    Ok((name, bytes, dry_run))
}

/// [`store::prepare`] off the HTTP workers.
async fn prepare(name: String, bytes: Vec<u8>, limits: Limits) -> AppResult<Upload> {
    web::block(move || store::prepare(&name, &bytes, &limits))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("file check failed: {e}")))?
        .map_err(|r| AppError::field("file", r.code, r.message))
}

/// Upload a roster file. Starts a job (dry run by default) and answers 202 at once;
/// poll `GET …/imports/{id}` for progress, row errors and the summary.
#[utoipa::path(
    tag = "imports",
    params(SchoolPath),
    request_body(content = ImportUpload, content_type = "multipart/form-data"),
    responses((status = 202, description = "The job", body = ImportJob), WriteErrors),
    security(("bearer" = []))
)]
#[post("/imports")]
pub async fn create_import(
    req: HttpRequest,
    scope: SchoolScope,
    payload: web::Payload,
    db: web::Data<Db>,
    progress: web::Data<Progress>,
    config: web::Data<Config>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let limits = config.import_limits;
    let (name, bytes, dry_run) = read_upload(&req, payload, &limits).await?;
    let upload = prepare(name.clone(), bytes, limits).await?;
    let start = matches!(upload, Upload::Sheet(_));
    let (school, user, actor) = (scope.school(), scope.caller.user_id(), scope.actor());
    let job = db
        .run(move |c| {
            let id = store::insert_job(c, school, user, &name, &upload, dry_run)?;
            store::job(c, school, id)
        })
        .await?;
    if !start {
        return Ok(HttpResponse::Accepted().json(to_job(job, None)));
    }
    runner::spawn(
        db.get_ref().clone(),
        progress.get_ref().clone(),
        config.import_limits,
        school,
        job.id,
        actor,
        !dry_run,
    );
    Ok(HttpResponse::Accepted().json(to_job(job, None)))
}

/// An import job with its progress, row errors and summary.
#[utoipa::path(tag = "imports", params(SchoolItemPath), responses((status = 200, description = "The job", body = ImportJob), ReadErrors), security(("bearer" = [])))]
#[get("/imports/{id}")]
pub async fn get_import(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
    progress: web::Data<Progress>,
) -> AppResult<web::Json<ImportJob>> {
    scope.require(Permission::RosterWrite)?;
    let (school, id) = (scope.school(), path.id);
    let job = db.run(move |c| store::job(c, school, id)).await?;
    Ok(web::Json(to_job(job, progress.get(id))))
}

/// Commit a validated dry run: the same file is checked again and imported all-or-nothing.
#[utoipa::path(tag = "imports", params(SchoolItemPath), responses((status = 202, description = "The job, now running", body = ImportJob), WriteErrors), security(("bearer" = [])))]
#[post("/imports/{id}/commit")]
pub async fn commit_import(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
    progress: web::Data<Progress>,
    config: web::Data<Config>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let (school, id, actor) = (scope.school(), path.id, scope.actor());
    let job = db
        .run(move |c| {
            store::job(c, school, id)?;
            if !store::transition(c, id, "validated", "running", false)? {
                return Err(AppError::Conflict {
                    code: "import.not_validated",
                    detail: "only a validated dry run can be committed".into(),
                });
            }
            store::job(c, school, id)
        })
        .await?;
    runner::spawn(
        db.get_ref().clone(),
        progress.get_ref().clone(),
        config.import_limits,
        school,
        id,
        actor,
        true,
    );
    Ok(HttpResponse::Accepted().json(to_job(job, None)))
}
