//! Issue 13: the session cache across processes. Two `atvejis` processes on
//! one PostgreSQL schema, each caching the tokens it has checked (for ten
//! minutes here, so that only a notification can end an entry): a logout
//! or a deactivation through process A refuses the token in process B
//! within one second. A control first shows that B does answer from its
//! cache: with the notifying trigger disabled, B keeps accepting a token
//! that A has already refused.
//!
//! Runs only with `TEST_DATABASE_URL` (PostgreSQL); see [`crate::processes`].

use crate::processes::{Cluster, call, login};
use crate::support::postgres_url;
use reqwest::{Client, StatusCode};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::json;
use std::time::{Duration, Instant};

/// `GET /me` with `token`: the status and the problem's code, if any.
async fn me(client: &Client, server: &str, token: &str) -> (StatusCode, String) {
    let (status, body) = call(
        client,
        reqwest::Method::GET,
        format!("{server}/api/v1/me"),
        Some(token),
        None,
    )
    .await;
    (status, body["code"].as_str().unwrap_or_default().to_owned())
}

async fn logout(client: &Client, server: &str, refresh: &str) {
    let (status, body) = call(
        client,
        reqwest::Method::POST,
        format!("{server}/api/v1/auth/logout"),
        None,
        Some(json!({ "refresh_token": refresh })),
    )
    .await;
    assert_eq!(status, 204, "logout: {body}");
}

/// Asks `server` every 20 ms until `token` is refused with `code`; how
/// long that took (panics after 1 s).
async fn refused_within_a_second(
    client: &Client,
    server: &str,
    token: &str,
    code: &str,
) -> Duration {
    let started = Instant::now();
    loop {
        let (status, got) = me(client, server, token).await;
        if status == 401 {
            assert_eq!(got, code);
            return started.elapsed();
        }
        assert_eq!(status, 200);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{server} still accepts the token a second later"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn execute(db: &DatabaseConnection, statement: &str) {
    db.execute_raw(Statement::from_string(
        db.get_database_backend(),
        statement.to_owned(),
    ))
    .await
    .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logout_or_deactivation_in_one_process_refuses_the_token_in_another_within_a_second() {
    let Some(admin_url) = postgres_url().filter(|u| u.starts_with("postgres")) else {
        println!("session_cache: skipped — set TEST_DATABASE_URL to a PostgreSQL database");
        return;
    };
    let (mut cluster, db) = Cluster::new(&admin_url, "s").await;
    let env = [
        ("ATVEJIS_SESSION_CACHE_SECS", "600"),
        ("ATVEJIS_LOG", "warn,atvejis_api::auth::cache=info"),
    ];
    let a = cluster.start(&env).await;
    let b = cluster.start(&env).await;
    // B's cache is on once it listens for changes.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !cluster.log(1).contains("session cache on") {
        assert!(
            Instant::now() < deadline,
            "B never listened: {}",
            cluster.log(1)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let client = Client::new();

    // The control: without the notification, B keeps what it cached.
    let (token, refresh) = login(&client, &a, "social_worker").await;
    assert_eq!(me(&client, &b, &token).await.0, 200);
    execute(
        &db,
        "ALTER TABLE refresh_tokens DISABLE TRIGGER refresh_tokens_auth_update",
    )
    .await;
    logout(&client, &a, &refresh).await;
    assert_eq!(
        me(&client, &a, &token).await,
        (StatusCode::UNAUTHORIZED, "session_ended".to_owned()),
        "A refuses the token of the session it ended at once"
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        me(&client, &b, &token).await.0,
        200,
        "B answers from its cache (else this test would prove nothing)"
    );
    execute(
        &db,
        "ALTER TABLE refresh_tokens ENABLE TRIGGER refresh_tokens_auth_update",
    )
    .await;

    // A logout through A: B refuses the token within a second.
    let (token, refresh) = login(&client, &a, "social_worker").await;
    assert_eq!(me(&client, &b, &token).await.0, 200);
    logout(&client, &a, &refresh).await;
    let logout_took = refused_within_a_second(&client, &b, &token, "session_ended").await;

    // A deactivation through A: the same.
    let (token, _) = login(&client, &b, "social_worker").await;
    assert_eq!(me(&client, &b, &token).await.0, 200);
    let (admin, _) = login(&client, &a, "admin").await;
    let (status, user) = call(
        &client,
        reqwest::Method::GET,
        format!("{a}/api/v1/users?q=social_worker"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{user}");
    let user = user["items"]
        .as_array()
        .and_then(|items| items.iter().find(|u| u["username"] == "social_worker"))
        .cloned()
        .expect("the social worker");
    let (status, body) = call(
        &client,
        reqwest::Method::POST,
        format!(
            "{a}/api/v1/users/{}/deactivate",
            user["id"].as_str().unwrap()
        ),
        Some(&admin),
        Some(json!({ "version": user["version"] })),
    )
    .await;
    assert_eq!(status, 200, "deactivate: {body}");
    let deactivation_took = refused_within_a_second(&client, &b, &token, "account_gone").await;
    println!(
        "session_cache: B refused the token {logout_took:?} after the logout and \
         {deactivation_took:?} after the deactivation in A"
    );
}
