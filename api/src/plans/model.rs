//! The rules of service plans, pure: what a plan must keep before it is stored (known
//! kinds, grades 1–9, weekdays, HH:MM times in order, segments inside their session, valid
//! seasons, a window that opens before it closes, exemption categories, end times within
//! the district's bounds), the district's bounds themselves, the steps of a plan's review
//! and who takes them, and how weekdays are stored.

use chrono::NaiveTime;

use crate::error::AppError;
use crate::plans::calendar::{check_season, check_segments};
use crate::plans::types::{NewServicePlan, ServiceBounds};

/// Kinds of service (服务类型).
pub const OFFERING_KINDS: &[&str] = &[
    "morning_reading",
    "noon_care",
    "afternoon_basic",
    "late_extension",
    "evening_study",
    "weekend",
    "holiday",
];

fn time(field: &str, s: &str) -> Result<NaiveTime, AppError> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| AppError::field(field, "format", "use HH:MM"))
}

/// Checks a plan: kinds, grades, weekdays, times; the end no later than the district bound.
pub fn check_plan(p: &NewServicePlan, bounds: &ServiceBounds) -> Result<(), AppError> {
    let latest_end = bounds.latest();
    let earliest_end = bounds.earliest();
    if let Some(i) = p
        .exemption_categories
        .iter()
        .position(|c| c.is_empty() || c.len() > 40 || c.contains(','))
    {
        return Err(AppError::field(
            &format!("exemption_categories[{i}]"),
            "format",
            "a short code without commas",
        ));
    }
    if p.window_opens_at >= p.window_closes_at {
        return Err(AppError::field(
            "window_closes_at",
            "range",
            "the window must close after it opens",
        ));
    }
    for (i, o) in p.offerings.iter().enumerate() {
        let f = |name: &str| format!("offerings[{i}].{name}");
        if !OFFERING_KINDS.contains(&o.kind.as_str()) {
            return Err(AppError::field(
                &f("kind"),
                "unknown",
                format!("one of {}", OFFERING_KINDS.join(", ")),
            ));
        }
        if o.grades.iter().any(|g| !(1..=9).contains(g)) {
            return Err(AppError::field(&f("grades"), "range", "grades are 1–9"));
        }
        if o.weekdays.iter().any(|d| !(1..=7).contains(d)) {
            return Err(AppError::field(
                &f("weekdays"),
                "range",
                "weekdays are 1 (Monday) to 7",
            ));
        }
        let (start, end) = (
            time(&f("start_time"), &o.start_time)?,
            time(&f("end_time"), &o.end_time)?,
        );
        if start >= end {
            return Err(AppError::field(
                &f("end_time"),
                "range",
                "the session must end after it starts",
            ));
        }
        if end < earliest_end {
            return Err(AppError::field(
                &f("end_time"),
                "district_bound",
                format!(
                    "the district requires service until at least {}",
                    earliest_end.format("%H:%M")
                ),
            ));
        }
        if end > latest_end {
            return Err(AppError::field(
                &f("end_time"),
                "district_bound",
                format!(
                    "the district allows service until {}",
                    latest_end.format("%H:%M")
                ),
            ));
        }
        if let Err((j, field)) = check_segments(&o.segments, &o.start_time, &o.end_time) {
            return Err(AppError::field(
                &f(&format!("segments[{j}].{field}")),
                "invalid",
                "segments are relax, homework or club, in order, inside the session",
            ));
        }
        for (j, season) in o.season_times.iter().enumerate() {
            if let Err(field) = check_season(season) {
                return Err(AppError::field(
                    &f(&format!("season_times[{j}].{field}")),
                    "format",
                    "use MM-DD",
                ));
            }
            let (s_start, s_end) = (
                time(
                    &f(&format!("season_times[{j}].start_time")),
                    &season.start_time,
                )?,
                time(&f(&format!("season_times[{j}].end_time")), &season.end_time)?,
            );
            if s_start >= s_end || s_end > latest_end {
                return Err(AppError::field(
                    &f(&format!("season_times[{j}].end_time")),
                    "range",
                    "the season's session must end after it starts and within the district bound",
                ));
            }
        }
        if let Some(e) = &o.early_grades_start_time {
            let e = time(&f("early_grades_start_time"), e)?;
            if e < start || e >= end {
                return Err(AppError::field(
                    &f("early_grades_start_time"),
                    "range",
                    "must lie within the session",
                ));
            }
        }
    }
    Ok(())
}

/// Checks the district's bounds: both `HH:MM`, the earliest end before the latest.
pub fn check_bounds(b: &ServiceBounds) -> Result<(), AppError> {
    let (e, l) = (
        time("earliest_end", &b.earliest_end)?,
        time("latest_end", &b.latest_end)?,
    );
    if e >= l {
        return Err(AppError::field(
            "latest_end",
            "range",
            "the latest end must be after the earliest",
        ));
    }
    Ok(())
}

pub use super::steps::{PlanStep, PLAN_STATUSES};

/// Weekdays as ISO numbers (1 = Monday) from a stored `1,2,3`.
pub fn weekdays_from_text(s: &str) -> Vec<u8> {
    s.split(',')
        .filter_map(|d| d.trim().parse().ok())
        .filter(|d| (1..=7).contains(d))
        .collect()
}

