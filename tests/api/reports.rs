//! Statistics, acceptance evidence, bulk review and the approved list; district figures;
//! day registrations and special late requests with their review.

use kehou_tests::{both, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, guardian_of, open_term};

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
