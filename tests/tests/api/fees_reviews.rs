//! Issue 11, fee records and their review: signing a decision with a
//! calculated fee stores its first fee record; a rate change (the
//! administrator enters the VRP of 2027) that changes a monthly fee lists
//! the decision for the month, the division confirms it (a new record; the
//! old one stays), and nothing is changed silently. Refusals and the roles
//! that may not.

use crate::db_tests;
use crate::places_support::{Staff, grant_to, person};
use crate::support::TestApp;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_fee_1_signing_stores_the_first_fee_record,
    r_fee_1_a_vrp_change_is_listed_for_review_and_confirmed,
    fee_reviews_refusals_and_roles,
);

/// A person with 700 EUR a month in October–December 2025, granted 20 h of
/// home help on an application of 2026-01-10, signed 2026-01-20. 2026: V =
/// 233, 3V = 699 ≤ 700: 10 % = 70.00 (cost 130, room 234). Returns the
/// signed decision.
async fn granted_home_help(app: &TestApp, staff: &Staff) -> Value {
    app.clock.set_today(date!(2026 - 01 - 10));
    let person_id = person(app, &staff.worker, "Ona", "1950-02-02").await;
    let months: Vec<Value> = (10..=12)
        .map(|m| json!({ "year": 2025, "month": m, "amount": "700.00", "source": "sodra" }))
        .collect();
    app.post(
        &format!("/api/v1/persons/{person_id}/income/months"),
        &staff.worker,
        json!({ "months": months }),
    )
    .await
    .assert_status(201);
    let documents: Vec<Value> = [
        "sp8_application",
        "identity_document",
        "declared_residence",
        "income_3_months",
        "disability_or_pensioner_certificate",
        "medical_extract_027a",
        "capacity_or_special_needs",
    ]
    .iter()
    .map(|code| json!({ "code": code, "status": "provided" }))
    .collect();
    let (_, signed) = grant_to(
        app,
        staff,
        &person_id,
        "home_help",
        date!(2026 - 01 - 10),
        date!(2026 - 01 - 20),
        json!({ "documents": documents }),
        json!({ "hours_per_month": "20" }),
    )
    .await;
    signed
}

async fn reviews(app: &TestApp, token: &str, month: &str) -> crate::support::Reply {
    app.get(&format!("/api/v1/fee-reviews?month={month}"), token)
        .await
}

async fn r_fee_1_signing_stores_the_first_fee_record(app: TestApp) {
    let staff = Staff::of(&app).await;
    granted_home_help(&app, &staff).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM fee_records WHERE version = 1 AND monthly_fee = 70 AND confirmed_by IS NOT NULL")
        .await,
        1
    );
    let auditor = app.token("auditor").await;
    assert_eq!(
        app.audit(&auditor, "action=fee.record_create").await.len(),
        1
    );
    // December: the same VRP and prices, nothing to review.
    let page = reviews(&app, &staff.specialist, "2026-12").await;
    let page = page.assert_status(200);
    assert_eq!(page["total"], 0);
    assert_eq!(page["items"], json!([]));
}

