//! Who may do what to an application, as pure functions of the caller and the
//! application: the family and the student's homeroom teacher and school admins act on
//! it; a guardian sees only their children's; the exemption claim is cut by need to know.
//! The facts (the caller's relation to the child, their reach) come from
//! `crate::roster::relation`.

use crate::applications::store::create::Who;
use crate::applications::types::Application;
use crate::auth::need_to_know::{Field, Viewer};
use crate::auth::{CallerKind, SchoolScope};
use crate::error::AppError;
use crate::roster::relation::{Reach, Relation};

/// Who applies or edits, for the acceptance evidence: the student's guardian (portal or
/// a parent app's channel), or their homeroom teacher or a school admin on the family's
/// behalf (SPA). Anyone else may not.
pub fn who_for(scope: &SchoolScope, relation: Relation) -> Result<Who, AppError> {
    let (kind, channel) = match relation {
        Relation::Guardian => ("guardian", scope.caller.channel()),
        Relation::SchoolAdmin | Relation::HomeroomTeacher => ("staff", "spa".to_owned()),
        Relation::OtherStaff => {
            return Err(AppError::forbidden(
                "guardians, their homeroom teacher or a school admin apply",
            ))
        }
    };
    Ok(Who {
        actor: scope.actor(),
        kind: kind.into(),
        id: scope.caller.id,
        channel,
    })
}

/// Whether a family's reach covers the application (a guardian sees their children's
/// only); staff reach is decided by the relation and the state machine.
pub fn family_sees(reach: &Reach, app: &Application) -> bool {
    match reach {
        Reach::Students(ids) => ids.contains(&app.student_id),
        Reach::All | Reach::Homerooms(_) => true,
    }
}

/// Whether the caller's reach covers the application: a guardian their children's, a
/// homeroom teacher their homerooms'.
pub fn sees(reach: &Reach, app: &Application) -> bool {
    match reach {
        Reach::All => true,
        Reach::Students(ids) => ids.contains(&app.student_id),
        Reach::Homerooms(ids) => ids.contains(&app.homeroom_id),
    }
}

/// The application as the caller may see it: the exemption claim only for the family and
/// the roles the need-to-know matrix allows.
pub fn cut(kind: CallerKind, viewer: &Viewer, mut a: Application) -> Application {
    if kind != CallerKind::Guardian && !viewer.sees(Field::Exemptions, Some(a.homeroom_id)) {
        a.exemption_category = None;
        a.exemption_note = None;
    }
    a
}
