//! The refusals of the club catalogue and of vetting, each with the status and code the
//! API answers with.

use crate::error::AppError;

/// Why a club is not added or not vetted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClubError {
    /// The grade range is upside down.
    #[error("grade_max must be at least grade_min")]
    GradeRange,
    /// A weekday outside 1–7.
    #[error("weekdays are 1 (Monday) to 7")]
    WeekdayRange,
    /// A vetting status was sent for an external teacher (only the vetting sets it).
    #[error("an external teacher starts pending; the school admin records the vetting with POST /clubs/{{id}}/vetting")]
    VettingSeparately,
    /// Neither a staff teacher nor an external one.
    #[error("name a staff teacher or an external one")]
    TeacherRequired,
    /// The term is not the school's.
    #[error("no such term")]
    NoSuchTerm,
    /// The homeroom is not the school's.
    #[error("no such homeroom")]
    NoSuchHomeroom,
    /// The room is not the school's.
    #[error("no such room")]
    NoSuchRoom,
    /// The teacher is not on the school's staff.
    #[error("no such staff member")]
    NoSuchStaff,
    /// Another club of the term has this name.
    #[error("a club with this name exists in the term")]
    DuplicateName,
    /// No such club in the school.
    #[error("club not found")]
    NotFound,
    /// An approval without the criminal-record check.
    #[error("an approval needs the criminal-record check (no_criminal_record)")]
    CriminalRecordRequired,
    /// The club's teacher is staff: nothing to vet.
    #[error("a staff teacher needs no vetting")]
    NoExternalTeacher,
}

impl From<ClubError> for AppError {
    fn from(e: ClubError) -> AppError {
        let detail = e.to_string();
        match e {
            ClubError::GradeRange => AppError::field("grade_max", "range", detail),
            ClubError::WeekdayRange => AppError::field("weekdays", "range", detail),
            ClubError::VettingSeparately => {
                AppError::field("vetting_status", "vetting_separately", detail)
            }
            ClubError::TeacherRequired => AppError::field("teacher_staff_id", "required", detail),
            ClubError::NoSuchTerm => AppError::field("term_id", "not_found", detail),
            ClubError::NoSuchHomeroom => AppError::field("homeroom_id", "not_found", detail),
            ClubError::NoSuchRoom => AppError::field("room_id", "not_found", detail),
            ClubError::NoSuchStaff => AppError::field("teacher_staff_id", "not_found", detail),
            ClubError::DuplicateName => AppError::Conflict {
                code: "club.duplicate_name",
                detail,
            },
            ClubError::NotFound => AppError::NotFound("club"),
            ClubError::CriminalRecordRequired => {
                AppError::field("checks", "criminal_record_required", detail)
            }
            ClubError::NoExternalTeacher => AppError::Conflict {
                code: "club.no_external_teacher",
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
        let cases = [
            (ClubError::DuplicateName, 409, "club.duplicate_name"),
            (
                ClubError::NoExternalTeacher,
                409,
                "club.no_external_teacher",
            ),
            (ClubError::NotFound, 404, "not_found"),
        ];
        for (e, status, code) in cases {
            let app = AppError::from(e);
            assert_eq!(app.status_code().as_u16(), status, "{app:?}");
            assert_eq!(app.code(), code, "{app:?}");
        }
    }

    #[test]
    fn field_refusals_name_their_field_and_code() {
        let cases = [
            (ClubError::GradeRange, "grade_max", "range"),
            (
                ClubError::VettingSeparately,
                "vetting_status",
                "vetting_separately",
            ),
            (ClubError::NoSuchStaff, "teacher_staff_id", "not_found"),
            (
                ClubError::CriminalRecordRequired,
                "checks",
                "criminal_record_required",
            ),
        ];
        for (e, field, code) in cases {
            let AppError::Validation(errors) = AppError::from(e) else {
                panic!("not a field error");
            };
            assert_eq!(
                (errors[0].field.as_str(), errors[0].code.as_str()),
                (field, code)
            );
        }
    }
}
