//! Login, refresh with rotation and reuse detection, logout, throttling.

use crate::db_tests;
use crate::support::{PASSWORD, TestApp};
use reqwest::Method;
use serde_json::json;

db_tests!(
    login_returns_a_token_pair_and_me_describes_the_user,
    login_is_case_insensitive_in_the_username,
    wrong_password_and_unknown_user_get_the_same_answer,
    deactivated_user_cannot_log_in,
    refresh_rotates_and_the_old_token_stops_working,
    reusing_a_rotated_refresh_token_revokes_the_session,
    logout_revokes_the_session,
    refresh_picks_up_role_changes,
    ten_failures_throttle_the_username_with_retry_after,
    successful_login_clears_earlier_failures,
    concurrent_refreshes_of_one_token_give_one_pair,
);

async fn login_returns_a_token_pair_and_me_describes_the_user(app: TestApp) {
    let pair = app.login("social_worker").await;
    assert_eq!(pair["token_type"], "Bearer");
    assert_eq!(pair["expires_in"], 900);
    assert!(pair["refresh_token"].as_str().unwrap().len() >= 43);
    let me = app
        .get("/api/v1/me", pair["access_token"].as_str().unwrap())
        .await;
    let me = me.assert_status(200);
    assert_eq!(me["username"], "social_worker");
    assert_eq!(me["kind"], "user");
    assert_eq!(me["roles"], json!(["social_worker"]));
    assert_eq!(
        me["permissions"],
        json!([
            "read_case_content",
            "write_persons",
            "receive_applications",
            "assess_needs",
            "read_cases",
            "work_cases",
            "read_places",
            "record_arrivals",
            "read_deliveries",
            "record_deliveries",
            "quote_fees"
        ])
    );
    assert_eq!(me["municipality"]["code"], "kelme");
    assert_eq!(me["municipality"]["name"], "Kelmės rajono savivaldybė");
    assert_eq!(me["eldership"]["name"], "Kelmės miesto seniūnija");
    assert!(me["display_name"].as_str().unwrap().len() > 3);

    let me = app
        .get("/api/v1/me", &app.token("division_head").await)
        .await;
    assert_eq!(me.assert_status(200)["eldership"], json!(null));
    assert_eq!(
        me.body["permissions"],
        json!([
            "read_case_content",
            "sign_decisions",
            "read_cases",
            "read_places",
            "read_deliveries",
            "approve_schedules",
            "run_charges",
            "quote_fees",
            "read_reports"
        ])
    );
}

async fn login_is_case_insensitive_in_the_username(app: TestApp) {
    app.try_login("  Division_Head ", PASSWORD)
        .await
        .assert_status(200);
    app.try_login("division_head", "demo-2026!")
        .await
        .assert_problem(401, "invalid_credentials");
}

async fn wrong_password_and_unknown_user_get_the_same_answer(app: TestApp) {
    let wrong = app.try_login("admin", "Wrong-password-1").await;
    let unknown = app.try_login("nobody", "Wrong-password-1").await;
    wrong.assert_problem(401, "invalid_credentials");
    unknown.assert_problem(401, "invalid_credentials");
    assert_eq!(wrong.body["detail"], unknown.body["detail"]);
    assert_eq!(
        wrong.header("www-authenticate"),
        unknown.header("www-authenticate")
    );
    // Both attempts are recorded: the known user's in its municipality.
    let auditor = app.token("auditor").await;
    let failed = app.audit(&auditor, "action=auth.login_failed").await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["actor_name"], "admin");
    assert_eq!(failed[0]["summary"]["reason"], "wrong_password");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login_failed' AND municipality_id IS NULL")
            .await,
        1
    );
}

async fn deactivated_user_cannot_log_in(app: TestApp) {
    let admin = app.token("admin").await;
    let worker = app.login("case_manager").await;
    let me = app
        .get("/api/v1/me", worker["access_token"].as_str().unwrap())
        .await;
    let id = me.body["id"].as_str().unwrap().to_owned();
    app.post(
        &format!("/api/v1/users/{id}/deactivate"),
        &admin,
        json!({ "version": 1 }),
    )
    .await
    .assert_status(200);
    app.try_login("case_manager", PASSWORD)
        .await
        .assert_problem(401, "invalid_credentials");
    // Their session ended too.
    app.json(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        json!({ "refresh_token": worker["refresh_token"] }),
    )
    .await
    .assert_problem(401, "invalid_refresh_token");
}

async fn refresh(app: &TestApp, token: &serde_json::Value) -> crate::support::Reply {
    app.json(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        json!({ "refresh_token": token }),
    )
    .await
}

async fn refresh_rotates_and_the_old_token_stops_working(app: TestApp) {
    let first = app.login("division_specialist").await;
    let second = refresh(&app, &first["refresh_token"]).await;
    let second = second.assert_status(200).clone();
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_ne!(second["access_token"], first["access_token"]);
    app.get("/api/v1/me", second["access_token"].as_str().unwrap())
        .await
        .assert_status(200);
    // The new refresh token works once more.
    let third = refresh(&app, &second["refresh_token"]).await;
    third.assert_status(200);
    let auditor = app.token("auditor").await;
    assert_eq!(app.audit(&auditor, "action=auth.refresh").await.len(), 2);
}

