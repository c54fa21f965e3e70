//! A write the database rolls back because it met another transaction is
//! answered 503 `unavailable` with `Retry-After`, never 500: nothing of it
//! was written, and the same request, sent again, succeeds.
//!
//! On PostgreSQL the meeting is a deadlock on two people's file versions
//! (migration 000023): the family's registration raises the mother's, then
//! waits for the child's, which another transaction holds while it waits for
//! the mother's. On SQLite it is the write lock, held by another connection
//! past the busy timeout.

use crate::cases::{code, id};
use crate::db_tests;
use crate::support::TestApp;
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use serde_json::{Value, json};
use std::time::Duration;

db_tests!(a_write_rolled_back_for_meeting_another_is_503_retry_and_nothing_is_written);

async fn a_write_rolled_back_for_meeting_another_is_503_retry_and_nothing_is_written(app: TestApp) {
    let worker = app.token("social_worker").await;
    let mut people = Vec::new();
    for (first_ten, first_name) in [("4880220001", "Rūta"), ("5150220001", "Jonas")] {
        let person = app
            .post(
                "/api/v1/persons",
                &worker,
                json!({ "personal_code": code(first_ten), "first_name": first_name, "last_name": "Užkalnienė" }),
            )
            .await
            .assert_status(201)
            .clone();
        people.push(id(&person).to_owned());
    }
    let (mother, child) = (&people[0], &people[1]);
    let family = json!({
        "name": "Užkalnių šeima",
        "members": [
            { "person_id": mother, "relation": "applicant" },
            { "person_id": child, "relation": "child" },
        ],
    });
    let register = || app.post("/api/v1/families", &worker, family.clone());
    let backend = app.db.get_database_backend();
    let raise = |person: &str| {
        Statement::from_string(
            backend,
            format!(
                "INSERT INTO person_file_versions (person_id, version) VALUES ('{person}', 1) \
                 ON CONFLICT (person_id) DO UPDATE SET version = person_file_versions.version + 1"
            ),
        )
    };

    let other = atvejis_api::store::begin_write(&app.db)
        .await
        .expect("begin");
    let reply = if backend == DatabaseBackend::Postgres {
        // The other transaction never looks for the deadlock itself, so the
        // registration, waiting first, is the one PostgreSQL rolls back.
        other
            .execute_unprepared("SET LOCAL deadlock_timeout = '60s'")
            .await
            .expect("deadlock_timeout");
        other
            .execute_raw(raise(child))
            .await
            .expect("hold the child");
        let pid = crate::support::scalar(
            &other,
            Statement::from_string(backend, "SELECT pg_backend_pid()::bigint"),
        )
        .await
        .expect("pid");
        let registering = register();
        let blocking = async {
            waiting_for(&app, pid).await;
            other
                .execute_raw(raise(mother))
                .await
                .expect("then the mother")
        };
        let (reply, _) = tokio::join!(registering, blocking);
        reply
    } else {
        // The other connection holds SQLite's write lock (BEGIN IMMEDIATE)
        // past the busy timeout.
        register().await
    };
    other.rollback().await.expect("rollback");

    reply.assert_problem(503, "unavailable");
    assert_eq!(reply.header("retry-after"), Some("1"));
    let written = "SELECT (SELECT COUNT(*) FROM families WHERE name = 'Užkalnių šeima') \
         + (SELECT COUNT(*) FROM family_members m JOIN families f ON f.id = m.family_id \
            WHERE f.name = 'Užkalnių šeima') \
         + (SELECT COUNT(*) FROM audit_log WHERE action = 'family.create')";
    assert_eq!(app.count(written).await, 0, "nothing of the refused write");

    let family: Value = register().await.assert_status(201).clone();
    assert_eq!(family["members"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        app.count(written).await,
        4,
        "the family, two members, its audit"
    );
}

/// Until a backend waits for a lock that backend `pid` holds.
async fn waiting_for(app: &TestApp, pid: i64) {
    let waiting =
        format!("SELECT COUNT(*) FROM pg_stat_activity WHERE {pid} = ANY(pg_blocking_pids(pid))");
    for _ in 0..200 {
        if app.count(&waiting).await > 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the registration never waited for the child's file version");
}
