//! The refusals of service plans, each mapped to the answer it gives today.

use crate::error::AppError;

/// Why a plan request is refused.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// No such plan version in this school (404).
    #[error("service plan not found")]
    NotFound,
    /// The plan is not in the status the step starts from (409).
    #[error("the plan is {status}, not {from}")]
    WrongStatus { status: String, from: &'static str },
    /// The school is not in the directory, so it has no district bounds (404).
    #[error("school not found")]
    SchoolNotFound,
}

impl From<PlanError> for AppError {
    fn from(e: PlanError) -> AppError {
        let detail = e.to_string();
        match e {
            PlanError::NotFound => AppError::NotFound("service plan"),
            PlanError::WrongStatus { .. } => AppError::Conflict {
                code: "service_plan.wrong_status",
                detail,
            },
            PlanError::SchoolNotFound => AppError::NotFound("school"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::ResponseError;

    #[test]
    fn each_refusal_keeps_its_code_and_status() {
        let cases = [
            (PlanError::NotFound, "not_found", 404),
            (
                PlanError::WrongStatus {
                    status: "approved".into(),
                    from: "draft",
                },
                "service_plan.wrong_status",
                409,
            ),
            (PlanError::SchoolNotFound, "not_found", 404),
        ];
        for (e, code, status) in cases {
            let a = AppError::from(e);
            assert_eq!(
                (a.code().as_str(), a.status_code().as_u16()),
                (code, status)
            );
        }
        let a = AppError::from(PlanError::WrongStatus {
            status: "approved".into(),
            from: "draft",
        });
        assert_eq!(a.problem().detail, "the plan is approved, not draft");
        assert_eq!(
            AppError::from(PlanError::NotFound).problem().detail,
            "service plan not found"
        );
    }
}
