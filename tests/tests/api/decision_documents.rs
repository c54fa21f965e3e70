//! The decision (SP-9) and the letter notifying the person of it (R-DL-3)
//! as PDFs: fetched over HTTP, their text extracted, and the person, the fee
//! and its Lithuanian explanation with the rule IDs found in it.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    decision_pdf_shows_the_person_the_fee_and_its_explanation_in_lithuanian,
    decision_pdf_letter_is_dated_by_the_notification_and_names_the_method,
    decision_pdf_of_a_draft_is_marked_projektas_and_has_no_letter,
    decision_pdf_of_a_refusal_gives_the_reasoning_and_no_fee,
    decision_pdf_of_another_municipality_is_not_found,
    decision_pdf_needs_access_to_case_content,
);

/// A home-help application of Ona Žemaitė (700 EUR a month in August–October
/// 2026), assessed and forwarded to the division: its JSON.
async fn ready_application(app: &TestApp) -> Value {
    app.clock.set_today(date!(2026 - 12 - 01));
    let worker = app.token("social_worker").await;
    let person = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({
                "personal_code": "46805280103",
                "first_name": "Ona",
                "last_name": "Žemaitė",
                "declared_address": "Šiaulių g. 5, Kelmė",
            }),
        )
        .await
        .assert_status(201)
        .clone();
    let person_id = person["id"].as_str().unwrap();
    for month in 8..=10 {
        app.post(
            &format!("/api/v1/persons/{person_id}/income"),
            &worker,
            json!({ "year": 2026, "month": month, "amount": "700.00", "source": "sodra" }),
        )
        .await
        .assert_status(201);
    }
    let documents: Vec<Value> = [
        "sp8_application",
        "identity_document",
        "disability_or_pensioner_certificate",
        "medical_extract_027a",
        "declared_residence",
        "income_3_months",
        "capacity_or_special_needs",
    ]
    .iter()
    .map(|c| json!({ "code": c, "status": "provided" }))
    .collect();
    let application = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({
                "person_id": person_id,
                "service_code": "home_help",
                "received_on": "2026-11-10",
                "channel": "in_person",
                "documents": documents,
            }),
        )
        .await
        .assert_status(201)
        .clone();
    let id = application["id"].as_str().unwrap();
    let assessed = app
        .json(
            Method::PUT,
            &format!("/api/v1/applications/{id}/assessment"),
            Some(&worker),
            json!({
                "version": application["version"],
                "submitted_on": "2026-11-12",
                "conclusion": "Reikia pagalbos į namus.",
                "recommended_hours_per_month": "20",
            }),
        )
        .await
        .assert_status(200)
        .clone();
    app.post(
        &format!("/api/v1/applications/{id}/forward"),
        &worker,
        json!({ "version": assessed["version"] }),
    )
    .await
    .assert_status(200)
    .clone()
}

/// The decision prepared by the division specialist: its JSON.
async fn prepared(app: &TestApp, outcome: &str, reasoning: &str) -> Value {
    let application = ready_application(app).await;
    let specialist = app.token("division_specialist").await;
    let mut body = json!({
        "version": application["version"],
        "outcome": outcome,
        "reasoning": reasoning,
        "service_from": "2026-12-07",
    });
    if outcome == "granted" {
        body["hours_per_month"] = json!("20");
    }
    app.post(
        &format!(
            "/api/v1/applications/{}/decision",
            application["id"].as_str().unwrap()
        ),
        &specialist,
        body,
    )
    .await
    .assert_status(200)["decision"]
        .clone()
}

/// The decision signed by the division head: its JSON.
async fn signed(app: &TestApp, outcome: &str, reasoning: &str) -> Value {
    let decision = prepared(app, outcome, reasoning).await;
    let head = app.token("division_head").await;
    app.post(
        &format!(
            "/api/v1/decisions/{}/sign",
            decision["id"].as_str().unwrap()
        ),
        &head,
        json!({ "version": decision["version"] }),
    )
    .await
    .assert_status(200)
    .clone()
}

/// GET `path` for the purpose "decision": the response's status, headers
/// and bytes.
async fn fetch(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.request(Method::GET, path)
        .bearer_auth(token)
        .header("x-purpose", "decision")
        .send()
        .await
        .expect("request")
}

