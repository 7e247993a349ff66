//! What can go wrong in the reports beyond the shared refusals (another school's term and
//! another district answer 404 before a report is made): writing the workbook.

use crate::error::AppError;

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The workbook writer failed (a bug: the sheets are built from stored rows).
    #[error("the workbook could not be written: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
}

impl From<ReportError> for AppError {
    fn from(e: ReportError) -> AppError {
        match e {
            ReportError::Workbook(e) => AppError::Internal(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_failure_is_internal() {
        let e = rust_xlsxwriter::XlsxError::SheetnameCannotBeBlank(String::new());
        assert_eq!(AppError::from(ReportError::from(e)).code(), "internal");
    }
}
