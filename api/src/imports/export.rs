//! `GET /schools/{school_id}/exports/students.xlsx`: the roster as a workbook whose
//! columns are the import template's, so an export can be edited and imported again.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

use crate::auth::{mask_phone, Permission, SchoolScope};
use crate::db::schema::{guardians, homerooms, student_guardians, students};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolPath};
use crate::roster::model::{flags_from_text, Gender};

type Row = (
    String,
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
    let viewer = crate::auth::need_to_know::Viewer::of(&scope);
    let (school, full, flagged) = (
        scope.school(),
        viewer.sees(crate::auth::need_to_know::Field::Contacts, None),
        viewer.sees(crate::auth::need_to_know::Field::SensitiveFlags, None),
    );
    let rows: Vec<Row> = db
        .run(move |c| {
            Ok(students::table
                .inner_join(homerooms::table)
                .left_join(
                    student_guardians::table.on(student_guardians::student_id.eq(students::id)),
                )
                .left_join(guardians::table.on(guardians::id.eq(student_guardians::guardian_id)))
                .filter(students::school_id.eq(school))
                .select((
                    students::student_no,
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
        })
        .await?;
    let bytes = web::block(move || workbook(&rows, full, flagged))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))??;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"students.xlsx\"; filename*=UTF-8''%E5%AD%A6%E7%94%9F%E5%90%8D%E5%8D%95.xlsx"))
        .body(bytes))
}

fn workbook(rows: &[Row], full_phones: bool, flagged: bool) -> Result<Vec<u8>, AppError> {
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
        let gender = if Gender::parse(&row.2) == Some(Gender::Female) {
            "女"
        } else {
            "男"
        };
        let flags: Vec<&str> = flags_from_text(&row.5)
            .into_iter()
            .filter(|f| flagged || !crate::auth::need_to_know::is_sensitive(*f))
            .map(|f| f.label())
            .collect();
        let phone = row
            .7
            .as_deref()
            .map(|p| {
                if full_phones {
                    p.to_owned()
                } else {
                    mask_phone(p)
                }
            })
            .unwrap_or_default();
        let cells = [
            row.0.as_str(),
            row.1.as_str(),
            gender,
            "",
            row.4.as_str(),
            row.6.as_deref().unwrap_or(""),
            phone.as_str(),
            row.8.as_deref().unwrap_or(""),
            &flags.join("、"),
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(r, c as u16, *v).map_err(xl)?;
        }
        sheet.write_number(r, 3, row.3 as f64).map_err(xl)?;
    }
    sheet.autofit();
    book.save_to_buffer().map_err(xl)
}
