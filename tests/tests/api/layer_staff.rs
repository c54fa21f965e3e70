//! Staff accounts, service accounts, the catalogue and rates through the
//! application layer: a role without the right is refused before anything
//! is looked up, and the README's error table is the `ErrorCode` enum.

use crate::db_tests;
use crate::support::TestApp;
use atvejis_api::error::ErrorCode;
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

/// The README's table of error codes is exactly `ErrorCode`: every code, its
/// status and its meaning, in the enum's order.
#[test]
fn the_readme_lists_every_error_code_with_its_status() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let begin = "<!-- error-codes:begin -->\n";
    let start = readme.find(begin).expect("the table's begin marker") + begin.len();
    let end = readme.find("<!-- error-codes:end -->").expect("end marker");
    let table = readme[start..end].trim_end();
    let mut expected = vec![
        "| Code | Status | Meaning |".to_owned(),
        "|---|---|---|".to_owned(),
    ];
    for code in ErrorCode::ALL {
        expected.push(format!(
            "| `{}` | {} | {} |",
            code.as_str(),
            code.status().as_u16(),
            code.meaning()
        ));
    }
    let expected = expected.join("\n");
    assert_eq!(
        table, expected,
        "the README's error table is out of date; replace it with:\n{expected}"
    );
    let mut seen = std::collections::HashSet::new();
    for code in ErrorCode::ALL {
        assert!(seen.insert(code.as_str()), "{code} is listed twice");
        let json = serde_json::to_value(code).unwrap();
        assert_eq!(json, Value::String(code.as_str().into()));
    }
}

db_tests!(roles_without_the_right_get_403_before_any_lookup);

/// Every write of staff accounts, service accounts, the catalogue and rates,
/// for every role without the right: 403 `forbidden`, the same answer for a
/// real id and a random one (nothing is looked up first).
async fn roles_without_the_right_get_403_before_any_lookup(app: TestApp) {
    let admin = app.token("admin").await;
    let users = app.get("/api/v1/users", &admin).await;
    let user_id = users.assert_status(200)["items"][0]["id"]
        .as_str()
        .expect("a user")
        .to_owned();
    let account = app
        .post(
            "/api/v1/service-accounts",
            &admin,
            json!({ "name": "Matricos sistema", "scopes": ["case_content:read"] }),
        )
        .await;
    let account_id = account.assert_status(201)["account"]["id"]
        .as_str()
        .expect("an account id")
        .to_owned();
    let types = app.get("/api/v1/service-types", &admin).await;
    let service_type = types.assert_status(200)[0].clone();
    let service_type_id = service_type["id"].as_str().expect("a type").to_owned();
    let rate = app
        .post(
            "/api/v1/rates",
            &admin,
            json!({ "kind": "vrp", "valid_from": "2031-01-01", "value": "301" }),
        )
        .await;
    let rate_id = rate.assert_status(201)["id"]
        .as_str()
        .expect("a rate")
        .to_owned();

    // The service type's own body (a valid spec), so only the role decides.
    let service_type_body = json!({
        "version": service_type["version"],
        "active": true,
        "spec": service_type["spec"],
    });
    type Endpoint = (Method, String, Option<Value>);
    let writes = |user: &str, account: &str, service_type: &str, rate: &str| -> Vec<Endpoint> {
        vec![
            (
                Method::POST,
                "/api/v1/users".into(),
                Some(json!({
                    "username": "matrica.naujas", "display_name": "Matrica",
                    "password": "ilgas-slaptazodis-1", "roles": ["auditor"]
                })),
            ),
            (
                Method::PATCH,
                format!("/api/v1/users/{user}"),
                Some(json!({ "version": 1, "display_name": "Kitas vardas" })),
            ),
            (
                Method::POST,
                format!("/api/v1/users/{user}/activate"),
                Some(json!({ "version": 1 })),
            ),
            (
                Method::POST,
                format!("/api/v1/users/{user}/deactivate"),
                Some(json!({ "version": 1 })),
            ),
            (
                Method::POST,
                format!("/api/v1/users/{user}/password"),
                Some(json!({ "version": 1, "new_password": "kitas-slaptazodis-2" })),
            ),
            (
                Method::POST,
                "/api/v1/service-accounts".into(),
                Some(json!({ "name": "Kita sistema", "scopes": ["case_content:read"] })),
            ),
            (
                Method::POST,
                format!("/api/v1/service-accounts/{account}/deactivate"),
                Some(json!({ "version": 1 })),
            ),
            (
                Method::POST,
                format!("/api/v1/service-accounts/{account}/secret"),
                Some(json!({ "version": 1 })),
            ),
            (
                Method::PUT,
                format!("/api/v1/service-types/{service_type}"),
                Some(service_type_body.clone()),
            ),
            (
                Method::POST,
                "/api/v1/rates".into(),
                Some(json!({ "kind": "vrp", "valid_from": "2032-01-01", "value": "302" })),
            ),
            (Method::DELETE, format!("/api/v1/rates/{rate}"), None),
        ]
    };
    let random = Uuid::now_v7().to_string();
    let real = writes(&user_id, &account_id, &service_type_id, &rate_id);
    let fake = writes(&random, &random, &random, &random);

    for role in [
        "social_worker",
        "case_manager",
        "division_specialist",
        "division_head",
        "auditor",
    ] {
        let token = app.token(role).await;
        for ((method, real_path, body), (_, fake_path, _)) in real.iter().zip(&fake) {
            let mut answers = Vec::new();
            for path in [real_path, fake_path] {
                let mut request = app.request(method.clone(), path).bearer_auth(&token);
                if let Some(body) = body {
                    request = request.json(body);
                }
                let reply = app.send(request).await;
                reply.assert_problem(403, "forbidden");
                let mut answer = reply.body.clone();
                answer["request_id"] = Value::Null;
                answers.push(answer);
            }
            assert_eq!(
                answers[0], answers[1],
                "{role} {method} {real_path}: the same answer for a real and a random id"
            );
        }
    }
}

