//! Service accounts: created by an admin, client credentials for a scoped token.

use crate::db_tests;
use crate::support::TestApp;
use base64::Engine;
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    client_credentials_give_a_scoped_token,
    bad_client_credentials_are_refused,
    deactivated_or_rotated_secrets_stop_working,
);

async fn create(app: &TestApp, admin: &str) -> Value {
    let reply = app
        .post(
            "/api/v1/service-accounts",
            admin,
            json!({ "name": "Dokumentų valdymo sistema", "scopes": ["case_content:read", "applications:write"] }),
        )
        .await;
    reply.assert_status(201).clone()
}

async fn token_form(app: &TestApp, form: &str) -> crate::support::Reply {
    app.send(
        app.request(Method::POST, "/api/v1/auth/token")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.to_owned()),
    )
    .await
}

async fn client_credentials_give_a_scoped_token(app: TestApp) {
    let admin = app.token("admin").await;
    let created = create(&app, &admin).await;
    let client_id = created["account"]["client_id"].as_str().unwrap();
    let secret = created["client_secret"].as_str().unwrap();
    assert_eq!(
        created["account"]["scopes"],
        json!(["case_content:read", "applications:write"])
    );

    // Form body.
    let reply = token_form(
        &app,
        &format!("grant_type=client_credentials&client_id={client_id}&client_secret={secret}"),
    )
    .await;
    let token = reply.assert_status(200).clone();
    assert_eq!(token["token_type"], "Bearer");
    assert_eq!(token["scope"], "case_content:read applications:write");
    let me = app
        .get("/api/v1/me", token["access_token"].as_str().unwrap())
        .await;
    assert_eq!(me.body["kind"], "service");
    assert_eq!(me.body["username"], client_id);
    assert_eq!(me.body["municipality"]["code"], "kelme");
    // A service account is not an administrator.
    app.get("/api/v1/users", token["access_token"].as_str().unwrap())
        .await
        .assert_problem(403, "forbidden");

    // HTTP Basic and JSON, asking for fewer scopes.
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{client_id}:{secret}"));
    let reply = app
        .send(
            app.request(Method::POST, "/api/v1/auth/token")
                .header("authorization", format!("Basic {basic}"))
                .json(&json!({ "grant_type": "client_credentials", "scope": "case_content:read" })),
        )
        .await;
    assert_eq!(reply.assert_status(200)["scope"], "case_content:read");

    // More scopes than held: refused.
    let reply = token_form(
        &app,
        &format!("grant_type=client_credentials&client_id={client_id}&client_secret={secret}&scope=persons:write"),
    )
    .await;
    reply.assert_problem(400, "invalid_scope");

    let auditor = app.token("auditor").await;
    assert_eq!(
        app.audit(&auditor, "action=auth.client_token").await.len(),
        2
    );
    assert_eq!(
        app.audit(&auditor, "action=service_account.create")
            .await
            .len(),
        1
    );
    let listed = app.get("/api/v1/service-accounts", &admin).await;
    assert_eq!(listed.assert_status(200).as_array().unwrap().len(), 1);
    assert!(listed.body[0].get("client_secret").is_none());
}

async fn bad_client_credentials_are_refused(app: TestApp) {
    let admin = app.token("admin").await;
    let created = create(&app, &admin).await;
    let client_id = created["account"]["client_id"].as_str().unwrap();
    token_form(
        &app,
        &format!("grant_type=client_credentials&client_id={client_id}&client_secret=wrong"),
    )
    .await
    .assert_problem(401, "invalid_client");
    token_form(
        &app,
        "grant_type=client_credentials&client_id=svc-unknown&client_secret=wrong",
    )
    .await
    .assert_problem(401, "invalid_client");
    token_form(&app, "grant_type=password&username=admin&password=x")
        .await
        .assert_problem(400, "unsupported_grant_type");
    token_form(&app, "grant_type=client_credentials")
        .await
        .assert_problem(401, "invalid_client");
    let reply = app
        .send(
            app.request(Method::POST, "/api/v1/auth/token")
                .header("content-type", "text/plain")
                .body("hello"),
        )
        .await;
    reply.assert_problem(415, "unsupported_media_type");
}

async fn deactivated_or_rotated_secrets_stop_working(app: TestApp) {
    let admin = app.token("admin").await;
    let created = create(&app, &admin).await;
    let id = created["account"]["id"].as_str().unwrap();
    let client_id = created["account"]["client_id"].as_str().unwrap();
    let old_secret = created["client_secret"].as_str().unwrap();
    let access = |secret: &str| {
        let form =
            format!("grant_type=client_credentials&client_id={client_id}&client_secret={secret}");
        let app = &app;
        async move {
            token_form(app, &form).await.assert_status(200)["access_token"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let before_rotation = access(old_secret).await;
    app.get("/api/v1/service-types", &before_rotation)
        .await
        .assert_status(200);
    let rotated = app
        .post(
            &format!("/api/v1/service-accounts/{id}/secret"),
            &admin,
            json!({ "version": 1 }),
        )
        .await;
    let rotated = rotated.assert_status(200).clone();
    let new_secret = rotated["client_secret"].as_str().unwrap();
    token_form(
        &app,
        &format!("grant_type=client_credentials&client_id={client_id}&client_secret={old_secret}"),
    )
    .await
    .assert_problem(401, "invalid_client");
    // A token issued with the old secret stops working at once.
    app.get("/api/v1/service-types", &before_rotation)
        .await
        .assert_problem(401, "token_expired");
    let before_deactivation = access(new_secret).await;
    app.get("/api/v1/service-types", &before_deactivation)
        .await
        .assert_status(200);
    app.post(
        &format!("/api/v1/service-accounts/{id}/deactivate"),
        &admin,
        json!({ "version": 1 }),
    )
    .await
    .assert_problem(409, "version_conflict");
    let deactivated = app
        .post(
            &format!("/api/v1/service-accounts/{id}/deactivate"),
            &admin,
            json!({ "version": 2 }),
        )
        .await;
    assert_eq!(deactivated.assert_status(200)["active"], false);
    app.get("/api/v1/service-types", &before_deactivation)
        .await
        .assert_problem(401, "account_gone");
    token_form(
        &app,
        &format!("grant_type=client_credentials&client_id={client_id}&client_secret={new_secret}"),
    )
    .await
    .assert_problem(401, "invalid_client");
    let auditor = app.token("auditor").await;
    let actions: Vec<String> = app
        .audit(
            &auditor,
            &format!("entity=service_account&entity_id={id}&actor=admin"),
        )
        .await
        .iter()
        .map(|r| r["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions,
        vec![
            "service_account.deactivate",
            "service_account.rotate_secret",
            "service_account.create"
        ]
    );
}
