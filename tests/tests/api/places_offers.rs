//! Issue 10, offers of places and admissions: a freed place is offered to
//! the first eligible person only, never beyond the capacity (R-Q-4); the
//! answer is recorded (a refusal that keeps the place moves nobody, another
//! takes the person out with the others moving up, no reply only after the
//! reply date); the admission checks the facility's checklist and R-LIM-7
//! before the held place becomes a stay.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_q_4_a_signed_long_term_decision_with_a_free_place_gets_an_offer_at_once,
    r_q_4_an_offer_to_someone_not_first_is_refused,
    r_q_4_no_offer_beyond_capacity,
    r_q_4_a_refusal_keeping_the_place_moves_nobody_and_the_next_is_offered,
    r_q_4_a_refusal_leaving_the_queue_moves_the_others_up,
    r_q_4_no_reply_only_after_the_reply_date_then_the_next_is_offered,
    r_lim_7_an_extract_older_than_3_months_on_moving_in_is_refused,
    r_lim_7_a_required_checklist_item_missing_refuses_the_admission,
    r_q_4_an_admission_makes_a_stay_and_moves_the_others_up,
    r_q_4_only_the_division_manages_offers,
);

const TODAY: &str = "2026-12-01";

struct Users {
    worker: String,
    specialist: String,
    head: String,
    auditor: String,
}

async fn users(app: &TestApp) -> Users {
    app.clock.set_today(date!(2026 - 12 - 01));
    Users {
        worker: app.token("social_worker").await,
        specialist: app.token("division_specialist").await,
        head: app.token("division_head").await,
        auditor: app.token("auditor").await,
    }
}

/// The Kelmė group living home (`ggn`).
async fn ggn(app: &TestApp, token: &str) -> Value {
    let list = app.get("/api/v1/facilities", token).await;
    list.assert_status(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "ggn")
        .expect("the seeded group living home")
        .clone()
}

