//! Issue 11, technical aids: loans with the one-time fee at issue (R-FEE-10)
//! and the refund of a bed returned within 12 months (R-FEE-11), returning
//! an item not on loan, the 30-day return after the user's death and the
//! F027/a extract's 12 months (R-LIM-6), and the waiting list of a type out
//! of stock (first come, first served; the next shown, nobody served
//! automatically).

use crate::aids_inventory::add_item;
use crate::db_tests;
use crate::support::{Reply, TestApp};
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_fee_10_the_fee_of_a_new_and_a_used_item_is_stored_on_the_loan,
    r_fee_11_a_bed_returned_on_the_same_day_12_months_later_earns_the_refund,
    r_fee_11_a_bed_returned_a_day_after_12_months_earns_no_refund,
    returning_an_item_not_on_loan_is_refused,
    issuing_an_item_not_available_is_refused,
    out_of_stock_the_person_waits_and_is_shown_next_when_a_bed_comes_back,
    r_lim_6_the_aid_is_due_back_30_days_after_the_death_and_shown_overdue,
    r_lim_6_an_extract_older_than_12_months_is_refused,
    a_loan_may_name_the_signed_technical_aids_decision,
    loans_are_written_only_by_delivery_recorders,
    changing_a_loan_needs_its_version,
);

