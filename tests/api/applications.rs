//! Applications: plan approval, texts, informed families, the two-step review, provable
//! acceptance, the rules that refuse, capped offerings under concurrency, idempotency.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

/// Plan (afternoon_basic for grades 1–6 Mon–Fri; late_extension Mon–Thu capped at `cap`)
/// submitted and approved, a notice and an agreement published. Returns (term, plan, agreement text).
pub(crate) async fn open_term(app: &TestApp, cap: i64) -> (i64, Value, Value) {
    let admin = app.token("admin").await;
    let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
    let term = terms["items"][0]["id"].as_i64().unwrap();
    let now = chrono_like_now();
    let plan = json!({
        "term_id": term,
        "window_opens_at": now.0, "window_closes_at": now.1,
        "offerings": [
            {"kind": "afternoon_basic", "name": "课后基础托管", "grades": [1,2,3,4,5,6], "weekdays": [1,2,3,4,5], "boarders_excluded": true,
             "start_time": "16:15", "end_time": "17:30", "early_grades_start_time": "16:20"},
            {"kind": "late_extension", "name": "延时服务", "grades": [1,2,3,4,5,6], "weekdays": [1,2,3,4], "start_time": "17:30", "end_time": "18:30", "cap": cap}
        ]
    });
    let (s, p) = app
        .send(
            &admin,
            Method::POST,
            &app.school_path("/service-plans"),
            &plan,
        )
        .await;
    assert_eq!(s, 201, "{p}");
    let pid = p["id"].as_i64().unwrap();
    let (s, _) = app
        .send(
            &admin,
            Method::POST,
            &app.school_path(&format!("/service-plans/{pid}/submit")),
            &Value::Null,
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = app
        .send(
            &admin,
            Method::POST,
            &app.school_path(&format!("/service-plans/{pid}/approve")),
            &json!({}),
        )
        .await;
    assert_eq!(s, 403, "a school admin cannot approve its own plan");
    let district = app.token("district").await;
    let (s, p) = app
        .send(
            &district,
            Method::POST,
            &app.school_path(&format!("/service-plans/{pid}/approve")),
            &json!({"comment": "同意"}),
        )
        .await;
    assert_eq!((s, p["status"].as_str()), (200, Some("approved")));
    let notice = publish(
        app,
        &admin,
        term,
        "notice",
        "致家长的一封信",
        "各位家长：本学期课后服务……",
    )
    .await;
    assert_eq!(notice["kind"], "notice");
    let agreement = publish(
        app,
        &admin,
        term,
        "agreement",
        "课后服务委托协议书",
        "学校职责……家长职责：按时接孩子离校……学生职责……",
    )
    .await;
    (term, p, agreement)
}

fn chrono_like_now() -> (String, String) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let fmt = |t: i64| {
        let days = t.div_euclid(86_400);
        let (y, m, d) = civil(days);
        let s = t.rem_euclid(86_400);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    };
    (fmt(now - 86_400), fmt(now + 30 * 86_400))
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's algorithm).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

pub(crate) async fn publish(
    app: &TestApp,
    t: &str,
    term: i64,
    kind: &str,
    title: &str,
    body: &str,
) -> Value {
    let (s, text) = app
        .send(
            t,
            Method::POST,
            &app.school_path("/texts"),
            &json!({"term_id": term, "kind": kind, "title": title, "body": body}),
        )
        .await;
    assert_eq!(s, 201, "{text}");
    let (s, text) = app
        .send(
            t,
            Method::POST,
            &app.school_path(&format!("/texts/{}/publish", text["id"])),
            &Value::Null,
        )
        .await;
    assert_eq!(s, 200);
    text
}

pub(crate) fn application(
    term: i64,
    plan: &Value,
    agreement: &Value,
    student: i64,
    late: bool,
) -> Value {
    let mut offerings =
        vec![json!({"offering_id": plan["offerings"][0]["id"], "weekdays": [1,2,3,4,5]})];
    if late {
        offerings.push(json!({"offering_id": plan["offerings"][1]["id"], "weekdays": [1,2]}));
    }
    json!({"term_id": term, "student_id": student, "offerings": offerings, "leave_mode": "pickup", "agreement_text_id": agreement["id"], "accept_agreement": true})
}

pub(crate) async fn guardian_of(app: &TestApp, student: i64) -> String {
    let admin = app.token("admin").await;
    let (_, gs) = app
        .get(
            &admin,
            &app.school_path(&format!("/students/{student}/guardians")),
        )
        .await;
    let (gid, phone) = (
        gs["items"][0]["id"].as_i64().unwrap(),
        gs["items"][0]["phone"].as_str().unwrap().to_owned(),
    );
    let (_, code) = app
        .send(
            &admin,
            Method::POST,
            &app.school_path(&format!("/guardians/{gid}/activation-code")),
            &Value::Null,
        )
        .await;
    let res = app
        .req(Method::POST, "/api/v1/auth/activate")
        .json(&json!({"phone": phone, "code": code["code"], "password": "parent-pass-1"}))
        .send()
        .await
        .unwrap();
    let (s, pair) = json_of(res).await;
    assert_eq!(s, 200, "{pair}");
    pair["access_token"].as_str().unwrap().to_owned()
}

both!(
    a_guardian_applies_and_two_reviews_approve_with_provable_acceptance,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let parent = guardian_of(&app, 5).await; // student 5 is in 一年级1班, led by `teacher`
        let (_, texts) = app
            .get(&parent, &app.school_path(&format!("/texts?term_id={term}")))
            .await;
        let notice = texts["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["kind"] == "notice")
            .unwrap()
            .clone();
        let (s, _) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/notice-receipts"),
                &json!({"text_id": notice["id"], "student_id": 5}),
            )
            .await;
        assert_eq!(s, 201);
        let (s, receipts) = app
            .get(&parent, &app.school_path("/notice-receipts?student_id=5"))
            .await;
        assert_eq!(
            (s, receipts["items"][0]["channel"].as_str()),
            (200, Some("portal"))
        );
        let (s, _) = app
            .get(&parent, &app.school_path("/notice-receipts?student_id=6"))
            .await;
        assert_eq!(s, 404, "not another family's");
        let (s, _) = app.get(&parent, &app.school_path("/terms")).await;
        assert_eq!(s, 200, "families read the terms");
        let admin = app.token("admin").await;
        let (_, report) = app
            .get(
                &admin,
                &app.school_path(&format!("/terms/{term}/informed-report")),
            )
            .await;
        assert_eq!(report["informed"], 1);
        assert!(report["families"].as_i64().unwrap() > 900);
        assert!(!report["homerooms"][0]["not_informed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["student_id"] == 5));

        let (s, a) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, true),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        assert_eq!(a["status"], "submitted");
        assert_eq!(a["acceptance"]["sha256"], agreement["sha256"]);
        assert_eq!(a["acceptance"]["channel"], "portal");
        assert_eq!(a["acceptance"]["accepted_by_kind"], "guardian");
        let id = a["id"].as_i64().unwrap();
        // Another family's guardian sees nothing of it.
        let other = guardian_of(&app, 6).await;
        let (s, _) = app
            .get(&other, &app.school_path(&format!("/applications/{id}")))
            .await;
        assert_eq!(s, 404);
        let (_, mine) = app.get(&other, &app.school_path("/applications")).await;
        assert_eq!(mine["items"].as_array().unwrap().len(), 0);

        // The school cannot approve before the class review; a teacher of another class cannot review.
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/school-review")),
                &json!({"decision": "approve"}),
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (409, Some("application.wrong_status"))
        );
        let teacher = app.token("teacher").await;
        let (s, a) = app
            .send(
                &teacher,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "approve", "comment": "情况属实"}),
            )
            .await;
        assert_eq!(
            (s, a["status"].as_str()),
            (200, Some("class_approved")),
            "{a}"
        );
        let (s, _) = app
            .send(
                &teacher,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/school-review")),
                &json!({"decision": "approve"}),
            )
            .await;
        assert_eq!(s, 403, "a homeroom teacher does not do the school review");
        let (s, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/school-review")),
                &json!({"decision": "approve"}),
            )
            .await;
        assert_eq!((s, a["status"].as_str()), (200, Some("approved")));
        let (_, seen) = app
            .get(&parent, &app.school_path(&format!("/applications/{id}")))
            .await;
        assert_eq!(seen["status"], "approved");
        let actions: Vec<&str> = seen["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, vec!["create", "class_approve", "school_approve"]);
        assert_eq!(seen["history"][1]["comment"], "情况属实");
        assert_eq!(seen["offerings"][1]["placement"], "enrolled");
    }
);

