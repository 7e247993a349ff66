//! The row checks: every bad cell gets a row (as the spreadsheet numbers it), the file's
//! column, its value and a reason; every tidied value is noted. Pure.

use std::collections::HashMap;

use super::headers::Field;
use super::layout::locate;
use super::layout::Sheet;
use super::model::{missing_columns, parse_grade, ImportRow, RowError};
use super::normalise::Tidied;
use super::normalise::{
    grade_label, homeroom_parts, mobile, plain_homeroom, yes_no, NormalisationKind,
};
use crate::roster::model::{homeroom_name, Gender, StudentFlag};

/// The outcome of checking a sheet.
#[derive(Debug, Default)]
pub struct Checked {
    pub rows: Vec<ImportRow>,
    pub errors: Vec<RowError>,
    pub tidied: Tidied,
}

/// Finds the header and checks every row of a raw table (tests and tools).
pub fn check_table(table: &[Vec<String>]) -> Checked {
    match locate(table) {
        Ok(sheet) => check_sheet(&sheet),
        Err(missing) => Checked {
            errors: missing_columns(missing),
            ..Checked::default()
        },
    }
}

/// Checks every row of a located sheet; a file with any error imports nothing.
pub fn check_sheet(sheet: &Sheet) -> Checked {
    let mut out = Checked::default();
    let fields: Vec<Option<Field>> = sheet.keys.iter().map(|k| Field::from_key(k)).collect();
    let col = |f: Field| fields.iter().position(|g| *g == Some(f));
    let header = |f: Field| {
        col(f)
            .and_then(|j| sheet.headers.get(j).cloned())
            .unwrap_or_else(|| f.label())
    };
    let (h_no, h_nat, h_name, h_gender, h_grade, h_room) = (
        header(Field::StudentNo),
        header(Field::NationalNo),
        header(Field::Name),
        header(Field::Gender),
        header(Field::Grade),
        header(Field::Homeroom),
    );
    let (h_gname, h_phone, h_flags) = (
        header(Field::GuardianName),
        header(Field::GuardianPhone),
        header(Field::Flags),
    );
    let has_no = col(Field::StudentNo).is_some();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut seen_nat: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let row = *row;
        let tidied = &mut out.tidied;
        let mut cell = |f: Field| -> String {
            let Some(j) = col(f) else {
                return String::new();
            };
            let raw = cells.get(j).map(String::as_str).unwrap_or("");
            tidied.cell(row, &sheet.headers[j], raw)
        };
        let nat = cell(Field::NationalNo).to_uppercase();
        let no = if has_no {
            cell(Field::StudentNo)
        } else {
            nat.clone()
        };
        let name = cell(Field::Name);
        let gender_s = cell(Field::Gender);
        let grade_s = cell(Field::Grade);
        let homeroom_s = cell(Field::Homeroom);
        let (gname, gphone_s, relation) = (
            cell(Field::GuardianName),
            cell(Field::GuardianPhone),
            cell(Field::Relation),
        );
        let flags_s = cell(Field::Flags);
        let flag_cells: Vec<(StudentFlag, String, String)> = fields
            .iter()
            .enumerate()
            .filter_map(|(j, f)| match f {
                Some(Field::Flag(flag)) => Some((*flag, j)),
                _ => None,
            })
            .map(|(flag, j)| {
                let raw = cells.get(j).map(String::as_str).unwrap_or("");
                (
                    flag,
                    sheet.headers[j].clone(),
                    tidied.cell(row, &sheet.headers[j], raw),
                )
            })
            .collect();
        let mut ok = true;
        let mut err = |column: &str, value: &str, code: &str, message: String| {
            out.errors.push(RowError {
                row,
                column: column.into(),
                value: value.into(),
                code: code.into(),
                message,
            });
            false
        };
        let no_col = if has_no { &h_no } else { &h_nat };
        if no.is_empty() {
            ok = err(no_col, &no, "required", format!("{no_col} is required"));
        } else if no.len() > 32 || !no.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            ok = err(
                no_col,
                &no,
                "invalid",
                format!("{no_col} may have up to 32 letters, digits and '-'"),
            );
        } else if let Some(first) = seen.get(&no) {
            ok = err(
                no_col,
                &no,
                "duplicate",
                format!("{no_col} {no} already appears in row {first}"),
            );
        }
        let national_no = if has_no && !nat.is_empty() {
            if nat.len() > 32 || !nat.chars().all(|c| c.is_ascii_alphanumeric()) {
                ok = err(
                    &h_nat,
                    &nat,
                    "invalid",
                    format!("{h_nat} may have up to 32 letters and digits"),
                );
            } else if let Some(first) = seen_nat.get(&nat) {
                ok = err(
                    &h_nat,
                    &nat,
                    "duplicate",
                    format!("{h_nat} {nat} already appears in row {first}"),
                );
            }
            seen_nat.entry(nat.clone()).or_insert(row);
            Some(nat.clone())
        } else if !has_no && !nat.is_empty() {
            Some(nat.clone())
        } else {
            None
        };
        if name.is_empty() || name.chars().count() > 50 || name.contains('\0') {
            let code = if name.is_empty() {
                "required"
            } else {
                "invalid"
            };
            ok = err(
                &h_name,
                &name,
                code,
                format!("{h_name} must have 1 to 50 characters"),
            );
        }
        let gender = Gender::parse(gender_s.trim_end_matches(['生', '性']));
        if gender.is_none() {
            ok = err(
                &h_gender,
                &gender_s,
                "invalid",
                format!("{h_gender} must be 男 or 女"),
            );
        }
        let room = homeroom_parts(&homeroom_s);
        let grade = if grade_s.is_empty() && col(Field::Grade).is_none() {
            room.and_then(|(g, _)| g)
        } else {
            parse_grade(&grade_s)
        };
        if grade.is_none() {
            if col(Field::Grade).is_none() {
                ok = err(
                    &h_room,
                    &homeroom_s,
                    "invalid",
                    format!(
                        "the file has no 年级 column, so {h_room} must name the grade, e.g. 三年级4班"
                    ),
                );
            } else {
                ok = err(
                    &h_grade,
                    &grade_s,
                    "invalid",
                    format!("{h_grade} must be 1–9 (or 一年级…九年级, 初一…初三)"),
                );
            }
        }
        let mut homeroom = None;
        if let Some(g) = grade {
            if !grade_s.is_empty() && grade_s != g.to_string() && grade_s != grade_label(g) {
                out.tidied.note(
                    row,
                    &h_grade,
                    &grade_s,
                    &grade_label(g),
                    NormalisationKind::Grade,
                );
            }
            match room {
                Some((named, n)) if named.is_none_or(|named| named == g) => {
                    let stored = homeroom_name(g, n);
                    if !plain_homeroom(&homeroom_s, g, n) {
                        out.tidied.note(
                            row,
                            &h_room,
                            &homeroom_s,
                            &stored,
                            NormalisationKind::Homeroom,
                        );
                    }
                    homeroom = Some(stored);
                }
                _ => {
                    ok = err(
                        &h_room,
                        &homeroom_s,
                        "invalid",
                        format!(
                            "{h_room} must be a class of the row's grade, e.g. 4, 4班, 三年级4班 or 三(4)班"
                        ),
                    );
                }
            }
        }
        let guardian = if gname.is_empty() && gphone_s.is_empty() {
            None
        } else if gname.is_empty() {
            ok = err(
                &h_gname,
                &gname,
                "required",
                "a guardian phone needs the guardian's name".into(),
            );
            None
        } else {
            match mobile(&gphone_s) {
                None => {
                    ok = err(
                        &h_phone,
                        &gphone_s,
                        "invalid",
                        format!("{h_phone} must be an 11-digit mobile number"),
                    );
                    None
                }
                Some(phone) => {
                    if phone != gphone_s {
                        out.tidied
                            .note(row, &h_phone, &gphone_s, &phone, NormalisationKind::Phone);
                    }
                    let relation = if relation.is_empty() {
                        "监护人".to_owned()
                    } else {
                        relation.chars().take(20).collect()
                    };
                    Some((gname.chars().take(50).collect(), phone, relation))
                }
            }
        };
        let mut flags = Vec::new();
        for part in flags_s
            .split(['、', ',', '，', ';', '；', ' ', '/'])
            .filter(|p| !p.trim().is_empty())
        {
            match StudentFlag::parse(part) {
                Some(f) => flags.push(f),
                None => {
                    let known: Vec<&str> = StudentFlag::ALL.iter().map(|f| f.label()).collect();
                    ok = err(
                        &h_flags,
                        part,
                        "invalid",
                        format!("unknown flag; known: {}", known.join("、")),
                    );
                }
            }
        }
        for (flag, column, value) in &flag_cells {
            match yes_no(value) {
                Some(true) => flags.push(*flag),
                Some(false) => {}
                None => {
                    ok = err(
                        column,
                        value,
                        "invalid",
                        format!("{column} must be 是 or 否"),
                    );
                }
            }
        }
        flags.sort();
        flags.dedup();
        if !no.is_empty() {
            seen.entry(no.clone()).or_insert(row);
        }
        if ok {
            out.rows.push(ImportRow {
                row,
                student_no: no,
                national_no,
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
            row: sheet.layout.header_row + 1,
            column: String::new(),
            value: String::new(),
            code: "empty".into(),
            message: "the file has no data rows below its header".into(),
        });
    }
    out
}
