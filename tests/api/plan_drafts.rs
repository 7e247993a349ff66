//! Fixing a plan: a draft is edited (with `If-Match`) or deleted, a submitted plan is taken
//! back before the district decides, an approved plan's window is extended or closed early
//! as a recorded change; each refused outside its status, and audited.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, chrono_like_now, guardian_of, open_term};

fn plan_body(term: i64, name: &str) -> Value {
    let now = chrono_like_now();
    json!({
        "term_id": term, "window_opens_at": now.0, "window_closes_at": now.1,
        "offerings": [{"kind": "afternoon_basic", "name": name, "grades": [1,2,3], "weekdays": [1,2,3,4,5],
                       "start_time": "16:15", "end_time": "17:30"}]
    })
}

async fn put(app: &TestApp, t: &str, path: &str, if_match: &str, body: &Value) -> (u16, Value) {
    let mut req = app.req(Method::PUT, path).bearer_auth(t).json(body);
    if !if_match.is_empty() {
        req = req.header("If-Match", if_match);
    }
    json_of(req.send().await.unwrap()).await
}

async fn patch(app: &TestApp, t: &str, path: &str, if_match: &str, body: &Value) -> (u16, Value) {
    let req = app.req(Method::PATCH, path).bearer_auth(t).json(body);
    json_of(req.header("If-Match", if_match).send().await.unwrap()).await
}

async fn delete(app: &TestApp, t: &str, path: &str, if_match: &str) -> (u16, Value) {
    let req = app.req(Method::DELETE, path).bearer_auth(t);
    let res = req.header("If-Match", if_match).send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn draft(app: &TestApp, admin: &str, term: i64) -> Value {
    let (s, p) = app
        .send(
            admin,
            Method::POST,
            &app.school_path("/service-plans"),
            &plan_body(term, "托管"),
        )
        .await;
    assert_eq!(s, 201, "{p}");
    p
}

both!(
    a_draft_is_edited_with_if_match_and_deleted,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
        let term = terms["items"][0]["id"].as_i64().unwrap();
        let p = draft(&app, &admin, term).await;
        let path = app.school_path(&format!("/service-plans/{}", p["id"]));
        let mut body = plan_body(term, "课后基础托管（修改）");
        body["offerings"]
        .as_array_mut()
        .unwrap()
        .push(json!({"kind": "late_extension", "name": "延时托管", "grades": [1,2,3], "weekdays": [1,2], "start_time": "17:30", "end_time": "18:30", "cap": 20}));
        let (s, e) = put(&app, &admin, &path, "", &body).await;
        assert_eq!(
            (s, e["code"].as_str()),
            (428, Some("precondition_required"))
        );
        let (s, e) = put(&app, &admin, &path, "\"99\"", &body).await;
        assert_eq!((s, e["code"].as_str()), (412, Some("precondition_failed")));
        let teacher = app.token("teacher").await;
        let (s, _) = put(&app, &teacher, &path, &p["version"].to_string(), &body).await;
        assert_eq!(s, 403, "only school admins edit plans");
        let mut other_term = body.clone();
        other_term["term_id"] = json!(term + 1000);
        let (s, e) = put(&app, &admin, &path, &p["version"].to_string(), &other_term).await;
        assert_eq!(
            (s, e["errors"][0]["field"].as_str()),
            (422, Some("term_id")),
            "{e}"
        );
        let (s, edited) = put(&app, &admin, &path, &p["version"].to_string(), &body).await;
        assert_eq!(s, 200, "{edited}");
        assert_eq!(edited["version"], p["version"].as_i64().unwrap() + 1);
        let names: Vec<&str> = edited["offerings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["课后基础托管（修改）", "延时托管"]);
        let (_, read) = app.get(&admin, &path).await;
        assert_eq!(read["offerings"], edited["offerings"], "the edit is stored");
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) AS n FROM offerings WHERE plan_id = {}",
                p["id"]
            )),
            2
        );
        assert_eq!(
            app.count(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'service_plan.update'"
            ),
            1
        );

        // Submitted: no longer edited or deleted, until the school takes it back.
        let (s, _) = app
            .send(
                &admin,
                Method::POST,
                &format!("{path}/submit"),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 200);
        let (s, e) = put(&app, &admin, &path, &edited["version"].to_string(), &body).await;
        assert_eq!(
            (s, e["code"].as_str()),
            (409, Some("service_plan.wrong_status"))
        );
        let (s, e) = delete(&app, &admin, &path, "1").await;
        assert_eq!(
            (s, e["code"].as_str()),
            (409, Some("service_plan.wrong_status"))
        );
        let (s, _) = app
            .send(
                &teacher,
                Method::POST,
                &format!("{path}/withdraw"),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 403);
        let (s, back) = app
            .send(
                &admin,
                Method::POST,
                &format!("{path}/withdraw"),
                &Value::Null,
            )
            .await;
        assert_eq!((s, back["status"].as_str()), (200, Some("draft")), "{back}");
        let (s, e) = app
            .send(
                &admin,
                Method::POST,
                &format!("{path}/withdraw"),
                &Value::Null,
            )
            .await;
        assert_eq!(
            (s, e["code"].as_str()),
            (409, Some("service_plan.wrong_status")),
            "a draft is not withdrawn"
        );
        assert_eq!(
            app.count(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'service_plan.withdrawn'"
            ),
            1
        );

        let (s, e) = delete(&app, &admin, &path, &edited["version"].to_string()).await;
        assert_eq!(
            (s, e["code"].as_str()),
            (412, Some("precondition_failed")),
            "the withdrawal moved it on"
        );
        let (s, _) = delete(&app, &admin, &path, &back["version"].to_string()).await;
        assert_eq!(s, 204);
        let (s, _) = app.get(&admin, &path).await;
        assert_eq!(s, 404);
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) AS n FROM offerings WHERE plan_id = {}",
                p["id"]
            )),
            0
        );
        assert_eq!(
            app.count(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'service_plan.delete'"
            ),
            1
        );
    }
);

