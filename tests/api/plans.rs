//! Service plans: sessions on a date (calendar, seasons, segments), district templates and
//! exemption categories, enrollments, district bounds on end times, and why an approved plan
//! or a published text never changes.

use kehou_tests::{both, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, chrono_like_now, open_term};

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
            &json!({"effective_date": crate::applications::school_today()}),
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
            (Some(71), Some(crate::applications::school_today().as_str())),
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

both!(
    approved_plans_and_published_texts_never_change,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let (admin, district) = (app.token("admin").await, app.token("district").await);
        let pid = plan["id"].as_i64().unwrap();
        // No step moves an approved plan, and there is no route that edits one.
        for (t, step) in [
            (&district, "approve"),
            (&district, "reject"),
            (&admin, "submit"),
        ] {
            let (s, b) = app
                .send(
                    t,
                    Method::POST,
                    &app.school_path(&format!("/service-plans/{pid}/{step}")),
                    &json!({"comment": "再改"}),
                )
                .await;
            assert_eq!(
                (s, b["code"].as_str()),
                (409, Some("service_plan.wrong_status")),
                "{step}: {b}"
            );
        }
        let (s, _) = app
            .send(
                &admin,
                Method::PATCH,
                &app.school_path(&format!("/service-plans/{pid}")),
                &json!({}),
            )
            .await;
        assert_eq!(s, 405);
        // A change is a new version; the approved one stays as it was.
        let mut next = json!({"term_id": term, "window_opens_at": plan["window_opens_at"], "window_closes_at": plan["window_closes_at"],
            "offerings": [{"kind": "afternoon_basic", "name": "课后基础托管", "grades": [1,2,3], "weekdays": [1,2,3,4,5], "start_time": "16:00", "end_time": "17:00"}]});
        next["offerings"][0]["name"] = json!("改过的托管");
        let (s, v2) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &next,
            )
            .await;
        assert_eq!(
            (s, v2["version_no"].as_i64(), v2["status"].as_str()),
            (
                201,
                Some(plan["version_no"].as_i64().unwrap() + 1),
                Some("draft")
            ),
            "{v2}"
        );
        let (_, still) = app
            .get(&admin, &app.school_path(&format!("/service-plans/{pid}")))
            .await;
        assert_eq!(
            (still["status"].clone(), still["offerings"].clone()),
            (json!("approved"), plan["offerings"].clone())
        );

        // A published text is published once; its body and hash do not change.
        let aid = agreement["id"].as_i64().unwrap();
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/texts/{aid}/publish")),
                &Value::Null,
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (409, Some("text.already_published"))
        );
        let (s, _) = app
            .send(
                &admin,
                Method::PATCH,
                &app.school_path(&format!("/texts/{aid}")),
                &json!({"body": "改"}),
            )
            .await;
        assert!(s == 404 || s == 405, "no route edits a text: {s}");
        let (_, texts) = app
            .get(&admin, &app.school_path(&format!("/texts?term_id={term}")))
            .await;
        let same = texts["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == aid)
            .unwrap()
            .clone();
        assert_eq!(
            (same["body"].clone(), same["sha256"].clone()),
            (agreement["body"].clone(), agreement["sha256"].clone())
        );
    }
);
