//! The refusals of day registrations and special late-service requests, each with the
//! status and code the API answers with.

use chrono::NaiveDate;

use crate::error::AppError;

/// Why a request is not made or not reviewed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// A day registration without its date.
    #[error("a day registration names its date")]
    DateRequired,
    /// Special late service without a valid `HH:MM`.
    #[error("until when, HH:MM")]
    UntilTimeFormat,
    /// Neither kind.
    #[error("day_registration or special_late")]
    UnknownKind,
    /// The caller is neither a guardian of the child, their homeroom teacher nor an admin.
    #[error("guardians, their homeroom teacher or a school admin make requests")]
    NotARequester,
    /// The term has no approved plan.
    #[error("the plan for this term is not approved")]
    PlanNotApproved,
    /// The offering is not in the approved plan.
    #[error("not an offering of the approved plan")]
    NoSuchOffering,
    /// The offering does not run on the requested date.
    #[error("{offering} does not run on {date}")]
    NoSessionThatDay { offering: String, date: NaiveDate },
    /// No such request in the school.
    #[error("request not found")]
    NotFound,
    /// The request was already approved or rejected.
    #[error("the request is {status}")]
    AlreadyReviewed { status: String },
}

impl From<RequestError> for AppError {
    fn from(e: RequestError) -> AppError {
        let detail = e.to_string();
        match e {
            RequestError::DateRequired => AppError::field("service_date", "required", detail),
            RequestError::UntilTimeFormat => AppError::field("until_time", "format", detail),
            RequestError::UnknownKind => AppError::field("kind", "unknown", detail),
            RequestError::NotARequester => AppError::forbidden(detail),
            RequestError::PlanNotApproved => AppError::Unprocessable {
                code: "application.plan_not_approved",
                detail,
            },
            RequestError::NoSuchOffering => AppError::field("offering_id", "not_found", detail),
            RequestError::NoSessionThatDay { .. } => AppError::Unprocessable {
                code: "application.no_session_that_day",
                detail,
            },
            RequestError::NotFound => AppError::NotFound("request"),
            RequestError::AlreadyReviewed { .. } => AppError::Conflict {
                code: "service_request.already_reviewed",
                detail,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::ResponseError;

    use super::*;

    #[test]
    fn each_refusal_keeps_its_status_and_code() {
        let date = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let cases = [
            (RequestError::NotARequester, 403, "auth.forbidden"),
            (
                RequestError::PlanNotApproved,
                422,
                "application.plan_not_approved",
            ),
            (
                RequestError::NoSessionThatDay {
                    offering: "课后托管".into(),
                    date,
                },
                422,
                "application.no_session_that_day",
            ),
            (RequestError::NotFound, 404, "not_found"),
            (
                RequestError::AlreadyReviewed {
                    status: "approved".into(),
                },
                409,
                "service_request.already_reviewed",
            ),
            (RequestError::UnknownKind, 422, "validation_failed"),
        ];
        for (e, status, code) in cases {
            let app = AppError::from(e);
            assert_eq!(app.status_code().as_u16(), status, "{app:?}");
            assert_eq!(app.code(), code, "{app:?}");
        }
    }

    #[test]
    fn the_details_name_what_was_refused() {
        let date = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let e = RequestError::NoSessionThatDay {
            offering: "课后托管".into(),
            date,
        };
        assert_eq!(e.to_string(), "课后托管 does not run on 2026-09-06");
        let e = RequestError::AlreadyReviewed {
            status: "rejected".into(),
        };
        assert_eq!(e.to_string(), "the request is rejected");
    }
}
