//! The demo's places and queues (crates/api/src/store/demo_places.rs): the
//! SPA's board and its browser test rest on them.

use crate::db_tests;
use crate::support::TestApp;
use serde_json::Value;
use time::macros::date;

db_tests!(the_demo_fills_the_ggn_long_term_places_and_queues_four_in_r_q_3_order,);

async fn the_demo_fills_the_ggn_long_term_places_and_queues_four_in_r_q_3_order(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    // As the demo binary loads it; twice: the second time adds nothing.
    for _ in 0..2 {
        atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
            .await
            .expect("demo");
    }
    let specialist = app.token("division_specialist").await;
    let facilities = app.get("/api/v1/facilities", &specialist).await;
    let ggn = facilities
        .assert_status(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "ggn")
        .unwrap()
        .clone();
    let long = ggn["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "long_term_care")
        .unwrap()
        .clone();
    assert_eq!(
        (
            long["capacity"].as_i64(),
            long["occupied"].as_i64(),
            long["free"].as_i64(),
            long["waiting"].as_i64()
        ),
        (Some(8), Some(8), Some(0), Some(4))
    );

    let board = app
        .get_for(
            &format!(
                "/api/v1/facilities/{}/queue?place_kind=long_term_care",
                ggn["id"].as_str().unwrap()
            ),
            &specialist,
            Some("decision"),
        )
        .await;
    let board = board.assert_status(200);
    let entries = board["entries"].as_array().unwrap();
    let positions: Vec<i64> = entries
        .iter()
        .map(|e| e["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, [1, 2, 3, 4], "dense positions: {board}");
    // R-Q-3: ordered by the decision's date.
    let decided: Vec<&str> = entries
        .iter()
        .map(|e| e["decided_on"].as_str().unwrap())
        .collect();
    let mut sorted = decided.clone();
    sorted.sort_unstable();
    assert_eq!(decided, sorted);
    assert_eq!(board["estimate_basis"]["admissions_last_12_months"], 2);
    assert_eq!(board["stays"].as_array().unwrap().len(), 8);

    // The last in line joined first and was moved back by earlier decisions.
    let last = &entries[3];
    let entry = app
        .get_for(
            &format!("/api/v1/queue-entries/{}", last["id"].as_str().unwrap()),
            &specialist,
            Some("decision"),
        )
        .await;
    let history: Vec<(Value, Value, Value)> = entry.assert_status(200)["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["cause"].clone(),
                e["from_position"].clone(),
                e["to_position"].clone(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            (Value::from("joined"), Value::Null, Value::from(1)),
            (Value::from("ahead_joined"), Value::from(1), Value::from(2)),
            (Value::from("ahead_joined"), Value::from(2), Value::from(3)),
            (Value::from("ahead_joined"), Value::from(3), Value::from(4)),
        ]
    );

    // R-DL-5: one shelter arrival, its SP-8 due 48 hours after it.
    let worker = app.token("social_worker").await;
    let stays = app
        .get("/api/v1/stays?place_kind=shelter&open=true", &worker)
        .await;
    let stays = stays.assert_status(200);
    let stays = stays["items"].as_array().unwrap();
    assert_eq!(stays.len(), 1, "{stays:?}");
    assert_eq!(stays[0]["brought_by"], "police");
    assert!(stays[0]["sp8_due_at"].is_string());
    assert_eq!(stays[0]["sp8_overdue"], false);
}