async fn r_fee_1_a_vrp_change_is_listed_for_review_and_confirmed(app: TestApp) {
    let staff = Staff::of(&app).await;
    let decision = granted_home_help(&app, &staff).await;
    let id = decision["id"].as_str().unwrap().to_owned();
    // The administrator enters the VRP of 2027: 240 (3V = 720 > 700): 5 %
    // of 700 = 35.00 (room 220).
    let admin = app.token("admin").await;
    app.post(
        "/api/v1/rates",
        &admin,
        json!({ "kind": "vrp", "valid_from": "2027-01-01", "value": "240" }),
    )
    .await
    .assert_status(201);
    let page = reviews(&app, &staff.specialist, "2026-12").await;
    assert_eq!(
        page.assert_status(200)["total"],
        0,
        "not before it is in force"
    );
    let page = reviews(&app, &staff.specialist, "2027-01").await;
    let page = page.assert_status(200).clone();
    assert_eq!(page["total"], 1);
    let item = &page["items"][0];
    assert_eq!(item["decision_id"], id.as_str());
    assert_eq!(item["record_version"], 1);
    assert_eq!(item["old"]["fee"], "70.00");
    assert_eq!(item["old"]["income"]["vrp"], "233.00");
    assert_eq!(item["new"]["fee"], "35.00");
    assert_eq!(item["new"]["income"]["vrp"], "240.00");
    assert_eq!(item["new"]["band"], "above2_below3");
    assert_eq!(item["new"]["reference_date"], "2027-01-01");
    assert_eq!(
        item["new"]["income"]["months"],
        json!(["2025-10", "2025-11", "2025-12"]),
        "the income as last assessed"
    );
    let vrp = item["new"]["rates_used"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "vrp")
        .unwrap()
        .clone();
    assert_eq!(vrp["effective_from"], "2027-01-01");
    // Not changed silently: the record in force in January is still the
    // first.
    assert_eq!(app.count("SELECT COUNT(*) FROM fee_records").await, 1);

    // The head confirms it from January.
    let confirm = |version: i64, month: &'static str| {
        let app = &app;
        let id = id.clone();
        let head = staff.head.clone();
        async move {
            app.post(
                &format!("/api/v1/fee-reviews/{id}/confirm"),
                &head,
                json!({ "month": month, "version": version }),
            )
            .await
        }
    };
    let reply = confirm(1, "2027-01").await;
    let records = reply.assert_status(200)["records"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(records.len(), 2, "the history stays");
    assert_eq!(records[0]["version"], 1);
    assert_eq!(records[0]["monthly_fee"], "70.00");
    assert_eq!(records[0]["effective_from"], "2026-01-01");
    assert_eq!(records[1]["version"], 2);
    assert_eq!(records[1]["monthly_fee"], "35.00");
    assert_eq!(records[1]["effective_from"], "2027-01-01");
    assert_eq!(records[1]["calculation"]["fee"], "35.00");
    let auditor = app.token("auditor").await;
    let events = app.audit(&auditor, "action=fee.review_confirm").await;
    assert_eq!(events.len(), 1);

    // Nothing left to review in January or February.
    for month in ["2027-01", "2027-02"] {
        let page = reviews(&app, &staff.specialist, month).await;
        assert_eq!(page.assert_status(200)["total"], 0, "{month}");
    }
    // The same confirmation again: the record changed since.
    confirm(1, "2027-01")
        .await
        .assert_problem(409, "version_conflict");
    // February has the fee in force: nothing to confirm.
    confirm(2, "2027-02")
        .await
        .assert_problem(409, "fee_unchanged");
    // Not after the record in force.
    let reply = confirm(2, "2027-01").await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "month");
}

async fn fee_reviews_refusals_and_roles(app: TestApp) {
    let staff = Staff::of(&app).await;
    let decision = granted_home_help(&app, &staff).await;
    let id = decision["id"].as_str().unwrap().to_owned();
    // Roles without RunCharges.
    for user in [
        "social_worker",
        "case_manager",
        "admin",
        "auditor",
        "kaunas_worker",
    ] {
        let token = app.token(user).await;
        reviews(&app, &token, "2027-01")
            .await
            .assert_problem(403, "forbidden");
        app.post(
            &format!("/api/v1/fee-reviews/{id}/confirm"),
            &token,
            json!({ "month": "2027-01", "version": 1 }),
        )
        .await
        .assert_problem(403, "forbidden");
    }
    // Not a month.
    for month in ["2026-13", "2026-1", "januaris", ""] {
        let reply = reviews(&app, &staff.specialist, month).await;
        reply.assert_problem(422, "validation_failed");
    }
    // No purpose: refused.
    app.get_for("/api/v1/fee-reviews?month=2027-01", &staff.specialist, None)
        .await
        .assert_problem(422, "validation_failed");
    // An unknown decision.
    app.post(
        &format!("/api/v1/fee-reviews/{}/confirm", uuid::Uuid::new_v4()),
        &staff.specialist,
        json!({ "month": "2027-01", "version": 1 }),
    )
    .await
    .assert_problem(404, "not_found");
    // Before the service starts.
    let reply = app
        .post(
            &format!("/api/v1/fee-reviews/{id}/confirm"),
            &staff.specialist,
            json!({ "month": "2025-12", "version": 1 }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    // The division head reads the reviews too.
    reviews(&app, &staff.head, "2027-01")
        .await
        .assert_status(200);
    // Nothing was stored by the refusals.
    assert_eq!(app.count("SELECT COUNT(*) FROM fee_records").await, 1);
}
