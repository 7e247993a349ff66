//! Roster types and their pure rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::auth::invitations::{Invitation, LoginStatus};
use crate::auth::Role;

/// A student's gender as the school records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// 男
    Male,
    /// 女
    Female,
}

impl Gender {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    /// Parses the stored name or the Chinese label.
    pub fn parse(s: &str) -> Option<Gender> {
        match s.trim() {
            "male" | "男" | "M" | "m" => Some(Gender::Male),
            "female" | "女" | "F" | "f" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// Flags a school records on a student (they drive exemptions and reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StudentFlag {
    /// 随迁子女
    Migrant,
    /// 留守儿童
    LeftBehind,
    /// 困难家庭
    Hardship,
    /// 住校生
    Boarder,
    /// 教师子女
    TeacherChild,
    /// 建档立卡贫困户
    PovertyHousehold,
}

impl StudentFlag {
    /// Every flag.
    pub const ALL: [StudentFlag; 6] = [
        StudentFlag::Migrant,
        StudentFlag::LeftBehind,
        StudentFlag::Hardship,
        StudentFlag::Boarder,
        StudentFlag::TeacherChild,
        StudentFlag::PovertyHousehold,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            StudentFlag::Migrant => "migrant",
            StudentFlag::LeftBehind => "left_behind",
            StudentFlag::Hardship => "hardship",
            StudentFlag::Boarder => "boarder",
            StudentFlag::TeacherChild => "teacher_child",
            StudentFlag::PovertyHousehold => "poverty_household",
        }
    }

    /// The zh-CN label (used by imports and exports).
    pub fn label(self) -> &'static str {
        match self {
            StudentFlag::Migrant => "随迁子女",
            StudentFlag::LeftBehind => "留守儿童",
            StudentFlag::Hardship => "困难家庭",
            StudentFlag::Boarder => "住校生",
            StudentFlag::TeacherChild => "教师子女",
            StudentFlag::PovertyHousehold => "建档立卡",
        }
    }

    /// Parses a stored name or a zh-CN label.
    pub fn parse(s: &str) -> Option<StudentFlag> {
        let s = s.trim();
        StudentFlag::ALL
            .into_iter()
            .find(|f| f.as_str() == s || f.label() == s)
    }
}

/// Encodes flags for storage: sorted, comma-separated.
pub fn flags_to_text(flags: &[StudentFlag]) -> String {
    let mut f = flags.to_vec();
    f.sort();
    f.dedup();
    f.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(",")
}

/// Decodes stored flags.
pub fn flags_from_text(s: &str) -> Vec<StudentFlag> {
    s.split(',').filter_map(StudentFlag::parse).collect()
}

/// A student.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Student {
    pub id: i64,
    pub school_id: i64,
    /// 学号, unique within the school.
    pub student_no: String,
    pub name: String,
    pub gender: Gender,
    /// 1–9.
    pub grade: i32,
    pub homeroom_id: i64,
    /// e.g. 三年级4班.
    pub homeroom_name: String,
    pub flags: Vec<StudentFlag>,
    /// 全国学籍号 (national student number), set by imports; a stable identifier across
    /// schools and re-imports. Masked (`****************2345`) for roles that do not
    /// need it (need-to-know: school admins only; API clients with `roster:sensitive`).
    pub national_no: Option<String>,
    /// Send it back in `If-Match` to update.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn valid_student_no(s: &str) -> Result<(), ValidationError> {
    if s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(())
    } else {
        Err(ValidationError::new("format").with_message("letters, digits and '-' only".into()))
    }
}

/// A new student.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewStudent {
    #[validate(length(min = 1, max = 32), custom(function = "valid_student_no"))]
    #[schema(min_length = 1, max_length = 32, pattern = "^[A-Za-z0-9-]+$")]
    pub student_no: String,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    pub gender: Gender,
    #[validate(range(min = 1, max = 9))]
    #[schema(minimum = 1, maximum = 9)]
    pub grade: i32,
    pub homeroom_id: i64,
    #[serde(default)]
    pub flags: Vec<StudentFlag>,
}

/// Changes to a student; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
pub struct StudentPatch {
    #[validate(length(min = 1, max = 32), custom(function = "valid_student_no"))]
    #[schema(min_length = 1, max_length = 32, pattern = "^[A-Za-z0-9-]+$")]
    pub student_no: Option<String>,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: Option<String>,
    pub gender: Option<Gender>,
    #[validate(range(min = 1, max = 9))]
    #[schema(minimum = 1, maximum = 9)]
    pub grade: Option<i32>,
    pub homeroom_id: Option<i64>,
    pub flags: Option<Vec<StudentFlag>>,
}

/// A homeroom (行政班).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Homeroom {
    pub id: i64,
    pub school_id: i64,
    pub grade: i32,
    /// e.g. 三年级4班; unique within the school.
    pub name: String,
    pub homeroom_teacher_id: Option<i64>,
    pub student_count: i64,
    pub version: i64,
}

