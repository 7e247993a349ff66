//! Strings the server accepts from a closed list are published as enums, with the values
//! taken from the lists the server itself checks against (so the document cannot drift from
//! the code): text kinds, offering kinds, segment kinds, scopes, roles, plan, request and
//! import statuses.

use serde_json::{json, Value};

use crate::auth::Role;

/// (schema, property, values). A nullable property also admits `null`.
fn table() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    let texts = crate::texts::model::TEXT_KINDS.to_vec();
    let offerings = crate::plans::model::OFFERING_KINDS.to_vec();
    let scopes: Vec<&str> = crate::integration::SCOPE_DESCRIPTIONS
        .iter()
        .map(|(s, _)| *s)
        .collect();
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let plan = crate::plans::model::PLAN_STATUSES.to_vec();
    let request_kinds = crate::service_requests::model::REQUEST_KINDS.to_vec();
    let request_statuses = crate::service_requests::model::REQUEST_STATUSES.to_vec();
    let imports = crate::imports::model::JOB_STATUSES.to_vec();
    let segments = crate::plans::calendar::SEGMENT_KINDS.to_vec();
    let vetting = crate::clubs::model::VETTING.to_vec();
    // The review actions, and the three steps the store records besides them.
    let mut actions: Vec<&str> = crate::applications::model::Action::ALL
        .iter()
        .map(|a| a.as_str())
        .collect();
    actions.extend(["create", "edit", "change"]);
    vec![
        ("PlanText", "kind", texts.clone()),
        ("NewPlanText", "kind", texts.clone()),
        ("TextTemplate", "kind", texts.clone()),
        ("NewTextTemplate", "kind", texts),
        ("Offering", "kind", offerings.clone()),
        ("NewOffering", "kind", offerings.clone()),
        ("AppliedOffering", "kind", offerings.clone()),
        ("Enrollment", "kind", offerings.clone()),
        ("SessionOnDate", "kind", offerings),
        ("Segment", "kind", segments),
        ("ApiClient", "scopes", scopes.clone()),
        ("NewApiClient", "scopes", scopes.clone()),
        ("ClientToken", "scopes", scopes.clone()),
        ("Me", "scopes", scopes),
        ("ApplicationEvent", "actor_staff_roles", roles),
        ("ServicePlan", "status", plan.clone()),
        ("SchoolOverview", "plan_status", plan),
        ("ServiceRequest", "kind", request_kinds.clone()),
        ("NewServiceRequest", "kind", request_kinds),
        ("ServiceRequest", "status", request_statuses),
        ("ImportJob", "status", imports),
        ("ApplicationEvent", "action", actions),
        ("Club", "vetting_status", vetting.clone()),
        ("NewClub", "vetting_status", vetting),
        ("Enrollment", "placement", vec!["enrolled", "waiting"]),
        // Who acted, as the audit log and the application history name them.
        ("AuditEvent", "actor_kind", vec!["user", "client", "system"]),
        (
            "ApplicationEvent",
            "actor_kind",
            vec!["user", "client", "system"],
        ),
        (
            "ApplicationEvent",
            "actor_role",
            vec!["guardian", "staff", "client", "system"],
        ),
        (
            "Acceptance",
            "accepted_by_kind",
            vec!["guardian", "staff", "client"],
        ),
        ("Problem", "error", crate::error::OAUTH_ERRORS.to_vec()),
        ("Health", "status", vec!["ok"]),
        ("Health", "database", vec!["sqlite", "postgres"]),
    ]
}

/// (path, query parameter, values).
fn params() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    vec![(
        "/api/v1/schools/{school_id}/texts",
        "kind",
        crate::texts::model::TEXT_KINDS.to_vec(),
    )]
}

fn close(schema: &mut Value, values: &[&str]) -> bool {
    if schema.get("type") == Some(&json!("array")) {
        return schema.get_mut("items").is_some_and(|i| close(i, values));
    }
    let nullable = schema
        .get("type")
        .and_then(Value::as_array)
        .is_some_and(|t| t.contains(&json!("null")));
    let is_string = schema.get("type") == Some(&json!("string"))
        || schema
            .get("type")
            .and_then(Value::as_array)
            .is_some_and(|t| t.contains(&json!("string")));
    if !is_string {
        return false;
    }
    let mut list: Vec<Value> = values.iter().map(|v| json!(v)).collect();
    if nullable {
        list.push(Value::Null);
    }
    schema["enum"] = Value::Array(list);
    true
}

/// Sets the enums; answers the entries it could not find (a renamed schema or field).
pub fn add(doc: &mut Value) -> Vec<String> {
    let mut missing = Vec::new();
    for (schema, field, values) in table() {
        let found = doc
            .pointer_mut(&format!("/components/schemas/{schema}/properties/{field}"))
            .is_some_and(|p| close(p, &values));
        if !found {
            missing.push(format!("{schema}.{field}"));
        }
    }
    for (path, name, values) in params() {
        let found = doc
            .pointer_mut(&format!(
                "/paths/{}/get/parameters",
                path.replace('/', "~1")
            ))
            .and_then(Value::as_array_mut)
            .and_then(|ps| ps.iter_mut().find(|p| p["name"] == json!(name)))
            .and_then(|p| p.get_mut("schema"))
            .is_some_and(|s| close(s, &values));
        if !found {
            missing.push(format!("{path} ?{name}"));
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_listed_enum_is_published() {
        let mut doc = serde_json::to_value(super::super::document()).unwrap();
        assert_eq!(super::add(&mut doc), Vec::<String>::new());
        let kind = &doc["components"]["schemas"]["PlanText"]["properties"]["kind"]["enum"];
        assert_eq!(
            kind,
            &serde_json::json!(["notice", "application_form", "agreement"])
        );
    }
}
