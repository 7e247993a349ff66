//! `GET /schools/{school_id}/exports/students.xlsx`: the roster as a workbook whose
//! columns are the import template's, so an export can be edited and imported again.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

use crate::auth::need_to_know::{is_sensitive, mask_identifier, Field, Viewer};
use crate::auth::SchoolId;
use crate::auth::{mask_phone, Permission, SchoolScope};
use crate::db::schema::{guardians, homerooms, student_guardians, students};
use crate::db::{Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolPath};
use crate::roster::model::{flags_from_text, Gender};

type Row = (
    String,
    Option<String>,
    String,
    String,
    i32,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Export the school's students with their first guardian as `.xlsx`. Phones are masked
/// unless the caller may see contacts.
#[utoipa::path(
    tag = "imports",
    params(SchoolPath),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), ReadErrors),
    security(("bearer" = []))
)]
#[get("/exports/students.xlsx")]
pub async fn export_students(scope: SchoolScope, db: web::Data<Db>) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let school = scope.school();
    let (full, flagged, identified) = sees(&Viewer::of(&scope));
    let rows: Vec<Row> = db.run(move |c| rows_of(c, school)).await?;
    let bytes = web::block(move || workbook(&rows, full, flagged, identified))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))??;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"students.xlsx\"; filename*=UTF-8''%E5%AD%A6%E7%94%9F%E5%90%8D%E5%8D%95.xlsx"))
        .body(bytes))
}

/// The students of a school with their first guardian, in the template's order.
fn rows_of(c: &mut DbConn, school: SchoolId) -> Result<Vec<Row>, AppError> {
    Ok(students::table
        .inner_join(homerooms::table)
        .left_join(student_guardians::table.on(student_guardians::student_id.eq(students::id)))
        .left_join(guardians::table.on(guardians::id.eq(student_guardians::guardian_id)))
        .filter(students::school_id.eq(school))
        .select((
            students::student_no,
            students::national_no,
            students::name,
            students::gender,
            students::grade,
            homerooms::name,
            students::flags,
            guardians::name.nullable(),
            guardians::phone.nullable(),
            student_guardians::relation.nullable(),
        ))
        .order((students::grade, homerooms::name, students::student_no))
        .load(c)?)
}

/// The whole roster of a school as a workbook, unmasked (`kehou export`, run by whoever
/// runs the server); the same columns as the API's export.
pub fn full_workbook(c: &mut DbConn, school: SchoolId) -> Result<(Vec<u8>, usize), AppError> {
    let rows = rows_of(c, school)?;
    let mut students: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    students.dedup();
    Ok((workbook(&rows, true, true, true)?, students.len()))
}

/// Whether the caller sees phones, sensitive flags and national numbers in full.
fn sees(viewer: &Viewer) -> (bool, bool, bool) {
    (
        viewer.sees(Field::Contacts, None),
        viewer.sees(Field::SensitiveFlags, None),
        viewer.sees(Field::Identifiers, None),
    )
}

fn workbook(
    rows: &[Row],
    full_phones: bool,
    flagged: bool,
    identified: bool,
) -> Result<Vec<u8>, AppError> {
    let xl = |e: rust_xlsxwriter::XlsxError| AppError::Internal(e.into());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("学生名单").map_err(xl)?;
    let bold = Format::new().set_bold();
    for (i, h) in super::model::template_headers().iter().enumerate() {
        sheet
            .write_string_with_format(0, i as u16, *h, &bold)
            .map_err(xl)?;
    }
    let mut last: Option<&str> = None;
    let mut r = 0u32;
    for row in rows {
        // One line per student: the first guardian only (ordering is stable by guardian link).
        if last == Some(row.0.as_str()) {
            continue;
        }
        last = Some(row.0.as_str());
        r += 1;
        let gender = if Gender::parse(&row.3) == Some(Gender::Female) {
            "女"
        } else {
            "男"
        };
        let flags: Vec<&str> = flags_from_text(&row.6)
            .into_iter()
            .filter(|f| flagged || !is_sensitive(*f))
            .map(|f| f.label())
            .collect();
        let phone = row
            .8
            .as_deref()
            .map(|p| {
                if full_phones {
                    p.to_owned()
                } else {
                    mask_phone(p)
                }
            })
            .unwrap_or_default();
        let national = row
            .1
            .as_deref()
            .map(|n| {
                if identified {
                    n.to_owned()
                } else {
                    mask_identifier(n)
                }
            })
            .unwrap_or_default();
        let cells = [
            row.0.as_str(),
            national.as_str(),
            row.2.as_str(),
            gender,
            "",
            row.5.as_str(),
            row.7.as_deref().unwrap_or(""),
            phone.as_str(),
            row.9.as_deref().unwrap_or(""),
            &flags.join("、"),
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(r, c as u16, *v).map_err(xl)?;
        }
        sheet.write_number(r, 4, row.4 as f64).map_err(xl)?;
    }
    sheet.autofit();
    book.save_to_buffer().map_err(xl)
}

/// The import template: the headers Kehou reads, in order, and one example row. Any
/// header variant (docs/imports.md) is accepted too; title rows above the header are fine.
#[utoipa::path(
    tag = "imports",
    params(SchoolPath),
    responses((status = 200, description = "The template workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), ReadErrors),
    security(("bearer" = []))
)]
#[get("/imports/template.xlsx")]
pub async fn import_template(scope: SchoolScope) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let bytes = web::block(template)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))??;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"roster-template.xlsx\"; filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"))
        .body(bytes))
}

/// The template workbook (also written by `kehou template`).
pub fn template() -> Result<Vec<u8>, AppError> {
    let xl = |e: rust_xlsxwriter::XlsxError| AppError::Internal(e.into());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("学生名单").map_err(xl)?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (i, (h, v)) in super::model::template_headers()
        .iter()
        .zip(super::model::template_example())
        .enumerate()
    {
        sheet
            .write_string_with_format(0, i as u16, *h, &bold)
            .map_err(xl)?;
        // Text cells, so that Excel keeps a 学号's leading zeros and a phone's digits.
        sheet.set_column_format(i as u16, &text).map_err(xl)?;
        sheet.write_string(1, i as u16, v).map_err(xl)?;
    }
    sheet.autofit();
    book.save_to_buffer().map_err(xl)
}