/// The PDF at `path` (asserting 200 and the PDF headers) as its text, each
/// run of white space one space.
async fn pdf_text(app: &TestApp, path: &str, token: &str) -> String {
    let response = fetch(app, path, token).await;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert!(
        header("content-disposition").starts_with("attachment; filename="),
        "{}",
        header("content-disposition")
    );
    assert_eq!(header("cache-control"), "no-store");
    let bytes = response.bytes().await.expect("body");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let document = lopdf::Document::load_mem(&bytes).expect("a readable PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("the PDF's text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[track_caller]
fn assert_contains(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e:?} is not in the PDF:\n{text}");
    }
}

async fn decision_pdf_shows_the_person_the_fee_and_its_explanation_in_lithuanian(app: TestApp) {
    let decision = signed(&app, "granted", "Poreikis nustatytas, pajamos įvertintos.").await;
    let id = decision["id"].as_str().unwrap();
    let specialist = app.token("division_specialist").await;
    let text = pdf_text(&app, &format!("/api/v1/decisions/{id}/pdf"), &specialist).await;
    // I = 700 ≥ 3V = 699 → at most 10 % = 70.00; 20 h × 6.50 = 130; room 234.
    assert_contains(
        &text,
        &[
            "KELMĖS RAJONO SAVIVALDYBĖ",
            "SPRENDIMAS",
            "Ona Žemaitė",
            "46805280103",
            "Šiaulių g. 5, Kelmė",
            "skiriama",
            "20 val. per mėnesį",
            "2026 m. gruodžio 7 d.",
            "Poreikis nustatytas, pajamos įvertintos.",
            "70,00 Eur per mėnesį",
            "Vidutinės pajamos vienam šeimos nariui per mėnesį — 700,00 Eur",
            "2026-08, 2026-09, 2026-10",
            "2 VRP sudaro 466,00 Eur (R-FEE-0)",
            "negali būti didesnis nei 10 proc. pajamų",
            "ne daugiau kaip 70,00 Eur (R-FEE-1)",
            "20 val. × 6,50 Eur už valandą = 130,00 Eur (R-FEE-3)",
            "ne didesnis nei 234,00 Eur (R-FEE-2)",
            "didžiausiai leidžiamai pajamų daliai",
            "Apskundimo tvarka",
            "per vieną mėnesį",
            "Parengė: Ona Jankauskienė",
            "Vytautas Stankevičius",
            "2026 m. gruodžio 1 d. Nr. SP9-2026-",
        ],
    );
    assert!(!text.contains("PROJEKTAS"), "{text}");
    // The print is a read, recorded with its purpose and the document.
    let auditor = app.token("auditor").await;
    let records = app
        .audit(&auditor, &format!("entity=decision&entity_id={id}"))
        .await;
    let print = records
        .iter()
        .find(|r| r["action"] == "decision.print")
        .unwrap_or_else(|| panic!("no decision.print in {records:?}"));
    assert_eq!(print["summary"]["purpose"], "decision");
    assert_eq!(print["summary"]["document"], "decision");
}

async fn decision_pdf_letter_is_dated_by_the_notification_and_names_the_method(app: TestApp) {
    let decision = signed(&app, "granted", "Poreikis nustatytas.").await;
    let id = decision["id"].as_str().unwrap();
    let specialist = app.token("division_specialist").await;
    app.clock.set_today(date!(2026 - 12 - 03));
    // Before the notification the letter is dated the day it is printed.
    let draft_letter = pdf_text(
        &app,
        &format!("/api/v1/decisions/{id}/notification-letter/pdf"),
        &specialist,
    )
    .await;
    assert_contains(
        &draft_letter,
        &["2026 m. gruodžio 3 d. PRANEŠIMAS APIE PRIIMTĄ SPRENDIMĄ"],
    );
    app.post(
        &format!("/api/v1/decisions/{id}/notification"),
        &specialist,
        json!({ "version": decision["version"], "notified_on": "2026-12-02", "method": "letter" }),
    )
    .await
    .assert_status(200);
    let letter = pdf_text(
        &app,
        &format!("/api/v1/decisions/{id}/notification-letter/pdf"),
        &specialist,
    )
    .await;
    assert_contains(
        &letter,
        &[
            "Ona Žemaitė Šiaulių g. 5, Kelmė 2026 m. gruodžio 2 d. PRANEŠIMAS APIE PRIIMTĄ SPRENDIMĄ",
            "2026 m. gruodžio 1 d. sprendimu Nr. SP9-2026-",
            "skirta",
            "70,00 Eur per mėnesį",
            "(R-FEE-1)",
            "apskųsti",
        ],
    );
    // The decision shows how and when the person was told (R-DL-3).
    let text = pdf_text(&app, &format!("/api/v1/decisions/{id}/pdf"), &specialist).await;
    assert_contains(
        &text,
        &["Asmuo informuotas 2026 m. gruodžio 2 d., paštu (laišku)."],
    );
    let auditor = app.token("auditor").await;
    let letters = app
        .audit(&auditor, &format!("entity=decision&entity_id={id}"))
        .await
        .into_iter()
        .filter(|r| {
            r["action"] == "decision.print" && r["summary"]["document"] == "notification_letter"
        })
        .count();
    assert_eq!(letters, 2);
}