both!(
    the_rules_refuse_with_clear_codes,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
        let term = terms["items"][0]["id"].as_i64().unwrap();
        let early = json!({"term_id": term, "student_id": 7, "offerings": [{"offering_id": 1}], "leave_mode": "pickup", "agreement_text_id": 1, "accept_agreement": true});
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &early,
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.plan_not_approved"))
        );

        let (term, plan, agreement) = open_term(&app, 30).await;
        let ok = application(term, &plan, &agreement, 7, false);
        let (s, _) = app
            .send(&admin, Method::POST, &app.school_path("/applications"), &ok)
            .await;
        assert_eq!(s, 201);
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/applications"), &ok)
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (409, Some("application.duplicate"))
        );
        // Weekday 5 is not a late-extension day.
        let mut bad = application(term, &plan, &agreement, 8, false);
        bad["offerings"] = json!([{"offering_id": plan["offerings"][1]["id"], "weekdays": [5]}]);
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &bad,
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.weekday_not_offered"))
        );
        // Boarders are excluded from the base service.
        let (_, st) = app.get(&admin, &app.school_path("/students/9")).await;
        let res = app
            .req(Method::PATCH, &app.school_path("/students/9"))
            .bearer_auth(&admin)
            .header("if-match", st["version"].to_string())
            .json(&json!({"flags": ["boarder"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 9, false),
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.boarder_excluded"))
        );
        // Not accepting the agreement names the field.
        let mut unaccepted = application(term, &plan, &agreement, 10, false);
        unaccepted["accept_agreement"] = json!(false);
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &unaccepted,
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("accept_agreement"))
        );
        // A new agreement version makes the old acceptance stale: re-acceptance is required.
        let v2 = publish(
            &app,
            &admin,
            term,
            "agreement",
            "课后服务委托协议书（修订）",
            "修订后的条款……",
        )
        .await;
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 10, false),
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.agreement_not_current"))
        );
        let (s, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &v2, 10, false),
            )
            .await;
        assert_eq!((s, a["acceptance"]["version_no"].as_i64()), (201, Some(2)));
        assert_eq!(a["acceptance"]["channel"], "spa");
        // Rejection needs a reason, and capacity is never one.
        let id = a["id"].as_i64().unwrap();
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "reject"}),
            )
            .await;
        assert_eq!((s, b["errors"][0]["field"].as_str()), (422, Some("reason")));
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "reject", "reason": "full"}),
            )
            .await;
        assert_eq!(s, 422, "{b}");
        let (s, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "reject", "reason": "duplicate"}),
            )
            .await;
        assert_eq!(
            (s, a["status"].as_str(), a["reject_reason"].as_str()),
            (200, Some("rejected"), Some("duplicate"))
        );
        // A guardian cannot apply for someone else's child.
        let parent = guardian_of(&app, 11).await;
        let (s, _) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &v2, 12, false),
            )
            .await;
        assert_eq!(s, 404);
    }
);

