//! Every kind of bad access token gets 401 problem+json.

use crate::db_tests;
use crate::support::{JWT_SECRET, TestApp};
use atvejis_api::auth::jwt::{Claims, JwtKeys, unix_now};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use serde_json::Value;
use std::time::Duration;

/// The claims of a token, unverified (for assertions).
pub fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("payload");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json")
}

fn keys(secret: &[u8]) -> JwtKeys {
    JwtKeys::new(secret, Duration::from_secs(900))
}

db_tests!(
    every_bad_token_kind_is_refused,
    a_valid_token_for_a_forged_role_is_impossible_without_the_key,
    logout_ends_the_access_token_at_once,
    account_changes_take_effect_at_once,
);

async fn every_bad_token_kind_is_refused(app: TestApp) {
    let good = app.token("admin").await;
    let claims: Claims = serde_json::from_value(claims_of(&good)).unwrap();
    let ours = keys(JWT_SECRET.as_bytes());
    let now = unix_now();

    let expired = ours
        .sign(&Claims {
            exp: now - 120,
            iat: now - 1000,
            nbf: now - 1000,
            ..claims.clone()
        })
        .unwrap();
    let wrong_key = keys(b"another-secret-another-secret-!!")
        .sign(&claims)
        .unwrap();
    let wrong_audience = ours
        .sign(&Claims {
            aud: "other-system".into(),
            ..claims.clone()
        })
        .unwrap();
    let wrong_issuer = ours
        .sign(&Claims {
            iss: "someone".into(),
            ..claims.clone()
        })
        .unwrap();
    let not_yet = ours
        .sign(&Claims {
            nbf: now + 3600,
            ..claims.clone()
        })
        .unwrap();
    let payload = good.split('.').nth(1).unwrap();
    let alg_none = format!(
        "{}.{payload}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#)
    );
    let tampered = {
        let mut c = claims_of(&good);
        c["roles"] = serde_json::json!(["admin", "auditor"]);
        let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&c).unwrap());
        let parts: Vec<&str> = good.split('.').collect();
        format!("{}.{}.{}", parts[0], body, parts[2])
    };

    let cases: Vec<(&str, String, &str)> = vec![
        ("expired", format!("Bearer {expired}"), "token_expired"),
        ("wrong key", format!("Bearer {wrong_key}"), "invalid_token"),
        (
            "wrong audience",
            format!("Bearer {wrong_audience}"),
            "invalid_token",
        ),
        (
            "wrong issuer",
            format!("Bearer {wrong_issuer}"),
            "invalid_token",
        ),
        (
            "not yet valid",
            format!("Bearer {not_yet}"),
            "invalid_token",
        ),
        ("alg none", format!("Bearer {alg_none}"), "invalid_token"),
        (
            "tampered payload",
            format!("Bearer {tampered}"),
            "invalid_token",
        ),
        ("malformed", "Bearer not-a-jwt".to_owned(), "invalid_token"),
        ("empty bearer", "Bearer ".to_owned(), "invalid_token"),
        (
            "basic scheme",
            "Basic YWRtaW46RGVtby0yMDI2IQ==".to_owned(),
            "invalid_token",
        ),
    ];
    for (name, header, code) in cases {
        let reply = app
            .send(
                app.request(Method::GET, "/api/v1/me")
                    .header("authorization", header),
            )
            .await;
        assert_eq!(reply.status.as_u16(), 401, "{name}: {}", reply.body);
        reply.assert_problem(401, code);
        assert!(
            reply
                .header("www-authenticate")
                .unwrap()
                .starts_with("Bearer"),
            "{name}"
        );
    }
    let missing = app.send(app.request(Method::GET, "/api/v1/me")).await;
    missing.assert_problem(401, "unauthenticated");
    // The good token still works.
    app.get("/api/v1/me", &good).await.assert_status(200);
}

