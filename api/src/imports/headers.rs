//! The header variants Kehou recognises — the table below, documented in docs/imports.md —
//! and how a file's header is compared with them. Pure.

use super::normalise::nfkc;
use crate::roster::model::StudentFlag;

/// A field Kehou reads from a roster file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    StudentNo,
    NationalNo,
    Name,
    Gender,
    Grade,
    Homeroom,
    GuardianName,
    GuardianPhone,
    Relation,
    /// A list of flags in one cell (随迁子女、困难家庭).
    Flags,
    /// One flag as its own 是/否 column (是否随迁子女).
    Flag(StudentFlag),
}

/// The header variants Kehou recognises, by field. Headers are compared after NFKC, with
/// spaces, `*` and a trailing `(必填)`/`(选填)` removed and ASCII letters lower-cased. The
/// first variant is the template's header. Documented in docs/imports.md.
pub const VARIANTS: &[(Field, &[&str])] = &[
    (
        Field::StudentNo,
        &[
            "学号",
            "学生学号",
            "校内学号",
            "学生编号",
            "学生号",
            "student_no",
        ],
    ),
    (
        Field::NationalNo,
        &[
            "全国学籍号",
            "学籍号",
            "全国学籍编号",
            "国家学籍号",
            "学籍编号",
            "national_no",
        ],
    ),
    (Field::Name, &["姓名", "学生姓名", "学生", "name"]),
    (Field::Gender, &["性别", "学生性别", "gender", "sex"]),
    (
        Field::Grade,
        &["年级", "年级名称", "所在年级", "就读年级", "grade"],
    ),
    (
        Field::Homeroom,
        &[
            "班级",
            "班级名称",
            "班名",
            "所在班级",
            "行政班",
            "班别",
            "homeroom",
            "class",
        ],
    ),
    (
        Field::GuardianName,
        &[
            "监护人姓名",
            "监护人",
            "家长姓名",
            "家长",
            "联系人",
            "联系人姓名",
            "监护人1姓名",
            "第一监护人姓名",
            "guardian_name",
        ],
    ),
    (
        Field::GuardianPhone,
        &[
            "监护人电话",
            "监护人手机",
            "监护人手机号",
            "监护人联系电话",
            "联系电话",
            "联系方式",
            "手机号码",
            "手机号",
            "手机",
            "家长电话",
            "家长手机",
            "家长手机号",
            "监护人1电话",
            "监护人1联系电话",
            "第一监护人电话",
            "guardian_phone",
            "phone",
        ],
    ),
    (
        Field::Relation,
        &[
            "关系",
            "与学生关系",
            "监护人关系",
            "与本人关系",
            "与学生的关系",
            "亲属关系",
            "监护人1关系",
            "relation",
        ],
    ),
    (Field::Flags, &["标记", "学生标记", "flags"]),
    (
        Field::Flag(StudentFlag::Migrant),
        &["是否随迁子女", "随迁子女", "是否进城务工人员随迁子女"],
    ),
    (
        Field::Flag(StudentFlag::LeftBehind),
        &["是否留守儿童", "留守儿童"],
    ),
    (
        Field::Flag(StudentFlag::Hardship),
        &[
            "家庭经济困难",
            "是否家庭经济困难",
            "是否困难家庭",
            "困难家庭",
            "是否经济困难",
        ],
    ),
    (
        Field::Flag(StudentFlag::Boarder),
        &["是否住校", "是否住校生", "住校生"],
    ),
    (
        Field::Flag(StudentFlag::TeacherChild),
        &["是否教师子女", "教师子女"],
    ),
    (
        Field::Flag(StudentFlag::PovertyHousehold),
        &["是否建档立卡", "建档立卡", "是否建档立卡贫困户"],
    ),
];

impl Field {
    /// A stable key for the API (`student_no`, `flag.migrant`).
    pub fn key(self) -> String {
        match self {
            Field::StudentNo => "student_no".into(),
            Field::NationalNo => "national_no".into(),
            Field::Name => "name".into(),
            Field::Gender => "gender".into(),
            Field::Grade => "grade".into(),
            Field::Homeroom => "homeroom".into(),
            Field::GuardianName => "guardian_name".into(),
            Field::GuardianPhone => "guardian_phone".into(),
            Field::Relation => "relation".into(),
            Field::Flags => "flags".into(),
            Field::Flag(f) => format!("flag.{}", f.as_str()),
        }
    }

    /// Parses a [`Field::key`].
    pub fn from_key(key: &str) -> Option<Field> {
        VARIANTS.iter().map(|(f, _)| *f).find(|f| f.key() == key)
    }

    /// The field as the office reads it (the template's header).
    pub fn label(self) -> String {
        match self {
            Field::Flag(f) => format!("标记：{}（是/否）", f.label()),
            f => VARIANTS
                .iter()
                .find(|(g, _)| *g == f)
                .map(|(_, v)| v[0].to_owned())
                .unwrap_or_default(),
        }
    }
}

/// A header as compared with the variants.
fn header_key(h: &str) -> String {
    let mut s: String = nfkc(h)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect::<String>()
        .to_lowercase();
    for suffix in ["(必填)", "(选填)", "(可选)", "(必选)"] {
        if let Some(t) = s.strip_suffix(suffix) {
            s = t.to_owned();
        }
    }
    s
}

/// The field a header names, if any.
pub fn field_of(header: &str) -> Option<Field> {
    let h = header_key(header);
    if h.is_empty() {
        return None;
    }
    VARIANTS
        .iter()
        .find(|(_, names)| names.iter().any(|n| header_key(n) == h))
        .map(|(f, _)| *f)
}