both!(
    applications_racing_for_a_capped_offering_queue_in_order,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let tasks: Vec<_> = (100..300)
            .map(|student| {
                let req = app
                    .req(Method::POST, &app.school_path("/applications"))
                    .bearer_auth(&admin)
                    .json(&application(term, &plan, &agreement, student, true));
                tokio::spawn(async move { req.send().await.unwrap().status().as_u16() })
            })
            .collect();
        let mut statuses = Vec::new();
        for t in tasks {
            statuses.push(t.await.unwrap());
        }
        assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
        let late = plan["offerings"][1]["id"].as_i64().unwrap();
        assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM application_offerings WHERE offering_id = {late} AND placement = 'enrolled'")), 30);
        assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM application_offerings WHERE offering_id = {late} AND placement = 'waiting'")), 170);
        assert_eq!(app.count(&format!("SELECT COUNT(DISTINCT queue_position) AS n FROM application_offerings WHERE offering_id = {late} AND placement = 'waiting'")), 170);
        assert_eq!(app.count(&format!("SELECT CAST(MAX(queue_position) AS BIGINT) AS n FROM application_offerings WHERE offering_id = {late}")), 170);
        // The uncapped base service took everyone.
        let base = plan["offerings"][0]["id"].as_i64().unwrap();
        assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM application_offerings WHERE offering_id = {base} AND placement = 'enrolled'")), 200);

        // A withdrawal frees a seat for the first in the queue.
        let first_waiting = app.count(&format!("SELECT application_id AS n FROM application_offerings WHERE offering_id = {late} AND queue_position = 1"));
        let enrolled = app.count(&format!("SELECT MIN(application_id) AS n FROM application_offerings WHERE offering_id = {late} AND placement = 'enrolled'"));
        let (s, w) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{enrolled}/withdraw")),
                &json!({"effective_date": "2026-10-15"}),
            )
            .await;
        assert_eq!(
            (s, w["withdraw_effective_date"].as_str()),
            (200, Some("2026-10-15"))
        );
        let (_, promoted) = app
            .get(
                &admin,
                &app.school_path(&format!("/applications/{first_waiting}")),
            )
            .await;
        assert_eq!(promoted["offerings"][1]["placement"], "enrolled");
        let (_, second) = app.get(&admin, &app.school_path(&format!("/applications/{}", app.count(&format!("SELECT application_id AS n FROM application_offerings WHERE offering_id = {late} AND queue_position = 2"))))).await;
        assert_eq!(
            second["offerings"][1]["queue_position"], 1,
            "everyone moves up"
        );
        assert_eq!(
            app.count(&format!(
                "SELECT CAST(taken AS BIGINT) AS n FROM offerings WHERE id = {late}"
            )),
            30
        );
    }
);

