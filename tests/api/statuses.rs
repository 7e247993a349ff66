//! What families and offices are told is true: a seat is held (not given) while an
//! application is reviewed, drafts hold nothing, a lower club choice is not needed rather
//! than refused, a rejection releases; withdrawals take effect on the school's day and
//! inside the enrollment; reviewers read names and numbers, not ids; families see
//! approved plans only.

use kehou_tests::{both, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, guardian_of, open_term};

fn placements(a: &Value) -> Vec<&str> {
    a["offerings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["placement"].as_str().unwrap())
        .collect()
}

both!(
    a_draft_holds_nothing_and_a_seat_is_held_until_approved,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 1).await;
        let admin = app.token("admin").await;
        let late = plan["offerings"][1]["id"].as_i64().unwrap();
        let taken = |app: &TestApp| {
            app.count(&format!(
                "SELECT CAST(taken AS BIGINT) AS n FROM offerings WHERE id = {late}"
            ))
        };
        let mut draft = application(term, &plan, &agreement, 5, true);
        draft["submit"] = json!(false);
        let (s, d) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &draft,
            )
            .await;
        assert_eq!((s, d["status"].as_str()), (201, Some("draft")), "{d}");
        assert_eq!(placements(&d), vec!["draft", "draft"]);
        assert_eq!(taken(&app), 0, "a draft takes no capped seat");

        // A submitted application takes the only seat: held, not given.
        let (s, other) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 6, true),
            )
            .await;
        assert_eq!(s, 201);
        assert_eq!(placements(&other), vec!["held", "held"]);
        assert_eq!(taken(&app), 1);

        // Submitting the draft queues it behind the one that applied first.
        let did = d["id"].as_i64().unwrap();
        let (s, d) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{did}/submit")),
                &Value::Null,
            )
            .await;
        assert_eq!((s, d["status"].as_str()), (200, Some("submitted")), "{d}");
        assert_eq!(placements(&d), vec!["held", "waiting"]);
        assert_eq!(d["offerings"][1]["queue_position"], 1);

        // Approved: enrolled. Rejected: released, and the seat passes on (held again).
        let oid = other["id"].as_i64().unwrap();
        for (path, body) in [
            ("class-review", json!({"decision": "approve"})),
            ("school-review", json!({"decision": "approve"})),
        ] {
            let (s, b) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path(&format!("/applications/{oid}/{path}")),
                    &body,
                )
                .await;
            assert_eq!(s, 200, "{b}");
        }
        let (_, approved) = app
            .get(&admin, &app.school_path(&format!("/applications/{oid}")))
            .await;
        assert_eq!(placements(&approved), vec!["enrolled", "enrolled"]);
        let (s, rejected) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{did}/class-review")),
                &json!({"decision": "reject", "reason": "ineligible", "comment": "不在服务范围"}),
            )
            .await;
        assert_eq!(s, 200, "{rejected}");
        assert_eq!(placements(&rejected), vec!["released", "released"]);
    }
);

both!(
    a_withdrawal_takes_effect_on_the_school_day_inside_the_enrollment,
    |app: TestApp| async move {
        // 17:30 UTC is 01:30 the next day in Beijing.
        let at = chrono::Utc::now()
            .date_naive()
            .and_hms_opt(17, 30, 0)
            .unwrap()
            .and_utc();
        let app = app
            .restart_with(|cfg| cfg.clock = kehou_api::http::clock::Clock::fixed(at))
            .await;
        let beijing = (at.date_naive() + chrono::Duration::days(1)).to_string();
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let mut ids = Vec::new();
        for student in [5, 6] {
            let (s, a) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/applications"),
                    &application(term, &plan, &agreement, student, false),
                )
                .await;
            assert_eq!(s, 201, "{a}");
            ids.push(a["id"].as_i64().unwrap());
        }
        let withdraw = |id: i64, body: Value| {
            let app = &app;
            let admin = admin.clone();
            async move {
                app.send(
                    &admin,
                    Method::POST,
                    &app.school_path(&format!("/applications/{id}/withdraw")),
                    &body,
                )
                .await
            }
        };
        let (s, w) = withdraw(ids[0], json!({})).await;
        assert_eq!(s, 200, "{w}");
        assert_eq!(
            w["withdraw_effective_date"].as_str(),
            Some(beijing.as_str()),
            "the default is today where the school is, not the UTC date"
        );
        for bad in ["2020-01-01", "2027-06-01"] {
            let (s, e) = withdraw(ids[1], json!({"effective_date": bad})).await;
            assert_eq!(
                (
                    s,
                    e["errors"][0]["field"].as_str(),
                    e["errors"][0]["code"].as_str()
                ),
                (422, Some("effective_date"), Some("range")),
                "{bad}: {e}"
            );
        }
        let (_, still) = app
            .get(
                &admin,
                &app.school_path(&format!("/applications/{}", ids[1])),
            )
            .await;
        assert_eq!(
            still["status"], "submitted",
            "a refused withdrawal changes nothing"
        );
    }
);