async fn a_valid_token_for_a_forged_role_is_impossible_without_the_key(app: TestApp) {
    // A social worker's token cannot reach admin endpoints, and re-signing
    // it with any other key fails.
    let worker = app.token("social_worker").await;
    app.get("/api/v1/users", &worker)
        .await
        .assert_problem(403, "forbidden");
    let mut claims: Claims = serde_json::from_value(claims_of(&worker)).unwrap();
    claims.roles = vec![atvejis_domain::access::Role::Admin];
    let forged = keys(b"guessed-secret-guessed-secret-!!!")
        .sign(&claims)
        .unwrap();
    app.get("/api/v1/users", &forged)
        .await
        .assert_problem(401, "invalid_token");
}

async fn logout_ends_the_access_token_at_once(app: TestApp) {
    let session = app.login("auditor").await;
    let access = session["access_token"].as_str().unwrap();
    let other = app.token("auditor").await;
    app.get("/api/v1/me", access).await.assert_status(200);
    app.json(
        Method::POST,
        "/api/v1/auth/logout",
        None,
        serde_json::json!({ "refresh_token": session["refresh_token"] }),
    )
    .await
    .assert_status(204);
    app.get("/api/v1/me", access)
        .await
        .assert_problem(401, "session_ended");
    // Another session of the same user goes on.
    app.get("/api/v1/me", &other).await.assert_status(200);
}

async fn account_changes_take_effect_at_once(app: TestApp) {
    let admin = app.token("admin").await;
    let users = app.get("/api/v1/users?per_page=100", &admin).await;
    let find = |name: &str| {
        users.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["username"] == name)
            .unwrap()
            .clone()
    };

    // A role taken away: the old token is refused, a refresh brings the new roles.
    let specialist = app.login("division_specialist").await;
    let old = specialist["access_token"].as_str().unwrap();
    app.get("/api/v1/applications/inbox", old)
        .await
        .assert_status(200);
    let user = find("division_specialist");
    app.patch(
        &format!("/api/v1/users/{}", user["id"].as_str().unwrap()),
        &admin,
        serde_json::json!({ "version": user["version"], "roles": ["social_worker"] }),
    )
    .await
    .assert_status(200);
    app.get("/api/v1/applications/inbox", old)
        .await
        .assert_problem(401, "token_expired");
    let refreshed = app
        .json(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            serde_json::json!({ "refresh_token": specialist["refresh_token"] }),
        )
        .await;
    let new = refreshed.assert_status(200)["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    app.get("/api/v1/applications/inbox", &new)
        .await
        .assert_problem(403, "forbidden");

    // Deactivated: every token of the account is refused.
    // (Each token is used first, so that the session cache holds it.)
    let worker = app.token("social_worker").await;
    app.get("/api/v1/persons", &worker).await.assert_status(200);
    let user = find("social_worker");
    app.post(
        &format!("/api/v1/users/{}/deactivate", user["id"].as_str().unwrap()),
        &admin,
        serde_json::json!({ "version": user["version"] }),
    )
    .await
    .assert_status(200);
    app.get("/api/v1/persons", &worker)
        .await
        .assert_problem(401, "account_gone");

    // A password changed elsewhere ends this session; a token without the
    // account version (issued before versions were in tokens) is refused.
    let auditor = app.login("auditor").await;
    let elsewhere = app.token("auditor").await;
    app.get("/api/v1/audit", auditor["access_token"].as_str().unwrap())
        .await
        .assert_status(200);
    app.post(
        "/api/v1/me/password",
        &elsewhere,
        serde_json::json!({ "current_password": crate::support::PASSWORD, "new_password": "Naujas-slaptazodis-1" }),
    )
    .await
    .assert_status(204);
    app.get("/api/v1/audit", auditor["access_token"].as_str().unwrap())
        .await
        .assert_problem(401, "session_ended");
    let claims: Claims = serde_json::from_value(claims_of(&new)).unwrap();
    let unversioned = keys(JWT_SECRET.as_bytes())
        .sign(&Claims {
            ver: None,
            ..claims
        })
        .unwrap();
    app.get("/api/v1/me", &unversioned)
        .await
        .assert_problem(401, "token_expired");
}
