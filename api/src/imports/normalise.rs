//! Tidying the values real files have — full-width digits and brackets, phones written
//! with spaces, dashes or +86, classes written as 一年级(1)班 or 三(4)班 — and saying what
//! was tidied, so the office sees it in the dry run. Pure.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use utoipa::ToSchema;

use crate::roster::model::homeroom_name;

/// Unicode NFKC: full-width digits, letters, brackets and spaces become their ASCII forms.
pub fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// What kind of tidying a value had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NormalisationKind {
    /// Full-width characters to half-width (NFKC): `１２３` → `123`.
    FullWidth,
    /// Spaces, dashes, brackets or a +86 prefix removed from a mobile number.
    Phone,
    /// A class written another way: `一年级(1)班` → `一年级1班`.
    Homeroom,
    /// A grade written another way: `初一` → `七年级`.
    Grade,
    /// Spaces around or inside a value removed.
    Whitespace,
}

/// One value the dry run tidied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Normalisation {
    /// The row number as the spreadsheet shows it.
    pub row: usize,
    /// The column's header as the file has it.
    pub column: String,
    pub from: String,
    pub to: String,
    pub kind: NormalisationKind,
}

/// Grade from `3`, `三年级`, `3年级`, `七年级`, `初一` (7).
pub fn parse_grade(s: &str) -> Option<i32> {
    let s = nfkc(s);
    let s = s.trim().trim_end_matches("年级").trim_end_matches('级');
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

/// The grade as the office writes it: 三年级.
pub fn grade_label(g: i32) -> String {
    let cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    format!("{}年级", cn[(g.clamp(1, 9) - 1) as usize])
}

/// How many tidied values a job lists (all are counted).
pub const MAX_LISTED: usize = 200;

/// The tidied values of a file: the first [`MAX_LISTED`], and how many there were.
#[derive(Debug, Default)]
pub struct Tidied {
    pub listed: Vec<Normalisation>,
    pub count: usize,
}

impl Tidied {
    pub fn note(
        &mut self,
        row: usize,
        column: &str,
        from: &str,
        to: &str,
        kind: NormalisationKind,
    ) {
        self.count += 1;
        if self.listed.len() < MAX_LISTED {
            self.listed.push(Normalisation {
                row,
                column: column.to_owned(),
                from: from.to_owned(),
                to: to.to_owned(),
                kind,
            });
        }
    }

    /// A cell in NFKC, trimmed, runs of spaces made one; the change noted.
    pub fn cell(&mut self, row: usize, column: &str, raw: &str) -> String {
        let wide = nfkc(raw);
        let tidy = wide.split_whitespace().collect::<Vec<_>>().join(" ");
        if wide != raw {
            self.note(row, column, raw, &tidy, NormalisationKind::FullWidth);
        } else if tidy != raw {
            self.note(row, column, raw, &tidy, NormalisationKind::Whitespace);
        }
        tidy
    }
}

/// A mainland mobile number from `139 1234 5678`, `139-1234-5678`, `+86 13912345678`,
/// `(86)13912345678`, `0086…`: the 11 digits, or `None` when it is not one.
pub fn mobile(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.' | '+' | '\u{a0}'))
        .collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let d = digits
        .strip_prefix("0086")
        .or_else(|| digits.strip_prefix("86").filter(|r| r.len() == 11))
        .unwrap_or(&digits);
    (d.len() == 11 && d.starts_with('1')).then(|| d.to_owned())
}

/// A class from what schools write — `4`, `4班`, `(4)班`, `三年级4班`, `一年级(1)班`,
/// `1年级1班`, `三(4)班`, `初一(2)班`, `三年级二班` — as `(grade it names, class number)`.
pub fn homeroom_parts(s: &str) -> Option<(Option<i32>, i32)> {
    let s: String = nfkc(s).chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.strip_suffix('班').unwrap_or(&s);
    let (prefix, number) = if let Some(inner) = s.strip_suffix(')') {
        let open = inner.rfind('(')?;
        (&inner[..open], &inner[open + 1..])
    } else {
        let split = s
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .last()
            .map(|(i, _)| i)?;
        // `三年级二班`: the number is after 年级; `初一`/`三` alone is a grade, not a class.
        match s[..split].is_empty() {
            true => ("", &s[split..]),
            false if s[..split].ends_with("年级") || s[..split].ends_with('级') => {
                (&s[..split], &s[split..])
            }
            false if s[split..].chars().all(|c| c.is_ascii_digit()) => (&s[..split], &s[split..]),
            false => return None,
        }
    };
    let n = class_number(number)?;
    let prefix = prefix.trim_end_matches('-');
    let grade = if prefix.is_empty() {
        None
    } else {
        Some(parse_grade(prefix)?)
    };
    Some((grade, n))
}

fn class_number(s: &str) -> Option<i32> {
    let n = match s.parse::<i32>() {
        Ok(n) => n,
        Err(_) => {
            let cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
            cn.iter().position(|c| *c == s)? as i32 + 1
        }
    };
    (1..=99).contains(&n).then_some(n)
}

/// Whether a class cell is already in a form not worth reporting: `4`, `4班`, or the
/// stored name itself.
pub fn plain_homeroom(cell: &str, grade: i32, n: i32) -> bool {
    let stored = homeroom_name(grade, n);
    cell == stored || cell == n.to_string() || cell == format!("{n}班")
}

/// A yes/no cell: 是/否, Y/N, yes/no, 1/0, √/×, 有/无, true/false; empty is no.
pub fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "是" | "y" | "yes" | "1" | "√" | "✓" | "✔" | "有" | "true" | "t" => Some(true),
        "否" | "n" | "no" | "0" | "×" | "x" | "无" | "false" | "f" | "" | "-" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_lose_their_punctuation_and_country_code() {
        for s in [
            "13912345678",
            "139 1234 5678",
            "139-1234-5678",
            "+86 139 1234 5678",
            "+86-13912345678",
            "(86)13912345678",
            "008613912345678",
            "8613912345678",
        ] {
            assert_eq!(mobile(s).as_deref(), Some("13912345678"), "{s}");
        }
        for s in ["123", "23912345678", "1391234567x", "010-12345678", ""] {
            assert_eq!(mobile(s), None, "{s}");
        }
    }

    #[test]
    fn classes_parse_the_ways_schools_write_them() {
        assert_eq!(homeroom_parts("一年级(1)班"), Some((Some(1), 1)));
        assert_eq!(homeroom_parts("一年级（1）班"), Some((Some(1), 1)));
        assert_eq!(homeroom_parts("一年级1班"), Some((Some(1), 1)));
        assert_eq!(homeroom_parts("1年级1班"), Some((Some(1), 1)));
        assert_eq!(homeroom_parts("三(4)班"), Some((Some(3), 4)));
        assert_eq!(homeroom_parts("初一(2)班"), Some((Some(7), 2)));
        assert_eq!(homeroom_parts("三年级二班"), Some((Some(3), 2)));
        assert_eq!(homeroom_parts("4"), Some((None, 4)));
        assert_eq!(homeroom_parts("４班"), Some((None, 4)));
        assert_eq!(homeroom_parts("(4)班"), Some((None, 4)));
        assert_eq!(homeroom_parts("火箭班"), None);
        assert_eq!(homeroom_parts("0"), None);
    }

    #[test]
    fn full_width_and_spaces_are_tidied_and_noted() {
        let mut t = Tidied::default();
        assert_eq!(t.cell(2, "学号", "２０２６００１"), "2026001");
        assert_eq!(t.cell(2, "姓名", " 王小明 "), "王小明");
        assert_eq!(t.cell(2, "性别", "男"), "男");
        assert_eq!(t.count, 2);
        assert_eq!(t.listed[0].kind, NormalisationKind::FullWidth);
        assert_eq!(t.listed[1].kind, NormalisationKind::Whitespace);
        assert_eq!(yes_no("是"), Some(true));
        assert_eq!(yes_no(""), Some(false));
        assert_eq!(yes_no("也许"), None);
    }
}
