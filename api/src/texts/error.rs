//! The refusals of the texts, each mapped to the answer it gives today.

use crate::error::AppError;

/// Why a texts request is refused.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// No such text in this school (404).
    #[error("text not found")]
    NotFound,
    /// A published text never changes (409).
    #[error("a published text cannot change; draft a new version")]
    AlreadyPublished,
    /// The template just written cannot be read back (404).
    #[error("template not found")]
    TemplateNotFound,
    /// The school is not in the directory, so it has no district (404).
    #[error("school not found")]
    SchoolNotFound,
    /// A machine client records receipts only with the scope for it (403).
    #[error("recording notice receipts needs the notices:record scope")]
    ClientWithoutScope,
    /// A homeroom teacher records the receipts of their own classes only (403).
    #[error("a homeroom teacher records receipts for their own classes")]
    NotTheirClass,
    /// Staff other than homeroom teachers and school admins record no receipts (403).
    #[error("homeroom teachers and school admins record paper receipts")]
    NotARecorder,
}

impl From<TextError> for AppError {
    fn from(e: TextError) -> AppError {
        let detail = e.to_string();
        match e {
            TextError::NotFound => AppError::NotFound("text"),
            TextError::AlreadyPublished => AppError::Conflict {
                code: "text.already_published",
                detail,
            },
            TextError::TemplateNotFound => AppError::NotFound("template"),
            TextError::SchoolNotFound => AppError::NotFound("school"),
            TextError::ClientWithoutScope | TextError::NotTheirClass | TextError::NotARecorder => {
                AppError::Forbidden {
                    code: "auth.forbidden",
                    detail,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_keeps_its_code_status_and_detail() {
        let cases = [
            (TextError::NotFound, "not_found", 404, "text not found"),
            (
                TextError::AlreadyPublished,
                "text.already_published",
                409,
                "a published text cannot change; draft a new version",
            ),
            (
                TextError::TemplateNotFound,
                "not_found",
                404,
                "template not found",
            ),
            (
                TextError::SchoolNotFound,
                "not_found",
                404,
                "school not found",
            ),
            (
                TextError::ClientWithoutScope,
                "auth.forbidden",
                403,
                "recording notice receipts needs the notices:record scope",
            ),
            (
                TextError::NotTheirClass,
                "auth.forbidden",
                403,
                "a homeroom teacher records receipts for their own classes",
            ),
            (
                TextError::NotARecorder,
                "auth.forbidden",
                403,
                "homeroom teachers and school admins record paper receipts",
            ),
        ];
        for (e, code, status, detail) in cases {
            let p = AppError::from(e).problem();
            assert_eq!(
                (p.code.as_str(), p.status, p.detail.as_str()),
                (code, status, detail)
            );
        }
    }
}
