//! The district's figures aggregated in SQL: a fixed number of grouped queries for the whole
//! district (terms in session, approved plans and their offerings, students by school, grade
//! and flags, applications by status, waiting places, special late requests), however many
//! schools it has — never one school's roster after another.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::auth::DistrictId;
use crate::db::schema::{
    application_offerings, applications, offerings, service_plans, service_requests, students,
    terms,
};
use crate::db::DbConn;
use crate::error::AppError;
use crate::reports::model::participation;
use crate::reports::types::SchoolFigures;
use crate::roster::model::{flags_from_text, StudentFlag};

/// A term of a school.
#[derive(Queryable)]
struct TermRow {
    school_id: i64,
    term_id: i64,
}

/// An approved plan version of a school's term.
#[derive(Queryable)]
struct PlanRow {
    school_id: i64,
    term_id: i64,
    version_no: i32,
    plan_id: i64,
}

/// What an offering of an approved plan serves.
#[derive(Queryable)]
struct ServesRow {
    school_id: i64,
    grades: String,
    boarders_excluded: bool,
}

/// Students of a school by grade and flags.
#[derive(Queryable)]
struct RosterRow {
    school_id: i64,
    grade: i32,
    flags: String,
    n: i64,
}

/// Rows of a school's term by status (applications, special late requests).
#[derive(Queryable)]
struct StatusRow {
    school_id: i64,
    term_id: i64,
    status: String,
    n: i64,
}

/// Waiting places of a school's term.
#[derive(Queryable)]
struct WaitingRow {
    school_id: i64,
    term_id: i64,
    n: i64,
}

