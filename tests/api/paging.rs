//! Every list endpoint pages with the house convention: `?limit=&cursor=` →
//! `{items, next_cursor}`, 1–200 per page (others refused with 422 naming `limit`), the
//! cursor leading through every item exactly once.

use std::collections::HashSet;

use kehou_tests::{both, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, chrono_like_now, guardian_of, open_term, publish};

/// Pages through `path` one item at a time (for enrollments: one application at a time,
/// `unit` naming what a page holds one of) and checks the pages against one `limit=200`
/// answer: the same items in the same order, none twice. Returns the items.
async fn pages_through(app: &TestApp, token: &str, path: &str, unit: &str) -> Vec<Value> {
    let sep = if path.contains('?') { '&' } else { '?' };
    for bad in [0, 201] {
        let (s, b) = app.get(token, &format!("{path}{sep}limit={bad}")).await;
        assert_eq!(s, 422, "{path} limit={bad}: {b}");
        assert!(
            b["errors"]
                .as_array()
                .is_some_and(|e| e.iter().any(|e| e["field"] == "limit")),
            "{path} limit={bad} names the field: {b}"
        );
    }
    let (s, whole) = app.get(token, &format!("{path}{sep}limit=200")).await;
    assert_eq!(s, 200, "{path}: {whole}");
    assert_eq!(
        whole["next_cursor"],
        Value::Null,
        "{path}: one page holds all"
    );
    let all = whole["items"].as_array().unwrap().clone();
    assert!(all.len() >= 2, "{path}: too few items to page: {whole}");
    let distinct: HashSet<String> = all.iter().map(Value::to_string).collect();
    assert_eq!(distinct.len(), all.len(), "{path}: an item twice: {whole}");

    let (s, first) = app.get(token, &format!("{path}{sep}limit=1")).await;
    assert_eq!(s, 200, "{path}: {first}");
    assert_eq!(
        first["items"].as_array().map(Vec::len),
        Some(1),
        "{path}: limit=1 gives one item: {first}"
    );
    assert!(
        first["next_cursor"].is_string(),
        "{path}: more to come: {first}"
    );

    let mut collected: Vec<Value> = Vec::new();
    let mut units: HashSet<String> = HashSet::new();
    let mut page = first;
    for _ in 0..=all.len() {
        let items = page["items"].as_array().unwrap();
        let here: HashSet<String> = items.iter().map(|i| i[unit].to_string()).collect();
        assert_eq!(here.len(), 1, "{path}: one {unit} per page: {page}");
        assert!(
            units.insert(here.into_iter().next().unwrap()),
            "{path}: a {unit} on two pages: {page}"
        );
        collected.extend(items.iter().cloned());
        let Some(cursor) = page["next_cursor"].as_str() else {
            break;
        };
        let (s, next) = app
            .get(token, &format!("{path}{sep}limit=1&cursor={cursor}"))
            .await;
        assert_eq!(s, 200, "{path}: {next}");
        page = next;
    }
    assert_eq!(
        page["next_cursor"],
        Value::Null,
        "{path}: the last page ends it"
    );
    assert_eq!(collected, all, "{path}: the pages hold every item once");
    all
}

