//! The rules an application's choices must keep, as pure functions: the window, each
//! offering against the student (grade, boarding, weekdays), each club (vetted teacher,
//! grade range, homeroom), and which statuses may be edited or changed.

use chrono::{DateTime, NaiveDate, Utc};

use super::{weekdays_offered, Status};
use crate::applications::error::ApplicationError;
use crate::clubs::types::Club;
use crate::error::AppError;
use crate::plans::types::Offering;

/// Whether `now` is inside the plan's application window.
pub fn window_open(now: DateTime<Utc>, opens: DateTime<Utc>, closes: DateTime<Utc>) -> bool {
    opens <= now && now <= closes
}

/// An offering asked for on `days`, for a student of `grade` (boarding or not): the days
/// to book (all the offering's when none are named), or why not.
pub fn offering_days(
    o: &Offering,
    grade: i32,
    boarder: bool,
    days: &[u8],
) -> Result<Vec<u8>, ApplicationError> {
    if !o.grades.contains(&grade) {
        return Err(ApplicationError::GradeNotOffered(format!(
            "{} is not offered to grade {grade}",
            o.name
        )));
    }
    if o.boarders_excluded && boarder {
        return Err(ApplicationError::BoarderExcluded(format!(
            "{} is not offered to boarders",
            o.name
        )));
    }
    let days = if days.is_empty() {
        o.weekdays.clone()
    } else {
        days.to_vec()
    };
    if !weekdays_offered(&days, &o.weekdays) {
        return Err(ApplicationError::WeekdayNotOffered(format!(
            "{} runs on weekdays {:?} only",
            o.name, o.weekdays
        )));
    }
    Ok(days)
}

/// Whether a club may take this student: its teacher vetted, the grade in range, and its
/// homeroom restriction (if any) the student's.
pub fn club_takes(club: &Club, grade: i32, homeroom_id: i64) -> Result<(), ApplicationError> {
    if !matches!(club.vetting_status.as_str(), "not_required" | "approved") {
        return Err(ApplicationError::ClubTeacherNotVetted(format!(
            "{} takes no children until the school admin has vetted its external teacher",
            club.name
        )));
    }
    if grade < club.grade_min
        || grade > club.grade_max
        || club.homeroom_id.is_some_and(|h| h != homeroom_id)
    {
        return Err(ApplicationError::ClubNotOffered(format!(
            "{} is not open to this student",
            club.name
        )));
    }
    Ok(())
}

/// Only a draft or an application returned for changes is edited.
pub fn editable(status: Status) -> Result<(), ApplicationError> {
    if matches!(status, Status::Draft | Status::ReturnedForChanges) {
        Ok(())
    } else {
        Err(ApplicationError::WrongStatus(format!(
            "only a draft or an application returned for changes is edited; this one is {}",
            status.as_str()
        )))
    }
}

/// Only an approved application changes mid-term.
pub fn changeable(status: Status) -> Result<(), ApplicationError> {
    if status == Status::Approved {
        Ok(())
    } else {
        Err(ApplicationError::WrongStatus(
            "only an approved application changes mid-term; edit others before review".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offering(grades: Vec<i32>, weekdays: Vec<u8>, boarders_excluded: bool) -> Offering {
        Offering {
            id: 1,
            kind: "afternoon_basic".into(),
            name: "课后基础托管".into(),
            grades,
            weekdays,
            boarders_excluded,
            start_time: "16:15".into(),
            end_time: "17:30".into(),
            early_grades_start_time: None,
            cap: None,
            taken: 0,
            waiting: 0,
            season_times: vec![],
            segments: vec![],
        }
    }

    #[test]
    fn an_offering_checks_grade_boarders_and_weekdays() {
        let o = offering(vec![1, 2, 3], vec![1, 2, 3, 4, 5], true);
        assert_eq!(offering_days(&o, 2, false, &[]), Ok(vec![1, 2, 3, 4, 5]));
        assert_eq!(offering_days(&o, 2, false, &[1, 3]), Ok(vec![1, 3]));
        assert!(matches!(
            offering_days(&o, 4, false, &[]),
            Err(ApplicationError::GradeNotOffered(_))
        ));
        assert!(matches!(
            offering_days(&o, 2, true, &[]),
            Err(ApplicationError::BoarderExcluded(_))
        ));
        assert!(matches!(
            offering_days(&o, 2, false, &[6]),
            Err(ApplicationError::WeekdayNotOffered(_))
        ));
    }

    #[test]
    fn the_window_includes_its_ends() {
        let t = |h: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 9, 1, h, 0, 0).unwrap();
        assert!(window_open(t(8), t(8), t(18)) && window_open(t(18), t(8), t(18)));
        assert!(!window_open(t(7), t(8), t(18)) && !window_open(t(19), t(8), t(18)));
    }

    #[test]
    fn only_drafts_and_returned_applications_are_edited_only_approved_ones_change() {
        for s in [Status::Draft, Status::ReturnedForChanges] {
            assert!(editable(s).is_ok());
            assert!(changeable(s).is_err());
        }
        assert!(editable(Status::Approved).is_err());
        assert!(changeable(Status::Approved).is_ok());
    }
}

/// A withdrawal's effective date: the one asked for, or today in the school's time zone
/// (kept inside the enrollment); refused outside the enrollment, which runs from the later
/// of the term's first day and the day the family applied, to the term's last day.
pub fn withdrawal_date(
    asked: Option<NaiveDate>,
    today: NaiveDate,
    enrolled_from: NaiveDate,
    term_ends: NaiveDate,
) -> Result<NaiveDate, AppError> {
    let from = enrolled_from.min(term_ends);
    match asked {
        None => Ok(today.clamp(from, term_ends)),
        Some(d) if d < from || d > term_ends => Err(AppError::field(
            "effective_date",
            "range",
            format!("a withdrawal takes effect within the enrollment, {from} to {term_ends}"),
        )),
        Some(d) => Ok(d),
    }
}

#[cfg(test)]
mod withdrawal_tests {
    use chrono::NaiveDate;

    use super::withdrawal_date;
    use crate::error::AppError;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn defaults_to_today_inside_the_enrollment() {
        let (from, end) = (d("2026-09-01"), d("2027-01-15"));
        assert_eq!(
            withdrawal_date(None, d("2026-11-05"), from, end).unwrap(),
            d("2026-11-05")
        );
        assert_eq!(
            withdrawal_date(None, d("2026-08-20"), from, end).unwrap(),
            from
        );
        assert_eq!(
            withdrawal_date(None, d("2027-02-01"), from, end).unwrap(),
            end
        );
    }

    #[test]
    fn refuses_dates_outside_the_enrollment() {
        let (from, end) = (d("2026-09-01"), d("2027-01-15"));
        for bad in ["2020-01-01", "2026-08-31", "2027-01-16"] {
            let e = withdrawal_date(Some(d(bad)), d("2026-11-05"), from, end).unwrap_err();
            let AppError::Validation(fields) = e else {
                panic!("{bad}: {e:?}")
            };
            assert_eq!(
                (fields[0].field.as_str(), fields[0].code.as_str()),
                ("effective_date", "range")
            );
        }
        assert_eq!(
            withdrawal_date(Some(end), d("2026-11-05"), from, end).unwrap(),
            end
        );
    }
}
