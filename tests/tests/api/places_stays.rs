//! Issue 10, stays: arrivals at the overnight shelter before any
//! application with the SP-8 due in 48 hours, given once, for 7 nights and
//! longer only with a threat (R-DL-5); a full shelter; the end of a stay
//! (which frees its place), its refusals and who may do it.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_dl_5_a_person_arrives_before_any_application_and_the_sp8_is_due_within_48_hours,
    r_dl_5_the_shelter_is_given_once,
    r_dl_5_a_stay_lasts_7_nights_and_longer_only_with_a_threat,
    r_q_4_a_full_shelter_takes_nobody_until_a_stay_ends,
    ending_a_stay_is_refused_when_stale_before_its_start_or_already_ended,
    stays_are_only_for_the_roles_with_places,
    r_q_4_ending_a_stay_in_a_full_group_living_home_offers_the_place_to_the_first_in_line,
);

async fn person(app: &TestApp, token: &str, first: &str) -> String {
    app.post(
        "/api/v1/persons",
        token,
        json!({ "first_name": first, "last_name": "Nakvynaitė", "birth_date": "1970-05-05" }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn shelter(app: &TestApp, token: &str) -> String {
    let list = app
        .get("/api/v1/facilities?place_kind=shelter", token)
        .await;
    let list = list.assert_status(200).as_array().unwrap().clone();
    list.iter()
        .find(|f| f["code"] == "apnakvindinimas")
        .expect("the seeded shelter")["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn arrive(
    app: &TestApp,
    token: &str,
    facility: &str,
    person: &str,
    threat: Option<&str>,
) -> crate::support::Reply {
    app.post(
        "/api/v1/stays",
        token,
        json!({
            "facility_id": facility,
            "person_id": person,
            "brought_by": "police",
            "threat_reason": threat,
        }),
    )
    .await
}

async fn end(app: &TestApp, token: &str, stay: &Value, on: &str) -> crate::support::Reply {
    app.post(
        &format!("/api/v1/stays/{}/end", stay["id"].as_str().unwrap()),
        token,
        json!({ "version": stay["version"], "ended_on": on, "reason": "term_over" }),
    )
    .await
}

async fn extend(
    app: &TestApp,
    token: &str,
    path: &str,
    until: &str,
    threat: Option<&str>,
    version: &Value,
) -> crate::support::Reply {
    app.post(
        path,
        token,
        json!({ "version": version, "until": until, "threat_reason": threat }),
    )
    .await
}

async fn r_dl_5_a_person_arrives_before_any_application_and_the_sp8_is_due_within_48_hours(
    app: TestApp,
) {
    app.clock.set_today(date!(2026 - 12 - 01));
    let worker = app.token("social_worker").await;
    let facility = shelter(&app, &worker).await;
    let jonas = person(&app, &worker, "Jonas").await;
    // Brought at night by the police, before any application.
    let stay = arrive(&app, &worker, &facility, &jonas, None).await;
    let stay = stay.assert_status(201).clone();
    assert_eq!(stay["place_kind"], "shelter");
    assert_eq!(stay["started_on"], "2026-12-01");
    assert_eq!(stay["planned_until"], "2026-12-08");
    assert_eq!(stay["brought_by"], "police");
    assert_eq!(stay["sp8_due_at"], "2026-12-03T08:00:00Z");
    assert_eq!(stay["sp8_application_id"], Value::Null);
    assert_eq!(stay["sp8_overdue"], false);
    let path = format!("/api/v1/stays/{}", stay["id"].as_str().unwrap());
    // At 48 hours it is still in time; a minute later it is overdue.
    app.clock.advance(time::Duration::hours(48));
    assert_eq!(
        app.get(&path, &worker).await.assert_status(200)["sp8_overdue"],
        false
    );
    app.clock.advance(time::Duration::minutes(1));
    let late = app.get(&path, &worker).await;
    assert_eq!(late.assert_status(200)["sp8_overdue"], true);
    let open = app
        .get(
            &format!("/api/v1/stays?person_id={jonas}&open=true"),
            &worker,
        )
        .await;
    let open = open.assert_status(200)["items"].as_array().unwrap().clone();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["sp8_overdue"], true);
    assert_eq!(open[0]["person_name"], "Jonas Nakvynaitė");
    // The SP-8 is filed: no longer overdue, and the application is shown.
    let application = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({
                "person_id": jonas,
                "service_code": "overnight_shelter",
                "received_on": "2026-12-03",
                "channel": "in_person",
                "documents": [],
            }),
        )
        .await;
    let application = application.assert_status(201).clone();
    let filed = app.get(&path, &worker).await;
    let filed = filed.assert_status(200);
    assert_eq!(filed["sp8_overdue"], false);
    assert_eq!(filed["sp8_application_id"], application["id"]);
    // An arrival is not recorded in the future, nor more than 7 days back.
    let other = person(&app, &worker, "Petras").await;
    let future = app
        .post(
            "/api/v1/stays",
            &worker,
            json!({ "facility_id": facility, "person_id": other, "brought_by": "self",
                    "arrived_at": "2026-12-30T10:00:00Z" }),
        )
        .await;
    future.assert_problem(422, "validation_failed");
    let old = app
        .post(
            "/api/v1/stays",
            &worker,
            json!({ "facility_id": facility, "person_id": other, "brought_by": "self",
                    "arrived_at": "2026-11-20T10:00:00Z" }),
        )
        .await;
    old.assert_problem(422, "validation_failed");
    // The arrival is in the audit trail.
    let auditor = app.token("auditor").await;
    let events = app.audit(&auditor, "action=stay.arrive").await;
    assert!(events.iter().any(|e| e["entity_id"] == stay["id"]));
}

async fn r_dl_5_the_shelter_is_given_once(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 01));
    let worker = app.token("social_worker").await;
    let facility = shelter(&app, &worker).await;
    let ona = person(&app, &worker, "Ona").await;
    let first = arrive(&app, &worker, &facility, &ona, None).await;
    let first = first.assert_status(201).clone();
    // While she stays, she does not arrive again.
    arrive(&app, &worker, &facility, &ona, Some("Šaltis."))
        .await
        .assert_problem(409, "shelter_given_once");
    app.clock.set_today(date!(2026 - 12 - 08));
    let ended = end(&app, &worker, &first, "2026-12-08").await;
    assert_eq!(ended.assert_status(200)["stay"]["end_reason"], "term_over");
    // Once given, not again without a threat to health or life…
    app.clock.set_today(date!(2026 - 12 - 20));
    arrive(&app, &worker, &facility, &ona, None)
        .await
        .assert_problem(409, "shelter_given_once");
    arrive(&app, &worker, &facility, &ona, Some("   "))
        .await
        .assert_problem(409, "shelter_given_once");
    // …with one recorded, she is taken in again.
    let again = arrive(
        &app,
        &worker,
        &facility,
        &ona,
        Some("Speigas -20 °C, grėsmė gyvybei."),
    )
    .await;
    let again = again.assert_status(201);
    assert_eq!(again["threat_reason"], "Speigas -20 °C, grėsmė gyvybei.");
    let all = app
        .get(&format!("/api/v1/stays?person_id={ona}"), &worker)
        .await;
    let all = all.assert_status(200).clone();
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    assert_eq!(all["total"], 2);
    // A page at a time, newest first.
    let mut paged = Vec::new();
    for page in [1, 2, 3] {
        let reply = app
            .get(
                &format!("/api/v1/stays?person_id={ona}&per_page=1&page={page}"),
                &worker,
            )
            .await;
        let reply = reply.assert_status(200);
        assert_eq!(
            (reply["total"].clone(), reply["per_page"].clone()),
            (json!(2), json!(1))
        );
        paged.extend(
            reply["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["id"].clone()),
        );
    }
    let ids: Vec<_> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].clone())
        .collect();
    assert_eq!(paged, ids, "two pages of one, then none");
    for bad in ["per_page=0", "per_page=101", "page=0"] {
        app.get(&format!("/api/v1/stays?{bad}"), &worker)
            .await
            .assert_problem(422, "validation_failed");
    }
    let ended_only = app
        .get(
            &format!("/api/v1/stays?person_id={ona}&open=false"),
            &worker,
        )
        .await;
    assert_eq!(
        ended_only.assert_status(200)["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

async fn r_dl_5_a_stay_lasts_7_nights_and_longer_only_with_a_threat(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 01));
    let worker = app.token("social_worker").await;
    let facility = shelter(&app, &worker).await;
    let rimas = person(&app, &worker, "Rimas").await;
    let stay = arrive(&app, &worker, &facility, &rimas, None).await;
    let stay = stay.assert_status(201).clone();
    assert_eq!(stay["planned_until"], "2026-12-08");
    let path = format!("/api/v1/stays/{}/extensions", stay["id"].as_str().unwrap());
    extend(&app, &worker, &path, "2026-12-11", None, &stay["version"])
        .await
        .assert_problem(422, "shelter_needs_threat");
    extend(
        &app,
        &worker,
        &path,
        "2026-12-08",
        Some("Liga."),
        &stay["version"],
    )
    .await
    .assert_problem(422, "validation_failed");
    let longer = extend(
        &app,
        &worker,
        &path,
        "2026-12-11",
        Some("Plaučių uždegimas, gydytojo rekomendacija."),
        &stay["version"],
    )
    .await;
    let longer = longer.assert_status(200).clone();
    assert_eq!(longer["planned_until"], "2026-12-11");
    assert_eq!(
        longer["threat_reason"],
        "Plaučių uždegimas, gydytojo rekomendacija."
    );
    // The version read before is stale now.
    extend(
        &app,
        &worker,
        &path,
        "2026-12-14",
        Some("Liga."),
        &stay["version"],
    )
    .await
    .assert_problem(409, "version_conflict");
    let auditor = app.token("auditor").await;
    let events = app.audit(&auditor, "action=stay.extend").await;
    assert!(events.iter().any(|e| e["entity_id"] == stay["id"]));
}

