//! The committed openapi.yaml is the code's document; every path parameter is declared;
//! every operation documents its problem responses.

#[test]
fn committed_openapi_yaml_matches_the_code() {
    let generated = kehou_api::openapi::published_yaml().unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi.yaml is out of date: run `cargo run -q -p kehou-api -- openapi > openapi.yaml` \
         and `npm --prefix web-ui run gen:api`, then commit both"
    );
}

#[test]
fn every_path_parameter_is_declared_and_every_operation_documents_problems() {
    let doc: serde_json::Value = kehou_api::openapi::published();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let vars: Vec<&str> = path
            .split('{')
            .skip(1)
            .filter_map(|s| s.split('}').next())
            .collect();
        for (method, op) in item.as_object().unwrap() {
            let declared: Vec<&str> = op["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            for v in &vars {
                assert!(
                    declared.contains(v),
                    "{method} {path}: path parameter {v} is not declared"
                );
            }
            if path.starts_with("/api/") {
                let responses = op["responses"].as_object().unwrap();
                // Its own 4xx, not one boilerplate list: at least one, and none it cannot
                // answer (no 401/403 where no token is needed, no 412/428 without If-Match).
                let problems = responses
                    .iter()
                    .filter(|(code, _)| code.starts_with('4'))
                    .count();
                assert!(
                    problems >= 1,
                    "{method} {path} documents no problem response"
                );
                let public = op["security"].as_array().is_some_and(|s| s.is_empty());
                if public && !path.starts_with("/api/v1/auth/") {
                    assert!(
                        !responses.contains_key("401") && !responses.contains_key("403"),
                        "{method} {path}: a public operation documents 401/403"
                    );
                }
                let takes_if_match = op["parameters"].as_array().is_some_and(|ps| {
                    ps.iter().any(|p| {
                        p["name"]
                            .as_str()
                            .is_some_and(|n| n.eq_ignore_ascii_case("if-match"))
                    })
                });
                if !takes_if_match {
                    assert!(
                        !responses.contains_key("428"),
                        "{method} {path}: 428 without If-Match"
                    );
                }
                assert!(
                    responses
                        .values()
                        .all(|r| r["headers"]["X-Request-Id"].is_object()),
                    "{method} {path}: every answer carries X-Request-Id"
                );
                for (code, r) in responses
                    .iter()
                    .filter(|(c, _)| c.starts_with('4') || c.starts_with('5'))
                {
                    assert!(
                        r["content"]["application/problem+json"].is_object(),
                        "{method} {path} {code} is not problem+json"
                    );
                }
            }
        }
    }
}