/// A new homeroom.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewHomeroom {
    #[validate(range(min = 1, max = 9))]
    #[schema(minimum = 1, maximum = 9)]
    pub grade: i32,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    pub homeroom_teacher_id: Option<i64>,
}

/// Changes to a homeroom.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
pub struct HomeroomPatch {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: Option<String>,
    pub homeroom_teacher_id: Option<i64>,
}

/// Changes to a staff member.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
pub struct StaffPatch {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: Option<String>,
    #[validate(length(min = 5, max = 20))]
    #[schema(min_length = 5, max_length = 20)]
    pub phone: Option<String>,
    #[validate(length(min = 1))]
    #[schema(min_items = 1)]
    pub roles: Option<Vec<Role>>,
}

/// The zh-CN name of a homeroom: grade 3, number 4 → 三年级4班.
pub fn homeroom_name(grade: i32, number: i32) -> String {
    const GRADES: [&str; 9] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let g = GRADES
        .get((grade - 1).max(0) as usize)
        .copied()
        .unwrap_or("?");
    format!("{g}年级{number}班")
}

/// Whether a room is indoors or outdoors (outdoor rooms need a rain plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoomKind {
    Indoor,
    Outdoor,
}

/// A room, function room or field.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Room {
    pub id: i64,
    pub school_id: i64,
    pub name: String,
    pub capacity: i32,
    pub kind: RoomKind,
    pub version: i64,
}

/// A new room, or all fields of a room update.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct RoomInput {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[validate(range(min = 1, max = 2000))]
    #[schema(minimum = 1, maximum = 2000)]
    pub capacity: i32,
    pub kind: RoomKind,
}

pub use super::term_calendar::{is_school_day, Term, TermInput};

/// A staff member of a school.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Staff {
    pub id: i64,
    pub school_id: i64,
    pub user_id: Option<i64>,
    pub username: Option<String>,
    pub name: String,
    /// Masked unless the caller may see contacts.
    pub phone: String,
    pub roles: Vec<Role>,
    pub version: i64,
    /// Where the login stands: none, invited, active, disabled.
    pub login: LoginStatus,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    /// The one-time code, only in the answer that issued it (create, re-invite).
    pub invitation: Option<Invitation>,
}

/// A new staff member, optionally with a login.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewStaff {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[validate(length(min = 5, max = 20))]
    #[schema(min_length = 5, max_length = 20)]
    pub phone: String,
    #[validate(length(min = 1))]
    #[schema(min_items = 1)]
    pub roles: Vec<Role>,
    /// Creates a login with this username; the answer carries a one-time invitation with
    /// which the person sets their own password (nobody else ever chooses it).
    #[validate(length(min = 3, max = 50))]
    #[schema(min_length = 3, max_length = 50)]
    pub username: Option<String>,
    /// Refused (`not_accepted`): passwords are set by the person, through the invitation.
    #[serde(default)]
    #[schema(value_type = Option<String>, deprecated)]
    pub password: Option<serde::de::IgnoredAny>,
}

/// A guardian linked to a student.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StudentGuardian {
    pub id: i64,
    pub name: String,
    /// Masked unless the caller may see contacts.
    pub phone: String,
    /// e.g. 父亲, 母亲, 祖父.
    pub relation: String,
    /// Whether the guardian has activated a portal login.
    pub activated: bool,
}

/// Links a guardian (found by phone or created) to a student.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct GuardianLink {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[validate(length(min = 5, max = 20))]
    #[schema(min_length = 5, max_length = 20)]
    pub phone: String,
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20)]
    pub relation: String,
}

/// Someone a guardian authorises to collect the child.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PickupPerson {
    pub id: i64,
    pub student_id: i64,
    pub name: String,
    /// Masked unless the caller may see contacts.
    pub phone: String,
    pub relation: String,
    pub version: i64,
}

/// A new pickup person.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct PickupPersonInput {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[validate(length(min = 5, max = 20))]
    #[schema(min_length = 5, max_length = 20)]
    pub phone: String,
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20)]
    pub relation: String,
}

pub use crate::onboarding::model::School;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_round_trip_sorted_and_unique() {
        let text = flags_to_text(&[
            StudentFlag::Hardship,
            StudentFlag::Migrant,
            StudentFlag::Hardship,
        ]);
        assert_eq!(text, "migrant,hardship");
        assert_eq!(
            flags_from_text(&text),
            vec![StudentFlag::Migrant, StudentFlag::Hardship]
        );
        assert_eq!(
            StudentFlag::parse("留守儿童"),
            Some(StudentFlag::LeftBehind)
        );
    }

    #[test]
    fn homeroom_names_are_chinese() {
        assert_eq!(homeroom_name(3, 4), "三年级4班");
        assert_eq!(Gender::parse("女"), Some(Gender::Female));
    }
}