/// Its long-term care places as they stand.
async fn long_term(app: &TestApp, token: &str) -> Value {
    ggn(app, token).await["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "long_term_care")
        .unwrap()
        .clone()
}

async fn set_capacity(app: &TestApp, u: &Users, places: u32, valid_from: &str) {
    let id = ggn(app, &u.specialist).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(
        &format!("/api/v1/facilities/{id}/capacities"),
        &u.specialist,
        json!({ "place_kind": "long_term_care", "places": places, "valid_from": valid_from }),
    )
    .await
    .assert_status(200);
}

/// A person granted long-term care in the group living home, signed today;
/// returns their queue entry's id (signing registers them by itself).
async fn granted(app: &TestApp, u: &Users, first: &str, birth: &str) -> String {
    let person = app
        .post(
            "/api/v1/persons",
            &u.worker,
            json!({ "first_name": first, "last_name": "Eilutytė", "birth_date": birth }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let application = app
        .post(
            "/api/v1/applications",
            &u.worker,
            json!({
                "person_id": person,
                "service_code": "group_living_long_term",
                "received_on": "2026-11-20",
                "channel": "in_person",
                "documents": [
                    { "code": "sp8_application", "status": "provided" },
                    { "code": "identity_document", "status": "provided" },
                    { "code": "declared_residence", "status": "provided" },
                    { "code": "income_3_months", "status": "provided" },
                ],
            }),
        )
        .await
        .assert_status(201)
        .clone();
    let path = format!(
        "/api/v1/applications/{}",
        application["id"].as_str().unwrap()
    );
    let assessed = app
        .json(
            Method::PUT,
            &format!("{path}/assessment"),
            Some(&u.worker),
            json!({ "version": application["version"], "submitted_on": "2026-11-23", "conclusion": "Poreikis nustatytas." }),
        )
        .await
        .assert_status(200)
        .clone();
    let forwarded = app
        .post(
            &format!("{path}/forward"),
            &u.worker,
            json!({ "version": assessed["version"], "exception_reason": null }),
        )
        .await
        .assert_status(200)
        .clone();
    let prepared = app
        .post(
            &format!("{path}/decision"),
            &u.specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Skirti ilgalaikę socialinę globą." }),
        )
        .await
        .assert_status(200)
        .clone();
    let decision = &prepared["decision"];
    app.post(
        &format!(
            "/api/v1/decisions/{}/sign",
            decision["id"].as_str().unwrap()
        ),
        &u.head,
        json!({ "version": decision["version"] }),
    )
    .await
    .assert_status(200);
    let joins = app.audit(&u.auditor, "action=queue.join").await;
    joins
        .iter()
        .find(|j| j["summary"]["decision_id"] == decision["id"])
        .expect("signing registered the person in the queue")["entity_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn entry(app: &TestApp, u: &Users, id: &str) -> Value {
    app.get(&format!("/api/v1/queue-entries/{id}"), &u.specialist)
        .await
        .assert_status(200)
        .clone()
}

async fn offer(app: &TestApp, u: &Users, entry_id: &str) -> crate::support::Reply {
    app.post(
        "/api/v1/offers",
        &u.specialist,
        json!({ "queue_entry_id": entry_id }),
    )
    .await
}

async fn answer(app: &TestApp, u: &Users, offer: &Value, body: Value) -> crate::support::Reply {
    let mut body = body;
    if body.get("version").is_none() {
        body["version"] = offer["version"].clone();
    }
    app.post(
        &format!("/api/v1/offers/{}/answer", offer["id"].as_str().unwrap()),
        &u.specialist,
        body,
    )
    .await
}

async fn admit(app: &TestApp, u: &Users, offer: &Value, body: Value) -> crate::support::Reply {
    let mut body = body;
    if body.get("version").is_none() {
        body["version"] = offer["version"].clone();
    }
    app.post(
        &format!("/api/v1/offers/{}/admit", offer["id"].as_str().unwrap()),
        &u.specialist,
        body,
    )
    .await
}

fn full_checklist() -> Value {
    json!([
        { "code": "f027a_extract", "done": true },
        { "code": "no_acute_infectious_disease", "done": true },
        { "code": "no_acute_psychosis", "done": true },
        { "code": "visit_offered", "done": false },
    ])
}

/// Three people waiting in this order with no place, then one place from
/// today: the first is offered it at once.
async fn three_waiting_one_offered(app: &TestApp, u: &Users) -> (String, String, String, Value) {
    set_capacity(app, u, 0, TODAY).await;
    let a = granted(app, u, "Aldona", "1940-01-01").await;
    let b = granted(app, u, "Birutė", "1941-02-02").await;
    let c = granted(app, u, "Czesława", "1942-03-03").await;
    for (id, position) in [(&a, 1), (&b, 2), (&c, 3)] {
        let e = entry(app, u, id).await;
        assert_eq!(e["position"], position);
        assert_eq!(e["offer"], Value::Null, "no place is free");
    }
    set_capacity(app, u, 1, TODAY).await;
    let first = entry(app, u, &a).await;
    let offered = first["offer"].clone();
    assert_eq!(offered["status"], "pending", "{first}");
    assert_eq!(entry(app, u, &b).await["offer"], Value::Null);
    (a, b, c, offered)
}

async fn r_q_4_a_signed_long_term_decision_with_a_free_place_gets_an_offer_at_once(app: TestApp) {
    let u = users(&app).await;
    let id = granted(&app, &u, "Aldona", "1940-01-01").await;
    let e = entry(&app, &u, &id).await;
    assert_eq!(e["status"], "waiting");
    assert_eq!(e["position"], 1);
    let offered = &e["offer"];
    assert_eq!(offered["status"], "pending");
    assert_eq!(offered["offered_on"], TODAY);
    assert_eq!(offered["reply_by"], "2026-12-06", "the facility's 5 days");
    assert_eq!(
        offered["offered_by"],
        Value::Null,
        "made as the place was free"
    );
    let read = app
        .get(
            &format!("/api/v1/offers/{}", offered["id"].as_str().unwrap()),
            &u.worker,
        )
        .await;
    assert_eq!(read.assert_status(200)["queue_entry_id"], id.as_str());
    assert_eq!(read.body["status"], "pending");
    assert_eq!(read.body["reply_overdue"], false);
    let place = long_term(&app, &u.specialist).await;
    assert_eq!(place["offered"], 1);
    assert_eq!(place["free"], 7);
    // Once made, not made again.
    offer(&app, &u, &id)
        .await
        .assert_problem(409, "already_offered");
}

async fn r_q_4_an_offer_to_someone_not_first_is_refused(app: TestApp) {
    let u = users(&app).await;
    set_capacity(&app, &u, 0, TODAY).await;
    let first = granted(&app, &u, "Aldona", "1940-01-01").await;
    let second = granted(&app, &u, "Birutė", "1941-02-02").await;
    // A place frees from the 10th without anyone touching the queue.
    set_capacity(&app, &u, 1, "2026-12-10").await;
    app.clock.set_today(date!(2026 - 12 - 10));
    let place = long_term(&app, &u.specialist).await;
    assert_eq!(place["free"], 1);
    assert_eq!(entry(&app, &u, &first).await["offer"], Value::Null);
    let refused = offer(&app, &u, &second).await;
    refused.assert_problem(409, "offer_not_first");
    assert!(
        refused.body["detail"].as_str().unwrap().contains("R-Q-4"),
        "{}",
        refused.body
    );
    let made = offer(&app, &u, &first).await;
    let made = made.assert_status(201).clone();
    assert_eq!(made["status"], "pending");
    assert_eq!(made["queue_entry_id"], first.as_str());
    assert_eq!(made["reply_by"], "2026-12-15");
    assert_ne!(made["offered_by"], Value::Null, "made by the division");
    assert_eq!(entry(&app, &u, &second).await["offer"], Value::Null);
    let made_audit = app.audit(&u.auditor, "action=offer.make").await;
    assert!(
        made_audit
            .iter()
            .any(|a| a["entity_id"] == made["id"] && a["summary"]["automatic"] == false)
    );
}

async fn r_q_4_no_offer_beyond_capacity(app: TestApp) {
    let u = users(&app).await;
    set_capacity(&app, &u, 0, TODAY).await;
    let first = granted(&app, &u, "Aldona", "1940-01-01").await;
    offer(&app, &u, &first)
        .await
        .assert_problem(409, "no_free_place");
    // One place: the first gets it; nobody else while it is held.
    set_capacity(&app, &u, 1, TODAY).await;
    assert_eq!(entry(&app, &u, &first).await["offer"]["status"], "pending");
    let second = granted(&app, &u, "Birutė", "1941-02-02").await;
    assert_eq!(entry(&app, &u, &second).await["offer"], Value::Null);
    offer(&app, &u, &second)
        .await
        .assert_problem(409, "no_free_place");
    let place = long_term(&app, &u.specialist).await;
    assert_eq!(place["capacity"], 1);
    assert_eq!(place["offered"], 1);
    assert_eq!(place["free"], 0);
    // Nothing written by the refusals.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM place_offers").await,
        1,
        "one offer only"
    );
}

async fn r_q_4_a_refusal_keeping_the_place_moves_nobody_and_the_next_is_offered(app: TestApp) {
    let u = users(&app).await;
    let (a, b, c, offered) = three_waiting_one_offered(&app, &u).await;
    let history_b = entry(&app, &u, &b).await["history"].clone();
    // The reason that keeps the place needs a date.
    answer(
        &app,
        &u,
        &offered,
        json!({ "answer": "declined", "decline_reason": "temporarily_unable" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    answer(&app, &u, &offered, json!({ "answer": "declined" }))
        .await
        .assert_problem(422, "validation_failed");
    let answered = answer(
        &app,
        &u,
        &offered,
        json!({ "answer": "declined", "decline_reason": "temporarily_unable", "hold_until": "2027-01-15", "note": "Ligoninėje." }),
    )
    .await;
    let answered = answered.assert_status(200).clone();
    assert_eq!(answered["offer"]["status"], "declined");
    assert_eq!(answered["offer"]["decline_reason"], "temporarily_unable");
    assert_eq!(answered["offer"]["answer_note"], "Ligoninėje.");
    let next = answered["next_offers"].as_array().unwrap();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0]["queue_entry_id"], b.as_str());
    // A keeps position 1 on hold; nobody moved.
    let ea = entry(&app, &u, &a).await;
    assert_eq!(ea["status"], "waiting");
    assert_eq!(ea["position"], 1);
    assert_eq!(ea["hold"]["reason"], "declined_keeps_place");
    assert_eq!(ea["hold"]["until"], "2027-01-15");
    assert_eq!(ea["offer"], Value::Null);
    let eb = entry(&app, &u, &b).await;
    assert_eq!(eb["position"], 2);
    assert_eq!(eb["offer"]["status"], "pending");
    assert_eq!(eb["history"], history_b, "no history event: nobody moved");
    assert_eq!(entry(&app, &u, &c).await["position"], 3);
    // Answered once.
    answer(
        &app,
        &u,
        &answered["offer"],
        json!({ "answer": "accepted" }),
    )
    .await
    .assert_problem(409, "offer_not_pending");
}

async fn r_q_4_a_refusal_leaving_the_queue_moves_the_others_up(app: TestApp) {
    let u = users(&app).await;
    let (a, b, c, offered) = three_waiting_one_offered(&app, &u).await;
    let answered = answer(
        &app,
        &u,
        &offered,
        json!({ "answer": "declined", "decline_reason": "no_longer_needed" }),
    )
    .await;
    let answered = answered.assert_status(200).clone();
    assert_eq!(answered["offer"]["status"], "declined");
    assert_eq!(answered["next_offers"][0]["queue_entry_id"], b.as_str());
    let ea = entry(&app, &u, &a).await;
    assert_eq!(ea["status"], "left");
    assert_eq!(ea["position"], Value::Null);
    assert_eq!(ea["close_reason"], "refused");
    let last = ea["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["cause"], "left");
    assert_eq!(last["to_position"], Value::Null);
    let eb = entry(&app, &u, &b).await;
    assert_eq!(eb["position"], 1);
    assert_eq!(eb["offer"]["status"], "pending");
    let ec = entry(&app, &u, &c).await;
    assert_eq!(ec["position"], 2);
    let moved = ec["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(moved["cause"], "ahead_left");
    assert_eq!(moved["cause_entry_id"], a.as_str());
    assert_eq!(moved["cause_detail"], "refused");
    assert_eq!(moved["from_position"], 3);
    assert_eq!(moved["to_position"], 2);
}

async fn r_q_4_no_reply_only_after_the_reply_date_then_the_next_is_offered(app: TestApp) {
    let u = users(&app).await;
    let (a, b, _c, offered) = three_waiting_one_offered(&app, &u).await;
    assert_eq!(offered["reply_by"], "2026-12-06");
    app.clock.set_today(date!(2026 - 12 - 06));
    answer(&app, &u, &offered, json!({ "answer": "no_reply" }))
        .await
        .assert_problem(409, "reply_date_not_passed");
    app.clock.set_today(date!(2026 - 12 - 07));
    // A stale version is refused.
    answer(
        &app,
        &u,
        &offered,
        json!({ "answer": "no_reply", "version": offered["version"].as_i64().unwrap() + 1 }),
    )
    .await
    .assert_problem(409, "version_conflict");
    let read = app
        .get(
            &format!("/api/v1/offers/{}", offered["id"].as_str().unwrap()),
            &u.specialist,
        )
        .await;
    assert_eq!(read.assert_status(200)["reply_overdue"], true);
    let answered = answer(&app, &u, &offered, json!({ "answer": "no_reply" })).await;
    let answered = answered.assert_status(200).clone();
    assert_eq!(answered["offer"]["status"], "expired");
    assert_eq!(answered["next_offers"][0]["queue_entry_id"], b.as_str());
    assert_eq!(answered["next_offers"][0]["reply_by"], "2026-12-12");
    let ea = entry(&app, &u, &a).await;
    assert_eq!(ea["position"], 1, "keeps the position");
    assert_eq!(ea["hold"]["reason"], "no_reply");
    assert_eq!(ea["hold"]["until"], Value::Null);
    assert_eq!(entry(&app, &u, &b).await["offer"]["status"], "pending");
}

async fn accepted_offer(app: &TestApp, u: &Users) -> (String, Value) {
    let id = granted(app, u, "Aldona", "1940-01-01").await;
    let offered = entry(app, u, &id).await["offer"].clone();
    // Not before it is accepted.
    admit(
        app,
        u,
        &offered,
        json!({ "moving_in_on": TODAY, "checklist": full_checklist(), "extract_027a_issued_on": "2026-11-15" }),
    )
    .await
    .assert_problem(409, "offer_not_accepted");
    let answered = answer(
        app,
        u,
        &offered,
        json!({ "answer": "accepted", "visit_on": "2026-12-03" }),
    )
    .await;
    let answered = answered.assert_status(200).clone();
    assert_eq!(answered["offer"]["status"], "accepted");
    assert_eq!(answered["offer"]["visit_on"], "2026-12-03");
    assert_eq!(answered["next_offers"], json!([]));
    (id, answered["offer"].clone())
}

async fn r_lim_7_an_extract_older_than_3_months_on_moving_in_is_refused(app: TestApp) {
    let u = users(&app).await;
    let (id, accepted) = accepted_offer(&app, &u).await;
    // Moving in on 20 December: an extract of 19 September is too old.
    let refused = admit(
        &app,
        &u,
        &accepted,
        json!({ "moving_in_on": "2026-12-20", "checklist": full_checklist(), "extract_027a_issued_on": "2026-09-19" }),
    )
    .await;
    refused.assert_problem(422, "admission_refused");
    assert!(
        refused.body["detail"].as_str().unwrap().contains("R-LIM-7"),
        "{}",
        refused.body
    );
    let errors = refused.body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{}", refused.body);
    assert_eq!(errors[0]["field"], "extract_027a_issued_on");
    // Nothing stored: no stay, the offer still accepted, the entry waiting.
    assert_eq!(app.count("SELECT COUNT(*) FROM stays").await, 0);
    let read = app
        .get(
            &format!("/api/v1/offers/{}", accepted["id"].as_str().unwrap()),
            &u.specialist,
        )
        .await;
    assert_eq!(read.assert_status(200)["status"], "accepted");
    assert_eq!(read.body["version"], accepted["version"]);
    assert_eq!(entry(&app, &u, &id).await["status"], "waiting");
    // Exactly three months old is still fine.
    let admitted = admit(
        &app,
        &u,
        &accepted,
        json!({ "moving_in_on": "2026-12-20", "checklist": full_checklist(), "extract_027a_issued_on": "2026-09-20" }),
    )
    .await;
    assert_eq!(
        admitted.assert_status(201)["extract_027a_issued_on"],
        "2026-09-20"
    );
}

async fn r_lim_7_a_required_checklist_item_missing_refuses_the_admission(app: TestApp) {
    let u = users(&app).await;
    let (_id, accepted) = accepted_offer(&app, &u).await;
    let refused = admit(
        &app,
        &u,
        &accepted,
        json!({
            "moving_in_on": "2026-12-05",
            "checklist": [
                { "code": "f027a_extract", "done": true },
                { "code": "no_acute_infectious_disease", "done": true },
                { "code": "no_acute_psychosis", "done": false },
            ],
            "extract_027a_issued_on": "2026-11-15",
        }),
    )
    .await;
    refused.assert_problem(422, "admission_refused");
    let fields: Vec<&str> = refused.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["checklist.no_acute_psychosis"]);
    // No extract date at all.
    let refused = admit(
        &app,
        &u,
        &accepted,
        json!({ "moving_in_on": "2026-12-05", "checklist": full_checklist() }),
    )
    .await;
    refused.assert_problem(422, "admission_refused");
    assert_eq!(refused.body["errors"][0]["field"], "extract_027a_issued_on");
    // An item the facility does not have.
    admit(
        &app,
        &u,
        &accepted,
        json!({ "moving_in_on": "2026-12-05", "checklist": [{ "code": "bogus", "done": true }], "extract_027a_issued_on": "2026-11-15" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // Moving in more than 60 days ahead, or before the offer.
    for day in ["2027-02-01", "2026-11-30"] {
        admit(
            &app,
            &u,
            &accepted,
            json!({ "moving_in_on": day, "checklist": full_checklist(), "extract_027a_issued_on": "2026-11-15" }),
        )
        .await
        .assert_problem(422, "validation_failed");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM stays").await, 0);
}

async fn r_q_4_an_admission_makes_a_stay_and_moves_the_others_up(app: TestApp) {
    let u = users(&app).await;
    let (a, b, c, offered) = three_waiting_one_offered(&app, &u).await;
    let accepted = answer(&app, &u, &offered, json!({ "answer": "accepted" })).await;
    let accepted = accepted.assert_status(200)["offer"].clone();
    let body = json!({ "moving_in_on": "2026-12-04", "checklist": full_checklist(), "extract_027a_issued_on": "2026-11-15" });
    // A stale version is refused.
    let mut stale = body.clone();
    stale["version"] = json!(accepted["version"].as_i64().unwrap() - 1);
    admit(&app, &u, &accepted, stale)
        .await
        .assert_problem(409, "version_conflict");
    let stay = admit(&app, &u, &accepted, body).await;
    let stay = stay.assert_status(201).clone();
    assert_eq!(stay["started_on"], "2026-12-04");
    assert_eq!(stay["queue_entry_id"], a.as_str());
    assert_eq!(stay["offer_id"], accepted["id"]);
    assert_eq!(stay["place_kind"], "long_term_care");
    assert_eq!(stay["person_name"], "Aldona Eilutytė");
    assert_eq!(stay["ended_on"], Value::Null);
    assert_eq!(stay["checklist"][2]["code"], "no_acute_psychosis");
    assert_eq!(stay["checklist"][2]["done"], true);
    let ea = entry(&app, &u, &a).await;
    assert_eq!(ea["status"], "admitted");
    assert_eq!(ea["position"], Value::Null);
    assert_eq!(
        ea["history"].as_array().unwrap().last().unwrap()["cause"],
        "admitted"
    );
    for (id, from, to) in [(&b, 2, 1), (&c, 3, 2)] {
        let e = entry(&app, &u, id).await;
        assert_eq!(e["position"], to);
        let last = e["history"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["cause"], "ahead_admitted");
        assert_eq!(last["cause_entry_id"], a.as_str());
        assert_eq!(last["from_position"], from);
        assert_eq!(last["to_position"], to);
        assert_eq!(e["offer"], Value::Null, "the place is occupied");
    }
    let read = app
        .get(
            &format!("/api/v1/offers/{}", accepted["id"].as_str().unwrap()),
            &u.specialist,
        )
        .await;
    assert_eq!(read.assert_status(200)["status"], "admitted");
    let place = long_term(&app, &u.specialist).await;
    assert_eq!(place["occupied"], 1);
    assert_eq!(place["offered"], 0);
    assert_eq!(place["free"], 0);
    let audited = app.audit(&u.auditor, "action=stay.admit").await;
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0]["entity_id"], stay["id"]);
}

async fn r_q_4_only_the_division_manages_offers(app: TestApp) {
    let u = users(&app).await;
    let id = granted(&app, &u, "Aldona", "1940-01-01").await;
    let offered = entry(&app, &u, &id).await["offer"].clone();
    let offer_id = offered["id"].as_str().unwrap();
    for role in ["social_worker", "division_head", "admin"] {
        let token = app.token(role).await;
        app.post("/api/v1/offers", &token, json!({ "queue_entry_id": id }))
            .await
            .assert_problem(403, "forbidden");
        app.post(
            &format!("/api/v1/offers/{offer_id}/answer"),
            &token,
            json!({ "version": offered["version"], "answer": "accepted" }),
        )
        .await
        .assert_problem(403, "forbidden");
        app.post(
            &format!("/api/v1/offers/{offer_id}/admit"),
            &token,
            json!({ "version": offered["version"], "moving_in_on": TODAY, "checklist": [] }),
        )
        .await
        .assert_problem(403, "forbidden");
    }
    // Reading is for those who read places; the administrator does not.
    let admin = app.token("admin").await;
    app.get(&format!("/api/v1/offers/{offer_id}"), &admin)
        .await
        .assert_problem(403, "forbidden");
    let head = app
        .get(&format!("/api/v1/offers/{offer_id}"), &u.head)
        .await;
    assert_eq!(head.assert_status(200)["status"], "pending");
    let read = app
        .get(&format!("/api/v1/offers/{offer_id}"), &u.specialist)
        .await;
    assert_eq!(read.assert_status(200)["version"], offered["version"]);
}