/// A new person; returns the id.
pub async fn person(app: &TestApp, token: &str, first: &str) -> String {
    app.post(
        "/api/v1/persons",
        token,
        json!({ "first_name": first, "last_name": "Lovaitė", "birth_date": "1940-02-02" }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Issues with `body`, the extract issued today unless the body says.
pub async fn issue(app: &TestApp, token: &str, mut body: Value) -> Reply {
    if body.get("extract_027a_issued_on").is_none() {
        body["extract_027a_issued_on"] = json!(app.clock.today().to_string());
    }
    app.post("/api/v1/aid-loans", token, body).await
}

async fn give_back(app: &TestApp, token: &str, loan: &Value, body: Value) -> Reply {
    let mut body = body;
    body["version"] = loan["version"].clone();
    if body.get("condition").is_none() {
        body["condition"] = json!("good");
    }
    app.post(
        &format!("/api/v1/aid-loans/{}/return", loan["id"].as_str().unwrap()),
        token,
        body,
    )
    .await
}

async fn r_fee_10_the_fee_of_a_new_and_a_used_item_is_stored_on_the_loan(app: TestApp) {
    app.clock.set_today(date!(2026 - 03 - 10));
    let token = app.token("social_worker").await;
    let cases = [
        ("automatic_bed", "new", "72.00"),
        ("automatic_bed", "used", "35.00"),
        ("manual_bed", "new", "43.00"),
        ("manual_bed", "used", "20.00"),
        ("commode_chair", "new", "6.00"),
        ("commode_chair", "used", "3.00"),
        ("walker_with_table", "new", "9.00"),
        ("walker_with_table", "used", "5.00"),
        ("wheelchair", "new", "0.00"),
    ];
    for (i, (t, newness, fee)) in cases.into_iter().enumerate() {
        let item = add_item(&app, &token, t, &format!("F-{i}"), newness).await;
        let who = person(&app, &token, &format!("Asmuo{i}")).await;
        let loan = issue(
            &app,
            &token,
            json!({ "item_id": item["id"], "person_id": who }),
        )
        .await;
        let loan = loan.assert_status(201);
        assert_eq!(loan["fee"], fee, "{t} {newness}");
        assert_eq!(loan["newness"], newness);
        assert_eq!(loan["issued_on"], "2026-03-10");
        assert_eq!(loan["price_valid_from"], "2017-01-02");
        assert_eq!(loan["refund_until"], "2027-03-10");
        assert!(loan["returned_on"].is_null() && loan["refund"].is_null());
        assert_eq!(loan["person_name"], format!("Asmuo{i} Lovaitė"));
    }
    let stored = app
        .count("SELECT COUNT(*) FROM aid_loans WHERE issued_on = '2026-03-10'")
        .await;
    assert_eq!(stored, 9);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aid_loan.issue'")
            .await,
        9
    );
}

async fn r_fee_11_a_bed_returned_on_the_same_day_12_months_later_earns_the_refund(app: TestApp) {
    app.clock.set_today(date!(2026 - 03 - 10));
    let token = app.token("division_specialist").await;
    let item = add_item(&app, &token, "automatic_bed", "R-1", "new").await;
    let who = person(&app, &token, "Stasė").await;
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    app.clock.set_today(date!(2027 - 03 - 10));
    let back = give_back(&app, &token, &loan, json!({})).await;
    let back = back.assert_status(200);
    assert_eq!(back["returned_on"], "2027-03-10");
    assert_eq!(back["refund"], "29.00");
    assert_eq!(back["fee"], "72.00");
    assert_eq!(back["return_condition"], "good");
    // The item is available again and used from now on: re-issued at 35.
    let got = app
        .get(
            &format!("/api/v1/aids/{}", item["id"].as_str().unwrap()),
            &token,
        )
        .await;
    let got = got.assert_status(200);
    assert_eq!(got["status"], "available");
    assert_eq!(got["newness"], "used");
    assert!(got["current_loan_id"].is_null());
    let again = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let again = again.assert_status(201).clone();
    assert_eq!(again["fee"], "35.00");
    // A used manual bed back within the year: 8.
    let manual = add_item(&app, &token, "manual_bed", "R-2", "used").await;
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": manual["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    assert_eq!(loan["fee"], "20.00");
    app.clock.set_today(date!(2027 - 09 - 01));
    let back = give_back(&app, &token, &loan, json!({})).await;
    assert_eq!(back.assert_status(200)["refund"], "8.00");
    // A commode chair earns no refund at all.
    let chair = add_item(&app, &token, "commode_chair", "R-3", "new").await;
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": chair["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    let back = give_back(&app, &token, &loan, json!({})).await;
    assert_eq!(back.assert_status(200)["refund"], "0.00");
}

async fn r_fee_11_a_bed_returned_a_day_after_12_months_earns_no_refund(app: TestApp) {
    app.clock.set_today(date!(2025 - 03 - 10));
    let token = app.token("social_worker").await;
    let item = add_item(&app, &token, "manual_bed", "L-1", "new").await;
    let who = person(&app, &token, "Kazys").await;
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    assert_eq!(loan["fee"], "43.00");
    app.clock.set_today(date!(2026 - 04 - 01));
    let back = give_back(&app, &token, &loan, json!({ "returned_on": "2026-03-11" })).await;
    let back = back.assert_status(200);
    assert_eq!(back["returned_on"], "2026-03-11");
    assert_eq!(back["refund"], "0.00");
    let listed = app.get("/api/v1/aid-loans?open=false", &token).await;
    let listed = listed.assert_status(200);
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["refund"], "0.00");
}

async fn returning_an_item_not_on_loan_is_refused(app: TestApp) {
    let token = app.token("social_worker").await;
    let item = add_item(&app, &token, "automatic_bed", "N-1", "new").await;
    let who = person(&app, &token, "Aldona").await;
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    let back = give_back(&app, &token, &loan, json!({})).await;
    let back = back.assert_status(200).clone();
    // Again, with the old version and with the new one: not on loan.
    give_back(&app, &token, &loan, json!({}))
        .await
        .assert_problem(409, "aid_not_on_loan");
    give_back(&app, &token, &back, json!({ "condition": "damaged" }))
        .await
        .assert_problem(409, "aid_not_on_loan");
    app.post(
        &format!("/api/v1/aid-loans/{}/death", loan["id"].as_str().unwrap()),
        &token,
        json!({ "version": back["version"], "died_on": app.clock.today().to_string() }),
    )
    .await
    .assert_problem(409, "aid_not_on_loan");
    // Nothing changed: one return recorded, the item still available.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aid_loan.return'")
            .await,
        1
    );
    let got = app
        .get(
            &format!("/api/v1/aids/{}", item["id"].as_str().unwrap()),
            &token,
        )
        .await;
    let got = got.assert_status(200);
    assert_eq!(got["status"], "available");
    assert_eq!(got["condition"], "good");
    // Bad dates are refused, nothing stored.
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    let tomorrow = (app.clock.today() + time::Duration::days(1)).to_string();
    let before = (app.clock.today() - time::Duration::days(1)).to_string();
    give_back(&app, &token, &loan, json!({ "returned_on": tomorrow }))
        .await
        .assert_problem(422, "validation_failed");
    give_back(&app, &token, &loan, json!({ "returned_on": before }))
        .await
        .assert_problem(422, "validation_failed");
    app.post(
        "/api/v1/aid-loans/0190d5a5-0000-7000-8000-000000000000/return",
        &token,
        json!({ "version": 1, "condition": "good" }),
    )
    .await
    .assert_problem(404, "not_found");
}

