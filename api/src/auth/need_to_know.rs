//! The need-to-know matrix for children's data (docs/SECURITY.md has it as a table).
//!
//! | field | school admin | homeroom teacher | finance | tutor | gate | district admin | API client |
//! |---|---|---|---|---|---|---|---|
//! | sensitive flags (随迁, 留守, 困难, 建档立卡) | all | own class | all | — | — | counts only | `roster:sensitive` |
//! | fee exemptions (category, note) | all | own class | all | — | — | counts only | `roster:sensitive` |
//! | phones of guardians and pickup persons | all | own class | masked | masked | masked | masked | `roster:contacts` |
//!
//! Boarding and teacher's-child flags are operational (they decide offerings and fees) and
//! are shown to every role that reads the roster. "—" means the field is left out (flags)
//! or empty (exemptions); masked phones read `138****5678`. The same rules cut audit
//! snapshots and exports. Pure: the matrix is unit-tested.

use super::{CallerKind, Role, SchoolId, SchoolScope};
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::StudentFlag;

/// What a field needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Migrant, left-behind, hardship, poverty-household flags.
    SensitiveFlags,
    /// Fee-exemption categories and notes.
    Exemptions,
    /// Unmasked phone numbers of guardians and pickup persons.
    Contacts,
    /// The national student number (全国学籍号): the school office keeps 学籍.
    Identifiers,
}

/// How far a role sees a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// Not at all.
    None,
    /// For the homerooms the caller leads.
    OwnClass,
    /// For every child of the school.
    All,
}

/// The matrix: how far `role` sees `field`.
pub fn reach(role: Role, field: Field) -> Reach {
    use Field as F;
    use Role as R;
    match (role, field) {
        (R::SchoolAdmin, _) => Reach::All,
        (R::HomeroomTeacher, F::Identifiers) => Reach::None,
        (R::HomeroomTeacher, _) => Reach::OwnClass,
        (R::Finance, F::SensitiveFlags | F::Exemptions) => Reach::All,
        (R::Finance | R::Tutor | R::Gate | R::DistrictAdmin | R::DistrictViewer, _) => Reach::None,
    }
}

/// Whether a flag is sensitive (shown only where the matrix allows).
pub fn is_sensitive(flag: StudentFlag) -> bool {
    matches!(
        flag,
        StudentFlag::Migrant
            | StudentFlag::LeftBehind
            | StudentFlag::Hardship
            | StudentFlag::PovertyHousehold
    )
}

/// The API-client scope that grants a field for the whole school.
pub fn scope_for(field: Field) -> &'static str {
    match field {
        Field::SensitiveFlags | Field::Exemptions | Field::Identifiers => "roster:sensitive",
        Field::Contacts => "roster:contacts",
    }
}

/// The caller as the matrix sees them in one school.
#[derive(Debug, Clone)]
pub struct Viewer {
    roles: Vec<Role>,
    client_scopes: Option<Vec<String>>,
    user: i64,
    school: SchoolId,
    led: Vec<i64>,
}

impl Viewer {
    /// The caller of `scope`; call [`Viewer::load`] before asking about a homeroom.
    pub fn of(scope: &SchoolScope) -> Viewer {
        Viewer {
            roles: scope.roles.clone(),
            client_scopes: (scope.caller.kind == CallerKind::Client)
                .then(|| scope.caller.scopes.clone()),
            user: scope.caller.id,
            school: scope.school(),
            led: Vec::new(),
        }
    }

    /// How far this caller sees `field`.
    pub fn reach(&self, field: Field) -> Reach {
        match &self.client_scopes {
            Some(scopes) if scopes.iter().any(|s| s == scope_for(field)) => Reach::All,
            Some(_) => Reach::None,
            None => self
                .roles
                .iter()
                .map(|r| reach(*r, field))
                .max()
                .unwrap_or(Reach::None),
        }
    }

    /// Loads the homerooms a homeroom teacher leads (one query, only when needed).
    pub fn load(mut self, c: &mut DbConn) -> Result<Viewer, AppError> {
        let own = [Field::SensitiveFlags, Field::Exemptions, Field::Contacts]
            .iter()
            .any(|f| self.reach(*f) == Reach::OwnClass);
        if own {
            self.led =
                crate::roster::store::relations::homerooms_led_by(c, self.school, self.user)?;
        }
        Ok(self)
    }

    /// Whether the caller sees `field` of a child in `homeroom` (`None`: a school-wide list
    /// not tied to one homeroom, which only `All` sees).
    pub fn sees(&self, field: Field, homeroom: Option<i64>) -> bool {
        match self.reach(field) {
            Reach::All => true,
            Reach::OwnClass => homeroom.is_some_and(|h| self.led.contains(&h)),
            Reach::None => false,
        }
    }

    /// The flags the caller may see of a child in `homeroom`.
    pub fn flags(&self, flags: &[StudentFlag], homeroom: i64) -> Vec<StudentFlag> {
        let all = self.sees(Field::SensitiveFlags, Some(homeroom));
        flags
            .iter()
            .copied()
            .filter(|f| all || !is_sensitive(*f))
            .collect()
    }
}