async fn r_q_4_a_full_shelter_takes_nobody_until_a_stay_ends(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 01));
    let worker = app.token("social_worker").await;
    let facility = shelter(&app, &worker).await;
    let mut stays = Vec::new();
    for name in ["Algis", "Birutė"] {
        let p = person(&app, &worker, name).await;
        stays.push(
            arrive(&app, &worker, &facility, &p, None)
                .await
                .assert_status(201)
                .clone(),
        );
    }
    let third = person(&app, &worker, "Česlovas").await;
    arrive(&app, &worker, &facility, &third, None)
        .await
        .assert_problem(409, "no_free_place");
    let place = app
        .get(&format!("/api/v1/facilities/{facility}"), &worker)
        .await;
    let place = place.assert_status(200)["places"][0].clone();
    assert_eq!(place["occupied"], 2);
    assert_eq!(place["free"], 0);
    // A stay ends: the place frees (nobody queues for the shelter).
    let ended = end(&app, &worker, &stays[0], "2026-12-01").await;
    let ended = ended.assert_status(200);
    assert_eq!(ended["stay"]["ended_on"], "2026-12-01");
    assert_eq!(ended["next_offers"], json!([]));
    arrive(&app, &worker, &facility, &third, None)
        .await
        .assert_status(201);
}