db_tests!(staff_reads_and_writes_take_a_fixed_number_of_statements);

/// The staff views are built by batched loaders: the number of statements
/// does not grow with the number of users (the per-request account check is
/// included).
async fn staff_reads_and_writes_take_a_fixed_number_of_statements(app: TestApp) {
    let admin = app.token("admin").await;
    let (list, list_count) = app
        .statements(
            app.request(Method::GET, "/api/v1/users?per_page=100")
                .bearer_auth(&admin),
        )
        .await;
    let users = list.assert_status(200)["items"].as_array().unwrap().clone();
    assert!(users.len() > 3);
    let user = users
        .iter()
        .find(|u| !u["eldership"].is_null())
        .expect("a user with an eldership");
    let id = user["id"].as_str().unwrap();
    let (one, one_count) = app
        .statements(
            app.request(Method::GET, &format!("/api/v1/users/{id}"))
                .bearer_auth(&admin),
        )
        .await;
    one.assert_status(200);
    let (me, me_count) = app
        .statements(app.request(Method::GET, "/api/v1/me").bearer_auth(&admin))
        .await;
    me.assert_status(200);
    let (changed, update_count) = app
        .statements(
            app.request(Method::PATCH, &format!("/api/v1/users/{id}"))
                .bearer_auth(&admin)
                .json(&json!({ "version": user["version"], "display_name": "Pervadintas" })),
        )
        .await;
    changed.assert_status(200);
    eprintln!(
        "statements: users list {list_count}, user {one_count}, me {me_count}, user update {update_count}"
    );
    assert!(list_count <= 7, "users list: {list_count}");
    assert!(one_count <= 5, "one user: {one_count}");
    assert!(me_count <= 6, "me: {me_count}");
    assert!(update_count <= 10, "user update: {update_count}");
}