async fn issuing_an_item_not_available_is_refused(app: TestApp) {
    let token = app.token("social_worker").await;
    let item = add_item(&app, &token, "commode_chair", "A-1", "new").await;
    let first = person(&app, &token, "Pirmas").await;
    let second = person(&app, &token, "Antras").await;
    issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": first }),
    )
    .await
    .assert_status(201);
    issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": second }),
    )
    .await
    .assert_problem(409, "aid_not_available");
    let repair = add_item(&app, &token, "commode_chair", "A-2", "new").await;
    app.patch(
        &format!("/api/v1/aids/{}", repair["id"].as_str().unwrap()),
        &token,
        json!({ "version": 1, "status": "in_repair" }),
    )
    .await
    .assert_status(200);
    issue(
        &app,
        &token,
        json!({ "item_id": repair["id"], "person_id": second }),
    )
    .await
    .assert_problem(409, "aid_not_available");
    issue(
        &app,
        &token,
        json!({ "item_id": repair["id"], "aid_type": "manual_bed", "person_id": second }),
    )
    .await
    .assert_problem(422, "validation_failed");
    issue(&app, &token, json!({ "person_id": second }))
        .await
        .assert_problem(422, "validation_failed");
    let tomorrow = (app.clock.today() + time::Duration::days(1)).to_string();
    issue(
        &app,
        &token,
        json!({ "aid_type": "commode_chair", "person_id": second, "issued_on": tomorrow }),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM aid_loans").await, 1);
}

