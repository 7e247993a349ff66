//! Schools as a district brings them on, and the district's own staff. Pure types and
//! rules; the store and routes sit beside this file.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::invitations::{Invitation, LoginStatus};
use crate::auth::Role;
use crate::error::AppError;

/// What kind of school (学段).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchoolKind {
    /// 小学 (grades 1–6).
    Primary,
    /// 初中 (grades 7–9).
    Middle,
    /// 九年一贯制 (grades 1–9).
    NineYear,
}

impl SchoolKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SchoolKind::Primary => "primary",
            SchoolKind::Middle => "middle",
            SchoolKind::NineYear => "nine_year",
        }
    }

    /// Reads a stored name (unknown values read as primary, the column's default).
    pub fn parse(s: &str) -> SchoolKind {
        match s {
            "middle" => SchoolKind::Middle,
            "nine_year" => SchoolKind::NineYear,
            _ => SchoolKind::Primary,
        }
    }

    /// The grades a school of this kind teaches.
    pub fn grades(self) -> std::ops::RangeInclusive<i32> {
        match self {
            SchoolKind::Primary => 1..=6,
            SchoolKind::Middle => 7..=9,
            SchoolKind::NineYear => 1..=9,
        }
    }
}

/// A school.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct School {
    pub id: i64,
    pub district_id: i64,
    pub name: String,
    /// The school's code, unique in Kehou (e.g. the 学校标识码).
    pub code: String,
    pub kind: SchoolKind,
    /// IANA time zone, default Asia/Shanghai.
    pub time_zone: String,
    pub version: i64,
}

/// A school with the figures a district's school list shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SchoolOverview {
    pub id: i64,
    pub district_id: i64,
    pub name: String,
    pub code: String,
    pub kind: SchoolKind,
    pub time_zone: String,
    pub version: i64,
    /// Students on the roster.
    pub students: i64,
    /// Staff members.
    pub staff: i64,
    /// School admins with a working login or an open invitation.
    pub admins: i64,
    /// The status of the school's latest service plan version; null when it has none.
    pub plan_status: Option<String>,
}

/// A new school.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewSchool {
    /// e.g. 朝阳区实验小学.
    #[validate(length(min = 2, max = 80))]
    #[schema(min_length = 2, max_length = 80)]
    pub name: String,
    /// Letters, digits and `-`, up to 32 (e.g. the 10-digit 学校标识码).
    #[validate(length(min = 2, max = 32))]
    #[schema(min_length = 2, max_length = 32, pattern = "^[A-Za-z0-9-]+$")]
    pub code: String,
    pub kind: SchoolKind,
    /// IANA time zone (default Asia/Shanghai).
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub time_zone: Option<String>,
}

/// Changes to a school.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
pub struct SchoolEdit {
    #[validate(length(min = 2, max = 80))]
    #[schema(min_length = 2, max_length = 80)]
    pub name: Option<String>,
    #[validate(length(min = 2, max = 32))]
    #[schema(min_length = 2, max_length = 32, pattern = "^[A-Za-z0-9-]+$")]
    pub code: Option<String>,
    pub kind: Option<SchoolKind>,
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub time_zone: Option<String>,
}

/// Checks a school code's characters and a time zone's name.
pub fn check_school_fields(code: Option<&str>, time_zone: Option<&str>) -> Result<(), AppError> {
    if let Some(code) = code {
        if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(AppError::field(
                "code",
                "invalid",
                "a school code has letters, digits and '-' only",
            ));
        }
    }
    if let Some(tz) = time_zone {
        if tz.parse::<chrono_tz::Tz>().is_err() {
            return Err(AppError::field(
                "time_zone",
                "invalid_time_zone",
                format!("{tz} is not an IANA time zone (e.g. Asia/Shanghai)"),
            ));
        }
    }
    Ok(())
}

/// A district-level role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DistrictRole {
    /// 区县管理员: manages the district's schools, staff and integrations.
    DistrictAdmin,
    /// 督导 / 检查: reads the district's schools and figures, changes nothing.
    DistrictViewer,
}

impl DistrictRole {
    /// The stored name (`users.district_role`).
    pub fn as_str(self) -> &'static str {
        self.role().as_str()
    }

    /// The role it grants in the district's schools.
    pub fn role(self) -> Role {
        match self {
            DistrictRole::DistrictAdmin => Role::DistrictAdmin,
            DistrictRole::DistrictViewer => Role::DistrictViewer,
        }
    }

    /// Reads a stored name.
    pub fn parse(s: &str) -> Option<DistrictRole> {
        match s {
            "district_admin" => Some(DistrictRole::DistrictAdmin),
            "district_viewer" => Some(DistrictRole::DistrictViewer),
            _ => None,
        }
    }
}

/// A district staff login.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DistrictStaff {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: DistrictRole,
    pub login: LoginStatus,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    pub version: i64,
    /// The one-time code, only in the answer that issued it.
    pub invitation: Option<Invitation>,
}

/// A new district staff login; the person sets the password with the invitation.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewDistrictStaff {
    #[validate(length(min = 3, max = 50))]
    #[schema(min_length = 3, max_length = 50)]
    pub username: String,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub display_name: String,
    pub role: DistrictRole,
}

/// Changes to a district staff login.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
pub struct DistrictStaffEdit {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub display_name: Option<String>,
    pub role: Option<DistrictRole>,
    /// Disable (true) or enable (false) the login; disabling ends its sessions.
    pub disabled: Option<bool>,
}

/// A username's characters: letters, digits, `.`, `_`, `-`, `@`.
pub fn check_username(username: &str) -> Result<(), AppError> {
    if username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
    {
        Ok(())
    } else {
        Err(AppError::field(
            "username",
            "invalid",
            "a username has letters, digits and . _ - @ only",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_bound_grades() {
        for k in [
            SchoolKind::Primary,
            SchoolKind::Middle,
            SchoolKind::NineYear,
        ] {
            assert_eq!(SchoolKind::parse(k.as_str()), k);
        }
        assert!(!SchoolKind::Middle.grades().contains(&6));
        assert!(SchoolKind::NineYear.grades().contains(&9));
    }

    #[test]
    fn codes_and_time_zones_are_checked() {
        assert!(check_school_fields(Some("1101050001"), Some("Asia/Shanghai")).is_ok());
        assert!(check_school_fields(Some("北京一小"), None).is_err());
        assert!(check_school_fields(None, Some("Beijing")).is_err());
        assert!(check_username("wang.li").is_ok());
        assert!(check_username("王老师").is_err());
    }
}
