//! Roster files: decoding (xlsx; csv in UTF-8 or GBK/GB18030), header mapping, and the
//! row checks that give every bad cell a row, a column, its value and a reason. Pure.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::roster::model::{homeroom_name, Gender, StudentFlag};

/// A problem with one cell (or row) of an import file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RowError {
    /// The row number as the spreadsheet shows it (the header is row 1).
    pub row: usize,
    /// The column header, e.g. 年级.
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
    pub name: String,
    pub gender: Gender,
    pub grade: i32,
    /// Normalised, e.g. 三年级4班.
    pub homeroom: String,
    pub guardian: Option<(String, String, String)>,
    pub flags: Vec<StudentFlag>,
}

/// The columns Kehou reads, with the headers it accepts for each.
const COLUMNS: &[(&str, &[&str])] = &[
    ("学号", &["学号", "student_no", "学籍号"]),
    ("姓名", &["姓名", "name", "学生姓名"]),
    ("性别", &["性别", "gender"]),
    ("年级", &["年级", "grade"]),
    ("班级", &["班级", "homeroom", "行政班"]),
    ("监护人姓名", &["监护人姓名", "guardian_name", "家长姓名"]),
    (
        "监护人电话",
        &["监护人电话", "guardian_phone", "家长电话", "联系电话"],
    ),
    ("关系", &["关系", "relation", "与学生关系"]),
    ("标记", &["标记", "flags", "备注"]),
];

/// The header row a template file has.
pub fn template_headers() -> Vec<&'static str> {
    COLUMNS.iter().map(|(c, _)| *c).collect()
}

pub use super::read::{decode_text, encode_gb18030, read_table, read_table_within};

/// Grade from `3`, `三年级`, `3年级`, `初一` (7).
pub fn parse_grade(s: &str) -> Option<i32> {
    let s = s.trim().trim_end_matches("年级");
    if let Ok(n) = s.parse::<i32>() {
        return (1..=9).contains(&n).then_some(n);
    }
    let cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if let Some(i) = cn.iter().position(|c| *c == s) {
        return Some(i as i32 + 1);
    }
    match s {
        "初一" => Some(7),
        "初二" => Some(8),
        "初三" => Some(9),
        _ => None,
    }
}

/// Homeroom from `4`, `4班`, `三年级4班`, `3年级4班`, `(4)班`; must agree with the grade.
pub fn parse_homeroom(s: &str, grade: i32) -> Option<String> {
    let s = s.trim().replace(['(', ')', '（', '）'], "");
    let (g, rest) = match s.find("年级") {
        Some(i) => (parse_grade(&s[..i]), &s[i + "年级".len()..]),
        None => (Some(grade), s.as_str()),
    };
    if g != Some(grade) {
        return None;
    }
    let n: i32 = rest.trim_end_matches('班').trim().parse().ok()?;
    (1..=99).contains(&n).then(|| homeroom_name(grade, n))
}

fn valid_phone(s: &str) -> bool {
    s.len() == 11 && s.starts_with('1') && s.chars().all(|c| c.is_ascii_digit())
}

/// The outcome of checking a table.
#[derive(Debug, Default)]
pub struct Checked {
    pub rows: Vec<ImportRow>,
    pub errors: Vec<RowError>,
}

