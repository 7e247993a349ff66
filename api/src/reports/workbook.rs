//! The approved list of a term as a workbook (报名汇总表), pure: one sheet per homeroom with
//! a bold header row, a child's line per offering.

use rust_xlsxwriter::{Format, Workbook};

use crate::reports::error::ReportError;

/// One line of the approved list: a child in one offering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovedLine {
    pub homeroom: String,
    pub student_no: String,
    pub name: String,
    pub offering: String,
    /// `enrolled`, or `waiting` behind a cap.
    pub placement: String,
}

/// The header of every sheet.
pub const HEADER: [&str; 4] = ["学号", "姓名", "服务项目", "状态"];

/// What the list says of a placement.
pub fn placement_label(placement: &str) -> &'static str {
    if placement == "waiting" {
        "候补"
    } else {
        "已录取"
    }
}

/// The lines grouped into sheets: each run of one homeroom (the lines come sorted by
/// homeroom) is a sheet of rows under [`HEADER`].
pub fn sheets(lines: &[ApprovedLine]) -> Vec<(String, Vec<[String; 4]>)> {
    let mut out: Vec<(String, Vec<[String; 4]>)> = Vec::new();
    for l in lines {
        if out.last().is_none_or(|(h, _)| *h != l.homeroom) {
            out.push((l.homeroom.clone(), Vec::new()));
        }
        if let Some((_, rows)) = out.last_mut() {
            rows.push([
                l.student_no.clone(),
                l.name.clone(),
                l.offering.clone(),
                placement_label(&l.placement).to_owned(),
            ]);
        }
    }
    out
}

/// The workbook's bytes; a single sheet with a note when nothing is approved.
pub fn approved_list(lines: &[ApprovedLine]) -> Result<Vec<u8>, ReportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (homeroom, rows) in sheets(lines) {
        let sheet = book.add_worksheet();
        sheet.set_name(&homeroom)?;
        for (i, h) in HEADER.iter().enumerate() {
            sheet.write_string_with_format(0, i as u16, *h, &bold)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (i, v) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, i as u16, v.as_str())?;
            }
        }
    }
    if lines.is_empty() {
        book.add_worksheet()
            .write_string(0, 0, "（暂无已批准的申请）")?;
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(homeroom: &str, no: &str, offering: &str, placement: &str) -> ApprovedLine {
        ApprovedLine {
            homeroom: homeroom.into(),
            student_no: no.into(),
            name: format!("学生{no}"),
            offering: offering.into(),
            placement: placement.into(),
        }
    }

    #[test]
    fn one_sheet_per_homeroom_with_a_line_per_offering() {
        let lines = [
            line("一1班", "001", "课后托管", "enrolled"),
            line("一1班", "001", "延时托管", "waiting"),
            line("二1班", "101", "课后托管", "enrolled"),
        ];
        let s = sheets(&lines);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, "一1班");
        assert_eq!(s[0].1.len(), 2);
        assert_eq!(s[0].1[1][3], "候补");
        assert_eq!(s[1].1[0], ["101", "学生101", "课后托管", "已录取"]);
    }

    #[test]
    fn the_workbook_is_written_with_or_without_lines() {
        let lines = [line("一1班", "001", "课后托管", "enrolled")];
        let bytes = approved_list(&lines).unwrap();
        assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
        assert!(approved_list(&[]).unwrap().starts_with(b"PK"));
    }
}
