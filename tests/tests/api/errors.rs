//! Each error class answers RFC 9457 problem+json with a stable code.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::json;

db_tests!(every_error_class_is_problem_json);

async fn every_error_class_is_problem_json(app: TestApp) {
    let admin = app.token("admin").await;

    // 400: malformed JSON.
    let reply = app
        .send(
            app.request(Method::POST, "/api/v1/auth/login")
                .header("content-type", "application/json")
                .body("{\"username\": "),
        )
        .await;
    reply.assert_problem(400, "malformed_json");

    // 400: invalid query string.
    app.get("/api/v1/users?page=abc", &admin)
        .await
        .assert_problem(400, "invalid_query");

    // 401 and 403.
    app.send(app.request(Method::GET, "/api/v1/users"))
        .await
        .assert_problem(401, "unauthenticated");
    app.get("/api/v1/audit", &admin)
        .await
        .assert_problem(403, "forbidden");

    // 404: unknown route, unknown record, unparsable id.
    app.get("/api/v1/no-such-thing", &admin)
        .await
        .assert_problem(404, "not_found");
    app.get("/api/v1/users/00000000-0000-7000-8000-000000000000", &admin)
        .await
        .assert_problem(404, "not_found");
    app.get("/api/v1/users/not-a-uuid", &admin)
        .await
        .assert_problem(404, "not_found");

    // 405 with Allow.
    let reply = app
        .send(
            app.request(Method::DELETE, "/api/v1/me")
                .bearer_auth(&admin),
        )
        .await;
    reply.assert_problem(405, "method_not_allowed");
    assert_eq!(reply.header("allow"), Some("GET, HEAD"));
    let reply = app
        .send(app.request(Method::GET, "/api/v1/auth/login"))
        .await;
    reply.assert_problem(405, "method_not_allowed");
    assert_eq!(reply.header("allow"), Some("POST"));

    // 413: a body over the limit (1 MiB).
    let big = "x".repeat(1024 * 1024 + 10);
    let reply = app
        .send(
            app.request(Method::POST, "/api/v1/users")
                .bearer_auth(&admin)
                .header("content-type", "application/json")
                .body(format!("{{\"username\":\"{big}\"}}")),
        )
        .await;
    reply.assert_problem(413, "payload_too_large");

    // 415: not JSON.
    let reply = app
        .send(
            app.request(Method::POST, "/api/v1/auth/login")
                .header("content-type", "text/plain")
                .body("username=admin"),
        )
        .await;
    reply.assert_problem(415, "unsupported_media_type");

    // 422: wrong type and missing field name the field.
    let reply = app
        .json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            json!({ "username": 5, "password": "x" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "username");
    let reply = app
        .json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            json!({ "username": "admin" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("password")
    );
    // 422: every invalid field at once, sorted by field.
    let reply = app
        .post(
            "/api/v1/users",
            &admin,
            json!({ "username": "X", "display_name": "", "password": "short", "roles": ["boss"] }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        vec!["display_name", "password", "roles[0]", "username"]
    );
    // 409: stale version (and nothing changed).
    let users = app.get("/api/v1/users?q=auditor", &admin).await;
    let auditor = &users.body["items"][0];
    let id = auditor["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/users/{id}"),
        &admin,
        json!({ "version": 1, "display_name": "A" }),
    )
    .await
    .assert_status(200);
    app.patch(
        &format!("/api/v1/users/{id}"),
        &admin,
        json!({ "version": 1, "display_name": "B" }),
    )
    .await
    .assert_problem(409, "version_conflict");
    let now = app.get(&format!("/api/v1/users/{id}"), &admin).await;
    assert_eq!(now.body["display_name"], "A");
    assert_eq!(now.body["version"], 2);

    // 429 is covered by auth::ten_failures_throttle_the_username_with_retry_after.
}