/// Checks every row; a file with any error imports nothing.
pub fn check_table(table: &[Vec<String>]) -> Checked {
    let mut out = Checked::default();
    let Some(header) = table.first() else {
        out.errors.push(RowError {
            row: 1,
            column: String::new(),
            value: String::new(),
            code: "empty".into(),
            message: "the file is empty".into(),
        });
        return out;
    };
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.trim();
        if let Some((canon, _)) = COLUMNS
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(h)))
        {
            index.insert(canon, i);
        }
    }
    for required in ["学号", "姓名", "性别", "年级", "班级"] {
        if !index.contains_key(required) {
            out.errors.push(RowError {
                row: 1,
                column: required.into(),
                value: String::new(),
                code: "missing_column".into(),
                message: format!(
                    "the header row has no column {required}; expected: {}",
                    template_headers().join(", ")
                ),
            });
        }
    }
    if !out.errors.is_empty() {
        return out;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, cells) in table.iter().enumerate().skip(1) {
        let row = i + 1;
        let cell = |col: &str| {
            index
                .get(col)
                .and_then(|&j| cells.get(j))
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut err = |column: &str, value: &str, code: &str, message: String| {
            out.errors.push(RowError {
                row,
                column: column.into(),
                value: value.into(),
                code: code.into(),
                message,
            });
        };
        let no = cell("学号");
        let name = cell("姓名");
        let gender_s = cell("性别");
        let grade_s = cell("年级");
        let homeroom_s = cell("班级");
        let mut ok = true;
        if no.is_empty() {
            err("学号", &no, "required", "学号 is required".into());
            ok = false;
        } else if no.len() > 32 || !no.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            err(
                "学号",
                &no,
                "invalid",
                "学号 may have up to 32 letters, digits and '-'".into(),
            );
            ok = false;
        } else if let Some(first) = seen.get(&no) {
            err(
                "学号",
                &no,
                "duplicate",
                format!("学号 {no} already appears in row {first}"),
            );
            ok = false;
        }
        if name.is_empty() || name.chars().count() > 50 || name.contains('\0') {
            err(
                "姓名",
                &name,
                if name.is_empty() {
                    "required"
                } else {
                    "invalid"
                },
                "姓名 must have 1 to 50 characters".into(),
            );
            ok = false;
        }
        let gender = Gender::parse(&gender_s);
        if gender.is_none() {
            err("性别", &gender_s, "invalid", "性别 must be 男 or 女".into());
            ok = false;
        }
        let grade = parse_grade(&grade_s);
        if grade.is_none() {
            err(
                "年级",
                &grade_s,
                "invalid",
                "年级 must be 1–9 (or 一年级…九年级)".into(),
            );
            ok = false;
        }
        let homeroom = grade.and_then(|g| parse_homeroom(&homeroom_s, g));
        if grade.is_some() && homeroom.is_none() {
            err(
                "班级",
                &homeroom_s,
                "invalid",
                "班级 must be a class number of the row's grade, e.g. 4 or 三年级4班".into(),
            );
            ok = false;
        }
        let (gname, gphone, relation) = (cell("监护人姓名"), cell("监护人电话"), cell("关系"));
        let guardian = if gname.is_empty() && gphone.is_empty() {
            None
        } else if gname.is_empty() {
            err(
                "监护人姓名",
                &gname,
                "required",
                "a guardian phone needs the guardian's name".into(),
            );
            ok = false;
            None
        } else if !valid_phone(&gphone) {
            err(
                "监护人电话",
                &gphone,
                "invalid",
                "监护人电话 must be an 11-digit mobile number".into(),
            );
            ok = false;
            None
        } else {
            Some((
                gname,
                gphone,
                if relation.is_empty() {
                    "监护人".to_owned()
                } else {
                    relation
                },
            ))
        };
        let mut flags = Vec::new();
        let flags_s = cell("标记");
        for part in flags_s
            .split(['、', ',', '，', ';', '；', ' '])
            .filter(|p| !p.trim().is_empty())
        {
            match StudentFlag::parse(part) {
                Some(f) => flags.push(f),
                None => {
                    let known: Vec<&str> = StudentFlag::ALL.iter().map(|f| f.label()).collect();
                    err(
                        "标记",
                        part,
                        "invalid",
                        format!("unknown flag; known: {}", known.join("、")),
                    );
                    ok = false;
                }
            }
        }
        if !no.is_empty() {
            seen.entry(no.clone()).or_insert(row);
        }
        if ok {
            out.rows.push(ImportRow {
                row,
                student_no: no,
                name,
                gender: gender.unwrap_or(Gender::Male),
                grade: grade.unwrap_or(1),
                homeroom: homeroom.unwrap_or_default(),
                guardian,
                flags,
            });
        }
    }
    if out.rows.is_empty() && out.errors.is_empty() {
        out.errors.push(RowError {
            row: 2,
            column: String::new(),
            value: String::new(),
            code: "empty".into(),
            message: "the file has no data rows".into(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(csv: &str) -> Vec<Vec<String>> {
        read_table("x.csv", csv.as_bytes()).unwrap()
    }

    const HEAD: &str = "学号,姓名,性别,年级,班级,监护人姓名,监护人电话,关系,标记\n";

    #[test]
    fn a_good_file_gives_rows_with_normalised_homerooms() {
        let t = table(&format!("{HEAD}S1,王小明,男,三年级,4,王强,13912345678,父亲,随迁子女、困难家庭\nS2,李红,女,3,三年级4班,,,,\n"));
        let c = check_table(&t);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert_eq!(c.rows[0].homeroom, "三年级4班");
        assert_eq!(c.rows[1].homeroom, "三年级4班");
        assert_eq!(
            c.rows[0].flags,
            vec![StudentFlag::Migrant, StudentFlag::Hardship]
        );
        assert_eq!(c.rows[0].guardian.as_ref().unwrap().1, "13912345678");
        assert_eq!(c.rows[1].guardian, None);
    }

    #[test]
    fn each_bad_cell_is_reported_with_row_column_value_and_reason() {
        let t = table(&format!("{HEAD}S1,王小明,男,12,4,,,,\nS2,李红,x,3,5班,李四,123,母亲,\nS1,重复,女,1,1,,,,外星人\n"));
        let c = check_table(&t);
        let got: Vec<(usize, &str, &str, &str)> = c
            .errors
            .iter()
            .map(|e| (e.row, e.column.as_str(), e.value.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "年级", "12", "invalid"),
                (3, "性别", "x", "invalid"),
                (3, "监护人电话", "123", "invalid"),
                (4, "学号", "S1", "duplicate"),
                (4, "标记", "外星人", "invalid"),
            ]
        );
        assert!(c.errors[3].message.contains("row 2"));
    }

    #[test]
    fn missing_columns_are_named() {
        let c = check_table(&table("学号,姓名\nS1,x\n"));
        let cols: Vec<&str> = c.errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(cols, vec!["性别", "年级", "班级"]);
    }

    #[test]
    fn gbk_csv_as_excel_writes_it_is_decoded() {
        let text = format!("{HEAD}S1,张三,男,1,1,,,,\n");
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let c = check_table(&read_table("roster.csv", &gbk).unwrap());
        assert!(c.errors.is_empty());
        assert_eq!(c.rows[0].name, "张三");
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(
            check_table(&read_table("roster.csv", &bom).unwrap()).rows[0].student_no,
            "S1"
        );
    }

    #[test]
    fn grades_and_homerooms_parse_the_ways_schools_write_them() {
        assert_eq!(parse_grade("初二"), Some(8));
        assert_eq!(parse_grade("六年级"), Some(6));
        assert_eq!(parse_grade("0"), None);
        assert_eq!(parse_homeroom("（2）班", 5).as_deref(), Some("五年级2班"));
        assert_eq!(parse_homeroom("四年级2班", 5), None);
    }
}