async fn decision_pdf_of_a_draft_is_marked_projektas_and_has_no_letter(app: TestApp) {
    let decision = prepared(&app, "granted", "Poreikis nustatytas.").await;
    let id = decision["id"].as_str().unwrap();
    let head = app.token("division_head").await;
    let text = pdf_text(&app, &format!("/api/v1/decisions/{id}/pdf"), &head).await;
    assert_contains(
        &text,
        &["PROJEKTAS", "Ona Žemaitė", "70,00 Eur", "(R-FEE-1)"],
    );
    let reply = app
        .send(
            app.request(
                Method::GET,
                &format!("/api/v1/decisions/{id}/notification-letter/pdf"),
            )
            .bearer_auth(&head)
            .header("x-purpose", "decision"),
        )
        .await;
    reply.assert_problem(409, "invalid_transition");
}

async fn decision_pdf_of_a_refusal_gives_the_reasoning_and_no_fee(app: TestApp) {
    let decision = signed(
        &app,
        "refused",
        "Asmuo gali pasirūpinti savimi; pagalbos į namus poreikis nenustatytas.",
    )
    .await;
    let id = decision["id"].as_str().unwrap();
    let specialist = app.token("division_specialist").await;
    let text = pdf_text(&app, &format!("/api/v1/decisions/{id}/pdf"), &specialist).await;
    assert_contains(
        &text,
        &[
            "NESKYRIMO",
            "atsisakoma skirti",
            "Asmuo gali pasirūpinti savimi; pagalbos į namus poreikis nenustatytas.",
            "Apskundimo tvarka",
        ],
    );
    assert!(!text.contains("Mokėjimas už paslaugą"), "{text}");
    assert!(!text.contains("R-FEE"), "{text}");
    let letter = pdf_text(
        &app,
        &format!("/api/v1/decisions/{id}/notification-letter/pdf"),
        &specialist,
    )
    .await;
    assert_contains(&letter, &["atsisakyta skirti"]);
}

async fn decision_pdf_of_another_municipality_is_not_found(app: TestApp) {
    let decision = signed(&app, "granted", "Poreikis nustatytas.").await;
    let id = decision["id"].as_str().unwrap();
    let kaunas = app.token("kaunas_worker").await;
    for path in [
        format!("/api/v1/decisions/{id}/pdf"),
        format!("/api/v1/decisions/{id}/notification-letter/pdf"),
        format!("/api/v1/decisions/{}/pdf", uuid::Uuid::new_v4()),
    ] {
        app.send(
            app.request(Method::GET, &path)
                .bearer_auth(&kaunas)
                .header("x-purpose", "decision"),
        )
        .await
        .assert_problem(404, "not_found");
    }
}

async fn decision_pdf_needs_access_to_case_content(app: TestApp) {
    let decision = signed(&app, "granted", "Poreikis nustatytas.").await;
    let id = decision["id"].as_str().unwrap();
    let admin = app.token("admin").await;
    app.send(
        app.request(Method::GET, &format!("/api/v1/decisions/{id}/pdf"))
            .bearer_auth(&admin)
            .header("x-purpose", "decision"),
    )
    .await
    .assert_problem(403, "forbidden");
    // Without a purpose the read is refused before anything is printed.
    let specialist = app.token("division_specialist").await;
    let reply = app
        .get_for(&format!("/api/v1/decisions/{id}/pdf"), &specialist, None)
        .await;
    reply.assert_problem(422, "validation_failed");
    let auditor = app.token("auditor").await;
    assert!(
        !app.audit(&auditor, &format!("entity=decision&entity_id={id}"))
            .await
            .iter()
            .any(|r| r["action"] == "decision.print")
    );
}
