//! How the figures are counted, pure: a school's statistics from its roster, applications
//! and placements; the district's totals from its schools' figures; the default date.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::reports::types::{ApplicationStats, Counts, DistrictFigures, SchoolFigures};

/// What an offering of the approved plan serves.
#[derive(Debug, Clone)]
pub struct Serves {
    pub kind: String,
    pub grades: Vec<i32>,
    pub boarders_excluded: bool,
}

/// A student of the school.
#[derive(Debug, Clone)]
pub struct Pupil {
    pub id: i64,
    pub grade: i32,
    pub homeroom: String,
    pub boarder: bool,
}

/// An application of the term.
#[derive(Debug, Clone)]
pub struct Applied {
    pub student_id: i64,
    pub status: String,
    pub reject_reason: Option<String>,
}

/// An offering of an application of the term, and where the child stands in it.
#[derive(Debug, Clone)]
pub struct Placed {
    pub kind: String,
    pub placement: String,
    pub status: String,
    pub student_id: i64,
}

/// The facts a school's statistics are counted from.
#[derive(Debug, Clone, Default)]
pub struct StatsFacts {
    /// The offerings of the approved plan (none: no plan is approved).
    pub offerings: Option<Vec<Serves>>,
    pub pupils: Vec<Pupil>,
    pub applications: Vec<Applied>,
    pub placements: Vec<Placed>,
    /// The term's clubs and the ranked choices made of them.
    pub clubs: Vec<crate::reports::clubs::ClubSeats>,
    pub club_choices: Vec<crate::reports::clubs::Chosen>,
    /// Families, and those that received the current notice.
    pub families: i64,
    pub informed: i64,
}

/// approved ÷ eligible, 0 when nobody is eligible.
pub fn participation(approved: i64, eligible: i64) -> f64 {
    if eligible == 0 {
        0.0
    } else {
        approved as f64 / eligible as f64
    }
}

/// Counts one application: `applied` are the submitted ones still standing or decided
/// (approved, in review, refused); drafts and withdrawals are counted apart, not as applied.
fn bump(c: &mut Counts, status: &str) {
    match status {
        "draft" => c.drafts += 1,
        "withdrawn" => c.withdrawn += 1,
        _ => {
            c.applied += 1;
            match status {
                "approved" => c.approved += 1,
                "rejected" => c.refused += 1,
                _ => c.in_review += 1,
            }
        }
    }
}

fn rate(c: &mut Counts) {
    c.participation_rate = participation(c.approved, c.eligible);
}

