//! Who the caller is to a child, and which children a caller may list: the facts every
//! capability that touches a child's records decides access from. The rules are pure
//! ([`classify`], [`reach_of`]); the facts come from `store::relations`.

use crate::auth::{CallerKind, Permission, Role, SchoolScope};
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::store::relations;

/// Who the caller is to one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// A guardian of the student (or an app acting for them).
    Guardian,
    /// The homeroom teacher of the student's homeroom.
    HomeroomTeacher,
    /// A school admin (or the district's admin).
    SchoolAdmin,
    /// Any other staff member or machine client.
    OtherStaff,
}

/// The relation, from the facts (pure): the caller's kind and roles, whether they are a
/// guardian of the student, whether they lead the student's homeroom.
pub fn classify(
    kind: CallerKind,
    roles: &[Role],
    guardian: bool,
    leads_homeroom: bool,
) -> Relation {
    match kind {
        CallerKind::Guardian if guardian => Relation::Guardian,
        CallerKind::Guardian | CallerKind::Client => Relation::OtherStaff,
        CallerKind::Staff
            if roles
                .iter()
                .any(|r| matches!(r, Role::SchoolAdmin | Role::DistrictAdmin)) =>
        {
            Relation::SchoolAdmin
        }
        CallerKind::Staff if roles.contains(&Role::HomeroomTeacher) && leads_homeroom => {
            Relation::HomeroomTeacher
        }
        CallerKind::Staff => Relation::OtherStaff,
    }
}

/// Who the caller is for this student. A guardian of another family's child gets 404,
/// as if the child did not exist.
pub fn relation_to(
    c: &mut DbConn,
    scope: &SchoolScope,
    student_id: i64,
) -> Result<Relation, AppError> {
    let (school, user) = (scope.school(), scope.caller.id);
    let (guardian, leads) = match scope.caller.kind {
        CallerKind::Guardian => {
            relations::require_guardian_of(c, school, user, student_id)?;
            (true, false)
        }
        CallerKind::Staff if scope.roles.contains(&Role::HomeroomTeacher) => {
            let led = relations::homerooms_led_by(c, school, user)?;
            let student = crate::roster::store::students::get(c, school, student_id)?;
            (false, led.contains(&student.homeroom_id))
        }
        _ => (false, false),
    };
    Ok(classify(scope.caller.kind, &scope.roles, guardian, leads))
}

/// Which of the school's children a caller may list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Every child (school and district admins, roles that read the roster).
    All,
    /// These students only (a guardian's children).
    Students(Vec<i64>),
    /// The students of these homerooms (a homeroom teacher's classes).
    Homerooms(Vec<i64>),
}

/// The caller's reach over the school's children; 403 for a caller who may not read them.
pub fn reach_of(c: &mut DbConn, scope: &SchoolScope) -> Result<Reach, AppError> {
    let (school, user) = (scope.school(), scope.caller.id);
    let admin = scope
        .roles
        .iter()
        .any(|r| matches!(r, Role::SchoolAdmin | Role::DistrictAdmin));
    match scope.caller.kind {
        CallerKind::Guardian => Ok(Reach::Students(relations::children_of(c, school, user)?)),
        _ if admin => Ok(Reach::All),
        _ if scope.roles.contains(&Role::HomeroomTeacher) => Ok(Reach::Homerooms(
            relations::homerooms_led_by(c, school, user)?,
        )),
        _ if scope.can(Permission::RosterRead) => Ok(Reach::All),
        _ => Err(AppError::forbidden("you may not read these records")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teacher_is_the_homeroom_teacher_only_of_the_class_they_lead() {
        let t = [Role::HomeroomTeacher];
        assert_eq!(
            classify(CallerKind::Staff, &t, false, true),
            Relation::HomeroomTeacher
        );
        assert_eq!(
            classify(CallerKind::Staff, &t, false, false),
            Relation::OtherStaff
        );
        assert_eq!(
            classify(
                CallerKind::Staff,
                &[Role::Tutor, Role::SchoolAdmin],
                false,
                false
            ),
            Relation::SchoolAdmin
        );
        assert_eq!(
            classify(CallerKind::Guardian, &[], true, false),
            Relation::Guardian
        );
        assert_eq!(
            classify(CallerKind::Client, &[], false, false),
            Relation::OtherStaff
        );
    }
}
