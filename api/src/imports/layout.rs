//! Where a roster file's data is: the header row found by its content (a 学籍 export has
//! one or more title rows above it, often merged across the sheet), which column fills
//! which field (the header variants below), and the columns Kehou leaves out. Only the
//! mapped columns are ever kept: a file's 身份证号 or 家庭住址 is dropped here, before the
//! job is stored. Pure.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::headers::{field_of, Field, VARIANTS};

/// A file column that fills a Kehou field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ColumnMapping {
    /// The column's header as the file has it, e.g. 学生姓名.
    pub column: String,
    /// The field's stable key: `student_no`, `national_no`, `name`, `gender`, `grade`,
    /// `homeroom`, `guardian_name`, `guardian_phone`, `relation`, `flags`, or
    /// `flag.<flag>` for a 是/否 column.
    pub key: String,
    /// The field as the template names it, e.g. 姓名.
    pub field: String,
}

/// Where the data is and what is kept of it: the report part known before any row is read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// The header row as the spreadsheet numbers it (title rows above it are skipped).
    pub header_row: usize,
    pub mapping: Vec<ColumnMapping>,
    /// Headers of the columns left out (never stored), e.g. 身份证号.
    pub ignored_columns: Vec<String>,
}

/// What a job recognised and tidied, stored with it (`import_jobs.report_json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    #[serde(flatten)]
    pub layout: Layout,
    #[serde(default)]
    pub normalised: Vec<super::normalise::Normalisation>,
    #[serde(default)]
    pub normalised_count: usize,
}

/// The mapped columns of a file, the only part of it that is stored: each row with the
/// row number the spreadsheet shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub layout: Layout,
    /// Field keys, one per kept column.
    pub keys: Vec<String>,
    /// The file's headers of the kept columns (row errors name these).
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// How many rows from the top are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The fields without which no row can be read.
pub const REQUIRED: &[Field] = &[Field::Name, Field::Gender, Field::Homeroom];

/// Finds the header row (the first of the top rows naming most fields, at least 姓名 and
/// two others), maps its columns and keeps only theirs. `Err` names the missing columns.
pub fn locate(table: &[Vec<String>]) -> Result<Sheet, Vec<(String, String)>> {
    let mut best: Option<(usize, Vec<(usize, Field)>)> = None;
    for (i, row) in table.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let mut fields: Vec<(usize, Field)> = Vec::new();
        for (j, h) in row.iter().enumerate() {
            if let Some(f) = field_of(h) {
                // The first column naming a field wins (a file with 联系电话 twice keeps the first).
                if !fields.iter().any(|(_, g)| *g == f) {
                    fields.push((j, f));
                }
            }
        }
        let names = fields.iter().any(|(_, f)| *f == Field::Name);
        if names && fields.len() >= 3 && best.as_ref().is_none_or(|(_, b)| fields.len() > b.len()) {
            best = Some((i, fields));
        }
    }
    let Some((i, fields)) = best else {
        return Err(missing(&[]));
    };
    let found: Vec<Field> = fields.iter().map(|(_, f)| *f).collect();
    let mut lacking = missing(&found);
    if !found.contains(&Field::StudentNo) && !found.contains(&Field::NationalNo) {
        lacking.insert(
            0,
            (
                "学号".into(),
                "the header row has neither 学号 nor 全国学籍号".into(),
            ),
        );
    }
    if !lacking.is_empty() {
        return Err(lacking);
    }
    let header = &table[i];
    let mut layout = Layout {
        header_row: i + 1,
        ..Layout::default()
    };
    for (j, h) in header.iter().enumerate() {
        match fields.iter().find(|(k, _)| *k == j) {
            Some((_, f)) => layout.mapping.push(ColumnMapping {
                column: h.trim().to_owned(),
                key: f.key(),
                field: f.label(),
            }),
            None => {
                let h = h.trim();
                let has_data = table
                    .iter()
                    .skip(i + 1)
                    .any(|r| r.get(j).is_some_and(|c| !c.trim().is_empty()));
                if !h.is_empty() {
                    layout.ignored_columns.push(h.to_owned());
                } else if has_data {
                    layout
                        .ignored_columns
                        .push(format!("{}列", column_letter(j)));
                }
            }
        }
    }
    let rows = table
        .iter()
        .enumerate()
        .skip(i + 1)
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(k, r)| {
            let cells = fields
                .iter()
                .map(|(j, _)| r.get(*j).cloned().unwrap_or_default())
                .collect();
            (k + 1, cells)
        })
        .collect();
    Ok(Sheet {
        keys: fields.iter().map(|(_, f)| f.key()).collect(),
        headers: fields
            .iter()
            .map(|(j, _)| header[*j].trim().to_owned())
            .collect(),
        layout,
        rows,
    })
}

