//! The role × operation matrix within one school, from the permission table below: for every
//! documented operation under `/schools/{school_id}`, each role either may call it (never
//! 401/403) or is refused (403 or 404; 422 where the body is checked before the role, as
//! actix's JSON extractor does) and nothing is written (the audit log does not grow). An
//! operation missing from the table fails the test, so a new endpoint is covered the day it
//! is added.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, guardian_of, open_term};

/// Who may call an operation.
#[derive(Clone, Copy, Debug)]
enum May {
    /// Every staff role with roster access (and guardians where noted separately).
    Staff,
    /// School and district admins.
    Admins,
    /// The school admin only (district admins are refused).
    SchoolAdmin,
    /// Admins and homeroom teachers.
    AdminsAndTeachers,
    /// Staff and the family (guardians) of the child concerned.
    StaffAndFamily,
    /// Admins, homeroom teachers and the family.
    AdminsTeachersAndFamily,
    /// The school admin and the family.
    SchoolAdminAndFamily,
    /// School and district admins and the family.
    AdminsAndFamily,
    /// District admins only.
    District,
    /// Staff who deal with families: everyone at the school, not the district's inspector.
    Families,
    /// Those and the family of the child concerned.
    FamiliesAndFamily,
}

/// The permission table: (method, path under /schools/{school_id}, who may call it).
const TABLE: &[(&str, &str, May)] = &[
    ("GET", "", May::StaffAndFamily),
    ("GET", "/applications", May::StaffAndFamily),
    ("POST", "/applications", May::AdminsTeachersAndFamily),
    ("POST", "/applications/bulk-review", May::AdminsAndTeachers),
    ("GET", "/applications/{id}", May::StaffAndFamily),
    ("PATCH", "/applications/{id}", May::AdminsTeachersAndFamily),
    (
        "POST",
        "/applications/{id}/changes",
        May::SchoolAdminAndFamily,
    ),
    (
        "POST",
        "/applications/{id}/class-review",
        May::AdminsAndTeachers,
    ),
    ("POST", "/applications/{id}/school-review", May::Admins),
    (
        "POST",
        "/applications/{id}/submit",
        May::AdminsTeachersAndFamily,
    ),
    ("POST", "/applications/{id}/withdraw", May::AdminsAndFamily),
    ("GET", "/audit-events", May::Admins),
    ("GET", "/clubs", May::StaffAndFamily),
    ("POST", "/clubs", May::Admins),
    ("POST", "/clubs/{id}/vetting", May::SchoolAdmin),
    ("GET", "/exports/students.xlsx", May::Admins),
    ("GET", "/guardians", May::Families),
    ("POST", "/guardians/{id}/activation-code", May::Admins),
    ("GET", "/homerooms", May::Staff),
    ("POST", "/homerooms", May::Admins),
    ("GET", "/homerooms/{id}", May::Staff),
    ("PATCH", "/homerooms/{id}", May::Admins),
    ("DELETE", "/homerooms/{id}", May::Admins),
    ("GET", "/imports/template.xlsx", May::Admins),
    ("POST", "/imports", May::Admins),
    ("GET", "/imports/{id}", May::Admins),
    ("POST", "/imports/{id}/commit", May::Admins),
    ("GET", "/notice-receipts", May::StaffAndFamily),
    ("POST", "/notice-receipts", May::AdminsTeachersAndFamily),
    ("GET", "/rooms", May::Staff),
    ("POST", "/rooms", May::Admins),
    ("PATCH", "/rooms/{id}", May::Admins),
    ("DELETE", "/rooms/{id}", May::Admins),
    ("GET", "/service-plans", May::StaffAndFamily),
    ("POST", "/service-plans", May::Admins),
    ("GET", "/service-plans/{id}", May::StaffAndFamily),
    ("POST", "/service-plans/{id}/approve", May::District),
    ("POST", "/service-plans/{id}/reject", May::District),
    ("GET", "/service-plans/{id}/sessions", May::StaffAndFamily),
    ("POST", "/service-plans/{id}/submit", May::SchoolAdmin),
    ("GET", "/service-requests", May::StaffAndFamily),
    ("POST", "/service-requests", May::AdminsTeachersAndFamily),
    ("POST", "/service-requests/{id}/review", May::Admins),
    ("GET", "/staff", May::Staff),
    ("POST", "/staff", May::Admins),
    ("PATCH", "/staff/{id}", May::Admins),
    ("DELETE", "/staff/{id}", May::Admins),
    ("POST", "/staff/{id}/disable", May::Admins),
    ("POST", "/staff/{id}/enable", May::Admins),
    ("POST", "/staff/{id}/invitation", May::Admins),
    ("GET", "/students", May::Staff),
    ("POST", "/students", May::Admins),
    ("GET", "/students/{id}", May::Staff),
    ("PATCH", "/students/{id}", May::Admins),
    ("DELETE", "/students/{id}", May::Admins),
    ("GET", "/students/{id}/acceptance-evidence", May::Admins),
    ("GET", "/students/{id}/guardians", May::Families),
    ("POST", "/students/{id}/guardians", May::Admins),
    (
        "DELETE",
        "/students/{id}/guardians/{guardian_id}",
        May::Admins,
    ),
    (
        "GET",
        "/students/{id}/pickup-persons",
        May::FamiliesAndFamily,
    ),
    ("POST", "/students/{id}/pickup-persons", May::Admins),
    (
        "DELETE",
        "/students/{id}/pickup-persons/{person_id}",
        May::Admins,
    ),
    ("GET", "/terms", May::StaffAndFamily),
    ("POST", "/terms", May::Admins),
    ("GET", "/terms/{id}", May::Staff),
    ("PATCH", "/terms/{id}", May::Admins),
    ("GET", "/terms/{term_id}/application-stats", May::Staff),
    ("GET", "/terms/{term_id}/enrollments", May::Staff),
    (
        "GET",
        "/terms/{term_id}/exports/approved-applications.xlsx",
        May::Admins,
    ),
    ("GET", "/terms/{term_id}/informed-report", May::Staff),
    ("GET", "/text-templates", May::Staff),
    ("GET", "/texts", May::StaffAndFamily),
    ("POST", "/texts", May::Admins),
    ("POST", "/texts/{id}/publish", May::Admins),
];