async fn ending_a_stay_is_refused_when_stale_before_its_start_or_already_ended(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 03));
    let worker = app.token("social_worker").await;
    let facility = shelter(&app, &worker).await;
    let p = person(&app, &worker, "Dalia").await;
    let stay = app
        .post(
            "/api/v1/stays",
            &worker,
            json!({ "facility_id": facility, "person_id": p, "brought_by": "ambulance",
                    "arrived_at": "2026-12-02T21:30:00Z" }),
        )
        .await;
    let stay = stay.assert_status(201).clone();
    // 23:30 in Vilnius: the stay began on the 2nd.
    assert_eq!(stay["started_on"], "2026-12-02");
    let id = stay["id"].as_str().unwrap();
    let end_path = format!("/api/v1/stays/{id}/end");
    let stale = app
        .post(
            &end_path,
            &worker,
            json!({ "version": 99, "ended_on": "2026-12-03", "reason": "moved_out" }),
        )
        .await;
    stale.assert_problem(409, "version_conflict");
    let early = end(&app, &worker, &stay, "2026-12-01").await;
    early.assert_problem(422, "validation_failed");
    assert_eq!(early.body["errors"][0]["field"], "ended_on");
    let later = end(&app, &worker, &stay, "2026-12-04").await;
    later.assert_problem(422, "validation_failed");
    let bad_reason = app
        .post(
            &end_path,
            &worker,
            json!({ "version": stay["version"], "ended_on": "2026-12-03", "reason": "bored" }),
        )
        .await;
    assert_eq!(bad_reason.status.as_u16(), 422);
    let ended = end(&app, &worker, &stay, "2026-12-03").await;
    let ended = ended.assert_status(200).clone();
    assert_eq!(ended["stay"]["nights"], 1);
    let again = app
        .post(
            &end_path,
            &worker,
            json!({ "version": ended["stay"]["version"], "ended_on": "2026-12-03", "reason": "moved_out" }),
        )
        .await;
    again.assert_problem(409, "stay_ended");
    let extend = app
        .post(
            &format!("/api/v1/stays/{id}/extensions"),
            &worker,
            json!({ "version": ended["stay"]["version"], "until": "2026-12-20", "threat_reason": "Liga." }),
        )
        .await;
    extend.assert_problem(409, "stay_ended");
    let auditor = app.token("auditor").await;
    let events = app.audit(&auditor, "action=stay.end").await;
    assert_eq!(
        events
            .iter()
            .filter(|e| e["entity_id"] == stay["id"])
            .count(),
        1
    );
}

