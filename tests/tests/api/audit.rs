//! The audit log: auditors only, own municipality only, append-only, filters
//! and cursor paging.

use crate::db_tests;
use crate::support::TestApp;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

db_tests!(
    only_auditors_read_the_audit_log,
    audit_log_is_append_only,
    audit_filters_and_cursor_paging,
);

async fn only_auditors_read_the_audit_log(app: TestApp) {
    for username in [
        "admin",
        "social_worker",
        "case_manager",
        "division_specialist",
        "division_head",
    ] {
        let token = app.token(username).await;
        app.get("/api/v1/audit", &token)
            .await
            .assert_problem(403, "forbidden");
    }
    // The Kaunas worker's login is Kaunas's record, not Kelmė's.
    app.token("kaunas_worker").await;
    let auditor = app.token("auditor").await;
    let logins = app.audit(&auditor, "action=auth.login").await;
    assert!(logins.iter().all(|r| r["actor_name"] != "kaunas_worker"));
    assert!(logins.iter().any(|r| r["actor_name"] == "division_head"));
}

async fn audit_log_is_append_only(app: TestApp) {
    app.token("admin").await;
    let backend = app.db.get_database_backend();
    for sql in ["UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"] {
        let result = app
            .db
            .execute_raw(Statement::from_string(backend, sql.to_owned()))
            .await;
        assert!(result.is_err(), "{sql} must fail");
    }
    assert!(app.count("SELECT COUNT(*) FROM audit_log").await > 0);
}

async fn audit_filters_and_cursor_paging(app: TestApp) {
    for _ in 0..3 {
        app.token("division_head").await;
    }
    let auditor = app.token("auditor").await;
    let first = app
        .get(
            "/api/v1/audit?action=auth.login&actor=division_head&limit=2",
            &auditor,
        )
        .await;
    let first = first.assert_status(200).clone();
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .get(
            &format!("/api/v1/audit?action=auth.login&actor=division_head&limit=2&cursor={cursor}"),
            &auditor,
        )
        .await;
    let second = second.assert_status(200).clone();
    assert_eq!(second["items"].as_array().unwrap().len(), 1);
    assert_eq!(second["next_cursor"], json!(null));
    assert!(first["items"][1]["id"].as_str().unwrap() > second["items"][0]["id"].as_str().unwrap());
    // Time filters.
    let later = app
        .get("/api/v1/audit?from=2999-01-01T00:00:00Z", &auditor)
        .await;
    assert_eq!(later.assert_status(200)["items"], json!([]));
    app.get("/api/v1/audit?from=yesterday", &auditor)
        .await
        .assert_problem(400, "invalid_query");
    app.get("/api/v1/audit?limit=0", &auditor)
        .await
        .assert_problem(422, "validation_failed");
}