async fn out_of_stock_the_person_waits_and_is_shown_next_when_a_bed_comes_back(app: TestApp) {
    let token = app.token("social_worker").await;
    let bed = add_item(&app, &token, "automatic_bed", "S-1", "new").await;
    let holder = person(&app, &token, "Turintis").await;
    let first = person(&app, &token, "Pirmoji").await;
    let second = person(&app, &token, "Antroji").await;
    let loan = issue(
        &app,
        &token,
        json!({ "aid_type": "automatic_bed", "person_id": holder }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    assert_eq!(loan["item_id"], bed["id"]);
    let refused = issue(
        &app,
        &token,
        json!({ "aid_type": "automatic_bed", "person_id": first }),
    )
    .await;
    refused.assert_problem(409, "aid_out_of_stock");
    assert!(
        refused.body["detail"]
            .as_str()
            .unwrap()
            .contains("waiting list")
    );
    let w1 = app
        .post(
            "/api/v1/aids/waiting",
            &token,
            json!({ "aid_type": "automatic_bed", "person_id": first }),
        )
        .await;
    let w1 = w1.assert_status(201).clone();
    assert_eq!(w1["position"], 1);
    assert_eq!(w1["status"], "waiting");
    let w2 = app
        .post(
            "/api/v1/aids/waiting",
            &token,
            json!({ "aid_type": "automatic_bed", "person_id": second }),
        )
        .await;
    assert_eq!(w2.assert_status(201)["position"], 2);
    app.post(
        "/api/v1/aids/waiting",
        &token,
        json!({ "aid_type": "automatic_bed", "person_id": first }),
    )
    .await
    .assert_problem(409, "aid_already_waiting");
    let list = app
        .get("/api/v1/aids/waiting?aid_type=automatic_bed", &token)
        .await;
    let list = list.assert_status(200);
    assert_eq!(list["total"], 2);
    assert_eq!(list["items"][0]["person_id"], first.as_str());
    assert_eq!(list["items"][1]["position"], 2);
    // The bed comes back: the first waiting is shown as next, nobody is
    // issued anything automatically.
    let back = give_back(&app, &token, &loan, json!({})).await;
    let back = back.assert_status(200);
    assert_eq!(back["next_waiting"]["person_id"], first.as_str());
    assert_eq!(back["next_waiting"]["position"], 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM aid_loans").await, 1);
    // A new bed added: the answer names the next too.
    let added = add_item(&app, &token, "automatic_bed", "S-2", "new").await;
    assert_eq!(added["next_waiting"]["person_id"], first.as_str());
    // Issuing to the first closes their entry; the second moves up.
    let served = issue(
        &app,
        &token,
        json!({ "aid_type": "automatic_bed", "person_id": first }),
    )
    .await;
    served.assert_status(201);
    let list = app
        .get("/api/v1/aids/waiting?aid_type=automatic_bed", &token)
        .await;
    let list = list.assert_status(200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["person_id"], second.as_str());
    assert_eq!(list["items"][0]["position"], 1);
    // The second leaves the list.
    let entry = list["items"][0].clone();
    let left = app
        .post(
            &format!(
                "/api/v1/aids/waiting/{}/leave",
                entry["id"].as_str().unwrap()
            ),
            &token,
            json!({ "version": entry["version"], "note": "Nupirko pati" }),
        )
        .await;
    let left = left.assert_status(200).clone();
    assert_eq!(left["status"], "left");
    assert!(left["position"].is_null());
    app.post(
        &format!(
            "/api/v1/aids/waiting/{}/leave",
            entry["id"].as_str().unwrap()
        ),
        &token,
        json!({ "version": left["version"] }),
    )
    .await
    .assert_problem(409, "aid_not_waiting");
    let head = app.token("division_head").await;
    let list = app.get("/api/v1/aids/waiting", &head).await;
    assert_eq!(list.assert_status(200)["total"], 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM aid_waiting WHERE status = 'served'")
            .await,
        1
    );
}

async fn r_lim_6_the_aid_is_due_back_30_days_after_the_death_and_shown_overdue(app: TestApp) {
    app.clock.set_today(date!(2026 - 10 - 01));
    let token = app.token("social_worker").await;
    let item = add_item(&app, &token, "manual_bed", "D-1", "new").await;
    let who = person(&app, &token, "Vytautas").await;
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    app.clock.set_today(date!(2026 - 11 - 20));
    let path = format!("/api/v1/aid-loans/{}/death", loan["id"].as_str().unwrap());
    app.post(
        &path,
        &token,
        json!({ "version": 1, "died_on": "2026-09-30" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.post(
        &path,
        &token,
        json!({ "version": 1, "died_on": "2026-11-21" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let died = app
        .post(
            &path,
            &token,
            json!({ "version": 1, "died_on": "2026-11-15" }),
        )
        .await;
    let died = died.assert_status(200).clone();
    assert_eq!(died["died_on"], "2026-11-15");
    assert_eq!(died["return_due_on"], "2026-12-15");
    assert_eq!(died["overdue"], false);
    app.clock.set_today(date!(2026 - 12 - 15));
    let overdue = app.get("/api/v1/aid-loans?overdue=true", &token).await;
    assert_eq!(overdue.assert_status(200)["total"], 0);
    app.clock.set_today(date!(2026 - 12 - 16));
    let overdue = app.get("/api/v1/aid-loans?overdue=true", &token).await;
    let overdue = overdue.assert_status(200);
    assert_eq!(overdue["total"], 1);
    assert_eq!(overdue["items"][0]["overdue"], true);
    let not_overdue = app.get("/api/v1/aid-loans?overdue=false", &token).await;
    assert_eq!(not_overdue.assert_status(200)["total"], 0);
    // The family returns it: no longer overdue.
    let back = give_back(&app, &token, &died, json!({})).await;
    let back = back.assert_status(200);
    assert_eq!(back["overdue"], false);
    assert_eq!(back["refund"], "15.00");
    let overdue = app.get("/api/v1/aid-loans?overdue=true", &token).await;
    assert_eq!(overdue.assert_status(200)["total"], 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aid_loan.death'")
            .await,
        1
    );
}

async fn r_lim_6_an_extract_older_than_12_months_is_refused(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 03));
    let token = app.token("social_worker").await;
    let item = add_item(&app, &token, "walker_with_table", "E-1", "new").await;
    let who = person(&app, &token, "Genovaitė").await;
    let refused = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who, "extract_027a_issued_on": "2025-12-02" }),
    )
    .await;
    refused.assert_problem(422, "aid_extract_invalid");
    assert!(
        refused.body["detail"]
            .as_str()
            .unwrap()
            .starts_with("R-LIM-6")
    );
    issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who, "extract_027a_issued_on": "2026-12-04" }),
    )
    .await
    .assert_problem(422, "aid_extract_invalid");
    app.post(
        "/api/v1/aid-loans",
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM aid_loans").await, 0);
    let ok = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who, "extract_027a_issued_on": "2025-12-03" }),
    )
    .await;
    assert_eq!(
        ok.assert_status(201)["extract_027a_issued_on"],
        "2025-12-03"
    );
}

