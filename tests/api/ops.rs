use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;

both!(
    health_and_readiness_report_the_database,
    |app: TestApp| async move {
        let (s, body) = json_of(app.req(Method::GET, "/healthz").send().await.unwrap()).await;
        assert_eq!((s, body["status"].as_str()), (200, Some("ok")));
        let res = app
            .req(Method::GET, "/readyz")
            .header("x-request-id", "probe-1")
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers()["x-request-id"],
            "probe-1",
            "the client's request id is echoed"
        );
        let (s, body) = json_of(res).await;
        let expected = match app.backend {
            kehou_tests::Backend::Sqlite => "sqlite",
            kehou_tests::Backend::Postgres => "postgres",
        };
        assert_eq!((s, body["database"].as_str()), (200, Some(expected)));
    }
);

both!(every_response_has_a_request_id, |app: TestApp| async move {
    let res = app.req(Method::GET, "/api/v1/me").send().await.unwrap();
    let id = res
        .headers()
        .get("x-request-id")
        .expect("x-request-id")
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 32);
    let (s, body) = json_of(res).await;
    assert_eq!(
        (s, body["code"].as_str()),
        (401, Some("auth.missing_token"))
    );
});

both!(docs_are_served_offline, |app: TestApp| async move {
    let res = app.req(Method::GET, "/docs/").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("swagger"), "Swagger UI page");
    assert!(!html.contains("cdn."), "no CDN references");
    let (s, spec) = json_of(
        app.req(Method::GET, "/api/v1/openapi.json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 200);
    assert!(spec["paths"]["/api/v1/schools/{school_id}/students"]["get"].is_object());
});
