//! People and families through the application layer: the person's file in
//! a fixed number of statements, and every read of case content recorded
//! with its purpose (or refused without one).

use crate::db_tests;
use crate::support::{Reply, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    person_file_takes_at_most_5_statements,
    search_and_eligibility_reads_are_recorded_with_their_purpose,
    reads_without_a_purpose_are_refused_and_not_recorded,
);

const HOME_HELP_DOCS: [&str; 7] = [
    "sp8_application",
    "identity_document",
    "disability_or_pensioner_certificate",
    "medical_extract_027a",
    "declared_residence",
    "income_3_months",
    "capacity_or_special_needs",
];

async fn ona(app: &TestApp, token: &str) -> Value {
    app.post(
        "/api/v1/persons",
        token,
        json!({
            "personal_code": "46805280103",
            "first_name": "Ona",
            "last_name": "Žemaitė",
            "declared_address": "Šiaulių g. 5, Kelmė",
        }),
    )
    .await
    .assert_status(201)
    .clone()
}

async fn home_help(app: &TestApp, token: &str, person_id: &str, received_on: &str) -> Value {
    let documents: Vec<Value> = HOME_HELP_DOCS
        .iter()
        .map(|c| json!({ "code": c, "status": "provided" }))
        .collect();
    app.post(
        "/api/v1/applications",
        token,
        json!({
            "person_id": person_id,
            "service_code": "home_help",
            "received_on": received_on,
            "channel": "in_person",
            "documents": documents,
        }),
    )
    .await
    .assert_status(201)
    .clone()
}

/// Takes a received application through assessment, the division, a
/// prepared decision and its signature, all through the API.
async fn decide(app: &TestApp, worker: &str, specialist: &str, head: &str, application: &Value) {
    let id = application["id"].as_str().unwrap();
    let assessed = app
        .json(
            Method::PUT,
            &format!("/api/v1/applications/{id}/assessment"),
            Some(worker),
            json!({
                "version": application["version"],
                "submitted_on": "2026-11-12",
                "conclusion": "Reikia pagalbos į namus.",
                "recommended_hours_per_month": "10",
            }),
        )
        .await
        .assert_status(200)
        .clone();
    let forwarded = app
        .post(
            &format!("/api/v1/applications/{id}/forward"),
            worker,
            json!({ "version": assessed["version"] }),
        )
        .await
        .assert_status(200)
        .clone();
    let prepared = app
        .post(
            &format!("/api/v1/applications/{id}/decision"),
            specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Taip.", "hours_per_month": "10" }),
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
        head,
        json!({ "version": decision["version"] }),
    )
    .await
    .assert_status(200);
}

async fn person_file_takes_at_most_5_statements(app: TestApp) {
    // After the applications below (received 10–12 November 2026).
    app.clock.set_today(time::macros::date!(2026 - 12 - 10));
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let person = ona(&app, &worker).await;
    let id = person["id"].as_str().unwrap().to_owned();
    // 6 income records: May–October 2026.
    for month in 5..=10 {
        app.post(
            &format!("/api/v1/persons/{id}/income"),
            &worker,
            json!({ "year": 2026, "month": month, "amount": "700.00", "source": "sodra" }),
        )
        .await
        .assert_status(201);
    }
    // 2 certificates.
    for (kind, value) in [("pensioner", None), ("working_capacity", Some("40"))] {
        app.post(
            &format!("/api/v1/persons/{id}/certificates"),
            &worker,
            json!({ "kind": kind, "value": value, "valid_from": "2026-01-01" }),
        )
        .await
        .assert_status(201);
    }
    // 1 family.
    app.post(
        "/api/v1/families",
        &worker,
        json!({ "name": "Žemaičių šeima", "members": [{ "person_id": id, "relation": "applicant" }] }),
    )
    .await
    .assert_status(201);
    // 3 applications, 2 of them decided (prepared and signed).
    for (n, received_on) in ["2026-11-10", "2026-11-11", "2026-11-12"]
        .iter()
        .enumerate()
    {
        let application = home_help(&app, &worker, &id, received_on).await;
        if n < 2 {
            decide(&app, &worker, &specialist, &head, &application).await;
        }
    }

    let (reply, statements): (Reply, usize) = app
        .statements(
            app.request(Method::GET, &format!("/api/v1/persons/{id}"))
                .bearer_auth(&worker)
                .header("x-purpose", "decision"),
        )
        .await;
    let file = reply.assert_status(200);
    println!("GET /api/v1/persons/{{id}}: {statements} SQL statements");
    assert_eq!(file["applications"].as_array().unwrap().len(), 3);
    assert_eq!(file["income"].as_array().unwrap().len(), 6);
    assert_eq!(file["income"][0]["month"], 10, "newest month first");
    assert_eq!(file["income"][0]["amount"], "700.00");
    assert_eq!(file["certificates"].as_array().unwrap().len(), 2);
    assert_eq!(file["families"].as_array().unwrap().len(), 1);
    assert_eq!(file["families"][0]["relation"], "applicant");
    assert_eq!(
        file["person"]["eldership"]["name"],
        "Kelmės miesto seniūnija"
    );
    let signed = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "decision_signed")
        .count();
    assert_eq!(signed, 2);
    assert!(
        statements <= 5,
        "the file took {statements} statements (token check, 3 SELECTs, the read record)"
    );
}

