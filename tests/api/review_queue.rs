//! The review queue: searched by a student's name or number, within the caller's reach,
//! with the list's total on every page.

use kehou_tests::{both, TestApp};
use reqwest::Method;

use super::applications::{application, guardian_of, open_term};

both!(
    the_review_queue_is_searched_and_counted,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let other: i64 = app.count(
            "SELECT MIN(id) AS n FROM students WHERE homeroom_id <> (SELECT homeroom_id FROM students WHERE id = 5)",
        );
        for student in [5, 6, 7, other] {
            let guardian = guardian_of(&app, student).await;
            let (s, a) = app
                .send(
                    &guardian,
                    Method::POST,
                    &app.school_path("/applications"),
                    &application(term, &plan, &agreement, student, false),
                )
                .await;
            assert_eq!(s, 201, "{a}");
        }
        let admin = app.token("admin").await;
        let list = |q: String| {
            let (app, admin) = (&app, &admin);
            async move {
                app.get(
                    admin,
                    &app.school_path(&format!("/applications?term_id={term}{q}")),
                )
                .await
            }
        };
        let (s, all) = list(String::new()).await;
        assert_eq!((s, all["total"].as_i64()), (200, Some(4)), "{all}");
        let (_, first) = list("&limit=1".into()).await;
        assert_eq!(first["total"], 4, "the total is the list's, not the page's");
        assert_eq!(first["items"].as_array().unwrap().len(), 1);
        assert!(first["next_cursor"].is_string());

        let row = app.strings("SELECT name || '|' || student_no AS s FROM students WHERE id = 6");
        let (name, number) = row[0].split_once('|').unwrap();
        let given: String = name.chars().skip(1).collect();
        let (_, by_name) = list(format!("&q={}", urlencoding(&given))).await;
        let ids: Vec<i64> = by_name["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["student_id"].as_i64().unwrap())
            .collect();
        assert!(
            ids.contains(&6),
            "part of the name finds the child: {by_name}"
        );
        assert_eq!(by_name["total"].as_i64(), Some(ids.len() as i64));
        let (_, by_number) = list(format!("&q={number}")).await;
        assert_eq!(by_number["total"], 1, "{by_number}");
        assert_eq!(by_number["items"][0]["student_id"], 6);
        let (_, wild) = list("&q=%25".into()).await;
        assert_eq!(wild["total"], 0, "% is a character, not a wildcard");
        let (s, e) = list(format!("&q={}", "王".repeat(51))).await;
        assert_eq!(
            (s, e["errors"][0]["field"].as_str()),
            (422, Some("q")),
            "{e}"
        );

        // A homeroom teacher searches their own homerooms only.
        let teacher = app.token("teacher").await;
        let no = app.strings(&format!(
            "SELECT student_no AS s FROM students WHERE id = {other}"
        ));
        let (_, b) = list(format!("&q={}", no[0])).await;
        assert_eq!(b["total"], 1, "the school finds it: {b}");
        let path = app.school_path(&format!("/applications?term_id={term}&q={}", no[0]));
        let (_, b) = app.get(&teacher, &path).await;
        assert_eq!(b["total"], 0, "another class's child: {b}");
        let path = app.school_path(&format!("/applications?term_id={term}"));
        let (_, own) = app.get(&teacher, &path).await;
        assert_eq!(own["total"], 3, "the teacher's own class: {own}");
    }
);

fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