both!(
    idempotency_keys_make_retries_safe,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let body = application(term, &plan, &agreement, 20, false);
        let send = |b: Value| {
            app.req(Method::POST, &app.school_path("/applications"))
                .bearer_auth(&admin)
                .header("idempotency-key", "k-20")
                .json(&b)
                .send()
        };
        let (s1, a1) = json_of(send(body.clone()).await.unwrap()).await;
        let (s2, a2) = json_of(send(body.clone()).await.unwrap()).await;
        assert_eq!((s1, s2), (201, 201));
        assert_eq!(a1["id"], a2["id"]);
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM applications WHERE student_id = 20"),
            1
        );
        let mut other = body.clone();
        other["leave_mode"] = json!("alone");
        let (s, b) = json_of(send(other).await.unwrap()).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("idempotency.key_reused"))
        );
    }
);

both!(
    stats_evidence_bulk_review_and_export,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 2).await;
        let admin = app.token("admin").await;
        let mut ids = Vec::new();
        for student in 1..=4 {
            let (s, a) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/applications"),
                    &application(term, &plan, &agreement, student, true),
                )
                .await;
            assert_eq!(s, 201);
            ids.push(a["id"].as_i64().unwrap());
        }
        let bulk = json!({"ids": ids, "step": "class", "review": {"decision": "approve"}});
        let (s, out) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications/bulk-review"),
                &bulk,
            )
            .await;
        assert_eq!(s, 200);
        assert!(
            out.as_array()
                .unwrap()
                .iter()
                .all(|r| r["status"] == "class_approved"),
            "{out}"
        );
        // A second class review of the same applications is refused per item, not as a whole.
        let (_, again) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications/bulk-review"),
                &bulk,
            )
            .await;
        assert!(again
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["error"] == "application.wrong_status"));
        let school = json!({"ids": &ids[..3], "step": "school", "review": {"decision": "approve"}});
        app.send(
            &admin,
            Method::POST,
            &app.school_path("/applications/bulk-review"),
            &school,
        )
        .await;
        let reject = json!({"ids": [ids[3]], "step": "school", "review": {"decision": "reject", "reason": "incomplete"}});
        app.send(
            &admin,
            Method::POST,
            &app.school_path("/applications/bulk-review"),
            &reject,
        )
        .await;

        let (s, stats) = app
            .get(
                &admin,
                &app.school_path(&format!("/terms/{term}/application-stats")),
            )
            .await;
        assert_eq!(s, 200, "{stats}");
        assert_eq!(
            (
                stats["school"]["applied"].as_i64(),
                stats["school"]["approved"].as_i64(),
                stats["school"]["refused"].as_i64()
            ),
            (Some(4), Some(3), Some(1))
        );
        assert_eq!(stats["refused_by_reason"]["incomplete"], 1);
        assert_eq!(
            stats["school"]["waiting"], 1,
            "cap 2: the 3rd still waits; the 4th left the queue with its refusal"
        );
        assert_eq!(
            stats["by_grade"]["1"]["waiting"], 1,
            "unmet demand by grade"
        );
        assert_eq!(
            stats["by_offering_kind"]["late_extension"]["eligible"], stats["school"]["eligible"],
            "grades 1–6 are all eligible for late extension"
        );
        let eligible = stats["school"]["eligible"].as_f64().unwrap();
        assert!(
            (stats["school"]["participation_rate"].as_f64().unwrap() - 3.0 / eligible).abs() < 1e-9
        );

        let (s, ev) = app
            .get(&admin, &app.school_path("/students/1/acceptance-evidence"))
            .await;
        assert_eq!((s, ev["hashes_match"].as_bool()), (200, Some(true)));
        assert_eq!(ev["texts"][0]["sha256"], agreement["sha256"]);
        assert_eq!(ev["texts"][0]["body"], agreement["body"]);

        let res = app
            .req(
                Method::GET,
                &app.school_path(&format!("/terms/{term}/exports/approved-applications.xlsx")),
            )
            .bearer_auth(&admin)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.bytes().await.unwrap().starts_with(b"PK"));
    }
);