async fn search_and_eligibility_reads_are_recorded_with_their_purpose(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let id = person["id"].as_str().unwrap();
    let page = app
        .get_for("/api/v1/persons?q=zemaite", &worker, Some("intake"))
        .await;
    assert_eq!(page.assert_status(200)["total"], 1);
    let by_code = app
        .get_for(
            "/api/v1/persons?personal_code=46805280103",
            &worker,
            Some("decision"),
        )
        .await;
    assert_eq!(by_code.assert_status(200)["total"], 1);
    let hints = app
        .get_for(
            &format!("/api/v1/persons/{id}/eligibility?service_code=home_help"),
            &worker,
            Some("needs_assessment"),
        )
        .await;
    hints.assert_status(200);

    let auditor = app.token("auditor").await;
    let searches = app.audit(&auditor, "action=person.search").await;
    assert_eq!(searches.len(), 2, "one record per search: {searches:?}");
    assert_eq!(searches[0]["summary"]["purpose"], "decision");
    assert_eq!(searches[0]["summary"]["query"], json!(["personal_code"]));
    assert_eq!(searches[0]["summary"]["results"], 1);
    assert_eq!(searches[1]["summary"]["purpose"], "intake");
    assert_eq!(searches[1]["summary"]["query"], json!(["name"]));
    assert!(
        !searches[1]["summary"].to_string().contains("zemaite"),
        "the query text is not recorded"
    );
    assert_eq!(searches[1]["actor_name"], "social_worker");
    let reads = app
        .audit(
            &auditor,
            &format!("action=person.eligibility_read&entity_id={id}"),
        )
        .await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0]["summary"]["purpose"], "needs_assessment");
}

async fn reads_without_a_purpose_are_refused_and_not_recorded(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let id = person["id"].as_str().unwrap();
    let family = app
        .post(
            "/api/v1/families",
            &worker,
            json!({ "name": "Žemaičių šeima", "members": [{ "person_id": id, "relation": "applicant" }] }),
        )
        .await
        .assert_status(201)
        .clone();
    let reads = "SELECT COUNT(*) FROM audit_log WHERE action IN \
        ('person.read', 'person.search', 'person.eligibility_read', 'family.read')";
    let before = app.count(reads).await;
    for path in [
        "/api/v1/persons?q=zemaite".to_owned(),
        format!("/api/v1/persons/{id}"),
        format!("/api/v1/persons/{id}/eligibility?service_code=home_help"),
        format!("/api/v1/families/{}", family["id"].as_str().unwrap()),
    ] {
        let reply = app.get_for(&path, &worker, None).await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "X-Purpose", "{path}");
        app.get_for(&path, &worker, Some("curiosity"))
            .await
            .assert_problem(422, "validation_failed");
    }
    assert_eq!(app.count(reads).await, before, "nothing was recorded");
    // With a purpose, the family read is recorded.
    app.get_for(
        &format!("/api/v1/families/{}", family["id"].as_str().unwrap()),
        &worker,
        Some("case_management"),
    )
    .await
    .assert_status(200);
    assert_eq!(app.count(reads).await, before + 1);
}
