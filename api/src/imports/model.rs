//! Roster rows: the checks that give every bad cell a row (as the spreadsheet numbers it),
//! the file's column, its value and a reason, on a sheet located by [`super::layout`] and
//! tidied by [`super::normalise`]. Pure.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::normalise::homeroom_parts;
use crate::roster::model::{homeroom_name, Gender, StudentFlag};

/// The statuses of an import job: `queued` → `running` → `validated` (a dry run passed) or
/// `failed`; a validated job's commit runs again and ends `committed`.
pub const JOB_STATUSES: &[&str] = &["queued", "running", "validated", "failed", "committed"];

/// A problem with one cell (or row) of an import file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RowError {
    /// The row number as the spreadsheet shows it (title rows above the header count).
    pub row: usize,
    /// The column's header as the file has it, e.g. 学生姓名.
    pub column: String,
    /// The cell's value.
    pub value: String,
    /// A stable code: `required`, `invalid`, `duplicate`, `unknown_column` …
    pub code: String,
    /// Why, in words.
    pub message: String,
}

/// One valid row.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    pub row: usize,
    pub student_no: String,
    /// 全国学籍号, when the file has it.
    pub national_no: Option<String>,
    pub name: String,
    pub gender: Gender,
    pub grade: i32,
    /// Normalised, e.g. 三年级4班.
    pub homeroom: String,
    pub guardian: Option<(String, String, String)>,
    pub flags: Vec<StudentFlag>,
}

/// The header row a template file has.
pub fn template_headers() -> Vec<&'static str> {
    vec![
        "学号",
        "全国学籍号",
        "姓名",
        "性别",
        "年级",
        "班级",
        "监护人姓名",
        "监护人电话",
        "关系",
        "标记",
    ]
}

/// The template's example row.
pub fn template_example() -> Vec<&'static str> {
    vec![
        "20260301",
        "G110105201803012345",
        "张小明",
        "男",
        "一年级",
        "1班",
        "张伟",
        "13800001234",
        "父亲",
        "随迁子女",
    ]
}

pub use super::normalise::parse_grade;
pub use super::read::{decode_text, encode_gb18030, read_table, read_table_within};

/// Homeroom from `4`, `4班`, `三年级4班`, `一年级(1)班`, `三(4)班`; must agree with the grade.
pub fn parse_homeroom(s: &str, grade: i32) -> Option<String> {
    match homeroom_parts(s)? {
        (Some(g), _) if g != grade => None,
        (_, n) => Some(homeroom_name(grade, n)),
    }
}

/// A sheet's missing columns as row errors (row = the header row, or 1 when none was found).
pub fn missing_columns(missing: Vec<(String, String)>) -> Vec<RowError> {
    missing
        .into_iter()
        .map(|(column, message)| RowError {
            row: 1,
            column,
            value: String::new(),
            code: "missing_column".into(),
            message,
        })
        .collect()
}
