//! Editing an application before review (PATCH), what guardians read of their own family
//! (children with homerooms, pickup persons) and who acted in an application's history.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, guardian_of, open_term, publish};

/// PATCH with `If-Match`.
async fn edit(
    app: &TestApp,
    token: &str,
    id: i64,
    version: Option<i64>,
    body: &Value,
) -> (u16, Value, Option<String>) {
    let mut req = app
        .req(
            Method::PATCH,
            &app.school_path(&format!("/applications/{id}")),
        )
        .bearer_auth(token)
        .json(body);
    if let Some(v) = version {
        req = req.header("if-match", format!("\"{v}\""));
    }
    let res = req.send().await.unwrap();
    let etag = res
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_owned());
    let (s, b) = json_of(res).await;
    (s, b, etag)
}

both!(
    a_returned_application_is_edited_keeps_or_gives_up_seats_and_is_resubmitted,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 1).await;
        let admin = app.token("admin").await;
        let parent = guardian_of(&app, 5).await; // student 5 is in 一年级1班, led by `teacher`
        let (s, mine) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, true),
            )
            .await;
        assert_eq!(s, 201, "{mine}");
        let id = mine["id"].as_i64().unwrap();
        assert_eq!(
            mine["offerings"][1]["placement"], "held",
            "the only late seat, held while the application is reviewed"
        );
        // Another child waits for that seat.
        let (_, other) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 6, true),
            )
            .await;
        assert_eq!(other["offerings"][1]["placement"], "waiting");

        // A submitted application is not edited: it is reviewed.
        let body = json!({
            "offerings": [{"offering_id": plan["offerings"][0]["id"], "weekdays": [1, 2, 3]}],
            "leave_mode": "alone",
            "exemption": {"category": "hardship", "note": "低保证明 DB-0815"},
        });
        let (s, b, _) = edit(
            &app,
            &parent,
            id,
            Some(mine["version"].as_i64().unwrap()),
            &body,
        )
        .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (409, Some("application.wrong_status"))
        );

        let teacher = app.token("teacher").await;
        let (s, returned) = app
            .send(
                &teacher,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "return", "comment": "请确认周四、周五是否需要"}),
            )
            .await;
        assert_eq!(
            (s, returned["status"].as_str()),
            (200, Some("returned_for_changes"))
        );
        let version = returned["version"].as_i64().unwrap();

        // If-Match is required, and must be the current version.
        let (s, b, _) = edit(&app, &parent, id, None, &body).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (428, Some("precondition_required")),
            "{b}"
        );
        let (s, _, _) = edit(&app, &parent, id, Some(version - 1), &body).await;
        assert_eq!(s, 412);
        // Bad input names the field and changes nothing.
        let mut bad = body.clone();
        bad["exemption"] = json!({"category": "lottery", "note": "?"});
        let (s, b, _) = edit(&app, &parent, id, Some(version), &bad).await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("exemption.category")),
            "{b}"
        );
        let (_, unchanged) = app
            .get(&parent, &app.school_path(&format!("/applications/{id}")))
            .await;
        assert_eq!(unchanged["version"], version);
        assert_eq!(unchanged["offerings"].as_array().unwrap().len(), 2);

        let (s, edited, etag) = edit(&app, &parent, id, Some(version), &body).await;
        assert_eq!(s, 200, "{edited}");
        // The new tag leads with the new version (then the representation's digest).
        let new_tag = etag.unwrap_or_default();
        assert!(
            new_tag.starts_with(&format!("\"{}-", version + 1)),
            "{new_tag}"
        );
        assert_eq!(edited["status"], "returned_for_changes");
        assert_eq!(edited["leave_mode"], "alone");
        assert_eq!(edited["exemption_category"], "hardship");
        let live: Vec<&Value> = edited["offerings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["placement"] != "left")
            .collect();
        assert_eq!(live.len(), 1);
        assert_eq!(live[0]["weekdays"], json!([1, 2, 3]));
        // The late seat it gave up went to the child waiting for it.
        let (_, other) = app
            .get(
                &admin,
                &app.school_path(&format!("/applications/{}", other["id"])),
            )
            .await;
        assert_eq!(other["offerings"][1]["placement"], "held");
        let last = edited["history"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        assert_eq!(
            (last["action"].as_str(), last["actor_role"].as_str()),
            (Some("edit"), Some("guardian"))
        );
        // The guardian by their name in the roster and relation, never their login (a phone).
        let name = last["actor_name"].as_str().unwrap_or_default();
        assert!(
            !name.is_empty() && !name.chars().any(|c| c.is_ascii_digit()),
            "{last}"
        );
        assert!(last["actor_relation"].is_string(), "{last}");
        let review = &edited["history"].as_array().unwrap()[1];
        assert_eq!(
            (review["actor_role"].as_str(), review["comment"].as_str()),
            (Some("staff"), Some("请确认周四、周五是否需要"))
        );
        assert!(
            review["actor_name"].as_str().is_some_and(|n| !n.is_empty()),
            "{review}"
        );

        // Resubmitted, it goes back to the class review and can no longer be edited.
        let (s, again) = app
            .send(
                &parent,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/submit")),
                &Value::Null,
            )
            .await;
        assert_eq!((s, again["status"].as_str()), (200, Some("submitted")));
        let (s, _, _) = edit(
            &app,
            &parent,
            id,
            Some(again["version"].as_i64().unwrap()),
            &body,
        )
        .await;
        assert_eq!(s, 409);
        let audited = app.count(&format!(
            "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'application.edit' AND entity_id = {id}"
        ));
        assert_eq!(audited, 1);
    }
);

