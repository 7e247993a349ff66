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
    for (school, term) in terms::table
        .filter(terms::school_id.eq_any(ids.clone()))
        .filter(terms::start_date.le(date))
        .filter(terms::end_date.ge(date))
        .order(terms::id)
        .select((terms::school_id, terms::id))
        .load::<(i64, i64)>(c)?
    {
        term_of.entry(school).or_insert(term);
    }
    let term_ids: Vec<i64> = term_of.values().copied().collect();
    // The newest approved plan of each (school, term), and what its offerings serve.
    let mut plan_of: HashMap<i64, (i32, i64)> = HashMap::new();
    for (school, term, version, plan) in service_plans::table
        .filter(service_plans::school_id.eq_any(ids.clone()))
        .filter(service_plans::term_id.eq_any(term_ids.clone()))
        .filter(service_plans::status.eq("approved"))
        .select((
            service_plans::school_id,
            service_plans::term_id,
            service_plans::version_no,
            service_plans::id,
        ))
        .load::<(i64, i64, i32, i64)>(c)?
    {
        if term_of.get(&school) == Some(&term)
            && plan_of.get(&school).is_none_or(|(v, _)| *v < version)
        {
            plan_of.insert(school, (version, plan));
        }
    }
    let plan_ids: Vec<i64> = plan_of.values().map(|(_, p)| *p).collect();
    // school → (grades served, every offering excludes boarders)
    let mut serves: HashMap<i64, (Vec<i32>, bool)> = HashMap::new();
    for (school, grades, no_boarders) in offerings::table
        .filter(offerings::plan_id.eq_any(plan_ids))
        .select((
            offerings::school_id,
            offerings::grades,
            offerings::boarders_excluded,
        ))
        .load::<(i64, String, bool)>(c)?
    {
        let e = serves.entry(school).or_insert((Vec::new(), true));
        e.0.extend(
            grades
                .split(',')
                .filter_map(|g| g.trim().parse::<i32>().ok()),
        );
        e.1 &= no_boarders;
    }
    let roster: Vec<(i64, i32, String, i64)> = students::table
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
    for (school, grade, flags, n) in roster {
        let Some((grades, no_boarders)) = serves.get(&school) else {
            continue;
        };
        let boarder = flags_from_text(&flags).contains(&StudentFlag::Boarder);
        if grades.contains(&grade) && !(*no_boarders && boarder) {
            *eligible.entry(school).or_default() += n;
        }
    }
    let mut applied: HashMap<i64, (i64, i64)> = HashMap::new();
    for (school, term, status, n) in applications::table
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
        .load::<(i64, i64, String, i64)>(c)?
    {
        if term_of.get(&school) == Some(&term) {
            let e = applied.entry(school).or_default();
            e.0 += n;
            if status == "approved" {
                e.1 += n;
            }
        }
    }
    let mut waiting: HashMap<i64, i64> = HashMap::new();
    for (school, term, n) in application_offerings::table
        .inner_join(applications::table)
        .filter(applications::school_id.eq_any(ids.clone()))
        .filter(applications::term_id.eq_any(term_ids.clone()))
        .filter(application_offerings::placement.eq("waiting"))
        .group_by((applications::school_id, applications::term_id))
        .select((applications::school_id, applications::term_id, count_star()))
        .load::<(i64, i64, i64)>(c)?
    {
        if term_of.get(&school) == Some(&term) {
            waiting.insert(school, n);
        }
    }
    let mut late: HashMap<i64, (i64, i64)> = HashMap::new();
    for (school, term, status, n) in service_requests::table
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
        .load::<(i64, i64, String, i64)>(c)?
    {
        if term_of.get(&school) == Some(&term) {
            let e = late.entry(school).or_default();
            e.0 += n;
            if status == "approved" {
                e.1 += n;
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