both!(
    reviewers_read_names_and_numbers_not_ids,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let parent = guardian_of(&app, 5).await;
        let admin = app.token("admin").await;
        let (s, a) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, false),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        let id = a["id"].as_i64().unwrap();
        let (_, gs) = app
            .get(&admin, &app.school_path("/students/5/guardians"))
            .await;
        let acceptance = &a["acceptance"];
        assert_eq!(acceptance["accepted_by_name"], gs["items"][0]["name"]);
        assert_eq!(
            acceptance["accepted_by_relation"],
            gs["items"][0]["relation"]
        );
        assert!(
            acceptance["accepted_by_relation"].is_string(),
            "{acceptance}"
        );
        let year = &app.strings(&format!(
            "SELECT CAST(t.start_date AS TEXT) AS s FROM terms t WHERE t.id = {term}"
        ))[0][..4];
        assert_eq!(a["number"], format!("{year}-{id:06}"));

        let (s, reviewed) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "approve"}),
            )
            .await;
        assert_eq!(s, 200, "{reviewed}");
        let staff_name = &app.strings(
            "SELECT s.name AS s FROM staff s JOIN users u ON u.id = s.user_id WHERE u.username = 'admin'",
        )[0];
        let history = reviewed["history"].as_array().unwrap();
        let last = history.last().unwrap();
        assert_eq!(last["actor_name"].as_str(), Some(staff_name.as_str()));
        assert_eq!(last["actor_staff_roles"], json!(["school_admin"]));
        assert_eq!(history[0]["actor_role"], "guardian");
        assert_eq!(history[0]["actor_name"], gs["items"][0]["name"]);
    }
);

both!(
    families_see_approved_plans_only,
    |app: TestApp| async move {
        let (term, plan, _) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let mut next = json!({
            "term_id": term,
            "window_opens_at": plan["window_opens_at"], "window_closes_at": plan["window_closes_at"],
            "offerings": [{"kind": "afternoon_basic", "name": "草案", "grades": [1], "weekdays": [1], "start_time": "16:15", "end_time": "17:30"}]
        });
        next["offerings"][0]["boarders_excluded"] = json!(false);
        let (s, draft) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &next,
            )
            .await;
        assert_eq!(s, 201, "{draft}");
        let draft_id = draft["id"].as_i64().unwrap();
        let parent = guardian_of(&app, 5).await;
        let (s, seen) = app.get(&parent, &app.school_path("/service-plans")).await;
        assert_eq!(s, 200);
        let statuses: Vec<&str> = seen["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, vec!["approved"]);
        for path in [
            format!("/service-plans/{draft_id}"),
            format!("/service-plans/{draft_id}/sessions?date=2026-09-07"),
        ] {
            let (s, _) = app.get(&parent, &app.school_path(&path)).await;
            assert_eq!(s, 404, "{path}");
        }
        let (_, staff_view) = app.get(&admin, &app.school_path("/service-plans")).await;
        assert_eq!(staff_view["items"].as_array().unwrap().len(), 2);
    }
);

both!(
    statistics_count_withdrawals_apart_and_show_club_figures,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let (_, staff) = app.get(&admin, &app.school_path("/staff?limit=1")).await;
        let small = json!({"term_id": term, "name": "书法社", "category": "美", "capacity": 2, "grade_min": 1, "grade_max": 6, "weekdays": [2], "teacher_staff_id": staff["items"][0]["id"]});
        let (s, club) = app
            .send(&admin, Method::POST, &app.school_path("/clubs"), &small)
            .await;
        assert_eq!(s, 201, "{club}");
        assert_eq!(
            club["teacher_name"], staff["items"][0]["name"],
            "a club names its teacher for every reader"
        );
        let mut ids = Vec::new();
        for (student, submit) in [(60, true), (61, true), (62, true), (63, false)] {
            let mut a = application(term, &plan, &agreement, student, false);
            a["club_choices"] = json!([club["id"]]);
            a["submit"] = json!(submit);
            let (s, created) = app
                .send(&admin, Method::POST, &app.school_path("/applications"), &a)
                .await;
            assert_eq!(s, 201, "{created}");
            ids.push(created["id"].as_i64().unwrap());
        }
        let (s, _) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{}/withdraw", ids[0])),
                &json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let (s, stats) = app
            .get(
                &admin,
                &app.school_path(&format!("/terms/{term}/application-stats")),
            )
            .await;
        assert_eq!(s, 200, "{stats}");
        let school = &stats["school"];
        assert_eq!(
            (
                school["applied"].as_i64(),
                school["withdrawn"].as_i64(),
                school["drafts"].as_i64()
            ),
            (Some(2), Some(1), Some(1)),
            "a withdrawal or a draft is not an application made: {school}"
        );
        let figures = stats["by_club"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["club_id"] == club["id"])
            .unwrap();
        // 60 withdrew (its place went to 62); 61 and 62 hold the two places; 63 is a draft.
        assert_eq!(figures["applicants_by_rank"], json!([2]));
        assert_eq!(
            (figures["placed"].as_i64(), figures["waiting"].as_i64()),
            (Some(2), Some(0))
        );
        assert_eq!(figures["fill_rate"], 1.0);
    }
);