fn missing(found: &[Field]) -> Vec<(String, String)> {
    REQUIRED
        .iter()
        .filter(|f| !found.contains(f))
        .map(|f| {
            let names: Vec<&str> = VARIANTS
                .iter()
                .find(|(g, _)| g == f)
                .map(|(_, v)| v.to_vec())
                .unwrap_or_default();
            (
                f.label(),
                format!(
                    "no header row names {} in the first {HEADER_SEARCH_ROWS} rows (accepted headers: {})",
                    f.label(),
                    names.join("、")
                ),
            )
        })
        .collect()
}

/// `A`, `B`, … `AA` for a zero-based column index.
pub fn column_letter(mut j: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (j % 26) as u8);
        if j < 26 {
            break;
        }
        j = j / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::model::StudentFlag;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_header_is_found_below_title_rows_and_extra_columns_are_left_out() {
        let t = vec![
            row(&["北京市朝阳区实验小学2026学年学生花名册"]),
            row(&["导出时间：2026-09-01", "", ""]),
            row(&[
                "序号",
                "学生姓名",
                "性别",
                "身份证号",
                "班级名称",
                "全国学籍号",
                "是否随迁子女",
                "联系电话",
                "",
            ]),
            row(&[
                "1",
                "王小明",
                "男",
                "110105201501011234",
                "一年级(1)班",
                "G1101",
                "是",
                "139 1234 5678",
                "",
            ]),
            row(&[]),
            row(&[
                "2",
                "李红",
                "女",
                "110105201502021234",
                "一年级(1)班",
                "G1102",
                "否",
                "",
                "x",
            ]),
        ];
        let s = locate(&t).unwrap();
        assert_eq!(s.layout.header_row, 3);
        assert_eq!(s.layout.ignored_columns, vec!["序号", "身份证号", "I列"]);
        let keys: Vec<&str> = s.layout.mapping.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "name",
                "gender",
                "homeroom",
                "national_no",
                "flag.migrant",
                "guardian_phone"
            ]
        );
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[1].0, 6, "rows keep the spreadsheet's numbers");
        let kept = serde_json::to_string(&s).unwrap();
        assert!(
            !kept.contains("110105201501011234"),
            "ID numbers are never kept"
        );
    }

    #[test]
    fn header_variants_match_after_normalisation() {
        assert_eq!(field_of(" *学生姓名 "), Some(Field::Name));
        assert_eq!(field_of("手机号码(必填)"), Some(Field::GuardianPhone));
        assert_eq!(field_of("与学生关系"), Some(Field::Relation));
        assert_eq!(field_of("Student_No"), Some(Field::StudentNo));
        assert_eq!(
            field_of("家庭经济困难"),
            Some(Field::Flag(StudentFlag::Hardship))
        );
        assert_eq!(field_of("身份证号"), None);
        for (f, _) in VARIANTS {
            assert_eq!(Field::from_key(&f.key()), Some(*f));
        }
    }

    #[test]
    fn a_file_without_a_header_names_what_is_missing() {
        let e = locate(&[row(&["a", "b"]), row(&["1", "2"])]).unwrap_err();
        let cols: Vec<&str> = e.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(cols, vec!["姓名", "性别", "班级"]);
        let e = locate(&[row(&["姓名", "性别", "班级"])]).unwrap_err();
        assert_eq!(e[0].0, "学号");
        assert_eq!(column_letter(27), "AB");
    }
}
