//! Every role against every kind of endpoint: allowed answers 2xx, denied
//! answers 403 — never a leak, never a 500.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

const ROLES: [&str; 7] = [
    "social_worker",
    "case_manager",
    "division_specialist",
    "division_head",
    "auditor",
    "data_protection_officer",
    "admin",
];

db_tests!(every_role_gets_exactly_its_endpoints);

async fn every_role_gets_exactly_its_endpoints(app: TestApp) {
    let case = [
        "social_worker",
        "case_manager",
        "division_specialist",
        "division_head",
    ];
    let writers = ["social_worker", "case_manager", "division_specialist"];
    let division = ["division_specialist", "division_head"];
    let everyone = ROLES;
    let cases: Vec<(Method, &str, Option<Value>, &[&str])> = vec![
        (Method::GET, "/api/v1/me", None, &everyone),
        (Method::GET, "/api/v1/organisation", None, &everyone),
        (Method::GET, "/api/v1/service-types", None, &everyone),
        (Method::GET, "/api/v1/rates", None, &everyone),
        (Method::GET, "/api/v1/users", None, &["admin"]),
        (Method::GET, "/api/v1/service-accounts", None, &["admin"]),
        (
            Method::GET,
            "/api/v1/audit",
            None,
            &["auditor", "data_protection_officer"],
        ),
        (
            Method::GET,
            "/api/v1/data-subjects?q=zemaite",
            None,
            &["auditor", "data_protection_officer"],
        ),
        (Method::GET, "/api/v1/persons", None, &case),
        (Method::GET, "/api/v1/applications", None, &case),
        (Method::GET, "/api/v1/applications/inbox", None, &division),
        (Method::GET, "/api/v1/me/worklist", None, &everyone),
        (Method::GET, "/api/v1/search?q=zemaite", None, &case),
        (
            Method::POST,
            "/api/v1/persons",
            Some(json!({ "first_name": "Matrica", "last_name": "Testas" })),
            &writers,
        ),
        (
            Method::POST,
            "/api/v1/rates",
            Some(json!({ "kind": "vrp", "valid_from": "2030-01-01", "value": "300" })),
            &["admin"],
        ),
    ];
    for role in ROLES {
        let token = app.token(role).await;
        for (method, path, body, allowed) in &cases {
            let mut request = app
                .request(method.clone(), path)
                .bearer_auth(&token)
                .header("x-purpose", crate::support::DEFAULT_PURPOSE);
            if let Some(body) = body {
                request = request.json(body);
            }
            let reply = app.send(request).await;
            if allowed.contains(&role) {
                assert!(
                    reply.status.is_success(),
                    "{role} {method} {path}: {} {}",
                    reply.status,
                    reply.body
                );
            } else {
                assert_eq!(
                    reply.status.as_u16(),
                    403,
                    "{role} {method} {path}: {}",
                    reply.body
                );
                assert_eq!(reply.body["code"], "forbidden");
            }
        }
    }
    // Anonymous callers get 401 everywhere but login.
    for (method, path, _, _) in &cases {
        let reply = app.send(app.request(method.clone(), path)).await;
        assert_eq!(reply.status.as_u16(), 401, "anonymous {method} {path}");
    }
}
