//! Every error is RFC 9457 problem+json with a stable code.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use serde_json::json;

both!(extractor_failures_are_problems, |app: TestApp| async move {
    let t = app.token("admin").await;
    let path = app.school_path("/students");
    // malformed JSON → 400
    let res = app
        .req(Method::POST, &path)
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body("{bad")
        .send()
        .await
        .unwrap();
    let (s, b) = json_of(res).await;
    assert_eq!(
        (s, b["code"].as_str()),
        (400, Some("request.malformed_json"))
    );
    // wrong content type → 415
    let res = app
        .req(Method::POST, &path)
        .bearer_auth(&t)
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    let (s, b) = json_of(res).await;
    assert_eq!(
        (s, b["code"].as_str()),
        (415, Some("unsupported_media_type"))
    );
    // oversized → 413
    let big = format!("{{\"name\":\"{}\"}}", "x".repeat(2 << 20));
    let res = app
        .req(Method::POST, &path)
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    let (s, b) = json_of(res).await;
    assert_eq!((s, b["code"].as_str()), (413, Some("payload_too_large")));
    // missing field → 422 naming it
    let (s, b) = app
        .send(&t, Method::POST, &path, &json!({"name": "x"}))
        .await;
    assert_eq!(s, 422);
    assert_eq!(b["errors"][0]["field"], "student_no");
    assert_eq!(b["errors"][0]["code"], "required");
    // a wrong type → 422 naming the field, not `body`
    let (s, b) = app
        .send(
            &t,
            Method::POST,
            &path,
            &json!({"name": "x", "student_no": "S1", "grade": "three", "homeroom_id": 1}),
        )
        .await;
    assert_eq!(
        (
            s,
            b["errors"][0]["field"].as_str(),
            b["errors"][0]["code"].as_str()
        ),
        (422, Some("grade"), Some("type")),
        "{b}"
    );
    // an unknown enum value → 422 naming the field
    let (s, b) = app
        .send(&t, Method::POST, &path, &json!({"name": "x", "student_no": "S1", "grade": 3, "homeroom_id": 1, "gender": "other-value"}))
        .await;
    assert_eq!(
        (
            s,
            b["errors"][0]["field"].as_str(),
            b["errors"][0]["code"].as_str()
        ),
        (422, Some("gender"), Some("enum")),
        "{b}"
    );
    // a bad query parameter answers like a bad body field
    let (s, b) = app.get(&t, &app.school_path("/students?grade=abc")).await;
    assert_eq!(
        (s, b["code"].as_str(), b["errors"][0]["field"].as_str()),
        (422, Some("validation_failed"), Some("grade"))
    );
    // unparsable path id → 404
    let (s, _) = app.get(&t, &app.school_path("/students/abc")).await;
    assert_eq!(s, 404);
});

both!(
    unknown_routes_and_wrong_methods_are_problems,
    |app: TestApp| async move {
        let (s, b) = json_of(
            app.req(Method::GET, "/api/v1/nothing-here")
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!((s, b["code"].as_str()), (404, Some("not_found")));
        let t = app.token("admin").await;
        let res = app
            .req(Method::PUT, &app.school_path("/students"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["allow"], "GET, POST");
        let (s, b) = json_of(res).await;
        assert_eq!((s, b["code"].as_str()), (405, Some("method_not_allowed")));
    }
);

both!(
    validation_names_every_bad_field,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let (s, b) = app
        .send(&t, Method::POST, &app.school_path("/students"), &json!({"student_no": "a b", "name": "", "gender": "male", "grade": 12, "homeroom_id": 1}))
        .await;
        assert_eq!(s, 422);
        let fields: Vec<&str> = b["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, vec!["grade", "name", "student_no"]);
        assert_eq!(b["errors"][0]["message"], "grade must be between 1 and 9");
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM students WHERE student_no = 'a b'"),
            0
        );
    }
);
