//! The rules of the texts, pure: the kinds of text, the hash acceptances refer to, what a
//! receipt must name, who may record a family's receipt (the access policy of
//! `POST /notice-receipts`), families (siblings who share a guardian) and the informed
//! report (知晓率) computed from the school's students, guardian links and receipts.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use crate::auth::{Ability, CallerKind, Role};
use crate::error::AppError;
use crate::texts::error::TextError;
use crate::texts::types::{HomeroomInformed, InformedReport, NotInformed, PlanText};

/// Kinds of text.
pub const TEXT_KINDS: &[&str] = &["notice", "application_form", "agreement"];

/// The API-client scope that records notice receipts (a parent app's own channel).
pub const NOTICES_RECORD: &str = "notices:record";

/// SHA-256 hex of a text.
pub fn text_hash(body: &str) -> String {
    hex::encode(Sha256::digest(body.as_bytes()))
}

/// Checks that `kind` is one of [`TEXT_KINDS`].
pub fn check_kind(kind: &str) -> Result<(), AppError> {
    if TEXT_KINDS.contains(&kind) {
        Ok(())
    } else {
        Err(AppError::field(
            "kind",
            "unknown",
            format!("one of {}", TEXT_KINDS.join(", ")),
        ))
    }
}

/// Checks that a receipt names a published notice.
pub fn check_notice(t: &PlanText) -> Result<(), AppError> {
    if t.kind != "notice" || t.published_at.is_none() {
        return Err(AppError::field(
            "text_id",
            "not_a_notice",
            "the text must be a published notice",
        ));
    }
    Ok(())
}

/// Who records a family's receipt of the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorder {
    /// A guardian of the student, reading it in the portal or a parent app.
    Guardian,
    /// A machine client with the [`NOTICES_RECORD`] scope, on its own channel.
    Client,
    /// A school admin, for a paper copy, for any student.
    SchoolAdmin,
    /// A homeroom teacher, for a paper copy, in their own classes only.
    HomeroomTeacher,
}

/// Who the caller records receipts as, from their kind, scopes and roles here.
pub fn recorder(
    kind: CallerKind,
    scopes: &[String],
    roles: &[Role],
) -> Result<Recorder, TextError> {
    match kind {
        CallerKind::Guardian => Ok(Recorder::Guardian),
        CallerKind::Client if scopes.iter().any(|s| s == NOTICES_RECORD) => Ok(Recorder::Client),
        CallerKind::Client => Err(TextError::ClientWithoutScope),
        CallerKind::Staff if !Ability::RecordPaperReceipt.held_by(roles) => {
            Err(TextError::NotARecorder)
        }
        CallerKind::Staff if roles.contains(&Role::SchoolAdmin) => Ok(Recorder::SchoolAdmin),
        CallerKind::Staff => Ok(Recorder::HomeroomTeacher),
    }
}

/// A homeroom teacher records for the students of the homerooms they lead.
pub fn teacher_may_record(led: &[i64], homeroom: i64) -> Result<(), TextError> {
    if led.contains(&homeroom) {
        Ok(())
    } else {
        Err(TextError::NotTheirClass)
    }
}

/// Groups students into families: children linked through a shared guardian, directly or
/// through a chain (union–find). Maps each student to its family's smallest student id.
pub fn family_of(
    students: impl IntoIterator<Item = i64>,
    links: &[(i64, i64)],
) -> HashMap<i64, i64> {
    fn root(parent: &mut HashMap<i64, i64>, x: i64) -> i64 {
        let mut r = x;
        while parent[&r] != r {
            r = parent[&r];
        }
        let mut y = x;
        while parent[&y] != r {
            let next = parent[&y];
            parent.insert(y, r);
            y = next;
        }
        r
    }
    let mut parent: HashMap<i64, i64> = students.into_iter().map(|s| (s, s)).collect();
    let mut first_child: HashMap<i64, i64> = HashMap::new();
    for &(student, guardian) in links {
        if !parent.contains_key(&student) {
            continue;
        }
        match first_child.get(&guardian) {
            None => {
                first_child.insert(guardian, student);
            }
            Some(&other) => {
                let (a, b) = (root(&mut parent, student), root(&mut parent, other));
                if a != b {
                    parent.insert(a.max(b), a.min(b));
                }
            }
        }
    }
    let ids: Vec<i64> = parent.keys().copied().collect();
    ids.into_iter().map(|s| (s, root(&mut parent, s))).collect()
}