/// The callers of the matrix, by login (the guardian is added by the test).
const ROLES: &[&str] = &[
    "admin",
    "teacher",
    "tutor",
    "finance",
    "gate",
    "district",
    "inspector",
    "guardian",
];

fn allowed(may: May, who: &str) -> bool {
    let admin = matches!(who, "admin" | "district");
    match may {
        // The district's inspector reads the school's set-up, never its people's details.
        May::Staff => who != "guardian",
        May::Admins => admin,
        May::SchoolAdmin => who == "admin",
        May::AdminsAndTeachers => admin || who == "teacher",
        May::StaffAndFamily => true,
        May::AdminsTeachersAndFamily => admin || matches!(who, "teacher" | "guardian"),
        May::SchoolAdminAndFamily => matches!(who, "admin" | "guardian"),
        May::AdminsAndFamily => admin || who == "guardian",
        May::District => who == "district",
        May::Families => !matches!(who, "guardian" | "inspector"),
        May::FamiliesAndFamily => who != "inspector",
    }
}

fn documented() -> Vec<(String, String)> {
    let doc = kehou_api::openapi::document();
    let mut ops = Vec::new();
    for (path, item) in &doc.paths.paths {
        let Some(rest) = path.strip_prefix("/api/v1/schools/{school_id}") else {
            continue;
        };
        for (m, present) in [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("PATCH", item.patch.is_some()),
            ("DELETE", item.delete.is_some()),
        ] {
            if present {
                ops.push((m.to_owned(), rest.to_owned()));
            }
        }
    }
    ops
}

#[test]
fn every_school_operation_is_in_the_permission_table() {
    let ops = documented();
    for (m, p) in &ops {
        assert!(
            TABLE.iter().any(|(tm, tp, _)| tm == m && tp == p),
            "{m} {p} is not in the permission table of tests/api/roles.rs: say who may call it"
        );
    }
    for (m, p, _) in TABLE {
        assert!(
            ops.iter().any(|(om, op)| om == m && op == p),
            "{m} {p} is in the permission table but not documented"
        );
    }
}

both!(
    each_role_may_call_only_what_the_table_grants,
    |app: TestApp| async move {
        // Objects to aim at: an application, a plan, a service request, texts, an import.
        let (term, plan, agreement) = open_term(&app, 30).await;
        let guardian = guardian_of(&app, 5).await;
        let admin = app.token("admin").await;
        let (s, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, true),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        let ids = json!({
            "applications": a["id"], "service-plans": plan["id"], "terms": term, "students": 5,
            "homerooms": 1, "rooms": 1, "staff": 1, "guardians": 1, "imports": 1,
            "service-requests": 1, "texts": agreement["id"],
        });
        let fill = |template: &str| {
            let parts: Vec<&str> = template.split('/').collect();
            let mut out = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                if part.starts_with('{') {
                    let key = if *part == "{guardian_id}" {
                        "guardians"
                    } else if *part == "{person_id}" {
                        "pickup"
                    } else {
                        parts[i - 1]
                    };
                    out.push(
                        ids.get(key)
                            .map(|v| v.to_string())
                            .unwrap_or_else(|| "1".into()),
                    );
                } else {
                    out.push((*part).to_owned());
                }
            }
            app.school_path(&out.join("/"))
        };
        let mut wrong = Vec::new();
        let audited = || app.count("SELECT COUNT(*) AS n FROM audit_events");
        for who in ROLES {
            let token = if *who == "guardian" {
                guardian.clone()
            } else {
                app.token(who).await
            };
            for (m, template, may) in TABLE {
                // Deletes of shared fixtures would change what later rows see.
                if *m == "DELETE" {
                    continue;
                }
                let method = Method::from_bytes(m.as_bytes()).unwrap();
                let res = app
                    .req(method, &fill(template))
                    .bearer_auth(&token)
                    .header("if-match", "\"999\"")
                    .json(&Value::Object(Default::default()))
                    .send()
                    .await
                    .unwrap();
                let before = audited();
                let (s, body) = json_of(res).await;
                let ok = if allowed(*may, who) {
                    s != 401 && s != 403
                } else {
                    matches!(s, 403 | 404 | 422) && audited() == before
                };
                if !ok {
                    wrong.push(format!("{who} {m} {template} → {s} {}", body["code"]));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "the permission table disagrees:\n{}",
            wrong.join("\n")
        );
    }
);