async fn stays_are_only_for_the_roles_with_places(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 01));
    let worker = app.token("social_worker").await;
    let facility = shelter(&app, &worker).await;
    let p = person(&app, &worker, "Eglė").await;
    let stay = arrive(&app, &worker, &facility, &p, None).await;
    let stay = stay.assert_status(201).clone();
    let id = stay["id"].as_str().unwrap();
    for role in ["admin", "auditor", "case_manager"] {
        let token = app.token(role).await;
        app.get("/api/v1/stays", &token)
            .await
            .assert_problem(403, "forbidden");
        app.get(&format!("/api/v1/stays/{id}"), &token)
            .await
            .assert_problem(403, "forbidden");
        arrive(&app, &token, &facility, &p, Some("Grėsmė."))
            .await
            .assert_problem(403, "forbidden");
        end(&app, &token, &stay, "2026-12-01")
            .await
            .assert_problem(403, "forbidden");
        app.post(
            &format!("/api/v1/stays/{id}/extensions"),
            &token,
            json!({ "version": stay["version"], "until": "2026-12-10", "threat_reason": "Liga." }),
        )
        .await
        .assert_problem(403, "forbidden");
    }
    // The division head reads stays but does not record them.
    let head = app.token("division_head").await;
    let list = app
        .get(
            &format!("/api/v1/stays?facility_id={facility}&place_kind=shelter"),
            &head,
        )
        .await;
    assert_eq!(
        list.assert_status(200)["items"].as_array().unwrap().len(),
        1
    );
    end(&app, &head, &stay, "2026-12-01")
        .await
        .assert_problem(403, "forbidden");
    // The division ends it.
    let specialist = app.token("division_specialist").await;
    end(&app, &specialist, &stay, "2026-12-01")
        .await
        .assert_status(200);
}

