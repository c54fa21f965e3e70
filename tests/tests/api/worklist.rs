//! Issue 12, home pages: each role's work list holds its own sections, in
//! its own scope (an eldership worker never sees another eldership's
//! person, the admin never sees case content), and the header search finds
//! people, applications and cases the reader may see, diacritics-insensitive.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use time::Duration;

db_tests!(
    worklist_social_worker_sees_their_applications_and_their_eldership_only,
    worklist_division_sections_are_the_inbox_and_its_terms_r_dl_2,
    worklist_case_sections_follow_the_case_scope,
    worklist_admin_sees_accounts_and_rates_and_no_case_content,
    worklist_auditor_and_data_protection_officer_have_no_sections,
    search_finds_people_applications_and_cases_in_scope,
    search_rejects_short_queries_and_readers_without_case_content,
);

/// Loads the demo's people, applications and cases.
async fn demo(app: &TestApp) {
    atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
        .await
        .unwrap();
}

async fn worklist(app: &TestApp, token: &str) -> Value {
    app.get_for("/api/v1/me/worklist", token, None)
        .await
        .assert_status(200)
        .clone()
}

fn kinds(list: &Value) -> Vec<String> {
    list["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap().to_owned())
        .collect()
}

fn section<'a>(list: &'a Value, kind: &str) -> &'a Value {
    list["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == kind)
        .unwrap_or_else(|| panic!("no section {kind} in {list}"))
}

