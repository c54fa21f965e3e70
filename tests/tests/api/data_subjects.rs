//! The data subject's questions (GDPR art. 15): who read or changed a
//! person's data, with the staff member's full name and purpose, and the
//! exports of everything stored about them — for auditors and the data
//! protection officer only, own municipality only, each answer recorded.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    data_subject_reads_of_file_application_and_decision_show_full_name_and_purpose,
    data_subject_other_peoples_records_are_not_shown,
    data_subject_period_filter_and_cursor,
    data_subject_other_municipality_person_is_404,
    data_subject_roles_without_the_permission_get_403,
    data_subject_lookup_by_name_or_code_is_recorded,
    data_subject_json_export_holds_the_person_and_the_read_log_and_is_recorded,
    data_subject_pdf_and_csv_exports_are_recorded_as_exports,
);

async fn person(app: &TestApp, token: &str, code: &str, first: &str, last: &str) -> String {
    app.post(
        "/api/v1/persons",
        token,
        json!({ "personal_code": code, "first_name": first, "last_name": last, "declared_address": "Šiaulių g. 5, Kelmė" }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

const DOCS: [&str; 7] = [
    "sp8_application",
    "identity_document",
    "disability_or_pensioner_certificate",
    "medical_extract_027a",
    "declared_residence",
    "income_3_months",
    "capacity_or_special_needs",
];

/// Ona Žemaitė with a home-help application the division has prepared a
/// decision on: (person id, application id, decision id).
async fn ona_with_decision(app: &TestApp) -> (String, String, String) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let ona = person(app, &worker, "46805280103", "Ona", "Žemaitė").await;
    let received = app.clock.today();
    let application = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({
                "person_id": ona,
                "service_code": "home_help",
                "received_on": received.to_string(),
                "channel": "in_person",
                "documents": DOCS.iter().map(|c| json!({ "code": c, "status": "provided" })).collect::<Vec<_>>(),
            }),
        )
        .await
        .assert_status(201)
        .clone();
    let id = application["id"].as_str().unwrap().to_owned();
    let assessed = app
        .json(
            Method::PUT,
            &format!("/api/v1/applications/{id}/assessment"),
            Some(&worker),
            json!({
                "version": application["version"],
                "submitted_on": received.to_string(),
                "conclusion": "Reikia pagalbos į namus.",
                "recommended_hours_per_month": "20",
            }),
        )
        .await
        .assert_status(200)
        .clone();
    let forwarded = app
        .post(
            &format!("/api/v1/applications/{id}/forward"),
            &worker,
            json!({ "version": assessed["version"] }),
        )
        .await
        .assert_status(200)
        .clone();
    let prepared = app
        .post(
            &format!("/api/v1/applications/{id}/decision"),
            &specialist,
            json!({ "version": forwarded["version"], "outcome": "refused", "reasoning": "Netenkina sąlygų." }),
        )
        .await
        .assert_status(200)
        .clone();
    let decision = prepared["decision"]["id"].as_str().unwrap().to_owned();
    (ona, id, decision)
}

async fn accesses(app: &TestApp, token: &str, person: &str, query: &str) -> Value {
    app.get(
        &format!("/api/v1/data-subjects/{person}/accesses?{query}"),
        token,
    )
    .await
    .assert_status(200)
    .clone()
}

fn items(page: &Value) -> Vec<Value> {
    page["items"].as_array().cloned().unwrap_or_default()
}

async fn data_subject_reads_of_file_application_and_decision_show_full_name_and_purpose(
    app: TestApp,
) {
    let (ona, application, decision) = ona_with_decision(&app).await;
    let specialist = app.token("division_specialist").await;
    for path in [
        format!("/api/v1/persons/{ona}"),
        format!("/api/v1/applications/{application}"),
        format!("/api/v1/decisions/{decision}"),
    ] {
        app.get_for(&path, &specialist, Some("decision"))
            .await
            .assert_status(200);
    }
    let dpo = app.token("data_protection_officer").await;
    let page = accesses(&app, &dpo, &ona, "limit=200").await;
    let list = items(&page);
    for (action, entity, id) in [
        ("person.read", "person", &ona),
        ("application.read", "application", &application),
        ("decision.read", "decision", &decision),
    ] {
        let read = list
            .iter()
            .find(|a| a["action"] == action && a["entity_id"] == json!(id))
            .unwrap_or_else(|| panic!("{action} in {list:#?}"));
        assert_eq!(read["entity"], entity);
        assert_eq!(read["kind"], "read");
        assert_eq!(read["actor_name"], "Ona Jankauskienė");
        assert_eq!(read["actor_username"], "division_specialist");
        assert_eq!(read["actor_roles"], json!(["division_specialist"]));
        assert_eq!(read["purpose"], "decision");
    }
    // Writes too: the social worker registered the application.
    let created = list
        .iter()
        .find(|a| a["action"] == "application.create")
        .expect("the application's registration");
    assert_eq!(created["kind"], "write");
    assert_eq!(created["actor_name"], "Rasa Petraitienė");
    assert_eq!(created["purpose"], json!(null));
    let prepared = list
        .iter()
        .find(|a| a["action"] == "application.prepare_decision")
        .expect("the decision's preparation");
    assert_eq!(prepared["actor_name"], "Ona Jankauskienė");
    // Newest first.
    let ids: Vec<&str> = list.iter().map(|a| a["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(ids, sorted);
    // Reading the log is itself recorded, about the person.
    let auditor = app.token("auditor").await;
    let reads = app
        .audit(
            &auditor,
            &format!("action=data_subject.accesses_read&entity_id={ona}"),
        )
        .await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0]["actor_name"], "data_protection_officer");
    assert_eq!(reads[0]["summary"]["purpose"], "data_subject_request");
}

async fn data_subject_other_peoples_records_are_not_shown(app: TestApp) {
    let (ona, _, _) = ona_with_decision(&app).await;
    let worker = app.token("social_worker").await;
    let jonas = person(&app, &worker, "34803120015", "Jonas", "Petraitis").await;
    let specialist = app.token("division_specialist").await;
    app.get_for(
        &format!("/api/v1/persons/{jonas}"),
        &specialist,
        Some("decision"),
    )
    .await
    .assert_status(200);
    let auditor = app.token("auditor").await;
    let list = items(&accesses(&app, &auditor, &ona, "limit=200").await);
    assert!(!list.is_empty());
    assert!(
        list.iter().all(|a| a["entity_id"] != json!(jonas)),
        "{list:#?}"
    );
    let of_jonas = items(&accesses(&app, &auditor, &jonas, "limit=200").await);
    assert!(of_jonas.iter().any(|a| a["action"] == "person.read"));
    assert!(
        of_jonas
            .iter()
            .all(|a| a["entity"] == "person" && a["entity_id"] == json!(jonas)),
        "{of_jonas:#?}"
    );
}

async fn data_subject_period_filter_and_cursor(app: TestApp) {
    let worker = app.token("social_worker").await;
    let ona = person(&app, &worker, "46805280103", "Ona", "Žemaitė").await;
    let first_read = app.clock.now();
    app.get(&format!("/api/v1/persons/{ona}"), &worker)
        .await
        .assert_status(200);
    app.clock.advance(time::Duration::days(10));
    let worker = app.token("social_worker").await;
    app.get_for(&format!("/api/v1/persons/{ona}"), &worker, Some("intake"))
        .await
        .assert_status(200);
    let auditor = app.token("auditor").await;
    let middle = (first_read + time::Duration::days(5))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let later = items(&accesses(&app, &auditor, &ona, &format!("from={middle}")).await);
    assert_eq!(
        later
            .iter()
            .map(|a| (a["action"].as_str().unwrap(), a["purpose"].clone()))
            .collect::<Vec<_>>(),
        vec![("person.read", json!("intake"))]
    );
    let earlier = items(&accesses(&app, &auditor, &ona, &format!("to={middle}")).await);
    assert!(earlier.iter().any(|a| a["action"] == "person.create"));
    assert!(earlier.iter().all(|a| a["purpose"] != "intake"));
    assert!(
        earlier
            .iter()
            .any(|a| a["action"] == "person.read" && a["purpose"] == "needs_assessment")
    );
    // A cursor pages through the rest.
    let page = accesses(&app, &auditor, &ona, "limit=1").await;
    assert_eq!(items(&page).len(), 1);
    let cursor = page["next_cursor"].as_str().unwrap();
    let next = accesses(&app, &auditor, &ona, &format!("limit=1&cursor={cursor}")).await;
    assert!(items(&next)[0]["id"].as_str().unwrap() < items(&page)[0]["id"].as_str().unwrap());
    // Bad input is a 4xx problem.
    app.get(
        &format!("/api/v1/data-subjects/{ona}/accesses?from=yesterday"),
        &auditor,
    )
    .await
    .assert_problem(400, "invalid_query");
    app.get(
        &format!("/api/v1/data-subjects/{ona}/accesses?limit=0"),
        &auditor,
    )
    .await
    .assert_problem(422, "validation_failed");
    app.get(
        &format!(
            "/api/v1/data-subjects/{ona}/accesses?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"
        ),
        &auditor,
    )
    .await
    .assert_problem(422, "validation_failed");
}

async fn data_subject_other_municipality_person_is_404(app: TestApp) {
    let kaunas = app.token("kaunas_worker").await;
    let someone = person(&app, &kaunas, "46805280103", "Ona", "Žemaitė").await;
    let auditor = app.token("auditor").await;
    for path in [
        format!("/api/v1/data-subjects/{someone}/accesses"),
        format!("/api/v1/data-subjects/{someone}/accesses/export?format=csv"),
        format!("/api/v1/data-subjects/{someone}/export.json"),
        format!("/api/v1/data-subjects/{someone}/export.pdf"),
        format!("/api/v1/data-subjects/{}/accesses", uuid::Uuid::new_v4()),
    ] {
        app.get(&path, &auditor)
            .await
            .assert_problem(404, "not_found");
    }
    let found = app
        .get("/api/v1/data-subjects?q=zemaite", &auditor)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(found["items"], json!([]));
    let found = app
        .get("/api/v1/data-subjects?q=46805280103", &auditor)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(found["items"], json!([]));
}

async fn data_subject_roles_without_the_permission_get_403(app: TestApp) {
    let worker = app.token("social_worker").await;
    let ona = person(&app, &worker, "46805280103", "Ona", "Žemaitė").await;
    for username in [
        "admin",
        "social_worker",
        "case_manager",
        "case_management_head",
        "division_specialist",
        "division_head",
    ] {
        let token = app.token(username).await;
        for path in [
            "/api/v1/data-subjects?q=zemaite".to_owned(),
            format!("/api/v1/data-subjects/{ona}/accesses"),
            format!("/api/v1/data-subjects/{ona}/accesses/export?format=xlsx"),
            format!("/api/v1/data-subjects/{ona}/export.json"),
            format!("/api/v1/data-subjects/{ona}/export.pdf"),
        ] {
            app.get(&path, &token)
                .await
                .assert_problem(403, "forbidden");
        }
    }
    for username in ["auditor", "data_protection_officer"] {
        let token = app.token(username).await;
        app.get(&format!("/api/v1/data-subjects/{ona}/accesses"), &token)
            .await
            .assert_status(200);
    }
}

async fn data_subject_lookup_by_name_or_code_is_recorded(app: TestApp) {
    let worker = app.token("social_worker").await;
    let ona = person(&app, &worker, "46805280103", "Ona", "Žemaitė").await;
    person(&app, &worker, "34803120015", "Jonas", "Petraitis").await;
    let dpo = app.token("data_protection_officer").await;
    for q in ["zemaite", "ŽEMAITĖ ona", "46805280103"] {
        let found = app
            .get(&format!("/api/v1/data-subjects?q={q}"), &dpo)
            .await
            .assert_status(200)
            .clone();
        let found = items(&found);
        assert_eq!(found.len(), 1, "{q}");
        assert_eq!(found[0]["id"], json!(ona));
        assert_eq!(found[0]["last_name"], "Žemaitė");
    }
    // An invalid code finds nobody; an empty query is refused.
    let none = app
        .get("/api/v1/data-subjects?q=46805280104", &dpo)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(none["items"], json!([]));
    app.get("/api/v1/data-subjects?q=%20", &dpo)
        .await
        .assert_problem(422, "validation_failed");
    let auditor = app.token("auditor").await;
    let lookups = app.audit(&auditor, "action=data_subject.search").await;
    assert_eq!(lookups.len(), 4);
    for lookup in &lookups {
        assert_eq!(lookup["actor_name"], "data_protection_officer");
        assert_eq!(lookup["summary"]["purpose"], "data_subject_request");
        let text = lookup["summary"].to_string();
        assert!(
            !text.contains("zemaite") && !text.contains("46805280103"),
            "{text}"
        );
    }
    assert_eq!(lookups[0]["summary"]["query"], "personal_code");
    assert_eq!(lookups[3]["summary"]["query"], "name");
    assert_eq!(lookups[3]["summary"]["results"], 1);
}

async fn data_subject_json_export_holds_the_person_and_the_read_log_and_is_recorded(app: TestApp) {
    let (ona, application, decision) = ona_with_decision(&app).await;
    let specialist = app.token("division_specialist").await;
    app.get_for(
        &format!("/api/v1/applications/{application}"),
        &specialist,
        Some("decision"),
    )
    .await
    .assert_status(200);
    let dpo = app.token("data_protection_officer").await;
    let response = app
        .request(
            Method::GET,
            &format!("/api/v1/data-subjects/{ona}/export.json"),
        )
        .bearer_auth(&dpo)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains("duomenys-zemaite-ona.json"),
        "{disposition}"
    );
    let export: Value = response.json().await.unwrap();
    assert_eq!(export["person"]["id"], json!(ona));
    assert_eq!(export["person"]["first_name"], "Ona");
    assert_eq!(export["person"]["personal_code"], "46805280103");
    assert!(export["person"].get("search_text").is_none());
    assert_eq!(export["applications"][0]["id"], json!(application));
    assert_eq!(
        export["applications"][0]["assessment"]["conclusion"],
        "Reikia pagalbos į namus."
    );
    assert_eq!(export["decisions"][0]["id"], json!(decision));
    assert_eq!(export["decisions"][0]["outcome"], "refused");
    let log = export["accesses"].as_array().unwrap();
    let read = log
        .iter()
        .find(|a| a["action"] == "application.read")
        .expect("the division's read");
    assert_eq!(read["actor_name"], "Ona Jankauskienė");
    assert_eq!(read["purpose"], "decision");
    // The export is recorded as an export of the person's data, and shows
    // among the accesses.
    let list = items(&accesses(&app, &dpo, &ona, "limit=200").await);
    let export_record = list
        .iter()
        .find(|a| a["action"] == "data_subject.export")
        .expect("the export");
    assert_eq!(export_record["kind"], "export");
    assert_eq!(export_record["summary"]["format"], "json");
    assert_eq!(export_record["purpose"], "data_subject_request");
    assert_eq!(export_record["actor_name"], "Rūta Duomenienė");
}

