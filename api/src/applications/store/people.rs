//! Who acted on applications, for people reading them: staff by their name in the school
//! and their roles (never a login name), guardians by name and their relation to the child,
//! apps by their registered name.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::auth::SchoolId;
use crate::db::schema::{api_clients, guardians, staff, student_guardians, users};
use crate::db::DbConn;
use crate::error::AppError;

/// A person (or app) as shown in a timeline or on the acceptance evidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Named {
    /// `guardian`, `staff`, `client` or `system`.
    pub role: String,
    pub name: Option<String>,
    /// The staff member's roles in the school (`homeroom_teacher`, `school_admin` …).
    pub staff_roles: Vec<String>,
    /// A guardian's relation to the child (母亲, 祖父 …).
    pub relation: Option<String>,
}

/// The users and apps that appear in some applications, loaded in four queries.
pub struct People {
    users: HashMap<i64, (String, String)>,
    staff: HashMap<i64, (String, String)>,
    guardians: HashMap<i64, (i64, String)>,
    relations: HashMap<(i64, i64), String>,
    clients: HashMap<i64, String>,
}

impl People {
    /// Loads the users (`user_ids`) and apps (`client_ids`) of `school` that acted, with
    /// the relations of the guardians among them to `students`.
    pub fn load(
        c: &mut DbConn,
        school: SchoolId,
        mut user_ids: Vec<i64>,
        client_ids: Vec<i64>,
        students: &[i64],
    ) -> Result<People, AppError> {
        user_ids.sort_unstable();
        user_ids.dedup();
        let users = users::table
            .filter(users::id.eq_any(user_ids.clone()))
            .select((users::id, (users::kind, users::display_name)))
            .load::<(i64, (String, String))>(c)?
            .into_iter()
            .collect();
        let staff = staff::table
            .filter(staff::school_id.eq(school))
            .filter(staff::user_id.eq_any(user_ids.clone()))
            .select((
                staff::user_id.assume_not_null(),
                (staff::name, staff::roles),
            ))
            .load::<(i64, (String, String))>(c)?
            .into_iter()
            .collect();
        let guardians: HashMap<i64, (i64, String)> = guardians::table
            .filter(guardians::school_id.eq(school))
            .filter(guardians::user_id.eq_any(user_ids))
            .select((
                guardians::user_id.assume_not_null(),
                (guardians::id, guardians::name),
            ))
            .load::<(i64, (i64, String))>(c)?
            .into_iter()
            .collect();
        let guardian_ids: Vec<i64> = guardians.values().map(|g| g.0).collect();
        let relations = student_guardians::table
            .filter(student_guardians::school_id.eq(school))
            .filter(student_guardians::guardian_id.eq_any(guardian_ids))
            .filter(student_guardians::student_id.eq_any(students.to_vec()))
            .select((
                (
                    student_guardians::guardian_id,
                    student_guardians::student_id,
                ),
                student_guardians::relation,
            ))
            .load::<((i64, i64), String)>(c)?
            .into_iter()
            .collect();
        let clients = api_clients::table
            .filter(api_clients::id.eq_any(client_ids))
            .select((api_clients::id, api_clients::name))
            .load::<(i64, String)>(c)?
            .into_iter()
            .collect();
        Ok(People {
            users,
            staff,
            guardians,
            relations,
            clients,
        })
    }

    /// A timeline actor (`actor_kind` as in the audit log: user, client or system), for an
    /// application of `student`.
    pub fn actor(&self, kind: &str, id: Option<i64>, student: i64) -> Named {
        match (kind, id) {
            ("user", Some(id)) => self.user(id, student),
            ("client", Some(id)) => Named {
                role: "client".into(),
                name: self.clients.get(&id).cloned(),
                ..Named::default()
            },
            (kind, _) => Named {
                role: kind.to_owned(),
                ..Named::default()
            },
        }
    }

    /// The one who accepted the agreement (`accepted_by_kind` guardian, staff or client).
    pub fn acceptor(&self, kind: &str, id: i64, student: i64) -> Named {
        match kind {
            "client" => self.actor("client", Some(id), student),
            _ => self.user(id, student),
        }
    }

    fn user(&self, id: i64, student: i64) -> Named {
        if let Some((gid, name)) = self.guardians.get(&id) {
            return Named {
                role: "guardian".into(),
                name: Some(name.clone()),
                staff_roles: Vec::new(),
                relation: self.relations.get(&(*gid, student)).cloned(),
            };
        }
        if let Some((name, roles)) = self.staff.get(&id) {
            return Named {
                role: "staff".into(),
                name: Some(name.clone()),
                staff_roles: roles
                    .split(',')
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned)
                    .collect(),
                relation: None,
            };
        }
        match self.users.get(&id) {
            // District staff act in a school without a staff record there.
            Some((kind, name)) if kind == "staff" => Named {
                role: "staff".into(),
                name: Some(name.clone()),
                ..Named::default()
            },
            Some((kind, _)) => Named {
                role: kind.clone(),
                ..Named::default()
            },
            None => Named {
                role: "staff".into(),
                ..Named::default()
            },
        }
    }
}
