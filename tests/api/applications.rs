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

pub(crate) fn chrono_like_now() -> (String, String) {
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

/// Today in the demo school's time zone (Asia/Shanghai), as an ISO date: the date a
/// withdrawal made now may take effect on (the enrollment began when the test applied).
pub(crate) fn school_today() -> String {
    (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string()
}
