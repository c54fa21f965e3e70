//! Issue 10, places and fair queues read against S4: a signed grant joins
//! the queue when the facility is full (R-Q-1), one long-term queue per
//! person (R-Q-2), the order and its history (R-Q-3), other facilities
//! with free places (R-Q-5), and the queue board.

use crate::db_tests;
use crate::places_support::{Staff, board, facility_id, granted, set_capacity};
use crate::support::TestApp;
use serde_json::Value;
use time::macros::date;

db_tests!(
    r_q_1_a_signed_grant_joins_the_queue_when_full,
    r_q_1_the_board_is_read_by_the_division_only_and_audited,
);

async fn r_q_1_a_signed_grant_joins_the_queue_when_full(app: TestApp) {
    let staff = Staff::of(&app).await;
    app.clock.set_today(date!(2026 - 12 - 01));
    let ggn = facility_id(&app, &staff.specialist, "ggn").await;
    set_capacity(
        &app,
        &staff.specialist,
        &ggn,
        "long_term_care",
        0,
        date!(2026 - 12 - 01),
    )
    .await;
    let (ona, _, _) = granted(
        &app,
        &staff,
        "Ona",
        "group_living_long_term",
        date!(2026 - 12 - 01),
        date!(2026 - 12 - 03),
    )
    .await;
    let (petras, _, _) = granted(
        &app,
        &staff,
        "Petras",
        "group_living_long_term",
        date!(2026 - 12 - 02),
        date!(2026 - 12 - 04),
    )
    .await;
    let view = board(&app, &staff.head, &ggn, "long_term_care").await;
    assert_eq!(view["facility_name"].as_str().is_some(), true);
    assert_eq!(view["place_kind"], "long_term_care");
    assert_eq!(view["place"]["capacity"], 0);
    assert_eq!(view["place"]["free"], 0);
    assert_eq!(view["place"]["waiting"], 2);
    let entries = view["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["person_id"], ona.as_str());
    assert_eq!(entries[0]["status"], "waiting");
    assert_eq!(entries[0]["position"], 1);
    assert_eq!(entries[0]["offer"], Value::Null);
    assert_eq!(entries[0]["decided_on"], "2026-12-03");
    assert_eq!(entries[1]["person_id"], petras.as_str());
    assert_eq!(entries[1]["position"], 2);
    assert!(
        entries[1]["person_name"]
            .as_str()
            .unwrap()
            .starts_with("Petras")
    );
    // Nobody admitted in the last 12 months: no basis for an estimate.
    assert_eq!(view["estimate_basis"]["admissions_last_12_months"], 0);
    assert_eq!(entries[1]["expected_wait"]["position"], 2);
    assert_eq!(entries[1]["expected_wait"]["expected_days"], Value::Null);
    assert_eq!(view["offers"], serde_json::json!([]));
    assert_eq!(view["stays"], serde_json::json!([]));
    // A facility with one kind of place needs none named; GGN has two.
    app.get(&format!("/api/v1/facilities/{ggn}/queue"), &staff.head)
        .await
        .assert_problem(422, "validation_failed");
    let parama = facility_id(&app, &staff.specialist, "vdc-parama").await;
    let day = app
        .get(&format!("/api/v1/facilities/{parama}/queue"), &staff.head)
        .await;
    assert_eq!(day.assert_status(200)["place_kind"], "day_care");
    app.get(
        &format!("/api/v1/facilities/{parama}/queue?place_kind=long_term_care"),
        &staff.head,
    )
    .await
    .assert_problem(422, "validation_failed");
}

async fn r_q_1_the_board_is_read_by_the_division_only_and_audited(app: TestApp) {
    let staff = Staff::of(&app).await;
    let ggn = facility_id(&app, &staff.specialist, "ggn").await;
    let url = format!("/api/v1/facilities/{ggn}/queue?place_kind=short_term_care");
    for user in ["social_worker", "division_specialist", "division_head"] {
        let token = app.token(user).await;
        app.get(&url, &token).await.assert_status(200);
    }
    for user in ["case_manager", "admin", "auditor"] {
        let token = app.token(user).await;
        app.get(&url, &token).await.assert_problem(403, "forbidden");
    }
    // Another municipality's facility, and none at all: 404.
    let kaunas = app.token("kaunas_worker").await;
    app.get(&url, &kaunas)
        .await
        .assert_problem(404, "not_found");
    let none = format!(
        "/api/v1/facilities/{}/queue?place_kind=short_term_care",
        uuid::Uuid::new_v4()
    );
    app.get(&none, &staff.worker)
        .await
        .assert_problem(404, "not_found");
    // No purpose: refused.
    app.get_for(&url, &staff.worker, None)
        .await
        .assert_problem(422, "validation_failed");
    let auditor = app.token("auditor").await;
    let reads = app.audit(&auditor, "action=queue.board_read").await;
    assert_eq!(reads.len(), 3, "one record per read: {reads:?}");
    assert!(reads.iter().all(|r| r["entity_id"] == ggn.as_str()));
    assert!(
        reads
            .iter()
            .all(|r| r["summary"]["purpose"] == "needs_assessment")
    );
}
