//! The committed openapi.yaml is the code's document; every path parameter is declared;
//! every operation documents its problem responses.

#[test]
fn committed_openapi_yaml_matches_the_code() {
    let generated = kehou_api::openapi::document().to_yaml().unwrap();
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
    let doc: serde_json::Value =
        serde_json::from_str(&kehou_api::openapi::document().to_json().unwrap()).unwrap();
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
                let problems = responses
                    .iter()
                    .filter(|(code, _)| code.starts_with('4'))
                    .count();
                assert!(
                    problems >= 5,
                    "{method} {path} documents too few problem responses"
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
