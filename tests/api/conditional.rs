//! Conditional requests (RFC 9110): strong ETags, `If-None-Match` → 304, strong `If-Match`;
//! `updated_since` for syncing; cursors bound to their list; `X-Request-Id` on every answer;
//! a body may be left out when all its fields are optional.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

async fn get_full(
    app: &TestApp,
    token: &str,
    path: &str,
    inm: Option<&str>,
) -> (u16, String, Value) {
    let mut req = app.req(Method::GET, path).bearer_auth(token);
    if let Some(t) = inm {
        req = req.header("if-none-match", t);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let etag = res
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = if status == 304 {
        assert!(res.bytes().await.unwrap().is_empty(), "a 304 has no body");
        Value::Null
    } else {
        res.json().await.unwrap()
    };
    (status, etag, body)
}

async fn patch(
    app: &TestApp,
    token: &str,
    path: &str,
    if_match: &str,
    body: &Value,
) -> (u16, String, Value) {
    let res = app
        .req(Method::PATCH, path)
        .bearer_auth(token)
        .header("if-match", if_match)
        .json(body)
        .send()
        .await
        .unwrap();
    let etag = res
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let (s, b) = json_of(res).await;
    (s, etag, b)
}

both!(
    reads_carry_strong_etags_and_revalidate,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let path = app.school_path("/students/5");
        let (s, tag, student) = get_full(&app, &admin, &path, None).await;
        assert_eq!(s, 200);
        let version = student["version"].as_i64().unwrap();
        assert!(
            tag.starts_with(&format!("\"{version}-")) && !tag.starts_with("W/"),
            "{tag}"
        );
        // Unchanged: 304, same tag. A teacher sees the row masked: another representation.
        let (s, again, _) = get_full(&app, &admin, &path, Some(&tag)).await;
        assert_eq!((s, again.as_str()), (304, tag.as_str()));
        // The tag is the representation's: the same bytes, the same tag; other bytes (a
        // role that sees the row cut), another tag.
        for who in ["teacher", "tutor", "gate"] {
            let t = app.token(who).await;
            let (s, t_tag, t_body) = get_full(&app, &t, &path, None).await;
            if s == 200 {
                assert_eq!(
                    t_body == student,
                    t_tag == tag,
                    "{who}: {t_body} vs {student}"
                );
            }
        }

        // If-Match with the tag read: the change applies and the tag moves.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        let before = chrono::Utc::now();
        let (s, new_tag, changed) =
            patch(&app, &admin, &path, &tag, &json!({"name": "王小明"})).await;
        assert_eq!(s, 200, "{changed}");
        assert!(
            new_tag.starts_with(&format!("\"{}-", version + 1)),
            "{new_tag}"
        );
        let (s, _, _) = get_full(&app, &admin, &path, Some(&tag)).await;
        assert_eq!(s, 200, "the old tag no longer matches");
        // A stale tag: 412; a weak one never matches (strong comparison): 412.
        let (s, _, b) = patch(&app, &admin, &path, &tag, &json!({"name": "王小红"})).await;
        assert_eq!((s, b["code"].as_str()), (412, Some("precondition_failed")));
        let weak = format!("W/{new_tag}");
        let (s, _, _) = patch(&app, &admin, &path, &weak, &json!({"name": "王小红"})).await;
        assert_eq!(s, 412);

        // Lists are tagged too, and a sync asks for what changed since.
        let list = app.school_path("/students?limit=5");
        let (s, list_tag, _) = get_full(&app, &admin, &list, None).await;
        assert_eq!(s, 200);
        assert_eq!(get_full(&app, &admin, &list, Some(&list_tag)).await.0, 304);
        let since = before.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let (s, changed) = app
            .get(
                &admin,
                &app.school_path(&format!(
                    "/students?updated_since={}",
                    since.replace('+', "%2B")
                )),
            )
            .await;
        assert_eq!(s, 200, "{changed}");
        let ids: Vec<i64> = changed["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, vec![5]);
        let (s, b) = app
            .get(
                &admin,
                &app.school_path("/students?updated_since=yesterday"),
            )
            .await;
        assert_eq!(
            (s, b["errors"][0]["field"].as_str()),
            (422, Some("updated_since"))
        );
    }
);

both!(
    cursors_are_bound_to_their_list_and_filters,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let (_, page) = app
            .get(&admin, &app.school_path("/students?grade=1&limit=2"))
            .await;
        let cursor = page["next_cursor"].as_str().unwrap().to_owned();
        let (s, next) = app
            .get(
                &admin,
                &app.school_path(&format!("/students?grade=1&limit=2&cursor={cursor}")),
            )
            .await;
        assert_eq!(s, 200, "{next}");
        assert!(next["items"][0]["id"].as_i64() > page["items"][1]["id"].as_i64());
        for other in [
            format!("/students?grade=2&limit=2&cursor={cursor}"),
            format!("/homerooms?cursor={cursor}"),
            "/students?cursor=aWQ6MTA".to_owned(),
        ] {
            let (s, b) = app.get(&admin, &app.school_path(&other)).await;
            assert_eq!(
                (s, b["errors"][0]["field"].as_str()),
                (422, Some("cursor")),
                "{other}: {b}"
            );
        }
    }
);

