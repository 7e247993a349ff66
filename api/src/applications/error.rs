//! What the applications capability refuses, each with its stable code (docs/errors.md).

use crate::error::AppError;

/// A refusal of the applications rules.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ApplicationError {
    /// The term's plan is not approved (yet).
    #[error("{0}")]
    PlanNotApproved(String),
    /// Outside the application window.
    #[error("{0}")]
    WindowClosed(String),
    /// No agreement has been published.
    #[error("{0}")]
    NoAgreement(String),
    /// The family accepted another agreement version than the current one.
    #[error("{0}")]
    AgreementNotCurrent(String),
    /// The offering is not offered to the student's grade.
    #[error("{0}")]
    GradeNotOffered(String),
    /// The offering excludes boarders.
    #[error("{0}")]
    BoarderExcluded(String),
    /// A weekday the offering does not run on.
    #[error("{0}")]
    WeekdayNotOffered(String),
    /// The club is not open to this student (grade range, homeroom).
    #[error("{0}")]
    ClubNotOffered(String),
    /// The club's external teacher is not vetted: it takes no children.
    #[error("{0}")]
    ClubTeacherNotVetted(String),
    /// The action does not apply in the application's status.
    #[error("{0}")]
    WrongStatus(String),
}

impl From<ApplicationError> for AppError {
    fn from(e: ApplicationError) -> AppError {
        use ApplicationError as E;
        let detail = e.to_string();
        let code = match e {
            E::PlanNotApproved(_) => "application.plan_not_approved",
            E::WindowClosed(_) => "application.window_closed",
            E::NoAgreement(_) => "application.no_agreement",
            E::AgreementNotCurrent(_) => "application.agreement_not_current",
            E::GradeNotOffered(_) => "application.grade_not_offered",
            E::BoarderExcluded(_) => "application.boarder_excluded",
            E::WeekdayNotOffered(_) => "application.weekday_not_offered",
            E::ClubNotOffered(_) => "application.club_not_offered",
            E::ClubTeacherNotVetted(_) => "club.teacher_not_vetted",
            E::WrongStatus(_) => {
                return AppError::Conflict {
                    code: "application.wrong_status",
                    detail,
                }
            }
        };
        AppError::Unprocessable { code, detail }
    }
}