/// An identifier with all but its last four characters hidden.
pub fn mask_identifier(s: &str) -> String {
    let n = s.chars().count();
    let keep = if n > 8 { 4 } else { 0 };
    let tail: String = s.chars().skip(n - keep).collect();
    format!("{}{tail}", "*".repeat(n - keep))
}

/// Cuts an audit snapshot (or any JSON) to what a caller may see: phone numbers masked
/// without `contacts`; sensitive flags and exemption claims dropped without `sensitive`;
/// national student numbers always masked (the student's record has the full one for
/// those who may see it; a history needs no more than its last four characters).
pub fn redact(value: &mut serde_json::Value, contacts: bool, sensitive: bool) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let k = key.as_str();
                if k == "national_no" {
                    if let Value::String(n) = v {
                        *n = mask_identifier(n);
                    }
                } else if !contacts && (k == "phone" || k.ends_with("_phone") || k == "username") {
                    if let Value::String(p) = v {
                        if k != "username" || looks_like_phone(p) {
                            *p = super::mask_phone(p);
                        }
                    }
                } else if !sensitive && k == "flags" {
                    if let Value::Array(items) = v {
                        items.retain(|f| {
                            f.as_str().is_none_or(|name| {
                                !StudentFlag::ALL
                                    .iter()
                                    .any(|flag| is_sensitive(*flag) && flag_name(*flag) == name)
                            })
                        });
                    }
                } else if !sensitive && k.starts_with("exemption") {
                    *v = Value::Null;
                } else {
                    redact(v, contacts, sensitive);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| redact(v, contacts, sensitive)),
        _ => {}
    }
}

/// Whether a name is a phone number (guardians' logins and display names are their phones).
pub fn looks_like_phone(s: &str) -> bool {
    s.len() >= 7
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == '+' || c == '-')
}

fn flag_name(flag: StudentFlag) -> String {
    serde_json::to_value(flag)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_lose_phones_flags_and_exemptions_for_those_who_may_not_see_them() {
        let mut v = serde_json::json!({
            "phone": "13812345678",
            "guardians": [{"guardian_phone": "13912345678", "name": "王芳"}],
            "flags": ["migrant", "boarder", "poverty_household"],
            "exemption_note": "低保证明",
        });
        redact(&mut v, false, false);
        assert_eq!(v["phone"], "138****5678");
        assert_eq!(v["guardians"][0]["guardian_phone"], "139****5678");
        assert_eq!(v["flags"], serde_json::json!(["boarder"]));
        assert!(v["exemption_note"].is_null());
        let mut full = serde_json::json!({"phone": "13812345678", "flags": ["migrant"]});
        redact(&mut full, true, true);
        assert_eq!(
            full,
            serde_json::json!({"phone": "13812345678", "flags": ["migrant"]})
        );
        let mut student = serde_json::json!({"national_no": "G110105201601010001"});
        redact(&mut student, true, true);
        assert_eq!(student["national_no"], "***************0001");
    }

    #[test]
    fn gate_and_tutor_never_see_sensitive_flags_exemptions_or_phones() {
        for role in [Role::Gate, Role::Tutor] {
            for field in [Field::SensitiveFlags, Field::Exemptions, Field::Contacts] {
                assert_eq!(reach(role, field), Reach::None, "{role:?} {field:?}");
            }
        }
    }

    #[test]
    fn homeroom_teachers_see_their_own_class_and_the_district_only_counts() {
        for field in [Field::SensitiveFlags, Field::Exemptions, Field::Contacts] {
            assert_eq!(reach(Role::HomeroomTeacher, field), Reach::OwnClass);
            assert_eq!(reach(Role::DistrictAdmin, field), Reach::None);
            assert_eq!(reach(Role::SchoolAdmin, field), Reach::All);
        }
        assert_eq!(reach(Role::Finance, Field::Exemptions), Reach::All);
        assert_eq!(reach(Role::Finance, Field::Contacts), Reach::None);
    }

    #[test]
    fn only_social_flags_are_sensitive() {
        assert!(is_sensitive(StudentFlag::LeftBehind));
        assert!(is_sensitive(StudentFlag::PovertyHousehold));
        assert!(!is_sensitive(StudentFlag::Boarder));
        assert!(!is_sensitive(StudentFlag::TeacherChild));
    }

    #[test]
    fn a_teacher_sees_flags_of_their_class_only() {
        let v = Viewer {
            roles: vec![Role::HomeroomTeacher],
            client_scopes: None,
            user: 1,
            school: SchoolId::of_stored_row(1),
            led: vec![7],
        };
        let flags = [StudentFlag::Migrant, StudentFlag::Boarder];
        assert_eq!(v.flags(&flags, 7), flags.to_vec());
        assert_eq!(v.flags(&flags, 8), vec![StudentFlag::Boarder]);
        assert!(
            !v.sees(Field::Contacts, None),
            "school-wide lists stay masked"
        );
    }
}