async fn a_loan_may_name_the_signed_technical_aids_decision(app: TestApp) {
    use crate::places_support::{Staff, granted_with};
    let staff = Staff::of(&app).await;
    let documents = json!({ "documents": [
        { "code": "sp8_application", "status": "provided" },
        { "code": "medical_extract_027a", "status": "provided" },
        { "code": "identity_document", "status": "provided" },
        { "code": "declared_residence", "status": "provided" },
        { "code": "disability_or_special_needs", "status": "provided" },
    ] });
    let (who, _, decision) = granted_with(
        &app,
        &staff,
        "Elena",
        "technical_aids",
        date!(2026 - 11 - 02),
        date!(2026 - 11 - 10),
        documents,
        json!({}),
    )
    .await;
    let item = add_item(&app, &staff.worker, "automatic_bed", "G-1", "new").await;
    let other = person(&app, &staff.worker, "Kita").await;
    issue(
        &app,
        &staff.worker,
        json!({ "item_id": item["id"], "person_id": other, "decision_id": decision["id"] }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let loan = issue(
        &app,
        &staff.worker,
        json!({ "item_id": item["id"], "person_id": who, "decision_id": decision["id"] }),
    )
    .await;
    assert_eq!(loan.assert_status(201)["decision_id"], decision["id"]);
}

async fn loans_are_written_only_by_delivery_recorders(app: TestApp) {
    let worker = app.token("social_worker").await;
    let item = add_item(&app, &worker, "automatic_bed", "P-1", "new").await;
    let who = person(&app, &worker, "Rolandas").await;
    let head = app.token("division_head").await;
    issue(
        &app,
        &head,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post(
        "/api/v1/aids/waiting",
        &head,
        json!({ "aid_type": "automatic_bed", "person_id": who }),
    )
    .await
    .assert_problem(403, "forbidden");
    let loan = issue(
        &app,
        &worker,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    give_back(&app, &head, &loan, json!({}))
        .await
        .assert_problem(403, "forbidden");
    app.get(
        &format!("/api/v1/aid-loans/{}", loan["id"].as_str().unwrap()),
        &head,
    )
    .await
    .assert_status(200);
    let case_manager = app.token("case_manager").await;
    issue(
        &app,
        &case_manager,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await
    .assert_problem(403, "forbidden");
    app.get(
        &format!("/api/v1/aid-loans/{}", loan["id"].as_str().unwrap()),
        &case_manager,
    )
    .await
    .assert_problem(403, "forbidden");
    assert_eq!(app.count("SELECT COUNT(*) FROM aid_loans").await, 1);
}

async fn changing_a_loan_needs_its_version(app: TestApp) {
    let token = app.token("division_specialist").await;
    let item = add_item(&app, &token, "manual_bed", "V-1", "new").await;
    let who = person(&app, &token, "Algirdas").await;
    let loan = issue(
        &app,
        &token,
        json!({ "item_id": item["id"], "person_id": who }),
    )
    .await;
    let loan = loan.assert_status(201).clone();
    let path = format!("/api/v1/aid-loans/{}/death", loan["id"].as_str().unwrap());
    let today = app.clock.today().to_string();
    app.post(&path, &token, json!({ "version": 1, "died_on": today }))
        .await
        .assert_status(200);
    app.post(&path, &token, json!({ "version": 1, "died_on": today }))
        .await
        .assert_problem(409, "version_conflict");
    give_back(&app, &token, &loan, json!({}))
        .await
        .assert_problem(409, "version_conflict");
}