fn ids(section: &Value) -> Vec<String> {
    section["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

fn people(list: &Value) -> Vec<String> {
    list["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap().iter())
        .filter_map(|i| i["person"].as_str().map(str::to_owned))
        .collect()
}

/// The id of the demo person found by `q`, as `token` sees them.
async fn person_id(app: &TestApp, token: &str, q: &str) -> String {
    let found = app
        .get(&format!("/api/v1/persons?q={q}"), token)
        .await
        .assert_status(200)
        .clone();
    found["items"][0]["id"].as_str().unwrap().to_owned()
}

async fn certificate(app: &TestApp, token: &str, person: &str, until: time::Date) -> String {
    app.post(
        &format!("/api/v1/persons/{person}/certificates"),
        token,
        json!({ "kind": "disability_level", "value": "moderate", "valid_from": "2024-01-01", "valid_until": until.to_string() }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn apply(
    app: &TestApp,
    token: &str,
    person: &str,
    service: &str,
    documents: &[&str],
) -> Value {
    let today = app.clock.today().to_string();
    let documents: Vec<Value> = documents
        .iter()
        .map(|code| json!({ "code": code, "status": "provided" }))
        .collect();
    app.post(
        "/api/v1/applications",
        token,
        json!({
            "person_id": person,
            "service_code": service,
            "received_on": today,
            "channel": "in_person",
            "documents": documents,
        }),
    )
    .await
    .assert_status(201)
    .clone()
}

fn path(application: &Value, tail: &str) -> String {
    format!(
        "/api/v1/applications/{}{tail}",
        application["id"].as_str().unwrap()
    )
}

async fn worklist_social_worker_sees_their_applications_and_their_eldership_only(app: TestApp) {
    demo(&app).await;
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let auditor = app.token("auditor").await;
    let today = app.clock.today();
    let list = worklist(&app, &worker).await;
    assert_eq!(
        kinds(&list),
        [
            "my_applications",
            "assessments_to_record",
            "returned_for_completion",
            "certificates_expiring"
        ]
    );
    // A certificate ending in 10 days in the worker's eldership (Kelmės
    // miesto) and one in Tytuvėnai, which only the division sees.
    let zemaite = person_id(&app, &worker, "zemaite").await;
    let own = certificate(&app, &worker, &zemaite, today + Duration::days(10)).await;
    let kazlauskas = person_id(&app, &specialist, "tomas%20kazlauskas").await;
    let foreign = certificate(&app, &specialist, &kazlauskas, today + Duration::days(5)).await;
    // Not yet ending: beyond 30 days.
    let later = certificate(&app, &worker, &zemaite, today + Duration::days(45)).await;
    // A new application: the worker's own, its assessment still to record.
    let child = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Darbė", "last_name": "Sąrašaitė", "birth_date": "2015-05-05" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let application = apply(
        &app,
        &worker,
        &child,
        "children_day_centre",
        &["sp8_application", "identity_document"],
    )
    .await;
    let id = application["id"].as_str().unwrap().to_owned();
    let list = worklist(&app, &worker).await;
    let certificates = ids(section(&list, "certificates_expiring"));
    assert!(certificates.contains(&own));
    assert!(
        !certificates.contains(&foreign),
        "another eldership's person"
    );
    assert!(!certificates.contains(&later), "ends after 30 days");
    let item = section(&list, "certificates_expiring")["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == own.as_str())
        .unwrap()
        .clone();
    assert_eq!(item["person"], "Ona Žemaitė");
    assert_eq!(item["code"], "disability_level");
    assert_eq!(item["link"], format!("/persons/{zemaite}"));
    let mine = section(&list, "my_applications");
    assert!(ids(mine).contains(&id));
    assert!(ids(section(&list, "assessments_to_record")).contains(&id));
    let line = mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.as_str())
        .unwrap();
    assert_eq!(line["status"], "submitted");
    assert_eq!(line["person"], "Darbė Sąrašaitė");
    assert_eq!(line["link"], format!("/applications/{id}"));
    // Nobody of Tytuvėnai anywhere in the worker's list.
    let names = people(&list);
    assert!(!names.is_empty());
    assert!(
        names
            .iter()
            .all(|n| !n.starts_with("Tomas Kazlauskas") && !n.starts_with("Rima Kazlauskienė")),
        "{names:?}"
    );
    // Assessed: no longer waiting for its assessment.
    app.json(
        Method::PUT,
        &path(&application, "/assessment"),
        Some(&worker),
        json!({ "version": application["version"], "submitted_on": today.to_string(), "conclusion": "Poreikis nustatytas." }),
    )
    .await
    .assert_status(200);
    let list = worklist(&app, &worker).await;
    assert!(!ids(section(&list, "assessments_to_record")).contains(&id));
    assert!(ids(section(&list, "my_applications")).contains(&id));
    // Each look is recorded once, with the counts and without names.
    let records = app.audit(&auditor, "action=worklist.read").await;
    assert_eq!(records.len(), 3, "{records:?}");
    let summary = records[0]["summary"].to_string();
    assert!(summary.contains("certificates_expiring"), "{summary}");
    assert!(!summary.contains("Žemaitė"), "{summary}");
}

async fn worklist_division_sections_are_the_inbox_and_its_terms_r_dl_2(app: TestApp) {
    demo(&app).await;
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let child = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Gabija", "last_name": "Dienaitė", "birth_date": "2015-09-09" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let application = apply(
        &app,
        &worker,
        &child,
        "children_day_centre",
        &["sp8_application", "identity_document"],
    )
    .await;
    let today = app.clock.today().to_string();
    let assessed = app
        .json(
            Method::PUT,
            &path(&application, "/assessment"),
            Some(&worker),
            json!({ "version": application["version"], "submitted_on": today, "conclusion": "Poreikis nustatytas." }),
        )
        .await
        .assert_status(200)
        .clone();
    let forwarded = app
        .post(
            &path(&assessed, "/forward"),
            &worker,
            json!({ "version": assessed["version"] }),
        )
        .await
        .assert_status(200)
        .clone();
    let id = application["id"].as_str().unwrap().to_owned();
    // The specialist's inbox section is the inbox: the same lines, in order.
    let list = worklist(&app, &specialist).await;
    assert_eq!(
        kinds(&list),
        [
            "inbox",
            "decisions_due_soon",
            "notifications_due",
            "handovers_due"
        ]
    );
    let inbox = app
        .get("/api/v1/applications/inbox", &specialist)
        .await
        .assert_status(200)
        .clone();
    let waiting: Vec<String> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] == "ready_for_decision")
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    let section_ids = ids(section(&list, "inbox"));
    assert!(section_ids.contains(&id));
    assert_eq!(section(&list, "inbox")["count"], waiting.len());
    assert_eq!(section_ids[..], waiting[..section_ids.len()]);
    // Day care is due within 10 working days (R-DL-2): due soon only
    // within 7 days or overdue.
    let soon = section(&list, "decisions_due_soon");
    for item in soon["items"].as_array().unwrap() {
        let due = item["due_on"].as_str().unwrap();
        assert!(
            item["overdue"] == true
                || due <= (app.clock.today() + Duration::days(7)).to_string().as_str(),
            "{item}"
        );
    }
    // Prepared: the head's to sign, no longer in the specialist's inbox.
    let prepared = app
        .post(
            &path(&forwarded, "/decision"),
            &specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Skirti paslaugas." }),
        )
        .await
        .assert_status(200)
        .clone();
    let list = worklist(&app, &head).await;
    assert_eq!(
        kinds(&list),
        [
            "decisions_to_sign",
            "overdue_decisions",
            "overdue_notifications",
            "overdue_handovers"
        ]
    );
    assert!(ids(section(&list, "decisions_to_sign")).contains(&id));
    for item in section(&list, "overdue_decisions")["items"]
        .as_array()
        .unwrap()
    {
        assert_eq!(item["overdue"], true);
    }
    let list = worklist(&app, &specialist).await;
    assert!(!ids(section(&list, "inbox")).contains(&id));
    // Signed: the hand-over to the provider is due in 3 working days.
    let signed = app
        .post(
            &format!(
                "/api/v1/decisions/{}/sign",
                prepared["decision"]["id"].as_str().unwrap()
            ),
            &head,
            json!({ "version": prepared["decision"]["version"] }),
        )
        .await
        .assert_status(200)
        .clone();
    let list = worklist(&app, &specialist).await;
    let handovers = section(&list, "handovers_due");
    let item = handovers["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.as_str())
        .unwrap_or_else(|| panic!("{handovers}"));
    let view = app.get(&path(&application, ""), &specialist).await;
    assert_eq!(item["due_on"], view.body["handover_due_on"]);
    assert_eq!(item["overdue"], false);
    assert!(!ids(section(&list, "notifications_due")).contains(&id));
    // Once handed over, it leaves the list.
    app.post(
        &format!("/api/v1/decisions/{}/handover", signed["id"].as_str().unwrap()),
        &specialist,
        json!({ "version": signed["version"], "handed_over_on": app.clock.today().to_string(), "handed_over_to": "Vaikų dienos centras" }),
    )
    .await
    .assert_status(200);
    let list = worklist(&app, &specialist).await;
    assert!(!ids(section(&list, "handovers_due")).contains(&id));
}

async fn worklist_case_sections_follow_the_case_scope(app: TestApp) {
    demo(&app).await;
    let manager = app.token("case_manager").await;
    let head = app.token("case_management_head").await;
    let mine = worklist(&app, &manager).await;
    assert_eq!(
        kinds(&mine),
        ["reviews_due", "plan_actions_due", "meetings_due"]
    );
    let all = worklist(&app, &head).await;
    assert_eq!(
        kinds(&all),
        [
            "cases_awaiting_assignment",
            "reviews_due",
            "plan_actions_due",
            "meetings_due"
        ]
    );
    // Every case the manager's list names is one of their cases, with the
    // next due item the case list shows; the head's list has the demo's
    // case waiting for its team.
    let cases = app
        .get_for(
            "/api/v1/cases?status=active&per_page=100",
            &manager,
            Some("case_management"),
        )
        .await
        .assert_status(200)
        .clone();
    let own: Vec<&Value> = cases["items"].as_array().unwrap().iter().collect();
    let mut listed = 0;
    for kind in kinds(&mine) {
        for item in section(&mine, &kind)["items"].as_array().unwrap() {
            listed += 1;
            let case = own
                .iter()
                .find(|c| c["id"] == item["id"])
                .unwrap_or_else(|| panic!("not the manager's case: {item}"));
            assert_eq!(item["due_on"], case["next_due"]["due_on"]);
            assert_eq!(item["code"], case["next_due"]["kind"]);
            assert_eq!(item["title"], case["number"]);
        }
    }
    let due = own.iter().filter(|c| !c["next_due"].is_null()).count() as u64;
    let counted: u64 = kinds(&mine)
        .iter()
        .map(|k| section(&mine, k)["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        counted, due,
        "each of the manager's cases once, by what is due next"
    );
    assert!(listed > 0, "the demo's open case has something due");
    let waiting = section(&all, "cases_awaiting_assignment");
    assert!(waiting["count"].as_u64().unwrap() >= 1, "{waiting}");
    for item in waiting["items"].as_array().unwrap() {
        assert_eq!(item["code"], "assignment");
        assert!(
            own.iter().all(|c| c["id"] != item["id"]),
            "a case without a team is nobody's yet"
        );
    }
}

async fn worklist_admin_sees_accounts_and_rates_and_no_case_content(app: TestApp) {
    let admin = app.token("admin").await;
    let auditor = app.token("auditor").await;
    let valid_from = (app.clock.today() + Duration::days(20)).to_string();
    let rate = app
        .post(
            "/api/v1/rates",
            &admin,
            json!({ "kind": "vrp", "valid_from": valid_from, "value": "300" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let far = (app.clock.today() + Duration::days(200)).to_string();
    let later = app
        .post(
            "/api/v1/rates",
            &admin,
            json!({ "kind": "vrp", "valid_from": far, "value": "310" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let account = app
        .post(
            "/api/v1/service-accounts",
            &admin,
            json!({ "name": "Dokumentų valdymo sistema", "scopes": ["case_content:read"] }),
        )
        .await
        .assert_status(201)
        .clone();
    let list = worklist(&app, &admin).await;
    assert_eq!(
        kinds(&list),
        [
            "inactive_accounts",
            "service_accounts",
            "rates_changing_soon"
        ]
    );
    let rates = section(&list, "rates_changing_soon");
    assert!(ids(rates).contains(&rate));
    assert!(!ids(rates).contains(&later), "beyond 60 days");
    let item = rates["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == rate.as_str())
        .unwrap();
    assert_eq!(item["code"], "vrp");
    assert_eq!(item["due_on"], valid_from.as_str());
    let accounts = section(&list, "service_accounts");
    let item = &accounts["items"][0];
    assert_eq!(item["id"], account["account"]["id"]);
    assert_eq!(item["status"], "active");
    assert_eq!(item["link"], "/service-accounts");
    // Nothing names a person, an application or a case.
    for s in list["sections"].as_array().unwrap() {
        for item in s["items"].as_array().unwrap() {
            assert!(item["person"].is_null(), "{item}");
            assert!(
                ["user", "service_account", "rate"].contains(&item["record"].as_str().unwrap()),
                "{item}"
            );
        }
    }
    assert!(
        app.audit(&auditor, "action=worklist.read").await.is_empty(),
        "no case content, no read record"
    );
}

async fn worklist_auditor_and_data_protection_officer_have_no_sections(app: TestApp) {
    for role in ["auditor", "data_protection_officer"] {
        let token = app.token(role).await;
        let list = worklist(&app, &token).await;
        assert_eq!(list["sections"], json!([]), "{role}");
        assert_eq!(list["today"], app.clock.today().to_string());
    }
}

async fn search(app: &TestApp, token: &str, q: &str) -> Value {
    app.get(&format!("/api/v1/search?q={q}"), token)
        .await
        .assert_status(200)
        .clone()
}

fn group<'a>(results: &'a Value, record: &str) -> &'a Value {
    results["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["record"] == record)
        .unwrap_or_else(|| panic!("no {record} in {results}"))
}

fn titles(group: &Value) -> Vec<String> {
    group["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

async fn search_finds_people_applications_and_cases_in_scope(app: TestApp) {
    demo(&app).await;
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let manager = app.token("case_manager").await;
    let auditor = app.token("auditor").await;
    // Without diacritics, in any case, and with them.
    for q in ["zemaite", "ZEMAITE", "%C5%BEemait%C4%97", "ona%20zem"] {
        let found = search(&app, &worker, q).await;
        let people = group(&found, "person");
        assert_eq!(titles(people), ["Ona Žemaitė"], "{q}");
        assert_eq!(people["total"], 1);
        assert_eq!(people["items"][0]["detail"], "46805280103");
        let applications = group(&found, "application");
        assert!(applications["total"].as_u64().unwrap() >= 1, "{q}");
        assert!(titles(applications).iter().all(|t| t == "Ona Žemaitė"));
        let link = applications["items"][0]["link"].as_str().unwrap();
        assert!(link.starts_with("/applications/"), "{link}");
    }
    // Tytuvėnai is not the worker's eldership: nobody found; the division
    // sees them.
    let outside = search(&app, &worker, "tomas%20kazlausk").await;
    assert_eq!(group(&outside, "person")["total"], 0);
    assert_eq!(group(&outside, "application")["total"], 0);
    let division = search(&app, &specialist, "tomas%20kazlausk").await;
    assert_eq!(titles(group(&division, "person")), ["Tomas Kazlauskas"]);
    // Cases: only for those who read cases, and only their own.
    assert!(
        division["groups"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["record"] != "case"),
        "the division reads no cases"
    );
    let cases = app
        .get_for(
            "/api/v1/cases?status=active&per_page=100",
            &manager,
            Some("case_management"),
        )
        .await
        .assert_status(200)
        .clone();
    let case = &cases["items"][0];
    let number = case["number"].as_str().unwrap();
    let found = search(&app, &manager, &number.to_lowercase()).await;
    let hits = group(&found, "case");
    assert_eq!(titles(hits), [number]);
    assert_eq!(hits["items"][0]["detail"], case["family"]["name"]);
    assert_eq!(
        hits["items"][0]["link"],
        format!("/cases/{}", case["id"].as_str().unwrap())
    );
    // By the name of a member of the case's family, without diacritics.
    let found = search(&app, &manager, "emilija%20rimkute").await;
    let hits = group(&found, "case");
    assert_eq!(hits["total"], 1, "{found}");
    assert_eq!(hits["items"][0]["detail"], "Rimkų šeima");
    // A case the manager is not on is not found by its number.
    let head = app.token("case_management_head").await;
    let every = app
        .get_for("/api/v1/cases?per_page=100", &head, Some("case_management"))
        .await
        .assert_status(200)
        .clone();
    let others: Vec<&Value> = every["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            cases["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["id"] != c["id"])
        })
        .collect();
    assert!(!others.is_empty());
    let other = others[0]["number"].as_str().unwrap();
    let found = search(&app, &manager, other).await;
    assert_eq!(group(&found, "case")["total"], 0, "{other}");
    assert_eq!(group(&search(&app, &head, other).await, "case")["total"], 1);
    // Recorded: how many of each, never the query.
    let records = app.audit(&auditor, "action=search.read").await;
    assert!(records.len() >= 7);
    let summary = records.last().unwrap()["summary"].to_string();
    assert!(summary.contains("\"person\":1"), "{summary}");
    assert!(!summary.to_lowercase().contains("zem"), "{summary}");
}

async fn search_rejects_short_queries_and_readers_without_case_content(app: TestApp) {
    let worker = app.token("social_worker").await;
    for q in ["", "a", "%C5%BE", "-%20-", "%20a%20"] {
        let reply = app.get(&format!("/api/v1/search?q={q}"), &worker).await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "q", "{q}");
        assert_eq!(reply.body["errors"][0]["code"], "too_short", "{q}");
    }
    app.get("/api/v1/search", &worker)
        .await
        .assert_problem(400, "invalid_query");
    app.get_for("/api/v1/search?q=zemaite", &worker, None)
        .await
        .assert_problem(422, "validation_failed");
    for role in ["admin", "auditor", "data_protection_officer"] {
        let token = app.token(role).await;
        app.get("/api/v1/search?q=zemaite", &token)
            .await
            .assert_problem(403, "forbidden");
    }
}
