//! The schema is ready to be sharded by school: every tenant table has `school_id NOT
//! NULL` and an index that leads with it (a distributed PostgreSQL keyed by school needs
//! both; so do the tenant filters on every query).

use kehou_tests::{both, Backend, TestApp};

/// Tables that are not tenant data, with the reason.
const GLOBAL: &[(&str, &str)] = &[
    ("districts", "a district holds schools"),
    ("schools", "the tenants themselves"),
    (
        "users",
        "an account spans schools (a parent of children in two schools, a district admin)",
    ),
    ("refresh_tokens", "sessions of accounts"),
    (
        "invitations",
        "one-time codes of accounts (a district login has no school)",
    ),
    ("settings", "instance settings (signing key, demo marker)"),
    ("api_clients", "machine clients belong to a district"),
    ("text_templates", "a district's templates"),
    (
        "webhook_endpoints",
        "a district's subscriptions (its deliveries and events carry the school)",
    ),
];

/// Tenant tables whose `school_id` may be null, with the reason.
const NULLABLE: &[(&str, &str)] = &[(
    "audit_events",
    "events of a district or an account have no school; school events always have one",
)];

fn tables(app: &TestApp) -> Vec<String> {
    app.strings(match app.backend {
        Backend::Sqlite => "SELECT name AS s FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations' ORDER BY name",
        Backend::Postgres => "SELECT table_name::text AS s FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__diesel_schema_migrations' ORDER BY table_name",
    })
}

/// `school_id`'s nullability, if the table has the column.
fn school_column(app: &TestApp, table: &str) -> Option<bool> {
    let rows = app.strings(&match app.backend {
        Backend::Sqlite => format!("SELECT CAST(\"notnull\" AS TEXT) AS s FROM pragma_table_info('{table}') WHERE name = 'school_id'"),
        Backend::Postgres => format!("SELECT is_nullable::text AS s FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' AND column_name = 'school_id'"),
    });
    rows.first().map(|v| v == "1" || v == "NO")
}

/// Whether some index of the table leads with `school_id`.
fn index_leads_with_school(app: &TestApp, table: &str) -> bool {
    match app.backend {
        Backend::Sqlite => !app
            .strings(&format!(
                "SELECT l.name AS s FROM pragma_index_list('{table}') l, pragma_index_info(l.name) i WHERE i.seqno = 0 AND i.name = 'school_id'"
            ))
            .is_empty(),
        Backend::Postgres => app
            .strings(&format!(
                "SELECT indexdef AS s FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table}'"
            ))
            .iter()
            .any(|d| d.split_once('(').is_some_and(|(_, cols)| cols.trim_start().starts_with("school_id"))),
    }
}

both!(
    every_tenant_table_has_a_required_school_id_and_an_index_leading_with_it,
    |app: TestApp| async move {
        let all = tables(&app);
        assert!(all.len() > 20, "{all:?}");
        let mut problems = Vec::new();
        for t in &all {
            if GLOBAL.iter().any(|(g, _)| g == t) {
                continue;
            }
            match school_column(&app, t) {
                None => problems.push(format!("{t}: no school_id column")),
                Some(false) if !NULLABLE.iter().any(|(n, _)| n == t) => {
                    problems.push(format!("{t}: school_id may be null"))
                }
                _ => {}
            }
            if !index_leads_with_school(&app, t) {
                problems.push(format!("{t}: no index leads with school_id"));
            }
        }
        assert!(
            problems.is_empty(),
            "tenant tables:\n{}",
            problems.join("\n")
        );
        for (g, _) in GLOBAL {
            assert!(
                all.iter().any(|t| t == g),
                "{g} is a table (the exemption list is current)"
            );
        }
    }
);
