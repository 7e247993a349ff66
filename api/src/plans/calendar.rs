//! Which sessions run on a date: the term calendar (holidays, make-up workdays), the
//! offering's weekdays, and season schedules that shift times by date range (e.g. 夏季
//! May–October vs 春秋冬), and so the sessions a plan runs on a date. Pure.

use chrono::{Datelike, NaiveDate};

use crate::plans::types::{SeasonTime, Segment, ServicePlan, SessionOnDate};
use crate::roster::model::{is_school_day, Term};

fn month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.split_once('-')?;
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// Kinds of segment within a session: rest, supervised homework, a club.
pub const SEGMENT_KINDS: &[&str] = &["relax", "homework", "club"];

/// Checks that segments are known kinds, in order, without overlap, inside the session.
/// Returns the index and field of the first problem.
pub fn check_segments(
    segments: &[Segment],
    start: &str,
    end: &str,
) -> Result<(), (usize, &'static str)> {
    let mut cursor = start.to_owned();
    for (i, s) in segments.iter().enumerate() {
        if !SEGMENT_KINDS.contains(&s.kind.as_str()) {
            return Err((i, "kind"));
        }
        let ok = |t: &str| chrono::NaiveTime::parse_from_str(t, "%H:%M").is_ok();
        if !ok(&s.start_time) || !ok(&s.end_time) {
            return Err((i, "start_time"));
        }
        // HH:MM strings compare in time order.
        if s.start_time < cursor || s.end_time <= s.start_time || s.end_time.as_str() > end {
            return Err((i, "end_time"));
        }
        cursor = s.end_time.clone();
    }
    Ok(())
}

/// Whether `date` lies in the season (month-day range, wrapping over the new year).
pub fn in_season(s: &SeasonTime, date: NaiveDate) -> bool {
    let (Some(from), Some(to)) = (month_day(&s.from), month_day(&s.to)) else {
        return false;
    };
    let md = (date.month(), date.day());
    if from <= to {
        from <= md && md <= to
    } else {
        md >= from || md <= to
    }
}

/// Checks a season's fields; returns the name of the bad field.
pub fn check_season(s: &SeasonTime) -> Result<(), &'static str> {
    if month_day(&s.from).is_none() {
        return Err("from");
    }
    if month_day(&s.to).is_none() {
        return Err("to");
    }
    Ok(())
}

/// The times of an offering on a date: the first matching season, else the base times.
pub fn times_on<'a>(
    base: (&'a str, &'a str),
    seasons: &'a [SeasonTime],
    date: NaiveDate,
) -> (&'a str, &'a str) {
    seasons
        .iter()
        .find(|s| in_season(s, date))
        .map(|s| (s.start_time.as_str(), s.end_time.as_str()))
        .unwrap_or(base)
}

fn minutes(t: &str) -> Option<i32> {
    let (h, m) = t.split_once(':')?;
    Some(h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?)
}

