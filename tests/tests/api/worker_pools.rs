//! Issue 13: the served process on PostgreSQL gives each HTTP worker a pool
//! and a read recorder of its own (`startup::run_per_worker`). Many reads of
//! a person's file at once, spread over both workers, are each answered and
//! each recorded, and the process holds no more connections than
//! `ATVEJIS_DB_MAX_CONNECTIONS` allows its workers (plus the session
//! cache's listener).
//!
//! Runs only with `TEST_DATABASE_URL` (PostgreSQL); see [`crate::processes`].

use crate::processes::{Cluster, call, login};
use crate::support::{postgres_url, scalar};
use futures_util::future::join_all;
use sea_orm::{DatabaseConnection, Statement};
use serde_json::{Value, json};

async fn number(db: &DatabaseConnection, sql: String) -> i64 {
    scalar(db, Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("a row")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r_role_3_each_worker_reads_and_records_with_its_own_connections() {
    let Some(admin_url) = postgres_url().filter(|u| u.starts_with("postgres")) else {
        println!("worker_pools: skipped — set TEST_DATABASE_URL to a PostgreSQL database");
        return;
    };
    let (mut cluster, db) = Cluster::new(&admin_url, "w").await;
    // Two workers with three connections each (4 / 2 is below the floor).
    let url = format!(
        "{}&application_name={}",
        cluster.database_url, cluster.schema
    );
    let server = cluster
        .start(&[
            ("DATABASE_URL", &url),
            ("ATVEJIS_WORKERS", "2"),
            ("ATVEJIS_DB_MAX_CONNECTIONS", "4"),
        ])
        .await;
    let client = reqwest::Client::new();
    let (token, _) = login(&client, &server, "social_worker").await;
    let (status, created) = call(
        &client,
        reqwest::Method::POST,
        format!("{server}/api/v1/persons"),
        Some(&token),
        Some(json!({ "first_name": "Ona", "last_name": "Žemaitė" })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let person = created["id"].as_str().expect("the person's id").to_owned();

    const READS: usize = 60;
    let reads = (0..READS).map(|_| {
        let (client, token) = (client.clone(), token.clone());
        let url = format!("{server}/api/v1/persons/{person}");
        async move {
            let response = client
                .get(url)
                .bearer_auth(token)
                .header("X-Purpose", "needs_assessment")
                .send()
                .await
                .expect("read");
            let status = response.status();
            let body: Value = response.json().await.expect("file");
            (status, body["person"]["id"].as_str().map(str::to_owned))
        }
    });
    for (status, id) in join_all(reads).await {
        assert_eq!(status, 200);
        assert_eq!(id, Some(person.to_string()));
    }
    assert_eq!(
        number(
            &db,
            format!(
                "SELECT count(*) FROM audit_log WHERE action = 'person.read' \
                 AND entity_id = '{person}'"
            )
        )
        .await,
        READS as i64,
        "each read answered is recorded"
    );
    // The process's connections, by the name it gives them: its workers'
    // (3 each at most) and the session cache's listener; the pool it
    // started with is closed.
    let connections = number(
        &db,
        format!(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = '{}'",
            cluster.schema
        ),
    )
    .await;
    println!("worker_pools: {connections} connections after {READS} reads at once");
    assert!(
        (1..=2 * 3 + 1).contains(&connections),
        "{connections} connections"
    );
}
