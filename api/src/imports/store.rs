//! Import jobs and the all-or-nothing apply of checked rows.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use diesel::prelude::*;

use super::model::ImportRow;

pub use super::jobs::*;
use crate::audit::Actor;
use crate::auth::SchoolId;
use crate::db::bulk::Cell;
use crate::db::schema::{guardians, homerooms, student_guardians, students};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::flags_to_text;
use crate::write_rows;

type Existing = (
    i64,
    String,
    String,
    String,
    i32,
    i64,
    String,
    i64,
    Option<String>,
);

/// Writes the rows (inside the caller's transaction): creates missing homerooms,
/// creates or updates students by number, creates guardians by phone and links them,
/// audits every student created or changed. With `write = false` only counts.
pub fn apply(
    c: &mut DbConn,
    school_id: SchoolId,
    rows: &[ImportRow],
    actor: &Actor,
    write: bool,
    progress: &dyn Fn(usize),
) -> Result<ImportSummary, AppError> {
    let mut summary = ImportSummary {
        rows: rows.len(),
        ..Default::default()
    };
    let now = Utc::now();

    // Homerooms by name.
    let mut homeroom_ids: HashMap<String, i64> = homerooms::table
        .filter(homerooms::school_id.eq(school_id))
        .select((homerooms::name, homerooms::id))
        .load::<(String, i64)>(c)?
        .into_iter()
        .collect();
    let mut wanted: Vec<(&str, i32)> = rows
        .iter()
        .map(|r| (r.homeroom.as_str(), r.grade))
        .collect();
    wanted.sort();
    wanted.dedup();
    let mut new_homerooms = Vec::new();
    for (name, grade) in wanted {
        if homeroom_ids.contains_key(name) {
            continue;
        }
        summary.homerooms_created += 1;
        homeroom_ids.insert(name.to_owned(), 0);
        new_homerooms.push(vec![
            Cell::from(school_id.get()),
            grade.into(),
            name.into(),
            1i64.into(),
            now.into(),
            now.into(),
        ]);
    }
    if write && !new_homerooms.is_empty() {
        write_rows!(
            c,
            homerooms,
            (school_id, grade, name, version, created_at, updated_at),
            &new_homerooms
        )?;
        homeroom_ids = homerooms::table
            .filter(homerooms::school_id.eq(school_id))
            .select((homerooms::name, homerooms::id))
            .load::<(String, i64)>(c)?
            .into_iter()
            .collect();
    }

    // Students by number, else (a re-import after the local numbers changed) by 全国学籍号.
    let existing: HashMap<String, Existing> = students::table
        .filter(students::school_id.eq(school_id))
        .select((
            students::id,
            students::student_no,
            students::name,
            students::gender,
            students::grade,
            students::homeroom_id,
            students::flags,
            students::version,
            students::national_no,
        ))
        .load::<Existing>(c)?
        .into_iter()
        .map(|e| (e.1.clone(), e))
        .collect();
    let by_national: HashMap<&str, &Existing> = existing
        .values()
        .filter_map(|e| e.8.as_deref().map(|n| (n, e)))
        .collect();
    let mut created: HashSet<&str> = HashSet::new();
    let mut inserts = Vec::new();
    let mut audits = Vec::new();
    let audit = |action: &str, id: i64, before: Option<String>, after: String| {
        vec![
            Cell::from(school_id.get()),
            actor.kind.as_str().into(),
            actor.id.into(),
            action.into(),
            "student".into(),
            id.into(),
            before.into(),
            after.into(),
            Some(actor.request_id.as_str())
                .filter(|r| !r.is_empty())
                .into(),
            now.into(),
        ]
    };
    for (k, r) in rows.iter().enumerate() {
        let homeroom_id = homeroom_ids[&r.homeroom];
        let flags = flags_to_text(&r.flags);
        let after = serde_json::json!({"student_no": r.student_no, "name": r.name, "gender": r.gender.as_str(), "grade": r.grade, "homeroom": r.homeroom, "flags": flags, "national_no": r.national_no.is_some()});
        let matched = existing.get(&r.student_no).or_else(|| {
            r.national_no
                .as_deref()
                .and_then(|n| by_national.get(n).copied())
        });
        match matched {
            None => {
                summary.students_created += 1;
                created.insert(r.student_no.as_str());
                inserts.push(vec![
                    Cell::from(school_id.get()),
                    r.student_no.as_str().into(),
                    r.national_no.as_deref().into(),
                    r.name.as_str().into(),
                    r.gender.as_str().into(),
                    r.grade.into(),
                    homeroom_id.into(),
                    flags.into(),
                    1i64.into(),
                    now.into(),
                    now.into(),
                ]);
            }
            Some(e) => {
                let same = e.2 == r.name
                    && e.3 == r.gender.as_str()
                    && e.4 == r.grade
                    && e.5 == homeroom_id
                    && e.6 == flags
                    && e.1 == r.student_no
                    && (r.national_no.is_none() || e.8 == r.national_no);
                if same {
                    summary.students_unchanged += 1;
                    continue;
                }
                summary.students_updated += 1;
                if write {
                    diesel::update(students::table.filter(students::id.eq(e.0)))
                        .set((
                            students::student_no.eq(&r.student_no),
                            students::national_no.eq(r.national_no.as_ref().or(e.8.as_ref())),
                            students::name.eq(&r.name),
                            students::gender.eq(r.gender.as_str()),
                            students::grade.eq(r.grade),
                            students::homeroom_id.eq(homeroom_id),
                            students::flags.eq(&flags),
                            students::version.eq(e.7 + 1),
                            students::updated_at.eq(Instant(now)),
                        ))
                        .execute(c)?;
                    let before = serde_json::json!({"student_no": e.1, "name": e.2, "gender": e.3, "grade": e.4, "homeroom_id": e.5, "flags": e.6});
                    audits.push(audit(
                        "student.import_update",
                        e.0,
                        Some(before.to_string()),
                        after.to_string(),
                    ));
                }
            }
        }
        if k % 1000 == 999 {
            progress(k + 1);
        }
    }
    if !write {
        // Count guardians that would be created.
        let phones: HashSet<String> = guardians::table
            .filter(guardians::school_id.eq(school_id))
            .select(guardians::phone)
            .load::<String>(c)?
            .into_iter()
            .collect();
        let new_phones: HashSet<&str> = rows
            .iter()
            .filter_map(|r| r.guardian.as_ref())
            .map(|g| g.1.as_str())
            .filter(|p| !phones.contains(*p))
            .collect();
        summary.guardians_created = new_phones.len();
        return Ok(summary);
    }
    write_rows!(
        c,
        students,
        (
            school_id,
            student_no,
            national_no,
            name,
            gender,
            grade,
            homeroom_id,
            flags,
            version,
            created_at,
            updated_at
        ),
        &inserts
    )?;
    let ids: HashMap<String, i64> = students::table
        .filter(students::school_id.eq(school_id))
        .select((students::student_no, students::id))
        .load::<(String, i64)>(c)?
        .into_iter()
        .collect();
    for r in rows
        .iter()
        .filter(|r| created.contains(r.student_no.as_str()))
    {
        let after = serde_json::json!({"student_no": r.student_no, "name": r.name, "gender": r.gender.as_str(), "grade": r.grade, "homeroom": r.homeroom, "flags": flags_to_text(&r.flags)});
        audits.push(audit(
            "student.import_create",
            ids[&r.student_no],
            None,
            after.to_string(),
        ));
    }

    // Guardians by phone, and their links.
    let mut phone_ids: HashMap<String, i64> = guardians::table
        .filter(guardians::school_id.eq(school_id))
        .select((guardians::phone, guardians::id))
        .load::<(String, i64)>(c)?
        .into_iter()
        .collect();
    let mut new_guardians = Vec::new();
    let mut queued: HashSet<&str> = HashSet::new();
    for (name, phone, _) in rows.iter().filter_map(|r| r.guardian.as_ref()) {
        if !phone_ids.contains_key(phone) && queued.insert(phone) {
            new_guardians.push(vec![
                Cell::from(school_id.get()),
                name.as_str().into(),
                phone.as_str().into(),
                1i64.into(),
                now.into(),
                now.into(),
            ]);
        }
    }
    summary.guardians_created = new_guardians.len();
    if !new_guardians.is_empty() {
        write_rows!(
            c,
            guardians,
            (school_id, name, phone, version, created_at, updated_at),
            &new_guardians
        )?;
        phone_ids = guardians::table
            .filter(guardians::school_id.eq(school_id))
            .select((guardians::phone, guardians::id))
            .load::<(String, i64)>(c)?
            .into_iter()
            .collect();
    }
    let links: HashSet<(i64, i64)> = student_guardians::table
        .filter(student_guardians::school_id.eq(school_id))
        .select((
            student_guardians::student_id,
            student_guardians::guardian_id,
        ))
        .load::<(i64, i64)>(c)?
        .into_iter()
        .collect();
    let mut new_links = Vec::new();
    let mut linked: HashSet<(i64, i64)> = HashSet::new();
    for r in rows {
        if let Some((_, phone, relation)) = &r.guardian {
            let key = (ids[&r.student_no], phone_ids[phone]);
            if !links.contains(&key) && linked.insert(key) {
                new_links.push(vec![
                    Cell::from(school_id.get()),
                    key.0.into(),
                    key.1.into(),
                    relation.as_str().into(),
                ]);
            }
        }
    }
    summary.guardian_links_created = new_links.len();
    write_rows!(
        c,
        student_guardians,
        (school_id, student_id, guardian_id, relation),
        &new_links
    )?;
    write_rows!(
        c,
        audit_events,
        (
            school_id,
            actor_kind,
            actor_id,
            action,
            entity,
            entity_id,
            before_json,
            after_json,
            request_id,
            at
        ),
        &audits
    )?;
    progress(rows.len());
    Ok(summary)
}