async fn sessions(app: &TestApp, t: &str, plan: i64, date: &str) -> Vec<String> {
    let (_, b) = app
        .get(
            t,
            &app.school_path(&format!("/service-plans/{plan}/sessions?date={date}")),
        )
        .await;
    b["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap().to_owned())
        .collect()
}

both!(
    sessions_follow_the_term_calendar_and_seasons,
    |app: TestApp| async move {
        let (_, plan, _) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        // The demo term: 2026-09-01..2027-01-22, holiday 2026-10-01, make-up workday Sunday 2026-09-27.
        let pid = plan["id"].as_i64().unwrap();
        assert_eq!(
            sessions(&app, &admin, pid, "2026-09-03").await,
            vec!["afternoon_basic", "late_extension"],
            "a Thursday"
        );
        assert_eq!(
            sessions(&app, &admin, pid, "2026-09-04").await,
            vec!["afternoon_basic"],
            "late extension runs Mon–Thu"
        );
        assert!(
            sessions(&app, &admin, pid, "2026-10-01").await.is_empty(),
            "a holiday"
        );
        assert!(
            sessions(&app, &admin, pid, "2026-09-26").await.is_empty(),
            "a Saturday"
        );
        assert_eq!(
            sessions(&app, &admin, pid, "2026-09-27").await.len(),
            2,
            "a make-up Sunday runs Monday's sessions"
        );
        assert_eq!(
            sessions(&app, &admin, pid, "2026-10-10").await,
            vec!["afternoon_basic"],
            "make-up Saturday 10 October runs Friday's timetable: no Mon–Thu late extension"
        );

        let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
        let term = terms["items"][0]["id"].as_i64().unwrap();
        let (opens, closes) = chrono_like_now();
        let seasonal = json!({"term_id": term, "window_opens_at": opens, "window_closes_at": closes, "offerings": [
        {"kind": "afternoon_basic", "name": "基础托管", "grades": [1], "weekdays": [1,2,3,4,5], "start_time": "15:50", "end_time": "17:20",
         "segments": [{"kind": "relax", "start_time": "15:50", "end_time": "16:10"}, {"kind": "homework", "start_time": "16:10", "end_time": "17:20"}],
         "season_times": [{"from": "05-01", "to": "10-31", "start_time": "16:20", "end_time": "17:50"}]}]});
        let (s, p2) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &seasonal,
            )
            .await;
        assert_eq!(s, 201, "{p2}");
        let (_, sep) = app
            .get(
                &admin,
                &app.school_path(&format!(
                    "/service-plans/{}/sessions?date=2026-09-15",
                    p2["id"]
                )),
            )
            .await;
        let (_, nov) = app
            .get(
                &admin,
                &app.school_path(&format!(
                    "/service-plans/{}/sessions?date=2026-11-16",
                    p2["id"]
                )),
            )
            .await;
        assert_eq!(
            (
                sep["items"][0]["end_time"].as_str(),
                nov["items"][0]["end_time"].as_str()
            ),
            (Some("17:50"), Some("17:20"))
        );
        // The segments move with the season: half an hour later in September.
        assert_eq!(
            sep["items"][0]["segments"],
            json!([{"kind": "relax", "start_time": "16:20", "end_time": "16:40"}, {"kind": "homework", "start_time": "16:40", "end_time": "17:50"}])
        );
        assert_eq!(nov["items"][0]["segments"][1]["start_time"], "16:10");
        let mut late = seasonal.clone();
        late["offerings"][0]["end_time"] = json!("20:30");
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &late,
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("district_bound"))
        );
    }
);

both!(
    clubs_are_chosen_by_rank_within_their_limits,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let (_, staff) = app.get(&admin, &app.school_path("/staff?limit=1")).await;
        let teacher = staff["items"][0]["id"].as_i64().unwrap();
        let club = |name: &str, min: i64, max: i64| json!({"term_id": term, "name": name, "category": "美", "capacity": 30, "grade_min": min, "grade_max": max, "weekdays": [2, 4], "teacher_staff_id": teacher});
        let (s, art) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/clubs"),
                &club("美术社", 1, 3),
            )
            .await;
        assert_eq!(s, 201, "{art}");
        let (_, chess) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/clubs"),
                &club("围棋社", 1, 6),
            )
            .await;
        let (_, senior) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/clubs"),
                &club("机器人社", 5, 6),
            )
            .await;
        let external = json!({"term_id": term, "name": "葫芦丝", "category": "美", "capacity": 20, "grade_min": 1, "grade_max": 6, "weekdays": [3], "external_teacher": "李老师"});
        let (s, ext) = app
            .send(&admin, Method::POST, &app.school_path("/clubs"), &external)
            .await;
        assert_eq!(
            (s, ext["vetting_status"].as_str()),
            (201, Some("pending")),
            "an external teacher starts pending vetting"
        );

        let mut a = application(term, &plan, &agreement, 3, false);
        a["club_choices"] = json!([chess["id"], art["id"]]);
        let (s, created) = app
            .send(&admin, Method::POST, &app.school_path("/applications"), &a)
            .await;
        assert_eq!(s, 201, "{created}");
        let ranked: Vec<(Value, Value)> = created["club_choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["club_id"].clone(), c["placement"].clone()))
            .collect();
        assert_eq!(
            ranked,
            vec![
                (chess["id"].clone(), json!("enrolled")),
                (art["id"].clone(), json!("not_placed"))
            ]
        );
        let (_, clubs) = app
            .get(&admin, &app.school_path(&format!("/clubs?term_id={term}")))
            .await;
        let chess_row = clubs["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == chess["id"])
            .unwrap()
            .clone();
        assert_eq!(chess_row["first_choices"], 1);
        let mut too_young = application(term, &plan, &agreement, 4, false);
        too_young["club_choices"] = json!([senior["id"]]);
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &too_young,
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.club_not_offered"))
        );
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM applications WHERE student_id = 4"),
            0,
            "nothing half-written"
        );
    }
);

