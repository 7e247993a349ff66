//! Application statistics for the school and the approved list (报名汇总表) as `.xlsx`.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;
use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::SchoolId;
use crate::auth::{Permission, SchoolScope};
use crate::db::schema::{application_offerings, applications, homerooms, offerings, students};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::docs::ReadErrors;
use crate::http::docs::TermPath;
use crate::plans::store as plan;
use crate::roster::model::StudentFlag;

/// Counts for one group (a grade, a homeroom, an offering kind, or the school).
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
pub struct Counts {
    /// Students who may use the service (grades offered; boarders left out where excluded).
    pub eligible: i64,
    pub applied: i64,
    pub approved: i64,
    pub in_review: i64,
    pub refused: i64,
    pub withdrawn: i64,
    /// Seats wanted beyond a school-set cap (unmet demand, reported to the district).
    pub waiting: i64,
    /// approved ÷ eligible, 0–1.
    pub participation_rate: f64,
}

/// Application statistics of a term.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApplicationStats {
    pub school: Counts,
    /// Families that received the current notice, of all families (children sharing a
    /// guardian are one family).
    pub informed: i64,
    pub families: i64,
    /// Refusals by reason code.
    pub refused_by_reason: BTreeMap<String, i64>,
    pub by_grade: BTreeMap<i32, Counts>,
    pub by_homeroom: BTreeMap<String, Counts>,
    pub by_offering_kind: BTreeMap<String, Counts>,
}

fn bump(c: &mut Counts, status: &str) {
    c.applied += 1;
    match status {
        "approved" => c.approved += 1,
        "rejected" => c.refused += 1,
        "withdrawn" => c.withdrawn += 1,
        _ => c.in_review += 1,
    }
}

fn rate(c: &mut Counts) {
    c.participation_rate = if c.eligible == 0 {
        0.0
    } else {
        c.approved as f64 / c.eligible as f64
    };
}