both!(
    every_list_endpoint_pages_with_a_cursor,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let district = app.token("district").await;

        // A second plan version (a draft) and a draft text.
        let now = chrono_like_now();
        let draft = json!({"term_id": term, "window_opens_at": now.0, "window_closes_at": now.1,
            "offerings": [{"kind": "afternoon_basic", "name": "课后基础托管", "grades": [1,2,3,4,5,6], "weekdays": [1,2,3,4,5],
                "start_time": "16:15", "end_time": "17:30"}]});
        let (s, b) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/service-plans"),
                &draft,
            )
            .await;
        assert_eq!(s, 201, "{b}");
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/texts"),
                &json!({"term_id": term, "kind": "application_form", "title": "报名表", "body": "学生姓名……"}))
            .await;
        assert_eq!(s, 201, "{b}");
        // Two district templates, two clubs, a term and two rooms more, two machine clients.
        for title in ["区模板一", "区模板二"] {
            let (s, b) = app
                .send(
                    &district,
                    Method::POST,
                    "/api/v1/districts/1/text-templates",
                    &json!({"kind": "notice", "title": title, "body": "各位家长……"}),
                )
                .await;
            assert_eq!(s, 201, "{b}");
        }
        let (_, staff) = app.get(&admin, &app.school_path("/staff?limit=1")).await;
        let teacher = staff["items"][0]["id"].as_i64().unwrap();
        for name in ["美术社", "围棋社", "合唱团"] {
            let (s, b) = app
                .send(&admin, Method::POST, &app.school_path("/clubs"),
                    &json!({"term_id": term, "name": name, "category": "美", "capacity": 30, "grade_min": 1, "grade_max": 6, "weekdays": [2, 4], "teacher_staff_id": teacher}))
                .await;
            assert_eq!(s, 201, "{b}");
        }
        let (s, b) = app
            .send(&admin, Method::POST, &app.school_path("/terms"),
                &json!({"name": "2027 春季学期", "start_date": "2027-02-20", "end_date": "2027-07-05", "holidays": [], "makeup_workdays": []}))
            .await;
        assert_eq!(s, 201, "{b}");
        for name in ["分页测试教室甲", "分页测试教室乙"] {
            let (s, b) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/rooms"),
                    &json!({"name": name, "capacity": 40, "kind": "indoor"}),
                )
                .await;
            assert_eq!(s, 201, "{b}");
        }
        for name in ["家校通 App", "区数据平台"] {
            let (s, b) = app
                .send(
                    &district,
                    Method::POST,
                    "/api/v1/districts/1/api-clients",
                    &json!({"name": name, "scopes": ["roster:read"], "school_ids": [app.school]}),
                )
                .await;
            assert_eq!(s, 201, "{b}");
        }

        // Applications, approved in both steps: the first with one offering, the second
        // with two (its rows stay on one page), the third with one.
        for (student, late) in [(3, false), (4, true), (5, false)] {
            let (s, a) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/applications"),
                    &application(term, &plan, &agreement, student, late),
                )
                .await;
            assert_eq!(s, 201, "{a}");
            for step in ["class-review", "school-review"] {
                let (s, b) = app
                    .send(
                        &admin,
                        Method::POST,
                        &app.school_path(&format!("/applications/{}/{step}", a["id"])),
                        &json!({"decision": "approve"}),
                    )
                    .await;
                assert_eq!(s, 200, "{b}");
            }
        }
        // Service requests: two for student 5 (by the family, in 一年级1班), one for a
        // sixth-grader (by the school).
        let parent = guardian_of(&app, 5).await;
        let basic = plan["offerings"][0]["id"].clone();
        let (_, senior) = app
            .get(&admin, &app.school_path("/students?grade=6&limit=1"))
            .await;
        let senior = senior["items"][0]["id"].as_i64().unwrap();
        for (who, student, date) in [
            (&parent, 5, "2026-09-03"),
            (&parent, 5, "2026-09-08"),
            (&admin, senior, "2026-09-03"),
        ] {
            let (s, b) = app
                .send(who, Method::POST, &app.school_path("/service-requests"),
                    &json!({"term_id": term, "student_id": student, "kind": "day_registration", "offering_id": basic, "service_date": date, "reason": "家中临时有事"}))
                .await;
            assert_eq!(s, 201, "{b}");
        }
        // Two notice versions received on paper by student 5's family.
        let (_, texts) = app
            .get(
                &admin,
                &app.school_path(&format!("/texts?term_id={term}&kind=notice")),
            )
            .await;
        let first_notice = texts["items"][0]["id"].clone();
        let second = publish(
            &app,
            &admin,
            term,
            "notice",
            "致家长的一封信（修订）",
            "各位家长：修订版……",
        )
        .await;
        for text in [first_notice, second["id"].clone()] {
            let (s, b) = app
                .send(
                    &admin,
                    Method::POST,
                    &app.school_path("/notice-receipts"),
                    &json!({"text_id": text, "student_id": 5}),
                )
                .await;
            assert_eq!(s, 201, "{b}");
        }

        let lists = [
            (format!("/terms/{term}/enrollments"), "application_id"),
            ("/service-requests".to_owned(), "id"),
            ("/service-requests?status=submitted".to_owned(), "id"),
            (format!("/service-requests?term_id={term}"), "id"),
            ("/texts".to_owned(), "id"),
            (format!("/texts?term_id={term}&published=true"), "id"),
            ("/clubs".to_owned(), "id"),
            (format!("/clubs?term_id={term}"), "id"),
            ("/text-templates".to_owned(), "id"),
            ("/notice-receipts?student_id=5".to_owned(), "text_id"),
            ("/service-plans".to_owned(), "id"),
            (format!("/service-plans?term_id={term}"), "id"),
            ("/applications".to_owned(), "id"),
            ("/homerooms".to_owned(), "id"),
            ("/homerooms?grade=1".to_owned(), "id"),
            ("/rooms".to_owned(), "id"),
            ("/terms".to_owned(), "id"),
            ("/staff".to_owned(), "id"),
        ];
        for (path, unit) in &lists {
            pages_through(&app, &admin, &app.school_path(path), unit).await;
        }
        pages_through(&app, &district, "/api/v1/districts/1/text-templates", "id").await;
        pages_through(&app, &district, "/api/v1/districts/1/api-clients", "id").await;

        // Enrollments: in application order, one application's offerings together.
        let rows = pages_through(
            &app,
            &admin,
            &app.school_path(&format!("/terms/{term}/enrollments")),
            "application_id",
        )
        .await;
        let order: Vec<(i64, i64)> = rows
            .iter()
            .map(|r| {
                (
                    r["application_id"].as_i64().unwrap(),
                    r["offering_id"].as_i64().unwrap(),
                )
            })
            .collect();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!((order.len(), &order), (4, &sorted));
        // Templates newest first; the others in id order.
        let ids =
            |v: &[Value]| -> Vec<i64> { v.iter().map(|x| x["id"].as_i64().unwrap()).collect() };
        let t = ids(&pages_through(&app, &admin, &app.school_path("/text-templates"), "id").await);
        assert!(
            t.windows(2).all(|w| w[0] > w[1]),
            "templates newest first: {t:?}"
        );
        let c = ids(&pages_through(&app, &admin, &app.school_path("/clubs"), "id").await);
        assert!(
            c.windows(2).all(|w| w[0] < w[1]),
            "clubs in id order: {c:?}"
        );

        // A page of applications reads exactly like each application on its own.
        let (_, page) = app
            .get(&admin, &app.school_path("/applications?limit=200"))
            .await;
        for a in page["items"].as_array().unwrap() {
            let (_, one) = app
                .get(
                    &admin,
                    &app.school_path(&format!("/applications/{}", a["id"])),
                )
                .await;
            assert_eq!(a, &one);
        }

        // A family pages through its own requests only; a homeroom teacher through their class's.
        let mine = pages_through(&app, &parent, &app.school_path("/service-requests"), "id").await;
        assert!(mine.iter().all(|r| r["student_id"] == 5), "{mine:?}");
        let (_, theirs) = app
            .get(
                &app.token("teacher").await,
                &app.school_path("/service-requests?limit=200"),
            )
            .await;
        let students: HashSet<i64> = theirs["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["student_id"].as_i64().unwrap())
            .collect();
        assert_eq!(
            students,
            HashSet::from([5]),
            "the teacher leads 5's class only: {theirs}"
        );
        let (s, none) = app
            .get(
                &parent,
                &app.school_path("/service-requests?status=approved"),
            )
            .await;
        assert_eq!((s, none["items"].as_array().map(Vec::len)), (200, Some(0)));
    }
);
