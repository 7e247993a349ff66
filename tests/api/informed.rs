//! 知晓率 counts families: children who share a guardian are one family, informed when the
//! notice reached it for any of them.

use kehou_tests::{both, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{guardian_of, open_term};

async fn report(app: &TestApp, token: &str, term: i64) -> Value {
    let (s, r) = app
        .get(
            token,
            &app.school_path(&format!("/terms/{term}/informed-report")),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    r
}

fn missing(r: &Value) -> Vec<i64> {
    r["homerooms"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| {
            h["not_informed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["student_id"].as_i64().unwrap())
        })
        .collect()
}

both!(
    siblings_are_one_family_informed_through_either_child,
    |app: TestApp| async move {
        let (term, _, _) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let before = report(&app, &admin, term).await;
        assert_eq!(
            before["students"], before["families"],
            "the demo roster has no siblings"
        );

        // Student 6 turns out to be student 5's sibling: the same mother.
        let (_, gs) = app
            .get(&admin, &app.school_path("/students/5/guardians"))
            .await;
        let mother = &gs["items"][0];
        let (s, _) = app
            .send(&admin, Method::POST, &app.school_path("/students/6/guardians"),
                &json!({"name": mother["name"], "phone": mother["phone"], "relation": mother["relation"]}))
            .await;
        assert_eq!(s, 201);
        let linked = report(&app, &admin, term).await;
        assert_eq!(linked["students"], before["students"]);
        assert_eq!(
            linked["families"].as_i64().unwrap(),
            before["families"].as_i64().unwrap() - 1
        );

        // The mother reads the notice for one child: the family is informed, both children leave the list.
        let parent = guardian_of(&app, 5).await;
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
        let after = report(&app, &admin, term).await;
        assert_eq!(after["informed"], 1);
        let rate = after["rate"].as_f64().unwrap();
        let expected = 1.0 / after["families"].as_f64().unwrap();
        assert!((rate - expected).abs() < 1e-9, "{rate} vs {expected}");
        let still = missing(&after);
        assert!(
            !still.contains(&5) && !still.contains(&6),
            "siblings informed together"
        );
        assert!(still.contains(&7));
        let homeroom = after["homerooms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["informed"] == 1)
            .unwrap();
        assert_eq!(
            homeroom["students"].as_i64().unwrap(),
            homeroom["families"].as_i64().unwrap() + 1
        );

        // The statistics count the same way.
        let (_, stats) = app
            .get(
                &admin,
                &app.school_path(&format!("/terms/{term}/application-stats")),
            )
            .await;
        assert_eq!(
            (stats["informed"].clone(), stats["families"].clone()),
            (after["informed"].clone(), after["families"].clone())
        );
    }
);