both!(
    an_approved_window_is_extended_or_closed_early_as_a_recorded_change,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let path = app.school_path(&format!("/service-plans/{}", plan["id"]));
        let v = plan["version"].to_string();
        let (s, e) = delete(&app, &admin, &path, &v).await;
        assert_eq!(
            (s, e["code"].as_str()),
            (409, Some("service_plan.wrong_status")),
            "an approved plan stays"
        );
        let (s, e) = put(&app, &admin, &path, &v, &plan_body(term, "x")).await;
        assert_eq!(
            (s, e["code"].as_str()),
            (409, Some("service_plan.wrong_status")),
            "an approved plan is not edited"
        );

        let later = "2030-06-30T15:59:59Z";
        let (s, e) = patch(
            &app,
            &admin,
            &format!("{path}/window"),
            &v,
            &json!({"window_closes_at": later, "reason": ""}),
        )
        .await;
        assert_eq!(
            (s, e["errors"][0]["field"].as_str()),
            (422, Some("reason")),
            "a change says why"
        );
        let (s, e) = patch(
            &app,
            &admin,
            &format!("{path}/window"),
            &v,
            &json!({"window_closes_at": "2020-01-01T00:00:00Z", "reason": "x"}),
        )
        .await;
        assert_eq!(
            (s, e["errors"][0]["code"].as_str()),
            (422, Some("in_past")),
            "{e}"
        );
        let teacher = app.token("teacher").await;
        let (s, _) = patch(
            &app,
            &teacher,
            &format!("{path}/window"),
            &v,
            &json!({"window_closes_at": later, "reason": "x"}),
        )
        .await;
        assert_eq!(s, 403);
        let (s, extended) = patch(
            &app,
            &admin,
            &format!("{path}/window"),
            &v,
            &json!({"window_closes_at": later, "reason": "家长会后补报"}),
        )
        .await;
        assert_eq!(s, 200, "{extended}");
        assert_eq!(extended["window_closes_at"], "2030-06-30T15:59:59Z");
        assert_eq!(
            extended["version_no"], plan["version_no"],
            "no new plan version"
        );
        let change = &extended["window_changes"][0];
        assert_eq!(change["from_closes_at"], plan["window_closes_at"]);
        assert_eq!(change["to_closes_at"], later);
        assert_eq!(change["reason"], "家长会后补报");
        assert!(
            change["changed_by_name"]
                .as_str()
                .is_some_and(|n| !n.is_empty()),
            "{change}"
        );
        // The district sees it on the plan.
        let district = app.token("district").await;
        let (_, seen) = app.get(&district, &path).await;
        assert_eq!(seen["window_changes"].as_array().unwrap().len(), 1);

        // Closed early: now. A family's application is then refused.
        let (s, stale) = patch(
            &app,
            &admin,
            &format!("{path}/window"),
            &v,
            &json!({"window_closes_at": later, "reason": "x"}),
        )
        .await;
        assert_eq!(s, 412, "{stale}");
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let (s, closed) = patch(
            &app,
            &admin,
            &format!("{path}/window"),
            &extended["version"].to_string(),
            &json!({"window_closes_at": now, "reason": "名额已满，提前截止"}),
        )
        .await;
        assert_eq!(s, 200, "{closed}");
        assert_eq!(closed["window_changes"].as_array().unwrap().len(), 2);
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let guardian = guardian_of(&app, 5).await;
        let (s, e) = app
            .send(
                &guardian,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, false),
            )
            .await;
        assert_eq!(
            (s, e["code"].as_str()),
            (422, Some("application.window_closed")),
            "{e}"
        );
        assert_eq!(
            app.count(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'service_plan.window'"
            ),
            2
        );
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM plan_window_changes"),
            2
        );
    }
);

both!(
    a_text_list_filter_names_an_unknown_kind,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (s, e) = app.get(&admin, &app.school_path("/texts?kind=AAA")).await;
        assert_eq!(
            (s, e["errors"][0]["field"].as_str()),
            (422, Some("kind")),
            "{e}"
        );
    }
);
