//! The rules of requests, pure: what a new request must hold, who may make one, what the
//! caller may see of the list, and what a review sets.

use chrono::{NaiveDate, NaiveTime};

use crate::plans::calendar::runs_on;
use crate::roster::model::Term;
use crate::roster::relation::{Reach, Relation};
use crate::service_requests::error::RequestError;
use crate::service_requests::types::NewServiceRequest;

/// Kinds of request: one day's service (临时托管登记), late service beyond the plan's end (延时申请).
pub const REQUEST_KINDS: &[&str] = &["day_registration", "special_late"];

/// The statuses of a request.
pub const REQUEST_STATUSES: &[&str] = &["submitted", "approved", "rejected"];

/// A day registration names its date; special late service says until when (`HH:MM`).
pub fn check_new(b: &NewServiceRequest) -> Result<(), RequestError> {
    match (b.kind.as_str(), b.service_date, b.until_time.as_deref()) {
        ("day_registration", Some(_), _) => Ok(()),
        ("day_registration", None, _) => Err(RequestError::DateRequired),
        ("special_late", _, Some(t)) if NaiveTime::parse_from_str(t, "%H:%M").is_ok() => Ok(()),
        ("special_late", _, _) => Err(RequestError::UntilTimeFormat),
        _ => Err(RequestError::UnknownKind),
    }
}

/// Who makes the request, as stored: a guardian of the child, or their homeroom teacher or
/// a school admin (`staff`). Anyone else is refused.
pub fn requester_kind(relation: Relation) -> Result<&'static str, RequestError> {
    match relation {
        Relation::Guardian => Ok("guardian"),
        Relation::HomeroomTeacher | Relation::SchoolAdmin => Ok("staff"),
        Relation::OtherStaff => Err(RequestError::NotARequester),
    }
}

/// A day registration is for a day the offering runs in the term.
pub fn check_day(
    term: &Term,
    offering: &str,
    weekdays: &[u8],
    date: NaiveDate,
) -> Result<(), RequestError> {
    if runs_on(term, weekdays, date) {
        Ok(())
    } else {
        Err(RequestError::NoSessionThatDay {
            offering: offering.to_owned(),
            date,
        })
    }
}

/// The status a review decision sets.
pub fn review_status(approve: bool) -> &'static str {
    if approve {
        "approved"
    } else {
        "rejected"
    }
}

/// What a caller may see of the list, and its filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestFilter {
    /// Only these students' requests (a guardian's children).
    pub student_ids: Option<Vec<i64>>,
    /// Only requests for students of these homerooms (a homeroom teacher's classes).
    pub homeroom_ids: Option<Vec<i64>>,
    pub status: Option<String>,
    pub term_id: Option<i64>,
}

impl RequestFilter {
    /// The filter of a caller with this reach: a guardian sees their children's requests,
    /// a homeroom teacher their classes', everyone else who may read the roster all.
    pub fn within(reach: Reach, status: Option<String>, term_id: Option<i64>) -> RequestFilter {
        let mut f = RequestFilter {
            status,
            term_id,
            ..RequestFilter::default()
        };
        match reach {
            Reach::All => {}
            Reach::Students(ids) => f.student_ids = Some(ids),
            Reach::Homerooms(ids) => f.homeroom_ids = Some(ids),
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(kind: &str, date: Option<NaiveDate>, until: Option<&str>) -> NewServiceRequest {
        NewServiceRequest {
            term_id: 1,
            student_id: 2,
            kind: kind.into(),
            offering_id: 3,
            service_date: date,
            until_time: until.map(str::to_owned),
            reason: "家长加班".into(),
        }
    }

    #[test]
    fn a_day_registration_names_its_date_special_late_its_time() {
        let d = NaiveDate::from_ymd_opt(2026, 9, 7);
        assert_eq!(check_new(&request("day_registration", d, None)), Ok(()));
        assert_eq!(
            check_new(&request("day_registration", None, Some("18:30"))),
            Err(RequestError::DateRequired)
        );
        assert_eq!(
            check_new(&request("special_late", None, Some("18:30"))),
            Ok(())
        );
        for bad in [None, Some("6pm"), Some("25:00")] {
            assert_eq!(
                check_new(&request("special_late", d, bad)),
                Err(RequestError::UntilTimeFormat)
            );
        }
        assert_eq!(
            check_new(&request("weekend", d, Some("18:30"))),
            Err(RequestError::UnknownKind)
        );
    }

    #[test]
    fn guardians_their_homeroom_teacher_and_admins_make_requests() {
        assert_eq!(requester_kind(Relation::Guardian), Ok("guardian"));
        assert_eq!(requester_kind(Relation::HomeroomTeacher), Ok("staff"));
        assert_eq!(requester_kind(Relation::SchoolAdmin), Ok("staff"));
        assert_eq!(
            requester_kind(Relation::OtherStaff),
            Err(RequestError::NotARequester)
        );
    }

    #[test]
    fn the_list_is_cut_to_the_callers_reach() {
        let all = RequestFilter::within(Reach::All, Some("submitted".into()), Some(4));
        assert_eq!((all.student_ids, all.homeroom_ids), (None, None));
        assert_eq!(
            (all.status.as_deref(), all.term_id),
            (Some("submitted"), Some(4))
        );
        let family = RequestFilter::within(Reach::Students(vec![5, 6]), None, None);
        assert_eq!(family.student_ids, Some(vec![5, 6]));
        let class = RequestFilter::within(Reach::Homerooms(vec![7]), None, None);
        assert_eq!(
            (class.student_ids, class.homeroom_ids),
            (None, Some(vec![7]))
        );
    }

    #[test]
    fn a_review_approves_or_rejects() {
        assert_eq!(review_status(true), "approved");
        assert_eq!(review_status(false), "rejected");
    }

    #[test]
    fn a_day_registration_is_for_a_day_the_offering_runs() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let term = Term {
            id: 1,
            school_id: 1,
            name: "2026 秋季学期".into(),
            start_date: d("2026-09-01"),
            end_date: d("2027-01-20"),
            holidays: vec![d("2026-10-01")],
            makeup_workdays: vec![],
            makeup_timetable: Default::default(),
            version: 1,
        };
        assert_eq!(
            check_day(&term, "课后托管", &[1, 3], d("2026-09-07")),
            Ok(())
        );
        assert_eq!(
            check_day(&term, "课后托管", &[1, 3], d("2026-09-08")),
            Err(RequestError::NoSessionThatDay {
                offering: "课后托管".into(),
                date: d("2026-09-08")
            })
        );
        assert!(check_day(&term, "课后托管", &[4], d("2026-10-01")).is_err());
    }
}