both!(
    an_edit_after_a_new_agreement_version_must_accept_it,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let (_, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, false),
            )
            .await;
        let id = a["id"].as_i64().unwrap();
        let (_, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "return", "comment": "补充接送人"}),
            )
            .await;
        let v2 = publish(
            &app,
            &admin,
            term,
            "agreement",
            "课后服务委托协议书",
            "第二版：家长职责……",
        )
        .await;
        let body = json!({"offerings": [{"offering_id": plan["offerings"][0]["id"]}], "leave_mode": "pickup", "exemption": null});
        let version = a["version"].as_i64().unwrap();
        let (s, b, _) = edit(&app, &admin, id, Some(version), &body).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.agreement_not_current")),
            "{b}"
        );
        let mut stale = body.clone();
        stale["agreement_text_id"] = agreement["id"].clone();
        stale["accept_agreement"] = json!(true);
        let (s, b, _) = edit(&app, &admin, id, Some(version), &stale).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (422, Some("application.agreement_not_current"))
        );
        let mut accepted = body.clone();
        accepted["agreement_text_id"] = v2["id"].clone();
        accepted["accept_agreement"] = json!(true);
        let (s, b, _) = edit(&app, &admin, id, Some(version), &accepted).await;
        assert_eq!(s, 200, "{b}");
        assert_eq!(b["acceptance"]["text_id"], v2["id"]);
        assert_eq!(b["acceptance"]["sha256"], v2["sha256"]);
        assert_eq!(
            (
                b["acceptance"]["accepted_by_kind"].as_str(),
                b["acceptance"]["channel"].as_str()
            ),
            (Some("staff"), Some("spa"))
        );
    }
);

both!(
    only_the_family_or_the_class_may_edit,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        // Student 60 is not in the class `teacher` leads; student 6's guardian is another family.
        let (_, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 60, false),
            )
            .await;
        let id = a["id"].as_i64().unwrap();
        let (_, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "return", "comment": "请补充"}),
            )
            .await;
        let body = json!({"offerings": [{"offering_id": plan["offerings"][0]["id"]}], "leave_mode": "pickup", "exemption": null});
        assert_eq!(a["status"], "returned_for_changes", "{a}");
        let version = a["version"].as_i64();
        let stranger = guardian_of(&app, 6).await;
        let (s, _, _) = edit(&app, &stranger, id, version, &body).await;
        assert_eq!(
            s, 404,
            "another family's application does not exist for them"
        );
        let teacher = app.token("teacher").await;
        let (s, _, _) = edit(&app, &teacher, id, version, &body).await;
        assert_eq!(s, 404, "another class's application");
        let gate = app.token("gate").await;
        let (s, _, _) = edit(&app, &gate, id, version, &body).await;
        assert!(
            s == 403 || s == 404,
            "gate staff do not edit applications: {s}"
        );
    }
);

both!(guardians_read_their_own_family, |app: TestApp| async move {
    let parent = guardian_of(&app, 5).await;
    let (s, kids) = app.get(&parent, "/api/v1/me/children").await;
    assert_eq!(s, 200);
    let child = kids["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["student_id"] == 5)
        .unwrap()
        .clone();
    let admin = app.token("admin").await;
    let (_, student) = app.get(&admin, &app.school_path("/students/5")).await;
    assert_eq!(child["homeroom_id"], student["homeroom_id"]);
    assert_eq!(child["boarder"], false);

    let (s, persons) = app
        .get(&parent, &app.school_path("/students/5/pickup-persons"))
        .await;
    assert_eq!(s, 200, "{persons}");
    let (_, full) = app
        .get(&admin, &app.school_path("/students/5/pickup-persons"))
        .await;
    assert_eq!(
        persons["items"].as_array().unwrap().len(),
        full["items"].as_array().unwrap().len()
    );
    for p in persons["items"].as_array().unwrap() {
        assert!(
            p["phone"].as_str().unwrap().contains('*'),
            "masked for guardians: {p}"
        );
    }
    let (s, _) = app
        .get(&parent, &app.school_path("/students/6/pickup-persons"))
        .await;
    assert_eq!(s, 404, "not their child");
    let (s, _) = app
        .get(&parent, &app.school_path("/students/5/guardians"))
        .await;
    assert_eq!(s, 403, "the guardians list stays with staff");
});

both!(
    two_editors_holding_one_version_cannot_both_win,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let admin = app.token("admin").await;
        let teacher = app.token("teacher").await;
        // A draft (submit: false) that the school admin and the homeroom teacher both edit.
        let mut draft = application(term, &plan, &agreement, 8, false);
        draft["submit"] = json!(false);
        let (s, a) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path("/applications"),
                &draft,
            )
            .await;
        assert_eq!(s, 201, "{a}");
        let (id, version) = (a["id"].as_i64().unwrap(), a["version"].as_i64().unwrap());
        let body = |mode: &str| {
            json!({
                "offerings": [{"offering_id": plan["offerings"][0]["id"], "weekdays": [1, 2, 3]}],
                "leave_mode": mode,
            })
        };
        for round in 0..3 {
            let (b1, b2) = (body("alone"), body("school_bus"));
            let (r1, r2) = tokio::join!(
                edit(&app, &admin, id, Some(version + round), &b1),
                edit(&app, &teacher, id, Some(version + round), &b2)
            );
            let mut codes = [r1.0, r2.0];
            codes.sort();
            assert_eq!(codes, [200, 412], "round {round}: {} {}", r1.1, r2.1);
        }
        let (_, now) = app
            .get(&admin, &app.school_path(&format!("/applications/{id}")))
            .await;
        assert_eq!(
            now["version"].as_i64(),
            Some(version + 3),
            "one version per winning edit"
        );
    }
);
