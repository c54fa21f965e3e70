//! Issue 10, places and fair queues read against S4: a signed grant joins
//! the queue when the facility is full (R-Q-1), one long-term queue per
//! person (R-Q-2), the order and its history (R-Q-3), other facilities
//! with free places (R-Q-5), and the queue board.

use crate::db_tests;
use crate::places_support::{Staff, board, facility_id, granted, set_capacity};
use crate::support::TestApp;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_q_1_a_signed_grant_joins_the_queue_when_full,
    r_q_1_the_board_is_read_by_the_division_only_and_audited,
    r_q_3_order_is_decision_date_then_application_date_then_registration,
    r_q_3_leaving_closes_the_gap_and_explains_every_move,
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

/// GGN's long-term queue with no places from 1 December 2026.
async fn full_ggn(app: &TestApp, staff: &Staff) -> String {
    app.clock.set_today(date!(2026 - 12 - 01));
    let ggn = facility_id(app, &staff.specialist, "ggn").await;
    set_capacity(
        app,
        &staff.specialist,
        &ggn,
        "long_term_care",
        0,
        date!(2026 - 12 - 01),
    )
    .await;
    ggn
}

/// The waiting entry of `person` on `view` (a board).
fn entry_of<'a>(view: &'a Value, person: &str) -> &'a Value {
    view["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["person_id"] == person)
        .unwrap_or_else(|| panic!("{person} not waiting"))
}

/// The persons on `view` (a board) in position order.
fn order(view: &Value) -> Vec<String> {
    view["entries"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            assert_eq!(e["position"], i + 1, "dense positions");
            e["person_id"].as_str().unwrap().to_owned()
        })
        .collect()
}

async fn person_entries(app: &TestApp, token: &str, person: &str) -> Value {
    app.get(&format!("/api/v1/persons/{person}/queue-entries"), token)
        .await
        .assert_status(200)
        .clone()
}

async fn r_q_3_order_is_decision_date_then_application_date_then_registration(app: TestApp) {
    let staff = Staff::of(&app).await;
    let ggn = full_ggn(&app, &staff).await;
    let long = "group_living_long_term";
    let (a, _, _) = granted(
        &app,
        &staff,
        "Aldona",
        long,
        date!(2026 - 11 - 20),
        date!(2026 - 12 - 03),
    )
    .await;
    // B applied earlier but was decided later: behind A.
    let (b, _, _) = granted(
        &app,
        &staff,
        "Bronė",
        long,
        date!(2026 - 11 - 10),
        date!(2026 - 12 - 05),
    )
    .await;
    // C and D decided the same day: D applied earlier, so D goes ahead of C
    // although C registered first.
    let (c, _, _) = granted(
        &app,
        &staff,
        "Cecilija",
        long,
        date!(2026 - 11 - 25),
        date!(2026 - 12 - 07),
    )
    .await;
    let view = board(&app, &staff.head, &ggn, "long_term_care").await;
    assert_eq!(order(&view), [a.clone(), b.clone(), c.clone()]);
    let (d, _, _) = granted(
        &app,
        &staff,
        "Danutė",
        long,
        date!(2026 - 11 - 15),
        date!(2026 - 12 - 07),
    )
    .await;
    // E and F: same decision day, same application day: registration order.
    let (e, _, _) = granted(
        &app,
        &staff,
        "Elena",
        long,
        date!(2026 - 11 - 28),
        date!(2026 - 12 - 09),
    )
    .await;
    let (f, _, _) = granted(
        &app,
        &staff,
        "Fausta",
        long,
        date!(2026 - 11 - 28),
        date!(2026 - 12 - 09),
    )
    .await;
    let view = board(&app, &staff.head, &ggn, "long_term_care").await;
    assert_eq!(
        order(&view),
        [
            a.clone(),
            b.clone(),
            d.clone(),
            c.clone(),
            e.clone(),
            f.clone()
        ]
    );
    assert!(
        entry_of(&view, &e)["registration"].as_i64() < entry_of(&view, &f)["registration"].as_i64()
    );
    // C's history: joined 3rd, moved to 4th when D joined ahead.
    let d_entry = entry_of(&view, &d)["id"].clone();
    let c_entry = entry_of(&view, &c)["id"].as_str().unwrap().to_owned();
    let mine = person_entries(&app, &staff.specialist, &c).await;
    assert_eq!(mine["person_id"], c.as_str());
    let entries = mine["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["facility_name"], view["facility_name"]);
    assert_eq!(entries[0]["position"], 4);
    let history = entries[0]["history"].as_array().unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0]["cause"], "joined");
    assert_eq!(history[0]["from_position"], Value::Null);
    assert_eq!(history[0]["to_position"], 3);
    assert_eq!(history[1]["cause"], "ahead_joined");
    assert_eq!(history[1]["from_position"], 3);
    assert_eq!(history[1]["to_position"], 4);
    assert_eq!(history[1]["cause_entry_id"], d_entry);
    assert_eq!(history[1]["on_date"], "2026-12-07");
    // Where C stood on a day.
    let on = |day: &str| format!("/api/v1/queue-entries/{c_entry}?on={day}");
    let before = app.get(&on("2026-12-06"), &staff.head).await;
    assert_eq!(before.assert_status(200)["position_on"], Value::Null);
    let that_day = app.get(&on("2026-12-07"), &staff.head).await;
    assert_eq!(that_day.assert_status(200)["position_on"], 4);
    // Those decided later did not move anyone ahead.
    let a_hist = person_entries(&app, &staff.head, &a).await;
    assert_eq!(a_hist["entries"][0]["history"].as_array().unwrap().len(), 1);
}