both!(
    day_registrations_and_special_late_requests_are_reviewed,
    |app: TestApp| async move {
        let (term, plan, _) = open_term(&app, 30).await;
        let parent = guardian_of(&app, 5).await;
        let late = plan["offerings"][1]["id"].clone();
        let day = json!({"term_id": term, "student_id": 5, "kind": "day_registration", "offering_id": late, "service_date": "2026-09-04", "reason": "家中临时有事"});
        let (s, b) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/service-requests"),
                &day,
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.no_session_that_day")),
            "late extension does not run on Fridays"
        );
        let mut ok = day.clone();
        ok["service_date"] = json!("2026-09-03");
        let (s, r) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/service-requests"),
                &ok,
            )
            .await;
        assert_eq!(s, 201, "{r}");
        let special = json!({"term_id": term, "student_id": 5, "kind": "special_late", "offering_id": late, "until_time": "19:00", "reason": "父母夜班"});
        let (s, sp) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/service-requests"),
                &special,
            )
            .await;
        assert_eq!(s, 201);
        let (s, _) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path(&format!("/service-requests/{}/review", sp["id"])),
                &json!({"approve": true}),
            )
            .await;
        assert_eq!(s, 403, "families do not review their own requests");
        let admin = app.token("admin").await;
        let (s, done) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/service-requests/{}/review", sp["id"])),
                &json!({"approve": true, "comment": "同意"}),
            )
            .await;
        assert_eq!((s, done["status"].as_str()), (200, Some("approved")));
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/service-requests/{}/review", sp["id"])),
                &json!({"approve": false}),
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (409, Some("service_request.already_reviewed"))
        );
        let other = guardian_of(&app, 6).await;
        let (_, theirs) = app.get(&other, &app.school_path("/service-requests")).await;
        assert_eq!(
            theirs["items"].as_array().unwrap().len(),
            0,
            "another family sees none of them"
        );
        let (_, mine) = app
            .get(&parent, &app.school_path("/service-requests"))
            .await;
        assert_eq!(mine["items"].as_array().unwrap().len(), 2);
    }
);

both!(
    an_approved_application_changes_mid_term,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 1).await;
        let admin = app.token("admin").await;
        let (_, first) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 30, true),
            )
            .await;
        let (_, second) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 31, true),
            )
            .await;
        assert_eq!(second["offerings"][1]["placement"], "waiting");
        let id = first["id"].as_i64().unwrap();
        let change = json!({"offerings": [{"offering_id": plan["offerings"][0]["id"], "weekdays": [1, 3]}], "effective_date": "2026-11-01"});
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/changes")),
                &change,
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (409, Some("application.wrong_status")),
            "only approved applications change mid-term"
        );
        for step in ["class-review", "school-review"] {
            app.send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/{step}")),
                &json!({"decision": "approve"}),
            )
            .await;
        }
        let (s, changed) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/changes")),
                &change,
            )
            .await;
        assert_eq!(s, 200, "{changed}");
        assert_eq!(changed["offerings"].as_array().unwrap().len(), 1);
        assert_eq!(changed["offerings"][0]["weekdays"], json!([1, 3]));
        assert_eq!(changed["offerings"][0]["placement"], "enrolled");
        assert_eq!(
            changed["history"].as_array().unwrap().last().unwrap()["action"],
            "change"
        );
        let (_, promoted) = app
            .get(
                &admin,
                &app.school_path(&format!("/applications/{}", second["id"])),
            )
            .await;
        assert_eq!(
            promoted["offerings"][1]["placement"], "enrolled",
            "the dropped seat went to the queue"
        );
    }
);

both!(
    the_district_sees_participation_and_unmet_demand,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 1).await;
        let admin = app.token("admin").await;
        for student in [40, 41, 42] {
            let (s, _) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/applications"),
                    &application(term, &plan, &agreement, student, true),
                )
                .await;
            assert_eq!(s, 201);
        }
        let district = app.token("district").await;
        let (s, f) = app
            .get(
                &district,
                "/api/v1/districts/1/application-stats?date=2026-10-12",
            )
            .await;
        assert_eq!(s, 200, "{f}");
        assert_eq!(f["schools"].as_array().unwrap().len(), 1);
        assert_eq!(f["schools"][0]["applied"], 3);
        assert_eq!(
            f["waiting"], 2,
            "a cap of 1 leaves two waiting: unmet demand the district sees"
        );
        let (s, _) = app
            .get(
                &app.token("s2-district").await,
                "/api/v1/districts/1/application-stats",
            )
            .await;
        assert_eq!(s, 404);
        let (_, none) = app
            .get(
                &district,
                "/api/v1/districts/1/application-stats?date=2027-03-01",
            )
            .await;
        assert_eq!(
            none["schools"][0]["term_id"],
            Value::Null,
            "no term in session"
        );
    }
);