/// Per school of the district: the term in session on `date` and its figures.
pub fn figures(
    c: &mut DbConn,
    district: DistrictId,
    date: NaiveDate,
) -> Result<Vec<SchoolFigures>, AppError> {
    let schools =
        crate::roster::store::school_data::schools_of_district(c, district.get(), None, 10_000)?;
    let ids: Vec<i64> = schools.iter().map(|s| s.id).collect();
    // The term in session per school (the first by id when terms overlap).
    let mut term_of: HashMap<i64, i64> = HashMap::new();
    for TermRow { school_id, term_id } in terms::table
        .filter(terms::school_id.eq_any(ids.clone()))
        .filter(terms::start_date.le(date))
        .filter(terms::end_date.ge(date))
        .order(terms::id)
        .select((terms::school_id, terms::id))
        .load::<TermRow>(c)?
    {
        term_of.entry(school_id).or_insert(term_id);
    }
    let term_ids: Vec<i64> = term_of.values().copied().collect();
    // The newest approved plan of each (school, term), and what its offerings serve.
    let mut plan_of: HashMap<i64, (i32, i64)> = HashMap::new();
    for r in service_plans::table
        .filter(service_plans::school_id.eq_any(ids.clone()))
        .filter(service_plans::term_id.eq_any(term_ids.clone()))
        .filter(service_plans::status.eq("approved"))
        .select((
            service_plans::school_id,
            service_plans::term_id,
            service_plans::version_no,
            service_plans::id,
        ))
        .load::<PlanRow>(c)?
    {
        if term_of.get(&r.school_id) == Some(&r.term_id)
            && plan_of
                .get(&r.school_id)
                .is_none_or(|(v, _)| *v < r.version_no)
        {
            plan_of.insert(r.school_id, (r.version_no, r.plan_id));
        }
    }
    let plan_ids: Vec<i64> = plan_of.values().map(|(_, p)| *p).collect();
    // school → (grades served, every offering excludes boarders)
    let mut serves: HashMap<i64, (Vec<i32>, bool)> = HashMap::new();
    for r in offerings::table
        .filter(offerings::plan_id.eq_any(plan_ids))
        .select((
            offerings::school_id,
            offerings::grades,
            offerings::boarders_excluded,
        ))
        .load::<ServesRow>(c)?
    {
        let e = serves.entry(r.school_id).or_insert((Vec::new(), true));
        e.0.extend(
            r.grades
                .split(',')
                .filter_map(|g| g.trim().parse::<i32>().ok()),
        );
        e.1 &= r.boarders_excluded;
    }
    let roster: Vec<RosterRow> = students::table
        .filter(students::school_id.eq_any(ids.clone()))
        .group_by((students::school_id, students::grade, students::flags))
        .select((
            students::school_id,
            students::grade,
            students::flags,
            count_star(),
        ))
        .load(c)?;
    let mut eligible: HashMap<i64, i64> = HashMap::new();
    for r in roster {
        let Some((grades, no_boarders)) = serves.get(&r.school_id) else {
            continue;
        };
        let boarder = flags_from_text(&r.flags).contains(&StudentFlag::Boarder);
        if grades.contains(&r.grade) && !(*no_boarders && boarder) {
            *eligible.entry(r.school_id).or_default() += r.n;
        }
    }
    let mut applied: HashMap<i64, (i64, i64)> = HashMap::new();
    for r in applications::table
        .filter(applications::school_id.eq_any(ids.clone()))
        .filter(applications::term_id.eq_any(term_ids.clone()))
        .group_by((
            applications::school_id,
            applications::term_id,
            applications::status,
        ))
        .select((
            applications::school_id,
            applications::term_id,
            applications::status,
            count_star(),
        ))
        .load::<StatusRow>(c)?
    {
        if term_of.get(&r.school_id) == Some(&r.term_id) {
            let e = applied.entry(r.school_id).or_default();
            e.0 += r.n;
            if r.status == "approved" {
                e.1 += r.n;
            }
        }
    }
    let mut waiting: HashMap<i64, i64> = HashMap::new();
    for r in application_offerings::table
        .inner_join(applications::table)
        .filter(applications::school_id.eq_any(ids.clone()))
        .filter(applications::term_id.eq_any(term_ids.clone()))
        .filter(application_offerings::placement.eq("waiting"))
        .group_by((applications::school_id, applications::term_id))
        .select((applications::school_id, applications::term_id, count_star()))
        .load::<WaitingRow>(c)?
    {
        if term_of.get(&r.school_id) == Some(&r.term_id) {
            waiting.insert(r.school_id, r.n);
        }
    }
    let mut late: HashMap<i64, (i64, i64)> = HashMap::new();
    for r in service_requests::table
        .filter(service_requests::school_id.eq_any(ids))
        .filter(service_requests::term_id.eq_any(term_ids))
        .filter(service_requests::kind.eq("special_late"))
        .group_by((
            service_requests::school_id,
            service_requests::term_id,
            service_requests::status,
        ))
        .select((
            service_requests::school_id,
            service_requests::term_id,
            service_requests::status,
            count_star(),
        ))
        .load::<StatusRow>(c)?
    {
        if term_of.get(&r.school_id) == Some(&r.term_id) {
            let e = late.entry(r.school_id).or_default();
            e.0 += r.n;
            if r.status == "approved" {
                e.1 += r.n;
            }
        }
    }
    Ok(schools
        .into_iter()
        .map(|s| {
            let term = term_of.get(&s.id).copied();
            let has = |m: &HashMap<i64, i64>| {
                if term.is_some() {
                    m.get(&s.id).copied().unwrap_or(0)
                } else {
                    0
                }
            };
            let el = has(&eligible);
            let (ap, ok) = applied.get(&s.id).copied().unwrap_or((0, 0));
            let (lr, la) = late.get(&s.id).copied().unwrap_or((0, 0));
            SchoolFigures {
                school_id: s.id,
                school_name: s.name,
                term_id: term,
                eligible: el,
                applied: ap,
                approved: ok,
                waiting: has(&waiting),
                participation_rate: participation(ok, el),
                special_late_requested: lr,
                special_late_approved: la,
            }
        })
        .collect())
}