/// Weekdays for storage, sorted and unique.
pub fn weekdays_to_text(days: &[u8]) -> String {
    let mut d = days.to_vec();
    d.sort_unstable();
    d.dedup();
    d.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plans::types::{NewOffering, SeasonTime, Segment};

    fn offering() -> NewOffering {
        NewOffering {
            kind: "afternoon_basic".into(),
            name: "课后基础托管".into(),
            grades: vec![1, 2, 3],
            weekdays: vec![1, 2, 3, 4, 5],
            boarders_excluded: false,
            start_time: "16:00".into(),
            end_time: "17:30".into(),
            early_grades_start_time: None,
            cap: None,
            season_times: vec![],
            segments: vec![],
        }
    }

    fn plan_with(o: NewOffering) -> NewServicePlan {
        NewServicePlan {
            term_id: 1,
            window_opens_at: "2026-08-20T00:00:00Z".parse().unwrap(),
            window_closes_at: "2026-08-30T00:00:00Z".parse().unwrap(),
            offerings: vec![o],
            exemption_categories: vec!["hardship".into()],
        }
    }

    fn bounds(earliest: &str, latest: &str) -> ServiceBounds {
        ServiceBounds {
            earliest_end: earliest.into(),
            latest_end: latest.into(),
        }
    }

    /// Asserts a one-field validation error on `field` with `code`.
    #[track_caller]
    fn refused(r: Result<(), AppError>, field: &str, code: &str) {
        match r {
            Err(AppError::Validation(e)) if e.len() == 1 => {
                assert_eq!((e[0].field.as_str(), e[0].code.as_str()), (field, code))
            }
            other => panic!("expected one field error, got {other:?}"),
        }
    }

    #[test]
    fn a_plan_keeps_its_kinds_grades_weekdays_and_times() {
        let b = ServiceBounds::default();
        let mut o = offering();
        o.early_grades_start_time = Some("16:10".into());
        assert!(check_plan(&plan_with(o), &b).is_ok());
        let field = |change: fn(&mut NewOffering), field: &str, code: &str| {
            let mut o = offering();
            change(&mut o);
            refused(check_plan(&plan_with(o), &b), field, code);
        };
        field(
            |o| o.kind = "tutoring".into(),
            "offerings[0].kind",
            "unknown",
        );
        field(|o| o.grades = vec![0], "offerings[0].grades", "range");
        field(|o| o.weekdays = vec![8], "offerings[0].weekdays", "range");
        field(
            |o| o.start_time = "4pm".into(),
            "offerings[0].start_time",
            "format",
        );
        field(
            |o| o.end_time = "15:00".into(),
            "offerings[0].end_time",
            "range",
        );
        let early = "offerings[0].early_grades_start_time";
        field(
            |o| o.early_grades_start_time = Some("15:00".into()),
            early,
            "range",
        );
    }

    #[test]
    fn a_plan_keeps_its_window_exemptions_segments_and_seasons() {
        let b = ServiceBounds::default();
        let mut p = plan_with(offering());
        p.window_closes_at = p.window_opens_at;
        refused(check_plan(&p, &b), "window_closes_at", "range");
        let mut p = plan_with(offering());
        p.exemption_categories = vec!["a,b".into()];
        refused(check_plan(&p, &b), "exemption_categories[0]", "format");
        let mut o = offering();
        o.segments = vec![Segment {
            kind: "club".into(),
            start_time: "17:00".into(),
            end_time: "18:00".into(),
        }];
        let segment = "offerings[0].segments[0].end_time";
        refused(check_plan(&plan_with(o), &b), segment, "invalid");
        let season = |from: &str, end: &str| SeasonTime {
            from: from.into(),
            to: "10-31".into(),
            start_time: "16:20".into(),
            end_time: end.into(),
        };
        let mut o = offering();
        o.season_times = vec![season("13-01", "17:50")];
        let from = "offerings[0].season_times[0].from";
        refused(check_plan(&plan_with(o), &b), from, "format");
        let mut o = offering();
        o.season_times = vec![season("05-01", "19:30")];
        let end = "offerings[0].season_times[0].end_time";
        refused(check_plan(&plan_with(o), &b), end, "range");
    }

    #[test]
    fn sessions_end_within_the_district_bounds() {
        let mut o = offering();
        o.end_time = "18:30".into();
        let p = plan_with(o);
        assert!(check_plan(&p, &bounds("17:30", "19:00")).is_ok());
        let end = "offerings[0].end_time";
        refused(
            check_plan(&p, &bounds("17:30", "18:00")),
            end,
            "district_bound",
        );
        refused(
            check_plan(&p, &bounds("18:45", "19:00")),
            end,
            "district_bound",
        );
    }

    #[test]
    fn the_bounds_are_times_in_order() {
        assert!(check_bounds(&bounds("17:30", "19:00")).is_ok());
        refused(
            check_bounds(&bounds("5pm", "19:00")),
            "earliest_end",
            "format",
        );
        refused(
            check_bounds(&bounds("19:00", "19:00")),
            "latest_end",
            "range",
        );
    }

    #[test]
    fn weekdays_are_stored_sorted_and_unique() {
        assert_eq!(weekdays_to_text(&[5, 1, 3, 1]), "1,3,5");
        assert_eq!(weekdays_from_text("1,3,5,9,x"), vec![1, 3, 5]);
    }
}