both!(
    schools_adapt_district_templates_and_plans_set_exemptions,
    |app: TestApp| async move {
        let district = app.token("district").await;
        let tpl = json!({"kind": "agreement", "title": "课后服务委托协议书（区模板）", "body": "一、学校职责……二、家长职责……三、学生职责……"});
        let (s, t) = app
            .send(
                &district,
                Method::POST,
                "/api/v1/districts/1/text-templates",
                &tpl,
            )
            .await;
        assert_eq!(s, 201, "{t}");
        let admin = app.token("admin").await;
        let (_, list) = app.get(&admin, &app.school_path("/text-templates")).await;
        assert_eq!(list["items"][0]["title"], "课后服务委托协议书（区模板）");
        let (_, other) = app
            .get(
                &app.token("s2-admin").await,
                &format!("/api/v1/schools/{}/text-templates", app.other_school),
            )
            .await;
        assert_eq!(
            other["items"].as_array().unwrap().len(),
            0,
            "another district's schools do not see it"
        );
        let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
        let term = terms["items"][0]["id"].as_i64().unwrap();
        let adapted = json!({"term_id": term, "kind": "agreement", "title": "示范区实验小学课后服务委托协议书", "body": format!("{}四、本校补充……", tpl["body"].as_str().unwrap()), "template_id": t["id"]});
        let (s, text) = app
            .send(&admin, Method::POST, &app.school_path("/texts"), &adapted)
            .await;
        assert_eq!(s, 201, "{text}");
        let mut wrong = adapted.clone();
        wrong["kind"] = json!("notice");
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/texts"), &wrong)
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("template_id"))
        );

        let (opens, closes) = chrono_like_now();
        let plan = json!({"term_id": term, "window_opens_at": opens, "window_closes_at": closes, "exemption_categories": ["teacher_child", "disability"],
        "offerings": [{"kind": "afternoon_basic", "name": "托管", "grades": [1,2,3,4,5,6], "weekdays": [1,2,3,4,5], "start_time": "16:15", "end_time": "17:30"}]});
        let (_, p) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &plan,
            )
            .await;
        assert_eq!(
            p["exemption_categories"],
            json!(["teacher_child", "disability"])
        );
        let pid = p["id"].as_i64().unwrap();
        app.send(
            &admin,
            Method::POST,
            &app.school_path(&format!("/service-plans/{pid}/submit")),
            &Value::Null,
        )
        .await;
        app.send(
            &district,
            Method::POST,
            &app.school_path(&format!("/service-plans/{pid}/approve")),
            &json!({}),
        )
        .await;
        app.send(
            &admin,
            Method::POST,
            &app.school_path(&format!("/texts/{}/publish", text["id"])),
            &Value::Null,
        )
        .await;
        let mut a = application(term, &p, &text, 50, false);
        a["exemption"] = json!({"category": "hardship", "note": "x"});
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/applications"), &a)
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("exemption.category")),
            "hardship is not a category of this plan"
        );
        a["exemption"] = json!({"category": "disability", "note": "残疾证 No. 123"});
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/applications"), &a)
            .await;
        assert_eq!(
            (s, b["exemption_category"].as_str()),
            (201, Some("disability"))
        );
    }
);

both!(
    a_full_club_keeps_a_waitlist_that_moves_up,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let (_, staff) = app.get(&admin, &app.school_path("/staff?limit=1")).await;
        let small = json!({"term_id": term, "name": "书法社", "category": "美", "capacity": 1, "grade_min": 1, "grade_max": 6, "weekdays": [2], "teacher_staff_id": staff["items"][0]["id"]});
        let (_, club) = app
            .send(&admin, Method::POST, &app.school_path("/clubs"), &small)
            .await;
        let mut ids = Vec::new();
        for student in [60, 61, 62] {
            let mut a = application(term, &plan, &agreement, student, false);
            a["club_choices"] = json!([club["id"]]);
            let (s, created) = app
                .send(&admin, Method::POST, &app.school_path("/applications"), &a)
                .await;
            assert_eq!(s, 201);
            ids.push((
                created["id"].as_i64().unwrap(),
                created["club_choices"][0].clone(),
            ));
        }
        assert_eq!(ids[0].1["placement"], "enrolled");
        assert_eq!(
            (
                ids[1].1["placement"].as_str(),
                ids[1].1["queue_position"].as_i64()
            ),
            (Some("waiting"), Some(1))
        );
        assert_eq!(ids[2].1["queue_position"], 2);
        let (s, _) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{}/withdraw", ids[0].0)),
                &json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let (_, second) = app
            .get(
                &admin,
                &app.school_path(&format!("/applications/{}", ids[1].0)),
            )
            .await;
        let (_, third) = app
            .get(
                &admin,
                &app.school_path(&format!("/applications/{}", ids[2].0)),
            )
            .await;
        assert_eq!(second["club_choices"][0]["placement"], "enrolled");
        assert_eq!(third["club_choices"][0]["queue_position"], 1);
        let (_, clubs) = app
            .get(&admin, &app.school_path(&format!("/clubs?term_id={term}")))
            .await;
        let row = clubs["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == club["id"])
            .unwrap()
            .clone();
        assert_eq!(row["taken"], 1);
    }
);