/// Applied, approved, refused (by reason), waiting and withdrawn, by grade, homeroom and
/// offering kind. Eligible are the students of the grades offered, boarders left out when
/// every offering excludes them; participation = approved ÷ eligible.
pub fn application_stats(f: &StatsFacts) -> ApplicationStats {
    let grades: Vec<i32> = f
        .offerings
        .iter()
        .flatten()
        .flat_map(|o| o.grades.clone())
        .collect();
    let boarders_out = f
        .offerings
        .as_ref()
        .is_some_and(|o| o.iter().all(|o| o.boarders_excluded));
    let mut s = ApplicationStats {
        school: Counts::default(),
        informed: f.informed,
        families: f.families,
        refused_by_reason: BTreeMap::new(),
        by_grade: BTreeMap::new(),
        by_homeroom: BTreeMap::new(),
        by_offering_kind: BTreeMap::new(),
        by_club: crate::reports::clubs::club_figures(&f.clubs, &f.club_choices),
    };
    let mut where_is: BTreeMap<i64, (i32, String)> = BTreeMap::new();
    for p in &f.pupils {
        if grades.contains(&p.grade) && !(boarders_out && p.boarder) {
            s.school.eligible += 1;
            s.by_grade.entry(p.grade).or_default().eligible += 1;
            s.by_homeroom
                .entry(p.homeroom.clone())
                .or_default()
                .eligible += 1;
        }
        where_is.insert(p.id, (p.grade, p.homeroom.clone()));
    }
    for a in &f.applications {
        bump(&mut s.school, &a.status);
        if let Some((g, h)) = where_is.get(&a.student_id) {
            bump(s.by_grade.entry(*g).or_default(), &a.status);
            bump(s.by_homeroom.entry(h.clone()).or_default(), &a.status);
        }
        if let Some(r) = &a.reject_reason {
            *s.refused_by_reason.entry(r.clone()).or_default() += 1;
        }
    }
    for p in &f.placements {
        let k = s.by_offering_kind.entry(p.kind.clone()).or_default();
        bump(k, &p.status);
        if p.placement == "waiting" {
            k.waiting += 1;
            s.school.waiting += 1;
            if let Some((g, h)) = where_is.get(&p.student_id) {
                s.by_grade.entry(*g).or_default().waiting += 1;
                s.by_homeroom.entry(h.clone()).or_default().waiting += 1;
            }
        }
    }
    // Eligible per kind: students of the grades the kind's offerings serve.
    if let Some(offerings) = &f.offerings {
        for (kind, counts) in s.by_offering_kind.iter_mut() {
            let kind_grades: Vec<i32> = offerings
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
    rate(&mut s.school);
    s.by_grade.values_mut().for_each(rate);
    s.by_homeroom.values_mut().for_each(rate);
    s
}

/// The district's totals over its schools' figures.
pub fn district_figures(date: NaiveDate, schools: Vec<SchoolFigures>) -> DistrictFigures {
    let (eligible, approved, waiting) = schools.iter().fold((0, 0, 0), |a, f| {
        (a.0 + f.eligible, a.1 + f.approved, a.2 + f.waiting)
    });
    DistrictFigures {
        date,
        schools,
        eligible,
        approved,
        waiting,
        participation_rate: participation(approved, eligible),
    }
}

/// Today in Asia/Shanghai (UTC+8, no daylight saving), the district's default date.
pub fn shanghai_today(now: DateTime<Utc>) -> NaiveDate {
    (now + chrono::Duration::hours(8)).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pupil(id: i64, grade: i32, homeroom: &str, boarder: bool) -> Pupil {
        Pupil {
            id,
            grade,
            homeroom: homeroom.into(),
            boarder,
        }
    }

    fn applied(student_id: i64, status: &str, reason: Option<&str>) -> Applied {
        Applied {
            student_id,
            status: status.into(),
            reject_reason: reason.map(str::to_owned),
        }
    }

    fn facts() -> StatsFacts {
        StatsFacts {
            offerings: Some(vec![
                Serves {
                    kind: "afternoon_basic".into(),
                    grades: vec![1, 2],
                    boarders_excluded: true,
                },
                Serves {
                    kind: "late_extension".into(),
                    grades: vec![2],
                    boarders_excluded: true,
                },
            ]),
            pupils: vec![
                pupil(1, 1, "一1班", false),
                pupil(2, 1, "一1班", true),
                pupil(3, 2, "二1班", false),
                pupil(4, 3, "三1班", false),
            ],
            applications: vec![
                applied(1, "approved", None),
                applied(3, "rejected", Some("not_eligible")),
                applied(4, "class_review", None),
            ],
            placements: vec![
                Placed {
                    kind: "afternoon_basic".into(),
                    placement: "enrolled".into(),
                    status: "approved".into(),
                    student_id: 1,
                },
                Placed {
                    kind: "late_extension".into(),
                    placement: "waiting".into(),
                    status: "rejected".into(),
                    student_id: 3,
                },
            ],
            clubs: Vec::new(),
            club_choices: Vec::new(),
            families: 4,
            informed: 3,
        }
    }

    #[test]
    fn eligible_are_the_grades_offered_without_excluded_boarders() {
        let s = application_stats(&facts());
        assert_eq!(s.school.eligible, 2, "pupils 1 and 3");
        assert_eq!(s.by_grade[&1].eligible, 1);
        assert_eq!(s.by_grade[&2].eligible, 1);
        assert_eq!(s.by_grade[&3].eligible, 0, "grade 3 is not offered");
        assert_eq!(s.by_offering_kind["afternoon_basic"].eligible, 2);
        assert_eq!(s.by_offering_kind["late_extension"].eligible, 1);
        let mut with_boarders = facts();
        with_boarders.offerings.as_mut().unwrap()[1].boarders_excluded = false;
        assert_eq!(application_stats(&with_boarders).school.eligible, 3);
    }

    #[test]
    fn applications_count_by_status_reason_and_group() {
        let s = application_stats(&facts());
        let c = &s.school;
        assert_eq!(
            (c.applied, c.approved, c.refused, c.in_review),
            (3, 1, 1, 1)
        );
        assert_eq!(s.refused_by_reason["not_eligible"], 1);
        assert_eq!(s.by_homeroom["二1班"].refused, 1);
        assert_eq!(s.by_homeroom["三1班"].in_review, 1);
        assert_eq!(s.school.waiting, 1);
        assert_eq!(s.by_grade[&2].waiting, 1);
        assert_eq!(s.by_offering_kind["late_extension"].waiting, 1);
        assert_eq!(s.school.participation_rate, 0.5);
        assert_eq!((s.families, s.informed), (4, 3));
    }

    #[test]
    fn withdrawals_and_drafts_are_not_counted_as_applied() {
        let mut f = facts();
        f.applications.push(applied(2, "withdrawn", None));
        f.applications.push(applied(4, "draft", None));
        let c = application_stats(&f).school;
        assert_eq!((c.applied, c.withdrawn, c.drafts), (3, 1, 1));
    }

    #[test]
    fn without_an_approved_plan_nobody_is_eligible() {
        let mut f = facts();
        f.offerings = None;
        let s = application_stats(&f);
        assert_eq!(s.school.eligible, 0);
        assert_eq!(s.school.participation_rate, 0.0);
        assert_eq!(s.by_offering_kind["afternoon_basic"].eligible, 0);
    }

    #[test]
    fn the_district_adds_up_its_schools() {
        let school = |id: i64, eligible: i64, approved: i64, waiting: i64| SchoolFigures {
            school_id: id,
            school_name: format!("第{id}小学"),
            term_id: Some(id),
            eligible,
            applied: approved,
            approved,
            waiting,
            participation_rate: participation(approved, eligible),
            special_late_requested: 0,
            special_late_approved: 0,
        };
        let date = NaiveDate::from_ymd_opt(2026, 9, 7).unwrap();
        let d = district_figures(date, vec![school(1, 100, 50, 3), school(2, 100, 100, 0)]);
        assert_eq!((d.eligible, d.approved, d.waiting), (200, 150, 3));
        assert_eq!(d.participation_rate, 0.75);
        assert_eq!(district_figures(date, vec![]).participation_rate, 0.0);
    }

    #[test]
    fn the_default_date_is_shanghais() {
        let at = DateTime::parse_from_rfc3339("2026-09-06T16:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            shanghai_today(at),
            NaiveDate::from_ymd_opt(2026, 9, 7).unwrap()
        );
    }
}
