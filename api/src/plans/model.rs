//! The rules a service plan must keep before it is stored: known kinds, grades 1–9,
//! weekdays, HH:MM times in order, segments inside their session, valid seasons, a window that
//! opens before it closes, exemption categories, and end times within the district's bounds.

use chrono::NaiveTime;

use crate::error::AppError;
use crate::plans::calendar::{check_season, check_segments};
use crate::plans::store::{NewServicePlan, OFFERING_KINDS};

fn time(field: &str, s: &str) -> Result<NaiveTime, AppError> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| AppError::field(field, "format", "use HH:MM"))
}

/// Checks a plan: kinds, grades, weekdays, times; the end no later than the district bound.
pub fn check_plan(
    p: &NewServicePlan,
    bounds: &crate::plans::bounds::ServiceBounds,
) -> Result<(), AppError> {
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
