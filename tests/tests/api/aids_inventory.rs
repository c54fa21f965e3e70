//! Issue 11, technical aids: the inventory (serial numbers unique per
//! municipality, status changed by hand except `on_loan`), the stock per
//! type, the price table seeded with the 2017-01-02 figures, who may read
//! and write, and the municipality's isolation.

use crate::db_tests;
use crate::support::TestApp;
use serde_json::{Value, json};

db_tests!(
    the_inventory_adds_lists_and_changes_items,
    a_serial_number_is_unique_in_the_municipality,
    an_item_goes_on_loan_only_by_a_loan,
    the_stock_counts_each_type,
    r_fee_10_the_price_table_has_the_figures_in_force_since_2017_01_02,
    aids_are_read_by_delivery_readers_and_written_by_delivery_recorders,
    another_municipality_sees_no_aids,
    aid_text_with_a_nul_is_refused,
);

pub async fn add_item(
    app: &TestApp,
    token: &str,
    aid_type: &str,
    serial: &str,
    newness: &str,
) -> Value {
    app.post(
        "/api/v1/aids",
        token,
        json!({ "aid_type": aid_type, "serial": serial, "newness": newness, "location": "Sandėlis" }),
    )
    .await
    .assert_status(201)
    .clone()
}

async fn the_inventory_adds_lists_and_changes_items(app: TestApp) {
    let token = app.token("division_specialist").await;
    let item = add_item(&app, &token, "automatic_bed", "T-AB-001", "new").await;
    assert_eq!(item["status"], "available");
    assert_eq!(item["condition"], "good");
    assert_eq!(item["newness"], "new");
    assert_eq!(item["version"], 1);
    assert!(item["next_waiting"].is_null());
    add_item(&app, &token, "commode_chair", "T-CC-001", "used").await;
    let page = app.get("/api/v1/aids?aid_type=automatic_bed", &token).await;
    let page = page.assert_status(200);
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["serial"], "T-AB-001");
    let id = item["id"].as_str().unwrap();
    let changed = app
        .patch(
            &format!("/api/v1/aids/{id}"),
            &token,
            json!({ "version": 1, "status": "in_repair", "condition": "damaged", "location": "Dirbtuvės" }),
        )
        .await;
    let changed = changed.assert_status(200);
    assert_eq!(changed["status"], "in_repair");
    assert_eq!(changed["condition"], "damaged");
    assert_eq!(changed["location"], "Dirbtuvės");
    assert_eq!(changed["version"], 2);
    app.patch(
        &format!("/api/v1/aids/{id}"),
        &token,
        json!({ "version": 1, "status": "available" }),
    )
    .await
    .assert_problem(409, "version_conflict");
    let got = app.get(&format!("/api/v1/aids/{id}"), &token).await;
    assert_eq!(got.assert_status(200)["status"], "in_repair");
    let in_repair = app.get("/api/v1/aids?status=in_repair", &token).await;
    assert_eq!(in_repair.assert_status(200)["total"], 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('aid.create', 'aid.update')")
            .await,
        3
    );
}

