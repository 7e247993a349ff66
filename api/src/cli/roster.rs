//! `kehou import`, `kehou export` and `kehou template`: the roster from a terminal, through
//! the same import job as the API (stored, reported, audited), with a progress bar
//! (indicatif) and the row errors as a table (comfy-table, which aligns Chinese text).

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use diesel::prelude::*;
use indicatif::{ProgressBar, ProgressStyle};

use crate::audit::Actor;
use crate::auth::SchoolId;
use crate::config::Config;
use crate::db::schema::schools;
use crate::db::Pool;
use crate::imports::layout::Report;
use crate::imports::model::RowError;
use crate::imports::runner::{self, Progress};
use crate::imports::store::{self, ImportSummary, Upload};
use crate::imports::{export, normalise::Normalisation};

/// The school with this code, or a one-line error naming it.
fn school_by_code(pool: &Pool, code: &str) -> anyhow::Result<SchoolId> {
    let id = schools::table
        .filter(schools::code.eq(code))
        .select(schools::id)
        .first::<i64>(&mut *pool.get()?)
        .optional()?
        .with_context(|| {
            format!("no school has the code {code:?} (see the district's schools page)")
        })?;
    Ok(SchoolId::of_stored_row(id))
}

/// Runs an import job of `file` for the school `code` and prints its report.
pub fn import(pool: &Pool, file: &Path, code: &str, commit: bool) -> anyhow::Result<()> {
    let limits = Config::from_env()?.import_limits;
    let school = school_by_code(pool, code)?;
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    if size > limits.max_file_bytes as u64 {
        bail!(
            "{} has {size} bytes; at most {} (KEHOU_IMPORT_MAX_FILE_BYTES)",
            file.display(),
            limits.max_file_bytes
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "roster".into());
    let upload = store::prepare(&name, &bytes, &limits)
        .map_err(|r| anyhow::anyhow!("{}: {} ({})", file.display(), r.message, r.code))?;
    let start = matches!(upload, Upload::Sheet(_));
    let total = match &upload {
        Upload::Sheet(s) => s.rows.len(),
        Upload::Failed(_) => 0,
    };
    let id = store::insert_job(&mut *pool.get()?, school, None, &name, &upload, !commit)?;
    if start {
        run_with_bar(pool, &limits, school, id, total, commit)?;
    }
    let job = store::job(&mut *pool.get()?, school, id)?;
    let report: Report = job
        .report_json
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    print_layout(&report);
    print_normalised(&report.normalised, report.normalised_count);
    let errors: Vec<RowError> = serde_json::from_str(&job.errors_json).unwrap_or_default();
    let summary: Option<ImportSummary> = job
        .summary_json
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok());
    match (job.status.as_str(), summary) {
        ("committed", Some(s)) => {
            println!("imported (job {id}): {}", describe(&s, false));
            Ok(())
        }
        ("validated", Some(s)) => {
            println!("dry run passed (job {id}): {}", describe(&s, true));
            println!("nothing was written; run again with --commit to import");
            Ok(())
        }
        _ => {
            print_errors(&errors);
            bail!(
                "{} problem(s) in {}: nothing was imported (job {id})",
                errors.iter().filter(|e| e.code != "more_errors").count(),
                file.display()
            )
        }
    }
}

/// Runs the job on this thread's behalf while a bar shows its progress.
fn run_with_bar(
    pool: &Pool,
    limits: &crate::imports::limits::Limits,
    school: SchoolId,
    id: i64,
    total: usize,
    commit: bool,
) -> anyhow::Result<()> {
    let progress = Progress::new(1);
    let bar = ProgressBar::new(total as u64).with_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} rows ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(if commit { "importing" } else { "checking" });
    let worker = {
        let (pool, progress, limits) = (pool.clone(), progress.clone(), *limits);
        std::thread::spawn(move || {
            runner::run_now(
                &pool,
                &progress,
                &limits,
                school,
                id,
                &Actor::system(),
                commit,
            )
        })
    };
    while !worker.is_finished() {
        if let Some((done, _)) = progress.get(id) {
            bar.set_position(done as u64);
        }
        bar.tick();
        std::thread::sleep(Duration::from_millis(80));
    }
    bar.finish_and_clear();
    worker
        .join()
        .map_err(|_| anyhow::anyhow!("the import stopped unexpectedly"))?
        .map_err(|e| anyhow::anyhow!("{e}"))
}

fn print_layout(r: &Report) {
    if r.layout.header_row == 0 {
        return;
    }
    let skipped = r.layout.header_row - 1;
    println!(
        "header row {}{}",
        r.layout.header_row,
        if skipped > 0 {
            format!(" ({skipped} title row(s) above it skipped)")
        } else {
            String::new()
        }
    );
    let mut t = table(&["column in the file", "Kehou field"]);
    for m in &r.layout.mapping {
        t.add_row(vec![m.column.as_str(), m.field.as_str()]);
    }
    println!("{t}");
    if !r.layout.ignored_columns.is_empty() {
        println!(
            "left out, not stored: {}",
            r.layout.ignored_columns.join(", ")
        );
    }
}

fn print_normalised(listed: &[Normalisation], count: usize) {
    if count == 0 {
        return;
    }
    println!("{count} value(s) tidied; the first:");
    let mut t = table(&["row", "column", "from", "to"]);
    for n in listed.iter().take(10) {
        t.add_row(vec![
            n.row.to_string(),
            n.column.clone(),
            n.from.clone(),
            n.to.clone(),
        ]);
    }
    println!("{t}");
}

fn print_errors(errors: &[RowError]) {
    let mut t = table(&["row", "column", "value", "problem"]);
    for e in errors {
        let row = if e.row == 0 {
            "-".into()
        } else {
            e.row.to_string()
        };
        t.add_row(vec![
            row,
            e.column.clone(),
            e.value.clone(),
            e.message.clone(),
        ]);
    }
    println!("{t}");
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_header(header.to_vec());
    t
}

fn describe(s: &ImportSummary, would: bool) -> String {
    let verb = if would { "would create" } else { "created" };
    format!(
        "{} rows; {verb} {} students, {} homerooms, {} guardians; {} updated, {} unchanged",
        s.rows,
        s.students_created,
        s.homerooms_created,
        s.guardians_created,
        s.students_updated,
        s.students_unchanged
    )
}

/// Writes the school's roster as `.xlsx`.
pub fn export(pool: &Pool, code: &str, file: &Path) -> anyhow::Result<()> {
    let school = school_by_code(pool, code)?;
    let (bytes, n) = export::full_workbook(&mut *pool.get()?, school)?;
    std::fs::write(file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
    println!("{n} students written to {}", file.display());
    Ok(())
}

/// Writes the import template.
pub fn template(file: &Path) -> anyhow::Result<()> {
    let bytes = export::template()?;
    std::fs::write(file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
    println!("template written to {}", file.display());
    Ok(())
}