both!(
    segments_enrollments_and_informed_counts,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
        let term = terms["items"][0]["id"].as_i64().unwrap();
        let (opens, closes) = chrono_like_now();
        let mut plan = json!({"term_id": term, "window_opens_at": opens, "window_closes_at": closes, "offerings": [
        {"kind": "afternoon_basic", "name": "托管", "grades": [1,2,3,4,5,6], "weekdays": [1,2,3,4,5], "start_time": "16:15", "end_time": "17:30",
         "segments": [{"kind": "relax", "start_time": "16:15", "end_time": "16:30"}, {"kind": "homework", "start_time": "16:30", "end_time": "17:10"}, {"kind": "club", "start_time": "17:10", "end_time": "17:30"}]}]});
        let (s, p) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &plan,
            )
            .await;
        assert_eq!(
            (s, p["offerings"][0]["segments"].as_array().map(|a| a.len())),
            (201, Some(3))
        );
        plan["offerings"][0]["segments"][1]["start_time"] = json!("16:20");
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &plan,
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("offerings[0].segments[1].end_time")),
            "overlapping segments"
        );

        let (term, plan, agreement) = open_term(&app, 30).await;
        let mut ids = Vec::new();
        for student in [70, 71] {
            let (_, a) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/applications"),
                    &application(term, &plan, &agreement, student, false),
                )
                .await;
            let id = a["id"].as_i64().unwrap();
            for step in ["class-review", "school-review"] {
                app.send(
                    &admin,
                    Method::POST,
                    &app.school_path(&format!("/applications/{id}/{step}")),
                    &json!({"decision": "approve"}),
                )
                .await;
            }
            ids.push(id);
        }
        app.send(
            &admin,
            Method::POST,
            &app.school_path(&format!("/applications/{}/withdraw", ids[1])),
            &json!({"effective_date": "2026-11-30"}),
        )
        .await;
        let (s, e) = app
            .get(
                &admin,
                &app.school_path(&format!("/terms/{term}/enrollments")),
            )
            .await;
        assert_eq!(s, 200, "{e}");
        let rows = e["items"].as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0]["student_id"].as_i64(), &rows[0]["ends_on"]),
            (Some(70), &Value::Null)
        );
        assert_eq!(
            (rows[1]["student_id"].as_i64(), rows[1]["ends_on"].as_str()),
            (Some(71), Some("2026-11-30")),
            "the fee period ends with the withdrawal"
        );

        let (_, stats) = app
            .get(
                &admin,
                &app.school_path(&format!("/terms/{term}/application-stats")),
            )
            .await;
        assert_eq!(stats["informed"], 0);
        assert!(stats["families"].as_i64().unwrap() > 900);
    }
);

both!(
    the_district_bounds_session_end_times,
    |app: TestApp| async move {
        let district = app.token("district").await;
        let (s, b) = app
            .get(&district, "/api/v1/districts/1/service-bounds")
            .await;
        assert_eq!((s, b["latest_end"].as_str()), (200, Some("19:00")));
        let bounds = json!({"earliest_end": "17:30", "latest_end": "18:30"});
        let res = app
            .req(Method::PUT, "/api/v1/districts/1/service-bounds")
            .bearer_auth(&district)
            .json(&bounds)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let admin = app.token("admin").await;
        let res = app
            .req(Method::PUT, "/api/v1/districts/1/service-bounds")
            .bearer_auth(&admin)
            .json(&bounds)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "only the district sets them");
        let (_, terms) = app.get(&admin, &app.school_path("/terms")).await;
        let term = terms["items"][0]["id"].as_i64().unwrap();
        let (opens, closes) = chrono_like_now();
        let plan = |end: &str| {
            json!({"term_id": term, "window_opens_at": opens, "window_closes_at": closes,
        "offerings": [{"kind": "afternoon_basic", "name": "托管", "grades": [1], "weekdays": [1], "start_time": "16:15", "end_time": end}]})
        };
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &plan("17:00"),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("district_bound")),
            "ends too early"
        );
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &plan("18:45"),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("district_bound")),
            "ends too late"
        );
        let (s, _) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &plan("18:00"),
            )
            .await;
        assert_eq!(s, 201);
    }
);