fn hh_mm(m: i32) -> String {
    let m = m.clamp(0, 24 * 60 - 1);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The segments of a session whose times a season moved: every segment moves by the shift
/// of the start, and the last one ends with the session (it absorbs a longer or shorter
/// season). Segments that would start at or after the new end are dropped.
pub fn segments_on(base: (&str, &str), segments: &[Segment], times: (&str, &str)) -> Vec<Segment> {
    let (Some(b0), Some(s0), Some(s1)) = (minutes(base.0), minutes(times.0), minutes(times.1))
    else {
        return segments.to_vec();
    };
    let shift = s0 - b0;
    let mut out: Vec<Segment> = Vec::new();
    for seg in segments {
        let (Some(a), Some(b)) = (minutes(&seg.start_time), minutes(&seg.end_time)) else {
            continue;
        };
        let (a, b) = (a + shift, (b + shift).min(s1));
        if a >= s1 {
            break;
        }
        out.push(Segment {
            kind: seg.kind.clone(),
            start_time: hh_mm(a),
            end_time: hh_mm(b),
        });
    }
    if let Some(last) = out.last_mut() {
        last.end_time = hh_mm(s1);
    }
    out
}

/// Whether an offering runs on `date`: a school day of the term and one of its weekdays.
/// A make-up workday (调休) follows the timetable of the weekday the term names for it
/// (Monday unless set).
pub fn runs_on(term: &Term, weekdays: &[u8], date: NaiveDate) -> bool {
    if !is_school_day(term, date) {
        return false;
    }
    let weekday = if term.makeup_workdays.contains(&date) {
        term.makeup_timetable.get(&date).copied().unwrap_or(1)
    } else {
        date.weekday().number_from_monday() as u8
    };
    weekdays.contains(&weekday)
}

/// The plan's sessions on a date, with the term calendar and season times applied (the
/// segments move with the season).
pub fn sessions_on(plan: &ServicePlan, term: &Term, date: NaiveDate) -> Vec<SessionOnDate> {
    plan.offerings
        .iter()
        .filter(|o| runs_on(term, &o.weekdays, date))
        .map(|o| {
            let (start, end) = times_on((&o.start_time, &o.end_time), &o.season_times, date);
            SessionOnDate {
                offering_id: o.id,
                kind: o.kind.clone(),
                name: o.name.clone(),
                start_time: start.to_owned(),
                end_time: end.to_owned(),
                early_grades_start_time: o.early_grades_start_time.clone(),
                segments: segments_on((&o.start_time, &o.end_time), &o.segments, (start, end)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plans::types::Offering;
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn seg(kind: &str, a: &str, b: &str) -> Segment {
        Segment {
            kind: kind.into(),
            start_time: a.into(),
            end_time: b.into(),
        }
    }

    #[test]
    fn segments_move_with_the_season_and_the_last_ends_with_the_session() {
        let base = [
            seg("relax", "16:00", "16:20"),
            seg("homework", "16:20", "17:30"),
        ];
        // Summer: 16:20–18:00 (a 20-minute later start, 10 minutes longer).
        assert_eq!(
            segments_on(("16:00", "17:30"), &base, ("16:20", "18:00")),
            vec![
                seg("relax", "16:20", "16:40"),
                seg("homework", "16:40", "18:00")
            ]
        );
        // Base times: unchanged.
        assert_eq!(
            segments_on(("16:00", "17:30"), &base, ("16:00", "17:30")),
            base.to_vec()
        );
        // A much shorter season drops what no longer fits.
        assert_eq!(
            segments_on(("16:00", "17:30"), &base, ("16:00", "16:15")),
            vec![seg("relax", "16:00", "16:15")]
        );
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn summer() -> SeasonTime {
        SeasonTime {
            from: "05-01".into(),
            to: "10-31".into(),
            start_time: "16:20".into(),
            end_time: "17:50".into(),
        }
    }

    #[test]
    fn seasons_shift_times_by_date_range() {
        let s = [summer()];
        assert_eq!(
            times_on(("15:50", "17:20"), &s, d("2026-09-15")),
            ("16:20", "17:50")
        );
        assert_eq!(
            times_on(("15:50", "17:20"), &s, d("2026-11-02")),
            ("15:50", "17:20")
        );
        let winter = SeasonTime {
            from: "11-01".into(),
            to: "02-28".into(),
            start_time: "15:30".into(),
            end_time: "17:00".into(),
        };
        assert!(in_season(&winter, d("2027-01-10")));
        assert!(in_season(&winter, d("2026-12-31")));
        assert!(!in_season(&winter, d("2026-10-31")));
        assert_eq!(
            check_season(&SeasonTime {
                from: "13-01".into(),
                ..summer()
            }),
            Err("from")
        );
    }

    #[test]
    fn segments_fit_the_session_in_order() {
        let seg = |k: &str, a: &str, b: &str| Segment {
            kind: k.into(),
            start_time: a.into(),
            end_time: b.into(),
        };
        let ok = [
            seg("relax", "16:15", "16:30"),
            seg("homework", "16:30", "17:10"),
            seg("club", "17:10", "17:30"),
        ];
        assert_eq!(check_segments(&ok, "16:15", "17:30"), Ok(()));
        let overlap = [
            seg("relax", "16:15", "16:40"),
            seg("homework", "16:30", "17:10"),
        ];
        assert_eq!(
            check_segments(&overlap, "16:15", "17:30"),
            Err((1, "end_time"))
        );
        let outside = [seg("club", "17:00", "18:00")];
        assert_eq!(
            check_segments(&outside, "16:15", "17:30"),
            Err((0, "end_time"))
        );
        assert_eq!(
            check_segments(&[seg("tutoring", "16:15", "16:30")], "16:15", "17:30"),
            Err((0, "kind"))
        );
    }

    #[test]
    fn the_term_calendar_decides_which_days_run() {
        let term = Term {
            id: 1,
            school_id: 1,
            name: "t".into(),
            start_date: d("2026-09-01"),
            end_date: d("2027-01-20"),
            holidays: vec![d("2026-10-01")],
            makeup_workdays: vec![d("2026-09-27")],
            makeup_timetable: Default::default(),
            version: 1,
        };
        let mon_thu = [1, 2, 3, 4];
        assert!(runs_on(&term, &mon_thu, d("2026-09-03"))); // Thursday
        assert!(!runs_on(&term, &mon_thu, d("2026-09-04"))); // Friday
        assert!(!runs_on(&term, &mon_thu, d("2026-10-01"))); // holiday (Thursday)
        assert!(runs_on(&term, &mon_thu, d("2026-09-27"))); // make-up Sunday follows Monday
        assert!(!runs_on(&term, &mon_thu, d("2026-08-31"))); // before the term
    }

    #[test]
    fn a_make_up_day_follows_the_timetable_the_school_names() {
        let mut term = Term {
            id: 1,
            school_id: 1,
            name: "t".into(),
            start_date: d("2026-09-01"),
            end_date: d("2027-01-20"),
            holidays: vec![],
            makeup_workdays: vec![d("2026-09-27")],
            makeup_timetable: [(d("2026-09-27"), 5)].into(),
            version: 1,
        };
        // Sunday the 27th runs Friday's classes: a Mon–Thu offering does not run, a Friday one does.
        assert!(!runs_on(&term, &[1, 2, 3, 4], d("2026-09-27")));
        assert!(runs_on(&term, &[5], d("2026-09-27")));
        term.makeup_timetable.clear();
        assert!(runs_on(&term, &[1], d("2026-09-27")), "Monday unless named");
    }

    #[test]
    fn sessions_on_a_date_follow_the_calendar_and_the_season() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let term = Term {
            id: 1,
            school_id: 1,
            name: "t".into(),
            start_date: d("2026-09-01"),
            end_date: d("2027-01-20"),
            holidays: vec![d("2026-10-01")],
            makeup_workdays: vec![],
            makeup_timetable: Default::default(),
            version: 1,
        };
        let plan = ServicePlan {
            id: 1,
            term_id: 1,
            version_no: 1,
            status: "approved".into(),
            window_opens_at: at("2026-08-20T00:00:00Z"),
            window_closes_at: at("2026-08-30T00:00:00Z"),
            review_comment: None,
            window_changes: vec![],
            offerings: vec![Offering {
                id: 7,
                kind: "afternoon_basic".into(),
                name: "托管".into(),
                grades: vec![1],
                weekdays: vec![1, 2, 3, 4],
                boarders_excluded: false,
                start_time: "16:00".into(),
                end_time: "17:30".into(),
                early_grades_start_time: None,
                cap: None,
                taken: 0,
                waiting: 0,
                season_times: vec![SeasonTime {
                    from: "05-01".into(),
                    to: "09-30".into(),
                    start_time: "16:20".into(),
                    end_time: "17:50".into(),
                }],
                segments: vec![],
            }],
            exemption_categories: vec![],
            version: 1,
        };
        let on = sessions_on(&plan, &term, d("2026-09-03")); // a summer Thursday
        assert_eq!(on.len(), 1);
        assert_eq!(
            (
                on[0].offering_id,
                on[0].start_time.as_str(),
                on[0].end_time.as_str()
            ),
            (7, "16:20", "17:50")
        );
        let on = sessions_on(&plan, &term, d("2026-10-08")); // an autumn Thursday
        assert_eq!(
            (on[0].start_time.as_str(), on[0].end_time.as_str()),
            ("16:00", "17:30")
        );
        assert!(sessions_on(&plan, &term, d("2026-09-04")).is_empty()); // Friday
        assert!(sessions_on(&plan, &term, d("2026-10-01")).is_empty()); // holiday
    }
}