/// A person granted long-term care in the group living home `ggn`, signed
/// today (signing registers them in its queue); returns the entry's id.
async fn granted_long_term(
    app: &TestApp,
    worker: &str,
    specialist: &str,
    head: &str,
    first: &str,
) -> String {
    let person = person(app, worker, first).await;
    let application = app
        .post(
            "/api/v1/applications",
            worker,
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
        .await;
    let application = application.assert_status(201).clone();
    let path = format!(
        "/api/v1/applications/{}",
        application["id"].as_str().unwrap()
    );
    let assessed = app
        .json(
            Method::PUT,
            &format!("{path}/assessment"),
            Some(worker),
            json!({ "version": application["version"], "submitted_on": "2026-11-23", "conclusion": "Poreikis nustatytas." }),
        )
        .await;
    let assessed = assessed.assert_status(200).clone();
    let forwarded = app
        .post(
            &format!("{path}/forward"),
            worker,
            json!({ "version": assessed["version"], "exception_reason": null }),
        )
        .await;
    let forwarded = forwarded.assert_status(200).clone();
    let prepared = app
        .post(
            &format!("{path}/decision"),
            specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Skirti ilgalaikę socialinę globą." }),
        )
        .await;
    let decision = prepared.assert_status(200)["decision"].clone();
    app.post(
        &format!(
            "/api/v1/decisions/{}/sign",
            decision["id"].as_str().unwrap()
        ),
        head,
        json!({ "version": decision["version"] }),
    )
    .await
    .assert_status(200);
    let auditor = app.token("auditor").await;
    let joins = app.audit(&auditor, "action=queue.join").await;
    joins
        .iter()
        .find(|j| j["summary"]["decision_id"] == decision["id"])
        .expect("signing registered the person in the queue")["entity_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn queue_entry(app: &TestApp, token: &str, id: &str) -> Value {
    app.get(&format!("/api/v1/queue-entries/{id}"), token)
        .await
        .assert_status(200)
        .clone()
}

async fn r_q_4_ending_a_stay_in_a_full_group_living_home_offers_the_place_to_the_first_in_line(
    app: TestApp,
) {
    app.clock.set_today(date!(2026 - 12 - 01));
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let list = app.get("/api/v1/facilities", &specialist).await;
    let ggn = list
        .assert_status(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "ggn")
        .expect("the seeded group living home")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // One long-term place from today.
    app.post(
        &format!("/api/v1/facilities/{ggn}/capacities"),
        &specialist,
        json!({ "place_kind": "long_term_care", "places": 1, "valid_from": "2026-12-01" }),
    )
    .await
    .assert_status(200);
    // Aldona is offered it at once, accepts and moves in.
    let aldona = granted_long_term(&app, &worker, &specialist, &head, "Aldona").await;
    let offered = queue_entry(&app, &specialist, &aldona).await["offer"].clone();
    assert_eq!(offered["status"], "pending");
    let accepted = app
        .post(
            &format!("/api/v1/offers/{}/answer", offered["id"].as_str().unwrap()),
            &specialist,
            json!({ "version": offered["version"], "answer": "accepted" }),
        )
        .await;
    let accepted = accepted.assert_status(200)["offer"].clone();
    let stay = app
        .post(
            &format!("/api/v1/offers/{}/admit", accepted["id"].as_str().unwrap()),
            &specialist,
            json!({
                "version": accepted["version"],
                "moving_in_on": "2026-12-01",
                "checklist": [
                    { "code": "f027a_extract", "done": true },
                    { "code": "no_acute_infectious_disease", "done": true },
                    { "code": "no_acute_psychosis", "done": true },
                    { "code": "visit_offered", "done": false },
                ],
                "extract_027a_issued_on": "2026-11-15",
            }),
        )
        .await;
    let stay = stay.assert_status(201).clone();
    // Birutė waits first in line: every place is taken.
    let birute = granted_long_term(&app, &worker, &specialist, &head, "Birutė").await;
    let waiting = queue_entry(&app, &specialist, &birute).await;
    assert_eq!(waiting["position"], 1);
    assert_eq!(waiting["offer"], Value::Null);
    let stays = app
        .get(
            &format!("/api/v1/stays?facility_id={ggn}&open=true&place_kind=long_term_care"),
            &specialist,
        )
        .await;
    let stays = stays.assert_status(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(stays.len(), 1);
    assert_eq!(stays[0]["id"], stay["id"]);
    assert_eq!(
        stays[0]["sp8_due_at"],
        Value::Null,
        "no SP-8 clock outside the shelter"
    );
    assert_eq!(stays[0]["sp8_overdue"], false);
    // A social worker ends shelter stays only.
    end(&app, &worker, &stay, "2026-12-01")
        .await
        .assert_problem(403, "forbidden");
    // Aldona dies: the place frees and Birutė is offered it at once.
    let ended = app
        .post(
            &format!("/api/v1/stays/{}/end", stay["id"].as_str().unwrap()),
            &specialist,
            json!({ "version": stay["version"], "ended_on": "2026-12-01", "reason": "died", "note": "  " }),
        )
        .await;
    let ended = ended.assert_status(200).clone();
    assert_eq!(ended["stay"]["end_reason"], "died");
    assert_eq!(ended["stay"]["end_note"], Value::Null);
    let next = ended["next_offers"].as_array().unwrap();
    assert_eq!(next.len(), 1, "{ended}");
    assert_eq!(next[0]["queue_entry_id"], birute.as_str());
    assert_eq!(next[0]["status"], "pending");
    let offered = queue_entry(&app, &specialist, &birute).await;
    assert_eq!(offered["offer"]["id"], next[0]["id"]);
    let auditor = app.token("auditor").await;
    let makes = app.audit(&auditor, "action=offer.make").await;
    assert!(makes.iter().any(|e| e["entity_id"] == next[0]["id"]));
}