async fn a_serial_number_is_unique_in_the_municipality(app: TestApp) {
    let token = app.token("division_specialist").await;
    add_item(&app, &token, "manual_bed", "T-MB-001", "new").await;
    let other = add_item(&app, &token, "manual_bed", "T-MB-002", "new").await;
    app.post(
        "/api/v1/aids",
        &token,
        json!({ "aid_type": "walker_with_table", "serial": " T-MB-001 ", "newness": "new" }),
    )
    .await
    .assert_problem(409, "aid_serial_taken");
    let id = other["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/aids/{id}"),
        &token,
        json!({ "version": 1, "serial": "T-MB-001" }),
    )
    .await
    .assert_problem(409, "aid_serial_taken");
    // Another municipality may use the same serial number.
    let kaunas = app.token("kaunas_worker").await;
    add_item(&app, &kaunas, "manual_bed", "T-MB-001", "new").await;
    app.post(
        "/api/v1/aids",
        &token,
        json!({ "aid_type": "manual_bed", "serial": "   ", "newness": "new" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.post(
        "/api/v1/aids",
        &token,
        json!({ "aid_type": "hoist", "serial": "X-1", "newness": "new" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM aid_items WHERE serial = 'T-MB-001'")
            .await,
        2
    );
}

async fn an_item_goes_on_loan_only_by_a_loan(app: TestApp) {
    let token = app.token("division_specialist").await;
    app.post(
        "/api/v1/aids",
        &token,
        json!({ "aid_type": "manual_bed", "serial": "T-1", "newness": "new", "status": "on_loan" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let item = add_item(&app, &token, "manual_bed", "T-2", "new").await;
    let id = item["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/aids/{id}"),
        &token,
        json!({ "version": 1, "status": "on_loan" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let person = crate::aids_loans::person(&app, &token, "Onutė").await;
    crate::aids_loans::issue(&app, &token, json!({ "item_id": id, "person_id": person }))
        .await
        .assert_status(201);
    app.patch(
        &format!("/api/v1/aids/{id}"),
        &token,
        json!({ "version": 2, "status": "written_off" }),
    )
    .await
    .assert_problem(409, "aid_on_loan");
    let got = app.get(&format!("/api/v1/aids/{id}"), &token).await;
    let got = got.assert_status(200);
    assert_eq!(got["status"], "on_loan");
    assert!(got["current_loan_id"].is_string());
}

async fn the_stock_counts_each_type(app: TestApp) {
    let token = app.token("social_worker").await;
    add_item(&app, &token, "walker_with_table", "W-1", "new").await;
    add_item(&app, &token, "walker_with_table", "W-2", "used").await;
    let w3 = add_item(&app, &token, "walker_with_table", "W-3", "used").await;
    app.patch(
        &format!("/api/v1/aids/{}", w3["id"].as_str().unwrap()),
        &token,
        json!({ "version": 1, "status": "in_repair" }),
    )
    .await
    .assert_status(200);
    let person = crate::aids_loans::person(&app, &token, "Petras").await;
    crate::aids_loans::issue(
        &app,
        &token,
        json!({ "aid_type": "walker_with_table", "person_id": person }),
    )
    .await
    .assert_status(201);
    let waiting = crate::aids_loans::person(&app, &token, "Jonas").await;
    app.post(
        "/api/v1/aids/waiting",
        &token,
        json!({ "aid_type": "automatic_bed", "person_id": waiting }),
    )
    .await
    .assert_status(201);
    let stock = app.get("/api/v1/aids/stock", &token).await;
    let types = stock.assert_status(200)["types"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(types.len(), 8);
    let row = |t: &str| types.iter().find(|r| r["aid_type"] == t).unwrap().clone();
    let walker = row("walker_with_table");
    assert_eq!(
        (
            &walker["available"],
            &walker["on_loan"],
            &walker["in_repair"],
            &walker["waiting"]
        ),
        (&json!(1), &json!(1), &json!(1), &json!(0))
    );
    let bed = row("automatic_bed");
    assert_eq!(bed["available"], 0);
    assert_eq!(bed["waiting"], 1);
    assert_eq!(bed["next_waiting"]["person_id"], waiting.as_str());
    assert_eq!(bed["next_waiting"]["position"], 1);
}

async fn r_fee_10_the_price_table_has_the_figures_in_force_since_2017_01_02(app: TestApp) {
    let token = app.token("division_head").await;
    let prices = app.get("/api/v1/aids/prices", &token).await;
    let prices = prices.assert_status(200).as_array().unwrap().clone();
    let row = |t: &str| prices.iter().find(|r| r["aid_type"] == t).unwrap().clone();
    for (t, new, used, refund_new, refund_used) in [
        ("automatic_bed", "72.00", "35.00", "29.00", "15.00"),
        ("manual_bed", "43.00", "20.00", "15.00", "8.00"),
        ("commode_chair", "6.00", "3.00", "0.00", "0.00"),
        ("walker_with_table", "9.00", "5.00", "0.00", "0.00"),
    ] {
        let r = row(t);
        assert_eq!(r["valid_from"], "2017-01-02", "{t}");
        assert_eq!(
            (r["fee_new"].as_str(), r["fee_used"].as_str()),
            (Some(new), Some(used)),
            "{t}"
        );
        assert_eq!(
            (r["refund_new"].as_str(), r["refund_used"].as_str()),
            (Some(refund_new), Some(refund_used)),
            "{t}"
        );
    }
}

async fn aids_are_read_by_delivery_readers_and_written_by_delivery_recorders(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    let item = add_item(&app, &specialist, "commode_chair", "C-1", "new").await;
    let id = item["id"].as_str().unwrap();
    let head = app.token("division_head").await;
    app.get("/api/v1/aids", &head).await.assert_status(200);
    app.get("/api/v1/aids/stock", &head)
        .await
        .assert_status(200);
    app.get(&format!("/api/v1/aids/{id}"), &head)
        .await
        .assert_status(200);
    app.post(
        "/api/v1/aids",
        &head,
        json!({ "aid_type": "commode_chair", "serial": "C-2", "newness": "new" }),
    )
    .await
    .assert_problem(403, "forbidden");
    app.patch(
        &format!("/api/v1/aids/{id}"),
        &head,
        json!({ "version": 1, "location": "X" }),
    )
    .await
    .assert_problem(403, "forbidden");
    for role in ["case_manager", "auditor", "admin"] {
        let token = app.token(role).await;
        app.get("/api/v1/aids", &token)
            .await
            .assert_problem(403, "forbidden");
        app.get("/api/v1/aids/stock", &token)
            .await
            .assert_problem(403, "forbidden");
        app.get("/api/v1/aid-loans", &token)
            .await
            .assert_problem(403, "forbidden");
        app.get("/api/v1/aids/waiting", &token)
            .await
            .assert_problem(403, "forbidden");
        app.post(
            "/api/v1/aids",
            &token,
            json!({ "aid_type": "commode_chair", "serial": "C-3", "newness": "new" }),
        )
        .await
        .assert_problem(403, "forbidden");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM aid_items").await, 1);
}

async fn another_municipality_sees_no_aids(app: TestApp) {
    let kelme = app.token("division_specialist").await;
    let item = add_item(&app, &kelme, "automatic_bed", "K-1", "new").await;
    let id = item["id"].as_str().unwrap();
    let person = crate::aids_loans::person(&app, &kelme, "Ona").await;
    let loan =
        crate::aids_loans::issue(&app, &kelme, json!({ "item_id": id, "person_id": person })).await;
    let loan_id = loan.assert_status(201)["id"].as_str().unwrap().to_owned();
    let kaunas = app.token("kaunas_worker").await;
    let list = app.get("/api/v1/aids", &kaunas).await;
    assert_eq!(list.assert_status(200)["total"], 0);
    app.get(&format!("/api/v1/aids/{id}"), &kaunas)
        .await
        .assert_problem(404, "not_found");
    app.patch(
        &format!("/api/v1/aids/{id}"),
        &kaunas,
        json!({ "version": 1, "location": "X" }),
    )
    .await
    .assert_problem(404, "not_found");
    let loans = app.get("/api/v1/aid-loans", &kaunas).await;
    assert_eq!(loans.assert_status(200)["total"], 0);
    app.get(&format!("/api/v1/aid-loans/{loan_id}"), &kaunas)
        .await
        .assert_problem(404, "not_found");
    app.post(
        &format!("/api/v1/aid-loans/{loan_id}/return"),
        &kaunas,
        json!({ "version": 1, "condition": "good" }),
    )
    .await
    .assert_problem(404, "not_found");
    // Kaunas cannot lend Kelmė's item, nor lend to Kelmė's person.
    crate::aids_loans::issue(&app, &kaunas, json!({ "item_id": id, "person_id": person }))
        .await
        .assert_problem(422, "validation_failed");
    let stock = app.get("/api/v1/aids/stock", &kaunas).await;
    let types = stock.assert_status(200)["types"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        types
            .iter()
            .all(|r| r["on_loan"] == 0 && r["available"] == 0)
    );
    app.post(
        "/api/v1/aids/waiting",
        &kaunas,
        json!({ "aid_type": "automatic_bed", "person_id": person }),
    )
    .await
    .assert_problem(422, "validation_failed");
}

async fn aid_text_with_a_nul_is_refused(app: TestApp) {
    let token = app.token("division_specialist").await;
    app.post(
        "/api/v1/aids",
        &token,
        json!({ "aid_type": "commode_chair", "serial": "N-\u{0}1", "newness": "new" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.get("/api/v1/aids?serial=a%00b", &token)
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM aid_items").await, 0);
}
