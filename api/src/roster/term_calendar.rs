//! A term's calendar: its dates, holidays, make-up workdays (调休) and the weekday timetable
//! each make-up day follows.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::AppError;

/// A term (学期) with its calendar.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Term {
    pub id: i64,
    pub school_id: i64,
    /// e.g. 2026 秋季学期.
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// Weekdays without school.
    pub holidays: Vec<NaiveDate>,
    /// Weekend days with school (调休).
    pub makeup_workdays: Vec<NaiveDate>,
    /// The weekday (1 = Monday … 5 = Friday) whose timetable a make-up day follows; a
    /// make-up day not listed follows Monday.
    pub makeup_timetable: BTreeMap<NaiveDate, u8>,
    pub version: i64,
}

/// A new term.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct TermInput {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    #[serde(default)]
    pub holidays: Vec<NaiveDate>,
    #[serde(default)]
    pub makeup_workdays: Vec<NaiveDate>,
    /// The weekday (1–5) whose timetable a make-up day follows (default Monday), e.g.
    /// `{"2026-09-27": 5}` when Sunday the 27th runs Friday's classes.
    #[serde(default)]
    pub makeup_timetable: BTreeMap<NaiveDate, u8>,
}

impl TermInput {
    /// Checks the calendar: start ≤ end, every listed day inside the term, no day both a holiday and a make-up day.
    pub fn check(&self) -> Result<(), AppError> {
        if self.start_date > self.end_date {
            return Err(AppError::field(
                "end_date",
                "range",
                "the term must end on or after its start",
            ));
        }
        let inside = |d: &NaiveDate| *d >= self.start_date && *d <= self.end_date;
        if let Some(i) = self.holidays.iter().position(|d| !inside(d)) {
            return Err(AppError::field(
                &format!("holidays[{i}]"),
                "range",
                "the holiday lies outside the term",
            ));
        }
        if let Some(i) = self.makeup_workdays.iter().position(|d| !inside(d)) {
            return Err(AppError::field(
                &format!("makeup_workdays[{i}]"),
                "range",
                "the make-up day lies outside the term",
            ));
        }
        if let Some(i) = self
            .makeup_workdays
            .iter()
            .position(|d| self.holidays.contains(d))
        {
            return Err(AppError::field(
                &format!("makeup_workdays[{i}]"),
                "conflict",
                "a day cannot be a holiday and a make-up day",
            ));
        }
        for (day, weekday) in &self.makeup_timetable {
            let field = format!("makeup_timetable.{day}");
            if !self.makeup_workdays.contains(day) {
                return Err(AppError::field(
                    &field,
                    "not_a_makeup_day",
                    "only a make-up workday follows another day's timetable",
                ));
            }
            if !(1..=5).contains(weekday) {
                return Err(AppError::field(
                    &field,
                    "range",
                    "a weekday from 1 (Monday) to 5 (Friday)",
                ));
            }
        }
        Ok(())
    }
}

/// Whether the school is in session on `day` (weekday not a holiday, or a make-up day).
pub fn is_school_day(term: &Term, day: NaiveDate) -> bool {
    use chrono::Datelike;
    if day < term.start_date || day > term.end_date {
        return false;
    }
    if term.makeup_workdays.contains(&day) {
        return true;
    }
    day.weekday().number_from_monday() <= 5 && !term.holidays.contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn term() -> Term {
        Term {
            id: 1,
            school_id: 1,
            name: "2026 秋季学期".into(),
            start_date: d("2026-09-01"),
            end_date: d("2027-01-20"),
            holidays: vec![d("2026-10-01"), d("2026-10-02")],
            makeup_workdays: vec![d("2026-09-27")],
            makeup_timetable: Default::default(),
            version: 1,
        }
    }

    #[test]
    fn holidays_and_makeup_days_change_the_calendar() {
        let t = term();
        assert!(is_school_day(&t, d("2026-09-01"))); // Tuesday
        assert!(!is_school_day(&t, d("2026-10-01"))); // National Day
        assert!(is_school_day(&t, d("2026-09-27"))); // Sunday, make-up day
        assert!(!is_school_day(&t, d("2026-09-26"))); // Saturday
        assert!(!is_school_day(&t, d("2026-08-31"))); // before the term
    }

    #[test]
    fn term_input_checks_name_the_field() {
        let mut t = TermInput {
            name: "x".into(),
            start_date: d("2026-09-01"),
            end_date: d("2027-01-20"),
            holidays: vec![d("2027-02-01")],
            makeup_workdays: vec![],
            makeup_timetable: Default::default(),
        };
        match t.check().unwrap_err() {
            AppError::Validation(e) => assert_eq!(e[0].field, "holidays[0]"),
            other => panic!("{other:?}"),
        }
        t.holidays = vec![d("2026-10-01")];
        t.makeup_workdays = vec![d("2026-10-01")];
        assert!(t.check().is_err());
        t.makeup_workdays = vec![];
        t.holidays = vec![];
        // A timetable only for a make-up day, and only Monday to Friday.
        t.makeup_timetable = [(d("2026-09-27"), 5)].into();
        match t.check().unwrap_err() {
            AppError::Validation(e) => assert_eq!(e[0].field, "makeup_timetable.2026-09-27"),
            other => panic!("{other:?}"),
        }
        t.makeup_workdays = vec![d("2026-09-27")];
        assert!(t.check().is_ok());
        t.makeup_timetable = [(d("2026-09-27"), 6)].into();
        assert!(t.check().is_err());
        t.makeup_timetable.clear();
        t.end_date = d("2026-08-01");
        assert!(t.check().is_err());
    }
}
