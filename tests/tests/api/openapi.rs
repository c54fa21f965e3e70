//! The committed OpenAPI document is what the code generates.

#[test]
fn committed_openapi_json_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed = std::fs::read_to_string(path).expect("openapi/openapi.json exists");
    let generated = atvejis_api::openapi::document_json();
    assert!(
        committed == generated,
        "openapi/openapi.json is stale: run `cargo run -q -p atvejis-api -- openapi > openapi/openapi.json` \
         (or `make openapi`) and `npm --prefix frontend run gen:api`"
    );
}

#[test]
fn every_operation_documents_security_and_errors() {
    let doc: serde_json::Value =
        serde_json::from_str(&atvejis_api::openapi::document_json()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
            assert!(
                op.get("security").is_some(),
                "{method} {path} states no security"
            );
            let responses = op["responses"].as_object().unwrap();
            let secured = op["security"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s.get("bearer").is_some());
            if secured {
                assert!(responses.contains_key("401"), "{method} {path} lacks 401");
            }
            assert!(
                responses.keys().any(|k| k.starts_with('2')),
                "{method} {path} lacks a success response"
            );
        }
    }
}
