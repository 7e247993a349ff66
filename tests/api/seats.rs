//! Seats: capped offerings that queue under concurrency, idempotent applying, clubs by
//! rank with waitlists, mid-term changes that pass seats on.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, open_term};

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
                &json!({"effective_date": crate::applications::school_today()}),
            )
            .await;
        assert_eq!(
            (s, w["withdraw_effective_date"].as_str()),
            (200, Some(crate::applications::school_today().as_str()))
        );
        let (_, promoted) = app
            .get(
                &admin,
                &app.school_path(&format!("/applications/{first_waiting}")),
            )
            .await;
        assert_eq!(promoted["offerings"][1]["placement"], "held");
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
        // The key is the caller's own: another caller choosing the same key is not
        // answered with the first caller's application.
        let teacher = app.token("teacher").await;
        let res = app
            .req(Method::POST, &app.school_path("/applications"))
            .bearer_auth(&teacher)
            .header("idempotency-key", "k-20")
            .json(&body)
            .send()
            .await
            .unwrap();
        let (s, b) = json_of(res).await;
        assert!(s != 201 || b["id"] != a1["id"], "{s} {b}");

        // Eight retries racing with one key: one application, eight identical answers.
        let racing = application(term, &plan, &agreement, 21, false);
        let tries = (0..8).map(|_| {
            let (app, admin, racing) = (&app, &admin, racing.clone());
            async move {
                let res = app
                    .req(Method::POST, &app.school_path("/applications"))
                    .bearer_auth(admin)
                    .header("idempotency-key", "k-race-21")
                    .json(&racing)
                    .send()
                    .await
                    .unwrap();
                json_of(res).await
            }
        });
        let answers = futures_util::future::join_all(tries).await;
        for (s, b) in &answers {
            assert_eq!(*s, 201, "{b}");
            assert_eq!(b, &answers[0].1, "the same replayed answer");
        }
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM applications WHERE student_id = 21"),
            1
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
        // Nobody sets a vetting status by hand: only the school admin vets, with the checks.
        let mut approved = external.clone();
        approved["name"] = json!("葫芦丝二班");
        approved["vetting_status"] = json!("approved");
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/clubs"), &approved)
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("vetting_status"))
        );
        // An unvetted club takes no children.
        let mut pending = application(term, &plan, &agreement, 12, false);
        pending["club_choices"] = json!([ext["id"]]);
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &pending,
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("club.teacher_not_vetted")),
            "{b}"
        );
        let vet = |checks: Value| json!({"decision": "approved", "checks": checks, "note": "公安查询回执 2026-0815"});
        let vetting = app.school_path(&format!("/clubs/{}/vetting", ext["id"]));
        for who in ["district", "tutor", "teacher"] {
            let t = app.token(who).await;
            let (s, _) = app
                .send(
                    &t,
                    Method::POST,
                    &vetting,
                    &vet(json!(["no_criminal_record"])),
                )
                .await;
            assert_eq!(s, 403, "{who} may not vet");
        }
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &vetting,
                &vet(json!(["qualification"])),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("criminal_record_required"))
        );
        let (s, vetted) = app
            .send(
                &admin,
                Method::POST,
                &vetting,
                &vet(json!([
                    "no_criminal_record",
                    "qualification",
                    "no_criminal_record"
                ])),
            )
            .await;
        assert_eq!(s, 200, "{vetted}");
        assert_eq!(vetted["vetting_status"], "approved");
        assert_eq!(
            vetted["vetting_checks"],
            json!(["no_criminal_record", "qualification"])
        );
        assert!(vetted["vetted_at"].is_string() && vetted["vetted_by"].is_i64());
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'club.vetting'"),
            1
        );
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &pending,
            )
            .await;
        assert_eq!(s, 201, "a vetted club takes children: {b}");

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
                (chess["id"].clone(), json!("held")),
                (art["id"].clone(), json!("not_needed"))
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
        assert_eq!(ids[0].1["placement"], "held");
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
        assert_eq!(second["club_choices"][0]["placement"], "held");
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
            promoted["offerings"][1]["placement"], "held",
            "the dropped seat went to the queue"
        );
    }
);

both!(
    concurrent_withdrawals_promote_each_waiting_child_once,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 10).await;
        let admin = app.token("admin").await;
        for student in 100..130 {
            let (s, b) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/applications"),
                    &application(term, &plan, &agreement, student, true),
                )
                .await;
            assert_eq!(s, 201, "{b}");
        }
        let late = plan["offerings"][1]["id"].as_i64().unwrap();
        let ids = |placement: &str| -> Vec<i64> {
            (0..app.count(&format!("SELECT COUNT(*) AS n FROM application_offerings WHERE offering_id = {late} AND placement = '{placement}'")))
                .map(|i| app.count(&format!("SELECT application_id AS n FROM application_offerings WHERE offering_id = {late} AND placement = '{placement}' ORDER BY application_id LIMIT 1 OFFSET {i}")))
                .collect()
        };
        let enrolled = ids("enrolled");
        let first_ten: Vec<i64> = (1..=10)
            .map(|p| app.count(&format!("SELECT application_id AS n FROM application_offerings WHERE offering_id = {late} AND queue_position = {p}")))
            .collect();
        assert_eq!(enrolled.len(), 10);
        // Every enrolled child withdraws at once, each request sent twice (a retrying client).
        let tasks: Vec<_> = enrolled
            .iter()
            .chain(enrolled.iter())
            .map(|id| {
                let req = app
                    .req(
                        Method::POST,
                        &app.school_path(&format!("/applications/{id}/withdraw")),
                    )
                    .bearer_auth(&admin)
                    .json(&json!({"effective_date": crate::applications::school_today()}));
                tokio::spawn(async move { req.send().await.unwrap().status().as_u16() })
            })
            .collect();
        let mut statuses = Vec::new();
        for t in tasks {
            statuses.push(t.await.unwrap());
        }
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            10,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 409).count(),
            10,
            "the repeat meets a withdrawn application: {statuses:?}"
        );

        let mut now_enrolled = ids("enrolled");
        now_enrolled.sort();
        let mut expected = first_ten.clone();
        expected.sort();
        assert_eq!(
            now_enrolled, expected,
            "the first ten in the queue, each once"
        );
        assert_eq!(ids("waiting").len(), 10, "nobody lost from the queue");
        assert_eq!(
            app.count(&format!(
                "SELECT CAST(taken AS BIGINT) AS n FROM offerings WHERE id = {late}"
            )),
            10,
            "no seat lost or counted twice"
        );
        // The ones still waiting are the next ten of the queue, and they read as 1..10.
        let mut waiting = ids("waiting");
        waiting.sort();
        let mut next_ten: Vec<i64> = (11..=20)
            .map(|p| app.count(&format!("SELECT application_id AS n FROM application_offerings WHERE offering_id = {late} AND queue_position = {p}")))
            .collect();
        next_ten.sort();
        assert_eq!(waiting, next_ten);
        for (stored, shown) in [(11, 1), (20, 10)] {
            let id = app.count(&format!("SELECT application_id AS n FROM application_offerings WHERE offering_id = {late} AND queue_position = {stored}"));
            let (_, a) = app
                .get(&admin, &app.school_path(&format!("/applications/{id}")))
                .await;
            assert_eq!(a["offerings"][1]["queue_position"], shown, "{a}");
        }
    }
);