async fn r_q_3_leaving_closes_the_gap_and_explains_every_move(app: TestApp) {
    let staff = Staff::of(&app).await;
    let ggn = full_ggn(&app, &staff).await;
    let long = "group_living_long_term";
    let (a, _, _) = granted(
        &app,
        &staff,
        "Aldona",
        long,
        date!(2026 - 11 - 20),
        date!(2026 - 12 - 02),
    )
    .await;
    let (b, _, _) = granted(
        &app,
        &staff,
        "Bronė",
        long,
        date!(2026 - 11 - 20),
        date!(2026 - 12 - 03),
    )
    .await;
    let (c, _, _) = granted(
        &app,
        &staff,
        "Cecilija",
        long,
        date!(2026 - 11 - 20),
        date!(2026 - 12 - 04),
    )
    .await;
    let (d, _, _) = granted(
        &app,
        &staff,
        "Danutė",
        long,
        date!(2026 - 11 - 20),
        date!(2026 - 12 - 05),
    )
    .await;
    app.clock.set_today(date!(2026 - 12 - 10));
    let view = board(&app, &staff.specialist, &ggn, "long_term_care").await;
    let b_entry = entry_of(&view, &b).clone();
    let left = app
        .post(
            &format!("/api/v1/queue-entries/{}/leave", b_entry["id"].as_str().unwrap()),
            &staff.specialist,
            json!({ "version": b_entry["version"], "reason": "moved_elsewhere", "note": "Į Kauno GGN" }),
        )
        .await;
    assert_eq!(left.assert_status(200)["status"], "left");
    assert_eq!(left.body["position"], Value::Null);
    let view = board(&app, &staff.specialist, &ggn, "long_term_care").await;
    assert_eq!(order(&view), [a.clone(), c.clone(), d.clone()]);
    assert_eq!(view["place"]["waiting"], 3);
    // Every move is explained: who left ahead and why.
    for (person, from, to) in [(&c, 3, 2), (&d, 4, 3)] {
        let mine = person_entries(&app, &staff.worker, person).await;
        let history = mine["entries"][0]["history"].as_array().unwrap().clone();
        let last = history.last().unwrap();
        assert_eq!(last["cause"], "ahead_left");
        assert_eq!(last["from_position"], from);
        assert_eq!(last["to_position"], to);
        assert_eq!(last["cause_entry_id"], b_entry["id"]);
        assert_eq!(last["cause_detail"], "moved_elsewhere");
        assert_eq!(last["on_date"], "2026-12-10");
        let id = mine["entries"][0]["id"].as_str().unwrap();
        let then = app
            .get(
                &format!("/api/v1/queue-entries/{id}?on=2026-12-09"),
                &staff.head,
            )
            .await;
        assert_eq!(then.assert_status(200)["position_on"], from);
    }
    // Nobody ahead of B moved.
    let mine = person_entries(&app, &staff.worker, &a).await;
    assert_eq!(mine["entries"][0]["history"].as_array().unwrap().len(), 1);
    // B's own record: closed, the leaving last in its history.
    let mine = person_entries(&app, &staff.worker, &b).await;
    let entry = &mine["entries"][0];
    assert_eq!(entry["status"], "left");
    assert_eq!(entry["close_reason"], "moved_elsewhere");
    assert_eq!(entry["close_note"], "Į Kauno GGN");
    let last = entry["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["cause"], "left");
    assert_eq!(last["from_position"], 2);
    assert_eq!(last["to_position"], Value::Null);
    // The person's entries are read by the division only, in its municipality.
    let case_manager = app.token("case_manager").await;
    app.get(&format!("/api/v1/persons/{b}/queue-entries"), &case_manager)
        .await
        .assert_problem(403, "forbidden");
    let kaunas = app.token("kaunas_worker").await;
    app.get(&format!("/api/v1/persons/{b}/queue-entries"), &kaunas)
        .await
        .assert_problem(404, "not_found");
    let auditor = app.token("auditor").await;
    let reads = app.audit(&auditor, "action=queue.entry_read").await;
    assert!(reads.iter().any(|r| r["entity_id"] == b.as_str()));
}