/// (families, informed families): the families of `students`, and those whose notice was
/// received for any of their children.
pub fn count_families(
    students: impl IntoIterator<Item = i64>,
    links: &[(i64, i64)],
    received: &[i64],
) -> (i64, i64) {
    let family = family_of(students, links);
    let all: HashSet<i64> = family.values().copied().collect();
    let informed: HashSet<i64> = received
        .iter()
        .filter_map(|s| family.get(s).copied())
        .collect();
    (all.len() as i64, informed.len() as i64)
}

/// A student in their homeroom, as the informed report lists them.
#[derive(Debug, Clone)]
pub struct Pupil {
    pub student_id: i64,
    pub name: String,
    pub homeroom_id: i64,
    pub homeroom_name: String,
}

/// The informed report of a notice: `pupils` in homeroom order, the school's guardian
/// links `(student, guardian)`, and the students whose family received the notice.
pub fn informed_report(
    notice: Option<i64>,
    pupils: Vec<Pupil>,
    links: &[(i64, i64)],
    received: &HashSet<i64>,
) -> InformedReport {
    let family = family_of(pupils.iter().map(|p| p.student_id), links);
    let informed_families: HashSet<i64> = received
        .iter()
        .filter_map(|s| family.get(s).copied())
        .collect();
    let mut out: Vec<HomeroomInformed> = Vec::new();
    let mut seen: HashSet<i64> = HashSet::new();
    for p in pupils {
        if out.last().is_none_or(|h| h.homeroom_id != p.homeroom_id) {
            out.push(HomeroomInformed {
                homeroom_id: p.homeroom_id,
                homeroom_name: p.homeroom_name,
                students: 0,
                families: 0,
                informed: 0,
                not_informed: vec![],
            });
            seen.clear();
        }
        let h = out.last_mut().expect("pushed above");
        let f = family[&p.student_id];
        h.students += 1;
        let fresh = seen.insert(f);
        let knows = informed_families.contains(&f);
        if fresh {
            h.families += 1;
            h.informed += i64::from(knows);
        }
        if !knows {
            h.not_informed.push(NotInformed {
                student_id: p.student_id,
                name: p.name,
            });
        }
    }
    let all: HashSet<i64> = family.values().copied().collect();
    let families = all.len() as i64;
    let informed = all.intersection(&informed_families).count() as i64;
    let rate = if families == 0 {
        1.0
    } else {
        informed as f64 / families as f64
    };
    InformedReport {
        text_id: notice,
        students: family.len() as i64,
        families,
        informed,
        rate,
        homerooms: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_sharing_a_guardian_are_one_family() {
        // 1 and 2 share guardian 10; 2 and 3 share guardian 11 (a chain); 4 has none.
        let f = family_of(
            [1, 2, 3, 4, 5],
            &[(1, 10), (2, 10), (2, 11), (3, 11), (5, 12)],
        );
        assert_eq!((f[&1], f[&2], f[&3]), (1, 1, 1));
        assert_eq!(f[&4], 4);
        assert_eq!(f[&5], 5);
        let families: std::collections::HashSet<i64> = f.values().copied().collect();
        assert_eq!(families.len(), 3);
    }

    #[test]
    fn links_to_students_outside_the_list_are_ignored() {
        let f = family_of([1, 2], &[(1, 10), (99, 10), (2, 11)]);
        assert_eq!((f[&1], f[&2]), (1, 2));
    }

    #[test]
    fn a_family_is_informed_through_any_of_its_children() {
        let links = [(1, 10), (2, 10), (3, 11)];
        assert_eq!(count_families([1, 2, 3, 4], &links, &[2]), (3, 1));
        assert_eq!(count_families([1, 2, 3, 4], &links, &[]), (3, 0));
        assert_eq!(count_families([], &links, &[1]), (0, 0));
    }

    fn pupil(id: i64, homeroom: i64) -> Pupil {
        Pupil {
            student_id: id,
            name: format!("s{id}"),
            homeroom_id: homeroom,
            homeroom_name: format!("h{homeroom}"),
        }
    }

    #[test]
    fn the_report_counts_families_per_homeroom_and_lists_who_is_not_informed() {
        // 1 and 2 are siblings in homeroom 7 (informed through 2); 3 is in 8, not informed;
        // 4 in 8 is a sibling of 1 and so informed too.
        let pupils = vec![pupil(1, 7), pupil(2, 7), pupil(3, 8), pupil(4, 8)];
        let links = [(1, 10), (2, 10), (4, 10), (3, 11)];
        let r = informed_report(Some(5), pupils, &links, &HashSet::from([2]));
        assert_eq!(
            (r.text_id, r.students, r.families, r.informed),
            (Some(5), 4, 2, 1)
        );
        assert!((r.rate - 0.5).abs() < 1e-9);
        let h: Vec<(i64, i64, i64, i64)> = r
            .homerooms
            .iter()
            .map(|h| (h.homeroom_id, h.students, h.families, h.informed))
            .collect();
        assert_eq!(h, vec![(7, 2, 1, 1), (8, 2, 2, 1)]);
        let missing: Vec<i64> = r.homerooms[1]
            .not_informed
            .iter()
            .map(|n| n.student_id)
            .collect();
        assert_eq!(missing, vec![3]);
        assert!(r.homerooms[0].not_informed.is_empty());
    }

    #[test]
    fn with_no_families_everyone_is_informed() {
        let r = informed_report(None, vec![], &[], &HashSet::new());
        assert_eq!((r.families, r.rate, r.homerooms.len()), (0, 1.0, 0));
    }

    #[test]
    fn guardians_clients_with_the_scope_admins_and_teachers_record_receipts() {
        let scoped = vec![NOTICES_RECORD.to_owned()];
        assert_eq!(
            recorder(CallerKind::Guardian, &[], &[]).ok(),
            Some(Recorder::Guardian)
        );
        assert_eq!(
            recorder(CallerKind::Client, &scoped, &[]).ok(),
            Some(Recorder::Client)
        );
        assert!(matches!(
            recorder(CallerKind::Client, &["roster:read".into()], &[]),
            Err(TextError::ClientWithoutScope)
        ));
        assert_eq!(
            recorder(
                CallerKind::Staff,
                &[],
                &[Role::HomeroomTeacher, Role::SchoolAdmin]
            )
            .ok(),
            Some(Recorder::SchoolAdmin)
        );
        assert_eq!(
            recorder(CallerKind::Staff, &[], &[Role::HomeroomTeacher]).ok(),
            Some(Recorder::HomeroomTeacher)
        );
        for role in [Role::DistrictAdmin, Role::Tutor, Role::Finance, Role::Gate] {
            assert!(matches!(
                recorder(CallerKind::Staff, &[], &[role]),
                Err(TextError::NotARecorder)
            ));
        }
        assert!(teacher_may_record(&[3, 4], 4).is_ok());
        assert!(matches!(
            teacher_may_record(&[3], 4),
            Err(TextError::NotTheirClass)
        ));
        assert!(TextError::ClientWithoutScope
            .to_string()
            .contains(NOTICES_RECORD));
    }

    #[test]
    fn kinds_notices_and_hashes() {
        assert!(check_kind("agreement").is_ok());
        assert!(matches!(check_kind("letter"), Err(AppError::Validation(_))));
        let mut t = PlanText {
            id: 1,
            term_id: 1,
            kind: "notice".into(),
            version_no: 1,
            title: "t".into(),
            body: "b".into(),
            sha256: text_hash("b"),
            published_at: None,
        };
        assert!(check_notice(&t).is_err(), "a draft is not yet the notice");
        t.published_at = Some(chrono::Utc::now());
        assert!(check_notice(&t).is_ok());
        t.kind = "agreement".into();
        assert!(check_notice(&t).is_err());
        assert_eq!(
            text_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