async fn reusing_a_rotated_refresh_token_revokes_the_session(app: TestApp) {
    let first = app.login("division_specialist").await;
    let second = refresh(&app, &first["refresh_token"])
        .await
        .assert_status(200)
        .clone();
    // The old token again: refused, and the whole session is revoked.
    refresh(&app, &first["refresh_token"])
        .await
        .assert_problem(401, "invalid_refresh_token");
    refresh(&app, &second["refresh_token"])
        .await
        .assert_problem(401, "invalid_refresh_token");
    let auditor = app.token("auditor").await;
    let reuse = app.audit(&auditor, "action=auth.refresh_reuse").await;
    assert_eq!(reuse.len(), 1);
    assert_eq!(reuse[0]["actor_name"], "division_specialist");
    // Another session of the same user is untouched.
    let other = app.login("division_specialist").await;
    refresh(&app, &other["refresh_token"])
        .await
        .assert_status(200);
}

async fn logout_revokes_the_session(app: TestApp) {
    let pair = app.login("auditor").await;
    let logout = app
        .json(
            Method::POST,
            "/api/v1/auth/logout",
            None,
            json!({ "refresh_token": pair["refresh_token"] }),
        )
        .await;
    assert_eq!(logout.status.as_u16(), 204);
    refresh(&app, &pair["refresh_token"])
        .await
        .assert_problem(401, "invalid_refresh_token");
    // Logging out twice, or with a made-up token, is harmless.
    for token in [pair["refresh_token"].clone(), json!("made-up")] {
        let again = app
            .json(
                Method::POST,
                "/api/v1/auth/logout",
                None,
                json!({ "refresh_token": token }),
            )
            .await;
        assert_eq!(again.status.as_u16(), 204);
    }
    let auditor = app.token("auditor").await;
    assert_eq!(app.audit(&auditor, "action=auth.logout").await.len(), 1);
}

async fn refresh_picks_up_role_changes(app: TestApp) {
    let admin = app.token("admin").await;
    let pair = app.login("social_worker").await;
    let me = app
        .get("/api/v1/me", pair["access_token"].as_str().unwrap())
        .await;
    let id = me.body["id"].as_str().unwrap().to_owned();
    app.patch(
        &format!("/api/v1/users/{id}"),
        &admin,
        json!({ "version": 1, "roles": ["social_worker", "case_manager"] }),
    )
    .await
    .assert_status(200);
    let next = refresh(&app, &pair["refresh_token"])
        .await
        .assert_status(200)
        .clone();
    let claims = crate::tokens::claims_of(next["access_token"].as_str().unwrap());
    assert_eq!(claims["roles"], json!(["social_worker", "case_manager"]));
}

async fn ten_failures_throttle_the_username_with_retry_after(app: TestApp) {
    for _ in 0..10 {
        app.try_login("division_head", "Wrong-password-1")
            .await
            .assert_problem(401, "invalid_credentials");
    }
    // The eleventh attempt is refused without checking, even with the right password.
    let throttled = app.try_login("division_head", PASSWORD).await;
    throttled.assert_problem(429, "too_many_attempts");
    let retry: u64 = throttled.header("retry-after").unwrap().parse().unwrap();
    assert!((850..=900).contains(&retry), "Retry-After {retry}");
    // Another username is not affected.
    app.try_login("auditor", PASSWORD).await.assert_status(200);
}

async fn successful_login_clears_earlier_failures(app: TestApp) {
    for _ in 0..9 {
        app.try_login("auditor", "Wrong-password-1").await;
    }
    app.try_login("auditor", PASSWORD).await.assert_status(200);
    for _ in 0..9 {
        app.try_login("auditor", "Wrong-password-1")
            .await
            .assert_problem(401, "invalid_credentials");
    }
    app.try_login("auditor", PASSWORD).await.assert_status(200);
}

async fn concurrent_refreshes_of_one_token_give_one_pair(app: TestApp) {
    let pair = app.login("division_head").await;
    let token = pair["refresh_token"].clone();
    let attempts = futures_util::future::join_all((0..4).map(|_| refresh(&app, &token))).await;
    let ok = attempts.iter().filter(|r| r.status.as_u16() == 200).count();
    assert!(ok <= 1, "at most one refresh succeeds, {ok} did");
    assert!(
        attempts
            .iter()
            .all(|r| r.status.as_u16() == 200 || r.status.as_u16() == 401)
    );
}

db_tests!(throttling_is_per_username_and_address);

/// One attacker's address cannot lock the member of staff out elsewhere.
async fn throttling_is_per_username_and_address(app: TestApp) {
    use atvejis_api::auth::throttle::{self, MAX_FAILURES};
    let now = app.clock.now();
    for _ in 0..MAX_FAILURES {
        assert!(
            throttle::begin(&app.db, "admin", "203.0.113.9", now)
                .await
                .unwrap()
                .is_ok()
        );
    }
    let retry = throttle::begin(&app.db, "admin", "203.0.113.9", now)
        .await
        .unwrap();
    assert_eq!(retry.unwrap_err(), 900);
    assert!(
        throttle::begin(&app.db, "admin", "198.51.100.4", now)
            .await
            .unwrap()
            .is_ok()
    );
    assert!(
        throttle::begin(&app.db, "auditor", "203.0.113.9", now)
            .await
            .unwrap()
            .is_ok()
    );
    // Fifteen minutes later the window has passed.
    let later = now + throttle::WINDOW + time::Duration::seconds(1);
    assert!(
        throttle::begin(&app.db, "admin", "203.0.113.9", later)
            .await
            .unwrap()
            .is_ok()
    );
    // And the login from the other address works now.
    app.try_login("admin", PASSWORD).await.assert_status(200);
}
