//! Notifications: the district is told a plan waits, the school that it was decided, the
//! homeroom teacher that an application waits for the class review, the school's admins
//! for theirs, the guardian that it was returned or approved; each person reads only their
//! own, with an unread count; machine clients read the feed instead.

use kehou_tests::{both, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

use super::applications::{application, guardian_of, open_term};

async fn inbox(app: &TestApp, t: &str) -> (Vec<Value>, i64) {
    let (s, page) = app.get(t, "/api/v1/me/notifications").await;
    assert_eq!(s, 200, "{page}");
    let (s, count) = app.get(t, "/api/v1/me/notifications/unread-count").await;
    assert_eq!(s, 200, "{count}");
    (
        page["items"].as_array().unwrap().clone(),
        count["unread"].as_i64().unwrap(),
    )
}

fn kinds(items: &[Value]) -> Vec<&str> {
    items.iter().map(|n| n["kind"].as_str().unwrap()).collect()
}

both!(
    each_person_is_told_what_concerns_them,
    |app: TestApp| async move {
        let (term, plan, agreement) = open_term(&app, 30).await;
        let (admin, teacher, district) = (
            app.token("admin").await,
            app.token("teacher").await,
            app.token("district").await,
        );
        let (items, _) = inbox(&app, &district).await;
        assert_eq!(
            kinds(&items),
            ["service_plan.submitted"],
            "the district is told a plan waits"
        );
        assert_eq!(items[0]["link"], "/applications/plan-approvals");
        let (items, _) = inbox(&app, &admin).await;
        assert_eq!(
            kinds(&items),
            ["service_plan.approved"],
            "the school is told it was decided"
        );
        assert!(items[0]["body"]
            .as_str()
            .unwrap()
            .contains(&format!("第 {} 版", plan["version_no"])));

        let guardian = guardian_of(&app, 5).await;
        let (s, a) = app
            .send(
                &guardian,
                Method::POST,
                &app.school_path("/applications"),
                &application(term, &plan, &agreement, 5, false),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        let id = a["id"].as_i64().unwrap();
        let (items, unread) = inbox(&app, &teacher).await;
        assert_eq!(
            kinds(&items),
            ["application.submitted"],
            "the homeroom teacher is told"
        );
        assert_eq!(unread, 1);
        let name: Vec<String> = app.strings("SELECT name AS s FROM students WHERE id = 5");
        assert!(
            items[0]["body"].as_str().unwrap().contains(&name[0]),
            "{}",
            items[0]
        );
        let (items, _) = inbox(&app, &app.token("tutor").await).await;
        assert!(items.is_empty(), "nobody else: {items:?}");
        // A second one while the first is unread: one notification counts both.
        let other = guardian_of(&app, 6).await;
        let body = application(term, &plan, &agreement, 6, false);
        let (s, _) = app
            .send(
                &other,
                Method::POST,
                &app.school_path("/applications"),
                &body,
            )
            .await;
        assert_eq!(s, 201);
        let (items, unread) = inbox(&app, &teacher).await;
        assert_eq!((items.len(), unread), (1, 1), "{items:?}");
        assert!(
            items[0]["body"]
                .as_str()
                .unwrap()
                .starts_with("共 2 份报名待班级审核"),
            "{}",
            items[0]
        );
        assert_eq!(items[0]["data"]["count"], 2);

        let (s, _) = app
            .send(
                &teacher,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "return", "comment": "请补充接送人"}),
            )
            .await;
        assert_eq!(s, 200);
        let (items, unread) = inbox(&app, &guardian).await;
        assert_eq!(
            kinds(&items),
            ["application.returned"],
            "the guardian is told"
        );
        assert_eq!(unread, 1);
        assert_eq!(
            items[0]["link"],
            format!("/portal/children/5/applications/{id}")
        );
        assert_eq!(items[0]["data"]["application_id"], id);

        // Each reads only their own.
        let theirs = items[0]["id"].as_i64().unwrap();
        let (s, _) = app
            .send(
                &teacher,
                Method::POST,
                &format!("/api/v1/me/notifications/{theirs}/read"),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 404, "not the teacher's");
        let (s, _) = app
            .send(
                &guardian,
                Method::POST,
                &format!("/api/v1/me/notifications/{theirs}/read"),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 204);
        let (items, unread) = inbox(&app, &guardian).await;
        assert_eq!(unread, 0);
        assert!(items[0]["read_at"].is_string());
        let (_, unread_only) = app
            .get(&guardian, "/api/v1/me/notifications?unread=true")
            .await;
        assert_eq!(unread_only["items"].as_array().unwrap().len(), 0);
        let (_, t_unread) = inbox(&app, &teacher).await;
        assert_eq!(t_unread, 1, "the teacher's own stays unread");
        let (s, b) = app
            .send(
                &teacher,
                Method::POST,
                "/api/v1/me/notifications/read-all",
                &Value::Null,
            )
            .await;
        assert_eq!((s, b["unread"].as_i64()), (200, Some(0)));
        assert_eq!(inbox(&app, &teacher).await.1, 0);

        // The guardian resubmits; the school approves after the class review: the guardian is told.
        let (s, _) = app
            .send(
                &guardian,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/submit")),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 200);
        let (s, _) = app
            .send(
                &teacher,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/class-review")),
                &json!({"decision": "approve"}),
            )
            .await;
        assert_eq!(s, 200);
        let (items, _) = inbox(&app, &admin).await;
        assert_eq!(
            kinds(&items),
            ["application.class_reviewed", "service_plan.approved"],
            "newest first"
        );
        let (s, _) = app
            .send(
                &admin,
                Method::POST,
                &app.school_path(&format!("/applications/{id}/school-review")),
                &json!({"decision": "approve"}),
            )
            .await;
        assert_eq!(s, 200);
        let (items, unread) = inbox(&app, &guardian).await;
        assert_eq!(
            kinds(&items),
            ["application.approved", "application.returned"]
        );
        assert_eq!(unread, 1);

        // The channel adapter takes every notification once.
        for _ in 0..50 {
            if app.count("SELECT COUNT(*) AS n FROM notifications WHERE sent_at IS NULL") == 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM notifications WHERE sent_at IS NULL"),
            0
        );
    }
);

both!(
    machine_clients_read_the_feed_not_notifications,
    |app: TestApp| async move {
        let district = app.token("district").await;
        let body = json!({"name": "区县数据中心", "scopes": ["events:read"]});
        let (s, created) = app
            .send(
                &district,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &body,
            )
            .await;
        assert_eq!(s, 201, "{created}");
        let (id, secret) = (
            created["client"]["client_id"].as_str().unwrap(),
            created["client_secret"].as_str().unwrap(),
        );
        let (s, tok) = crate::integration::client_token(&app, id, secret).await;
        assert_eq!(s, 200, "{tok}");
        let token = tok["access_token"].as_str().unwrap();
        let (s, e) = app.get(token, "/api/v1/me/notifications").await;
        assert_eq!(
            (s, e["code"].as_str()),
            (403, Some("auth.forbidden")),
            "{e}"
        );
    }
);