/// Applied, approved, refused (by reason), waiting and withdrawn, by grade, homeroom and
/// offering kind; participation = approved ÷ eligible students.
#[utoipa::path(tag = "reports", params(TermPath), responses((status = 200, description = "Statistics", body = ApplicationStats), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/application-stats")]
pub async fn application_stats(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ApplicationStats>> {
    scope.require(Permission::RosterRead)?;
    let (school, term) = (scope.school(), path.term_id);
    let stats = db.run(move |c| school_stats(c, school, term)).await?;
    Ok(web::Json(stats))
}

/// The statistics of one school and term.
pub fn school_stats(
    c: &mut crate::db::DbConn,
    school: SchoolId,
    term: i64,
) -> Result<ApplicationStats, AppError> {
    crate::roster::store::terms::term(c, school, term)?;
    let plan = plan::approved_plan(c, school, term)?;
    let grades: Vec<i32> = plan
        .as_ref()
        .map(|p| p.offerings.iter().flat_map(|o| o.grades.clone()).collect())
        .unwrap_or_default();
    let boarders_out = plan
        .as_ref()
        .is_some_and(|p| p.offerings.iter().all(|o| o.boarders_excluded));
    let roster: Vec<(i64, i32, String, String)> = students::table
        .inner_join(homerooms::table)
        .filter(students::school_id.eq(school))
        .select((
            students::id,
            students::grade,
            homerooms::name,
            students::flags,
        ))
        .load(c)?;
    let mut s = ApplicationStats {
        school: Counts::default(),
        informed: 0,
        families: 0,
        refused_by_reason: BTreeMap::new(),
        by_grade: BTreeMap::new(),
        by_homeroom: BTreeMap::new(),
        by_offering_kind: BTreeMap::new(),
    };
    let mut where_is: BTreeMap<i64, (i32, String)> = BTreeMap::new();
    for (id, grade, homeroom, flags) in roster {
        let boarder = crate::roster::model::flags_from_text(&flags).contains(&StudentFlag::Boarder);
        if grades.contains(&grade) && !(boarders_out && boarder) {
            s.school.eligible += 1;
            s.by_grade.entry(grade).or_default().eligible += 1;
            s.by_homeroom.entry(homeroom.clone()).or_default().eligible += 1;
        }
        where_is.insert(id, (grade, homeroom));
    }
    let apps: Vec<(i64, i64, String, Option<String>)> = applications::table
        .filter(applications::school_id.eq(school))
        .filter(applications::term_id.eq(term))
        .select((
            applications::id,
            applications::student_id,
            applications::status,
            applications::reject_reason,
        ))
        .load(c)?;
    for (_, student, status, reason) in &apps {
        bump(&mut s.school, status);
        if let Some((g, h)) = where_is.get(student) {
            bump(s.by_grade.entry(*g).or_default(), status);
            bump(s.by_homeroom.entry(h.clone()).or_default(), status);
        }
        if let Some(r) = reason {
            *s.refused_by_reason.entry(r.clone()).or_default() += 1;
        }
    }
    let placements: Vec<(String, String, String, i64)> = application_offerings::table
        .inner_join(offerings::table)
        .inner_join(applications::table)
        .filter(application_offerings::school_id.eq(school))
        .filter(applications::term_id.eq(term))
        .select((
            offerings::kind,
            application_offerings::placement,
            applications::status,
            applications::student_id,
        ))
        .load(c)?;
    for (kind, placement, status, student) in placements {
        let k = s.by_offering_kind.entry(kind.clone()).or_default();
        bump(k, &status);
        if placement == "waiting" {
            k.waiting += 1;
            s.school.waiting += 1;
            if let Some((g, h)) = where_is.get(&student) {
                s.by_grade.entry(*g).or_default().waiting += 1;
                s.by_homeroom.entry(h.clone()).or_default().waiting += 1;
            }
        }
    }
    // Eligible per kind: students of the grades the kind's offerings serve.
    if let Some(p) = &plan {
        for (kind, counts) in s.by_offering_kind.iter_mut() {
            let kind_grades: Vec<i32> = p
                .offerings
                .iter()
                .filter(|o| &o.kind == kind)
                .flat_map(|o| o.grades.clone())
                .collect();
            counts.eligible = s
                .by_grade
                .iter()
                .filter(|(g, _)| kind_grades.contains(g))
                .map(|(_, c)| c.eligible)
                .sum();
        }
    }
    s.by_offering_kind.values_mut().for_each(rate);
    let notice = crate::texts::versions::current(c, school, term, "notice")?;
    (s.families, s.informed) =
        crate::texts::informed::family_counts(c, school, notice.map(|t| t.id))?;
    rate(&mut s.school);
    s.by_grade.values_mut().for_each(rate);
    s.by_homeroom.values_mut().for_each(rate);
    Ok(s)
}

/// The approved list of the term, one sheet per homeroom (报名汇总表).
#[utoipa::path(
    tag = "reports",
    params(TermPath),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), ReadErrors),
    security(("bearer" = []))
)]
#[get("/terms/{term_id}/exports/approved-applications.xlsx")]
pub async fn export_approved(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    let (school, term) = (scope.school(), path.term_id);
    let rows: Vec<(String, String, String, String, String)> = db
        .run(move |c| {
            // Another school's term answers 404, not an empty workbook.
            crate::roster::store::terms::term(c, school, term)?;
            Ok(applications::table
                .inner_join(students::table.inner_join(homerooms::table))
                .inner_join(application_offerings::table.inner_join(offerings::table))
                .filter(applications::school_id.eq(school))
                .filter(applications::term_id.eq(term))
                .filter(applications::status.eq("approved"))
                .select((
                    homerooms::name,
                    students::student_no,
                    students::name,
                    offerings::name,
                    application_offerings::placement,
                ))
                .order((
                    homerooms::grade,
                    homerooms::name,
                    students::student_no,
                    offerings::id,
                ))
                .load(c)?)
        })
        .await?;
    let bytes = web::block(move || -> Result<Vec<u8>, AppError> {
        let xl = |e: rust_xlsxwriter::XlsxError| AppError::Internal(e.into());
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let mut current: Option<String> = None;
        let mut r = 0u32;
        for (homeroom, no, name, offering, placement) in &rows {
            if current.as_deref() != Some(homeroom.as_str()) {
                let sheet = book.add_worksheet();
                sheet.set_name(homeroom).map_err(xl)?;
                for (i, h) in ["学号", "姓名", "服务项目", "状态"].iter().enumerate() {
                    sheet
                        .write_string_with_format(0, i as u16, *h, &bold)
                        .map_err(xl)?;
                }
                current = Some(homeroom.clone());
                r = 0;
            }
            r += 1;
            let sheet = book
                .worksheets_mut()
                .last_mut()
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no sheet")))?;
            let status = if placement == "waiting" {
                "候补"
            } else {
                "已录取"
            };
            for (i, v) in [no, name, offering, &status.to_owned()].iter().enumerate() {
                sheet.write_string(r, i as u16, v.as_str()).map_err(xl)?;
            }
        }
        if rows.is_empty() {
            book.add_worksheet()
                .write_string(0, 0, "（暂无已批准的申请）")
                .map_err(xl)?;
        }
        book.save_to_buffer().map_err(xl)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))??;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"approved-applications.xlsx\"; filename*=UTF-8''%E6%8A%A5%E5%90%8D%E6%B1%87%E6%80%BB%E8%A1%A8.xlsx"))
        .body(bytes))
}