both!(
    every_answer_names_its_request_and_optional_bodies_may_be_left_out,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        // The tenant guard's 404 for another school carries the id too.
        let res = app
            .req(
                Method::GET,
                &format!("/api/v1/schools/{}/students", app.other_school),
            )
            .bearer_auth(&admin)
            .header("x-request-id", "trace-42")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
        assert_eq!(res.headers().get("x-request-id").unwrap(), "trace-42");
        let res = app.req(Method::GET, "/api/v1/me").send().await.unwrap();
        assert_eq!(res.status(), 401);
        assert!(res.headers().get("x-request-id").is_some());

        // Rotating a secret takes an optional overlap: no body at all is fine.
        let district = app.token("district").await;
        let (s, c) = app
            .send(
                &district,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &json!({"name": "x", "scopes": ["roster:read"]}),
            )
            .await;
        assert_eq!(s, 201);
        let res = app
            .req(
                Method::POST,
                &format!(
                    "/api/v1/districts/1/api-clients/{}/rotate-secret",
                    c["client"]["id"]
                ),
            )
            .bearer_auth(&district)
            .send()
            .await
            .unwrap();
        let (s, b) = json_of(res).await;
        assert_eq!(s, 200, "{b}");
        assert!(
            b["client"]["previous_secret_expires_at"].is_string(),
            "the default overlap applies"
        );
    }
);

both!(
    a_retried_day_registration_is_made_once,
    |app: TestApp| async move {
        let (term, plan, _) = crate::applications::open_term(&app, 30).await;
        let parent = crate::applications::guardian_of(&app, 5).await;
        let body = json!({"term_id": term, "student_id": 5, "kind": "day_registration", "offering_id": plan["offerings"][0]["id"], "service_date": "2026-09-03", "reason": "家中临时有事"});
        let send = |key: &'static str, body: Value| {
            let (app, parent) = (&app, &parent);
            async move {
                json_of(
                    app.req(Method::POST, &app.school_path("/service-requests"))
                        .bearer_auth(parent)
                        .header("idempotency-key", key)
                        .json(&body)
                        .send()
                        .await
                        .unwrap(),
                )
                .await
            }
        };
        let (s1, first) = send("day-reg-1", body.clone()).await;
        let (s2, retry) = send("day-reg-1", body.clone()).await;
        assert_eq!((s1, s2), (201, 201), "{first} {retry}");
        assert_eq!(
            first["id"], retry["id"],
            "the retry answers the first result"
        );
        let n = app.count("SELECT COUNT(*) AS n FROM service_requests");
        assert_eq!(n, 1);
        let mut other = body.clone();
        other["service_date"] = json!("2026-09-04");
        let (s, b) = send("day-reg-1", other).await;
        assert_eq!(
            (s, b["code"].as_str().map(|c| c.starts_with("idempotency."))),
            (422, Some(true)),
            "{b}"
        );
    }
);