async fn data_subject_pdf_and_csv_exports_are_recorded_as_exports(app: TestApp) {
    let (ona, application, _) = ona_with_decision(&app).await;
    let specialist = app.token("division_specialist").await;
    app.get_for(
        &format!("/api/v1/applications/{application}"),
        &specialist,
        Some("decision"),
    )
    .await
    .assert_status(200);
    let auditor = app.token("auditor").await;
    let pdf = app
        .request(
            Method::GET,
            &format!("/api/v1/data-subjects/{ona}/export.pdf"),
        )
        .bearer_auth(&auditor)
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert!(bytes.len() > 5_000, "{} bytes", bytes.len());

    let csv = app
        .request(
            Method::GET,
            &format!("/api/v1/data-subjects/{ona}/accesses/export?format=csv"),
        )
        .bearer_auth(&auditor)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert!(lines[0].contains("Darbuotojas;"), "{}", lines[0]);
    assert!(
        lines.iter().any(|l| l.contains("Ona Jankauskienė")
            && l.contains("Peržiūrėjo")
            && l.contains("Sprendimo priėmimas")),
        "{text}"
    );
    app.get(
        &format!("/api/v1/data-subjects/{ona}/accesses/export?format=pdf"),
        &auditor,
    )
    .await
    .assert_problem(400, "invalid_query");

    let exports = app
        .audit(
            &auditor,
            &format!("action=data_subject.export&entity_id={ona}"),
        )
        .await;
    assert_eq!(exports.len(), 2, "{exports:#?}");
    assert_eq!(exports[0]["summary"]["what"], "accesses");
    assert_eq!(exports[0]["summary"]["format"], "csv");
    assert_eq!(
        exports[0]["summary"]["rows"],
        json!(lines.len() - 1),
        "the row count of the file"
    );
    assert_eq!(exports[1]["summary"]["format"], "pdf");
    assert_eq!(exports[1]["summary"]["purpose"], "data_subject_request");
}
