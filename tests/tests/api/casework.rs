//! People, income, applications (SP-8), needs assessment and decisions
//! (SP-9), end to end over HTTP.

use crate::db_tests;
use crate::support::{PASSWORD, TestApp};
use atvejis_domain::access::Role;
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    r_ref_invalid_personal_code_is_refused_and_nothing_stored,
    person_search_ignores_case_and_diacritics,
    eldership_specialist_sees_only_their_eldership,
    r_fee_income_must_be_a_non_negative_number,
    unknown_service_type_is_refused,
    r_dl_1_r_fee_1_home_help_from_intake_to_notification,
    r_role_2_preparer_cannot_sign,
    transitions_out_of_order_are_refused,
    stale_versions_are_refused_and_nothing_overwritten,
    r_el_6_missing_documents_block_even_with_an_r_cm_6_reason,
    division_inbox_puts_overdue_first,
    r_role_3_reads_of_a_persons_file_are_audited,
    other_municipalities_see_nothing,
    admin_edits_rates_and_catalogue_but_sees_no_case_content,
    admin_withdraws_only_rates_not_yet_in_force,
    r_dl_1_a_catalogue_change_does_not_move_deadlines_in_progress,
    a_deactivated_service_type_takes_no_new_applications,
    r_dl_2_service_cannot_start_before_the_decision_and_attachments_are_listed,
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

async fn new_person(app: &TestApp, token: &str, body: Value) -> Value {
    app.post("/api/v1/persons", token, body)
        .await
        .assert_status(201)
        .clone()
}

async fn ona(app: &TestApp, token: &str) -> Value {
    new_person(
        app,
        token,
        json!({
            "personal_code": "46805280103",
            "first_name": "Ona",
            "last_name": "Žemaitė",
            "declared_address": "Šiaulių g. 5, Kelmė",
        }),
    )
    .await
}

fn all_documents() -> Value {
    json!(
        HOME_HELP_DOCS
            .iter()
            .map(|c| json!({ "code": c, "status": "provided" }))
            .collect::<Vec<_>>()
    )
}

async fn home_help(app: &TestApp, token: &str, person_id: &str, received_on: &str) -> Value {
    app.post(
        "/api/v1/applications",
        token,
        json!({
            "person_id": person_id,
            "service_code": "home_help",
            "received_on": received_on,
            "channel": "in_person",
            "documents": all_documents(),
        }),
    )
    .await
    .assert_status(201)
    .clone()
}

async fn assess(app: &TestApp, token: &str, application: &Value, submitted_on: &str) -> Value {
    app.json(
        Method::PUT,
        &format!(
            "/api/v1/applications/{}/assessment",
            application["id"].as_str().unwrap()
        ),
        Some(token),
        json!({
            "version": application["version"],
            "submitted_on": submitted_on,
            "conclusion": "Reikia pagalbos į namus: buities darbai, apsipirkimas.",
            "recommended_hours_per_month": "20",
        }),
    )
    .await
    .assert_status(200)
    .clone()
}

async fn forward(app: &TestApp, token: &str, application: &Value) -> crate::support::Reply {
    app.post(
        &format!(
            "/api/v1/applications/{}/forward",
            application["id"].as_str().unwrap()
        ),
        token,
        json!({ "version": application["version"] }),
    )
    .await
}

async fn r_ref_invalid_personal_code_is_refused_and_nothing_stored(app: TestApp) {
    let worker = app.token("social_worker").await;
    for code in ["36805280108", "3680528010", "9680528010x"] {
        let reply = app
            .post(
                "/api/v1/persons",
                &worker,
                json!({ "personal_code": code, "first_name": "A", "last_name": "B" }),
            )
            .await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "personal_code");
        assert_eq!(reply.body["errors"][0]["code"], "invalid_personal_code");
    }
    // Birth date must agree with the code; sex is taken from it.
    let reply = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "personal_code": "46805280103", "first_name": "A", "last_name": "B", "birth_date": "1968-05-29" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, 0);
    let created = ona(&app, &worker).await;
    assert_eq!(created["birth_date"], "1968-05-28");
    assert_eq!(created["sex"], "female");
    assert_eq!(
        created["eldership"]["name"], "Kelmės miesto seniūnija",
        "the specialist's own by default"
    );
    // The same code twice: a clear conflict.
    let again = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "personal_code": "46805280103", "first_name": "O", "last_name": "Z" }),
        )
        .await;
    again.assert_problem(409, "person_exists");
    // People without a code are allowed.
    new_person(
        &app,
        &worker,
        json!({ "first_name": "Olena", "last_name": "Kovalenko", "birth_date": "1990-02-03" }),
    )
    .await;
}

async fn person_search_ignores_case_and_diacritics(app: TestApp) {
    let worker = app.token("social_worker").await;
    let created = ona(&app, &worker).await;
    new_person(&app, &worker, json!({ "first_name": "Jonas", "last_name": "Jonaitis", "declared_address": "Vilniaus g. 1" })).await;
    for q in ["zemaite", "ŽEMAITĖ", "ona zem", "siauliu", "kelme"] {
        let page = app.get(&format!("/api/v1/persons?q={q}"), &worker).await;
        let items = page.assert_status(200)["items"].as_array().unwrap().clone();
        assert_eq!(items.len(), 1, "{q}: {items:?}");
        assert_eq!(items[0]["id"], created["id"]);
    }
    let by_code = app
        .get("/api/v1/persons?personal_code=46805280103", &worker)
        .await;
    assert_eq!(by_code.body["total"], 1);
    let none = app
        .get("/api/v1/persons?personal_code=3680528", &worker)
        .await;
    assert_eq!(none.body["total"], 0, "codes match exactly");
    let all = app.get("/api/v1/persons?per_page=1", &worker).await;
    assert_eq!(all.body["total"], 2);
    assert_eq!(all.body["items"].as_array().unwrap().len(), 1);
}

async fn eldership_specialist_sees_only_their_eldership(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let org = app.get("/api/v1/organisation", &specialist).await;
    let kraziai = org.body["elderships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Kražių seniūnija")
        .unwrap()["id"]
        .clone();
    let elsewhere = new_person(
        &app,
        &specialist,
        json!({ "first_name": "Petras", "last_name": "Kražietis", "eldership_id": kraziai }),
    )
    .await;
    let mine = ona(&app, &worker).await;
    // The eldership specialist sees their own people only.
    let page = app.get("/api/v1/persons", &worker).await;
    assert_eq!(page.body["total"], 1);
    app.get(
        &format!("/api/v1/persons/{}", elsewhere["id"].as_str().unwrap()),
        &worker,
    )
    .await
    .assert_problem(404, "not_found");
    // They cannot register someone in another eldership.
    app.post(
        "/api/v1/persons",
        &worker,
        json!({ "first_name": "X", "last_name": "Y", "eldership_id": kraziai }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // The division sees the whole municipality.
    let page = app.get("/api/v1/persons", &specialist).await;
    assert_eq!(page.body["total"], 2);
    app.get(
        &format!("/api/v1/persons/{}", mine["id"].as_str().unwrap()),
        &specialist,
    )
    .await
    .assert_status(200);
}

async fn r_fee_income_must_be_a_non_negative_number(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let path = format!("/api/v1/persons/{}/income", person["id"].as_str().unwrap());
    for (amount, code) in [
        (json!("-1.00"), "negative"),
        (json!("abc"), "invalid"),
        (json!("10.005"), "invalid"),
    ] {
        let reply = app
            .post(
                &path,
                &worker,
                json!({ "year": 2026, "month": 10, "amount": amount, "source": "sodra" }),
            )
            .await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "amount", "{amount}");
        assert_eq!(reply.body["errors"][0]["code"], code, "{amount}");
    }
    app.post(
        &path,
        &worker,
        json!({ "year": 2026, "month": 13, "amount": "1", "source": "sodra" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM income_records").await, 0);
    let ok = app
        .post(
            &path,
            &worker,
            json!({ "year": 2026, "month": 10, "amount": 512.4, "source": "sodra" }),
        )
        .await;
    assert_eq!(ok.assert_status(201)["amount"], "512.40");
    app.post(
        &path,
        &worker,
        json!({ "year": 2026, "month": 10, "amount": "1", "source": "sodra" }),
    )
    .await
    .assert_problem(409, "income_exists");
}

async fn unknown_service_type_is_refused(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let reply = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({ "person_id": person["id"], "service_code": "spa_weekend", "received_on": "2026-11-10", "channel": "in_person" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["code"], "unknown_service_type");
    let reply = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({ "person_id": person["id"], "service_code": "home_help", "received_on": "2999-01-01", "channel": "in_person" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM applications").await, 0);
}

async fn r_dl_1_r_fee_1_home_help_from_intake_to_notification(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let person = ona(&app, &worker).await;
    let person_id = person["id"].as_str().unwrap().to_owned();
    // 700 EUR a month in August–October 2026 (the 3 months before 10 November).
    for month in 8..=10 {
        app.post(
            &format!("/api/v1/persons/{person_id}/income"),
            &worker,
            json!({ "year": 2026, "month": month, "amount": "700.00", "source": "sodra" }),
        )
        .await
        .assert_status(201);
    }
    let application = home_help(&app, &worker, &person_id, "2026-11-10").await;
    assert_eq!(application["status"], "submitted");
    assert_eq!(
        application["decision_due_on"],
        json!(null),
        "R-DL-1 runs from the assessment"
    );
    assert_eq!(application["documents"].as_array().unwrap().len(), 7);
    assert!(
        application["allowed_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("record_assessment"))
    );
    // Before the assessment the file does not go to the division; R-CM-6's
    // exception is for children's day care only, not home help.
    let offered = application["allowed_actions"].as_array().unwrap();
    assert!(!offered.contains(&json!("forward_to_division")));
    assert!(!offered.contains(&json!("forward_with_exception")));

    let assessed = assess(&app, &worker, &application, "2026-11-12").await;
    assert_eq!(assessed["status"], "assessed");
    assert!(
        assessed["allowed_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("forward_to_division"))
    );
    assert_eq!(
        assessed["decision_due_on"], "2026-11-26",
        "14 calendar days"
    );
    assert_eq!(
        assessed["assessment"]["assessor"]["display_name"],
        "Rasa Petraitienė"
    );
    let forwarded = forward(&app, &worker, &assessed)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(forwarded["status"], "ready_for_decision");

    // The division's inbox lists it.
    let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
    assert_eq!(
        inbox.assert_status(200)["items"][0]["id"],
        application["id"]
    );
    app.get("/api/v1/applications/inbox", &worker)
        .await
        .assert_problem(403, "forbidden");

    // The fee, line by line: I = 700 ≥ 3V = 699 → 10 % = 70.00; 20 h × 6.50 = 130; room 700 − 466 = 234.
    let id = application["id"].as_str().unwrap();
    let preview = app
        .get(
            &format!("/api/v1/applications/{id}/fee?hours_per_month=20"),
            &specialist,
        )
        .await;
    let calc = &preview.assert_status(200)["calculation"];
    assert_eq!(calc["vrp"], "233.00");
    assert_eq!(calc["income_per_member"], "700.00");
    assert_eq!(calc["band"], "from3_to4");
    assert_eq!(calc["cap_rate"], "0.1");
    assert_eq!(calc["cap_amount"], "70.00");
    assert_eq!(calc["cost"], "130.00");
    assert_eq!(calc["floor_room"], "234.00");
    assert_eq!(calc["fee"], "70.00");
    assert_eq!(calc["limited_by"], "cap");
    assert_eq!(
        calc["income_months"],
        json!(["2026-08", "2026-09", "2026-10"])
    );

    let prepared = app
        .post(
            &format!("/api/v1/applications/{id}/decision"),
            &specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Poreikis nustatytas.", "hours_per_month": "20" }),
        )
        .await;
    let prepared = prepared.assert_status(200).clone();
    assert_eq!(prepared["status"], "decision_prepared");
    let decision = &prepared["decision"];
    assert_eq!(decision["monthly_fee"], "70.00");
    assert_eq!(decision["status"], "prepared");
    assert_eq!(decision["prepared_by"]["display_name"], "Ona Jankauskienė");

    let signed = app
        .post(
            &format!(
                "/api/v1/decisions/{}/sign",
                decision["id"].as_str().unwrap()
            ),
            &head,
            json!({ "version": decision["version"] }),
        )
        .await;
    let signed = signed.assert_status(200).clone();
    assert_eq!(signed["status"], "signed");
    assert_eq!(signed["signed_by"]["display_name"], "Vytautas Stankevičius");
    assert!(signed["decided_on"].is_string());
    let notified = app
        .post(
            &format!("/api/v1/decisions/{}/notification", decision["id"].as_str().unwrap()),
            &specialist,
            json!({ "version": signed["version"], "notified_on": signed["decided_on"], "method": "letter" }),
        )
        .await;
    assert_eq!(notified.assert_status(200)["notification_method"], "letter");
    let done = app
        .get(&format!("/api/v1/applications/{id}"), &worker)
        .await;
    assert_eq!(done.body["status"], "notified");
    assert_eq!(done.body["decision"]["monthly_fee"], "70.00");

    // The person's file shows it all in a timeline.
    let file = app
        .get(&format!("/api/v1/persons/{person_id}"), &worker)
        .await;
    let events: Vec<&str> = file.body["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    for event in [
        "application_received",
        "assessment_submitted",
        "forwarded_to_division",
        "decision_signed",
        "person_notified",
    ] {
        assert!(events.contains(&event), "{event} in {events:?}");
    }
    assert_eq!(file.body["income"].as_array().unwrap().len(), 3);

    // Every step left its audit record.
    let auditor = app.token("auditor").await;
    let actions: Vec<String> = app
        .audit(&auditor, &format!("entity=application&entity_id={id}"))
        .await
        .iter()
        .map(|r| r["action"].as_str().unwrap().to_owned())
        .collect();
    for action in [
        "application.create",
        "application.assessment",
        "application.forward",
        "application.prepare_decision",
        "application.sign",
        "application.notification",
    ] {
        assert!(
            actions.contains(&action.to_owned()),
            "{action} in {actions:?}"
        );
    }
}

async fn ready_application(app: &TestApp, worker: &str) -> Value {
    let person = ona(app, worker).await;
    // R-FEE-1: the income of each month of the window (August–October).
    app.post(
        &format!("/api/v1/persons/{}/income/months", person["id"].as_str().unwrap()),
        worker,
        json!({ "months": (8..=10).map(|m| json!({ "year": 2026, "month": m, "amount": "700.00", "source": "sodra" })).collect::<Vec<_>>() }),
    )
    .await
    .assert_status(201);
    let application = home_help(app, worker, person["id"].as_str().unwrap(), "2026-11-10").await;
    let assessed = assess(app, worker, &application, "2026-11-12").await;
    forward(app, worker, &assessed)
        .await
        .assert_status(200)
        .clone()
}

async fn prepare(app: &TestApp, token: &str, application: &Value) -> crate::support::Reply {
    app.post(
        &format!("/api/v1/applications/{}/decision", application["id"].as_str().unwrap()),
        token,
        json!({ "version": application["version"], "outcome": "granted", "reasoning": "Taip.", "hours_per_month": "10" }),
    )
    .await
}

async fn r_role_2_preparer_cannot_sign(app: TestApp) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let worker = app.token("social_worker").await;
    // A specialist who also holds the head's role.
    let kelme = atvejis_api::store::entities::municipalities::Entity::find()
        .filter(atvejis_api::store::entities::municipalities::Column::Code.eq("kelme"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let hash = atvejis_api::auth::password::hash_blocking(PASSWORD).unwrap();
    atvejis_api::store::seed::user(
        &app.db,
        kelme.id,
        None,
        "both_roles",
        "Abiejų Rolių",
        &[Role::DivisionSpecialist, Role::DivisionHead],
        &hash,
        "test",
        app.clock.now(),
    )
    .await
    .unwrap();
    let both = app.token("both_roles").await;
    let application = ready_application(&app, &worker).await;
    let prepared = prepare(&app, &both, &application)
        .await
        .assert_status(200)
        .clone();
    let decision = &prepared["decision"];
    let sign = format!(
        "/api/v1/decisions/{}/sign",
        decision["id"].as_str().unwrap()
    );
    app.post(&sign, &both, json!({ "version": decision["version"] }))
        .await
        .assert_problem(403, "preparer_cannot_sign");
    // A specialist without the head's role may not sign either.
    let specialist = app.token("division_specialist").await;
    app.post(
        &sign,
        &specialist,
        json!({ "version": decision["version"] }),
    )
    .await
    .assert_problem(403, "forbidden");
    // Nothing was signed.
    let now = app
        .get(
            &format!("/api/v1/decisions/{}", decision["id"].as_str().unwrap()),
            &worker,
        )
        .await;
    assert_eq!(now.body["status"], "prepared");
    assert_eq!(now.body["signed_by"], json!(null));
    // The head signs.
    let head = app.token("division_head").await;
    app.post(&sign, &head, json!({ "version": decision["version"] }))
        .await
        .assert_status(200);
}

async fn transitions_out_of_order_are_refused(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let person = ona(&app, &worker).await;
    let draft = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({ "person_id": person["id"], "service_code": "home_help", "received_on": "2026-11-10", "channel": "post", "submit": false }),
        )
        .await
        .assert_status(201)
        .clone();
    assert_eq!(draft["status"], "draft");
    let id = draft["id"].as_str().unwrap();
    // A draft cannot go to the division, nor get a decision.
    forward(&app, &worker, &draft)
        .await
        .assert_problem(409, "invalid_transition");
    prepare(&app, &specialist, &draft)
        .await
        .assert_problem(409, "invalid_transition");
    let submitted = app
        .post(
            &format!("/api/v1/applications/{id}/submit"),
            &worker,
            json!({ "version": draft["version"] }),
        )
        .await
        .assert_status(200)
        .clone();
    app.post(
        &format!("/api/v1/applications/{id}/submit"),
        &worker,
        json!({ "version": submitted["version"] }),
    )
    .await
    .assert_problem(409, "invalid_transition");
    // The wrong role: a social worker does not prepare decisions.
    prepare(&app, &worker, &submitted)
        .await
        .assert_problem(403, "forbidden");
    // Withdrawn is final.
    let withdrawn = app
        .post(
            &format!("/api/v1/applications/{id}/withdraw"),
            &worker,
            json!({ "version": submitted["version"], "reason": "Asmuo persigalvojo." }),
        )
        .await
        .assert_status(200)
        .clone();
    assert_eq!(withdrawn["status_reason"], "Asmuo persigalvojo.");
    assert_eq!(withdrawn["allowed_actions"], json!([]));
    app.json(
        Method::PUT,
        &format!("/api/v1/applications/{id}/assessment"),
        Some(&worker),
        json!({ "version": withdrawn["version"], "submitted_on": "2026-11-12", "conclusion": "Vėlu." }),
    )
    .await
    .assert_problem(409, "invalid_transition");
}

async fn stale_versions_are_refused_and_nothing_overwritten(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let id = person["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/persons/{id}"),
        &worker,
        json!({ "version": 1, "phone": "+37060000001" }),
    )
    .await
    .assert_status(200);
    app.patch(
        &format!("/api/v1/persons/{id}"),
        &worker,
        json!({ "version": 1, "phone": "+37060000002" }),
    )
    .await
    .assert_problem(409, "version_conflict");
    let file = app.get(&format!("/api/v1/persons/{id}"), &worker).await;
    assert_eq!(file.body["person"]["phone"], "+37060000001");
    // The same for applications.
    let application = home_help(&app, &worker, id, "2026-11-10").await;
    let assessed = assess(&app, &worker, &application, "2026-11-12").await;
    let stale = app
        .json(
            Method::PUT,
            &format!("/api/v1/applications/{}/assessment", application["id"].as_str().unwrap()),
            Some(&worker),
            json!({ "version": application["version"], "submitted_on": "2026-11-13", "conclusion": "Kita." }),
        )
        .await;
    stale.assert_problem(409, "version_conflict");
    let now = app
        .get(
            &format!(
                "/api/v1/applications/{}",
                application["id"].as_str().unwrap()
            ),
            &worker,
        )
        .await;
    assert_eq!(now.body["assessment"]["submitted_on"], "2026-11-12");
    assert_eq!(now.body["version"], assessed["version"]);
}

async fn r_el_6_missing_documents_block_even_with_an_r_cm_6_reason(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let application = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({
                "person_id": person["id"],
                "service_code": "home_help",
                "received_on": "2026-11-10",
                "channel": "in_person",
                "documents": [{ "code": "sp8_application", "status": "provided" }, { "code": "declared_residence", "status": "not_needed" }],
            }),
        )
        .await
        .assert_status(201)
        .clone();
    let assessed = assess(&app, &worker, &application, "2026-11-12").await;
    let blocked = forward(&app, &worker, &assessed).await;
    blocked.assert_problem(422, "documents_missing");
    let fields: Vec<&str> = blocked.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields.len(), 5);
    assert!(fields.contains(&"documents.income_3_months"));
    assert!(
        !fields.contains(&"documents.declared_residence"),
        "not needed is fine"
    );
    // R-CM-6 does not waive the documents, and home help is never decided
    // before its assessment (tests/api/deadlines.rs covers children's day care).
    let id = application["id"].as_str().unwrap();
    let refused = app
        .post(
            &format!("/api/v1/applications/{id}/forward"),
            &worker,
            json!({ "version": assessed["version"], "exception_reason": "Smurtas artimoje aplinkoje; grėsmė saugumui (R-CM-6)." }),
        )
        .await;
    refused.assert_problem(422, "validation_failed");
    assert_eq!(refused.body["errors"][0]["field"], "exception_reason");
    // Without an assessment and without an exception, nothing goes through.
    let other = home_help(&app, &worker, person["id"].as_str().unwrap(), "2026-11-11").await;
    forward(&app, &worker, &other)
        .await
        .assert_problem(422, "assessment_missing");
}

async fn division_inbox_puts_overdue_first(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let recent = ready_application(&app, &worker).await;
    let person = new_person(
        &app,
        &worker,
        json!({ "first_name": "Antanas", "last_name": "Senas" }),
    )
    .await;
    let old = home_help(&app, &worker, person["id"].as_str().unwrap(), "2026-01-02").await;
    let old = assess(&app, &worker, &old, "2026-01-05").await;
    assert_eq!(old["decision_due_on"], "2026-01-19");
    let old = forward(&app, &worker, &old)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(old["overdue"], true);
    let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
    let items = inbox.assert_status(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(items[0]["id"], old["id"]);
    assert_eq!(items[1]["id"], recent["id"]);
    assert!(inbox.body["overdue"].as_u64().unwrap() >= 1);
    let filtered = app
        .get("/api/v1/applications/inbox?service_code=meals", &specialist)
        .await;
    assert_eq!(filtered.body["items"], json!([]));
}

async fn r_role_3_reads_of_a_persons_file_are_audited(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let id = person["id"].as_str().unwrap();
    let path = format!("/api/v1/persons/{id}");
    app.get_for(&path, &worker, Some("needs_assessment"))
        .await
        .assert_status(200);
    app.get_for(&path, &worker, Some("decision"))
        .await
        .assert_status(200);
    // No purpose, or one that is not on the list: refused, and not recorded.
    let missing = app.get_for(&path, &worker, None).await;
    missing.assert_problem(422, "validation_failed");
    assert_eq!(missing.body["errors"][0]["field"], "X-Purpose");
    app.get_for(&path, &worker, Some("curiosity"))
        .await
        .assert_problem(422, "validation_failed");
    let auditor = app.token("auditor").await;
    let reads = app
        .audit(&auditor, &format!("action=person.read&entity_id={id}"))
        .await;
    assert_eq!(reads.len(), 2);
    assert_eq!(reads[0]["summary"]["purpose"], "decision");
    assert_eq!(reads[1]["summary"]["purpose"], "needs_assessment");
    assert_eq!(reads[1]["actor_name"], "social_worker");
}

async fn other_municipalities_see_nothing(app: TestApp) {
    let worker = app.token("social_worker").await;
    let kaunas = app.token("kaunas_worker").await;
    let person = ona(&app, &worker).await;
    let application = home_help(&app, &worker, person["id"].as_str().unwrap(), "2026-11-10").await;
    app.get(
        &format!("/api/v1/persons/{}", person["id"].as_str().unwrap()),
        &kaunas,
    )
    .await
    .assert_problem(404, "not_found");
    app.get(
        &format!(
            "/api/v1/applications/{}",
            application["id"].as_str().unwrap()
        ),
        &kaunas,
    )
    .await
    .assert_problem(404, "not_found");
    assert_eq!(
        app.get("/api/v1/persons?q=zemaite", &kaunas).await.body["total"],
        0
    );
    // Kaunas has its own catalogue.
    let types = app.get("/api/v1/service-types", &kaunas).await;
    assert_eq!(types.assert_status(200).as_array().unwrap().len(), 12);
    // And a Kaunas application for a Kelmė person is impossible.
    app.post(
        "/api/v1/applications",
        &kaunas,
        json!({ "person_id": person["id"], "service_code": "home_help", "received_on": "2026-11-10", "channel": "post" }),
    )
    .await
    .assert_problem(404, "not_found");
}

async fn admin_edits_rates_and_catalogue_but_sees_no_case_content(app: TestApp) {
    let admin = app.token("admin").await;
    app.get("/api/v1/persons", &admin)
        .await
        .assert_problem(403, "forbidden");
    let rate = app
        .post(
            "/api/v1/rates",
            &admin,
            json!({ "kind": "vrp", "valid_from": "2027-01-01", "value": "245" }),
        )
        .await;
    assert_eq!(rate.assert_status(201)["value"], "245");
    app.post(
        "/api/v1/rates",
        &admin,
        json!({ "kind": "vrp", "valid_from": "2027-01-01", "value": "246" }),
    )
    .await
    .assert_problem(409, "rate_exists");
    app.post(
        "/api/v1/rates",
        &admin,
        json!({ "kind": "home_help_cap_2_3", "valid_from": "2027-01-01", "value": "5" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let vrp = app.get("/api/v1/rates?kind=vrp", &admin).await;
    assert_eq!(vrp.body[0]["valid_from"], "2027-01-01");
    let home_help = home_help_type(&app, &admin).await;
    let changed = set_deadline(&app, &admin, &home_help, 10).await;
    assert_eq!(
        changed.assert_status(200)["spec"]["decision_deadline"]["amount"],
        10
    );
    let worker = app.token("social_worker").await;
    set_deadline(&app, &worker, &home_help, 10)
        .await
        .assert_problem(403, "forbidden");
}

/// The home-help service type of the catalogue.
async fn home_help_type(app: &TestApp, token: &str) -> Value {
    let types = app.get("/api/v1/service-types", token).await;
    types
        .assert_status(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "home_help")
        .unwrap()
        .clone()
}

/// Changes the decision deadline of `service` (as read) to `days`.
async fn set_deadline(
    app: &TestApp,
    token: &str,
    service: &Value,
    days: u32,
) -> crate::support::Reply {
    let mut spec = service["spec"].clone();
    spec["decision_deadline"]["amount"] = json!(days);
    app.json(
        Method::PUT,
        &format!("/api/v1/service-types/{}", service["id"].as_str().unwrap()),
        Some(token),
        json!({ "version": service["version"], "active": true, "spec": spec }),
    )
    .await
}

async fn r_dl_1_a_catalogue_change_does_not_move_deadlines_in_progress(app: TestApp) {
    let worker = app.token("social_worker").await;
    let admin = app.token("admin").await;
    let person = ona(&app, &worker).await;
    let person_id = person["id"].as_str().unwrap();
    let before = home_help(&app, &worker, person_id, "2026-11-02").await;

    // The council shortens the home-help deadline to 10 calendar days.
    let service = home_help_type(&app, &admin).await;
    set_deadline(&app, &admin, &service, 10)
        .await
        .assert_status(200);
    let after = home_help(&app, &worker, person_id, "2026-11-02").await;

    // Both assessed on Thursday 5 November: the earlier application keeps
    // 14 days (Thursday 19 Nov), the later one has 10 (the 15th is a Sunday
    // → Monday 16 Nov).
    let before = assess(&app, &worker, &before, "2026-11-05").await;
    let after = assess(&app, &worker, &after, "2026-11-05").await;
    assert_eq!(before["decision_due_on"], "2026-11-19");
    assert_eq!(after["decision_due_on"], "2026-11-16");
}

/// Intake takes a service type's spec from the process's memory by the
/// version it reads: once the type is deactivated (a new version), an
/// application for it is refused although the type was used just before;
/// reactivated, it is taken again.
async fn a_deactivated_service_type_takes_no_new_applications(app: TestApp) {
    let worker = app.token("social_worker").await;
    let admin = app.token("admin").await;
    let person = ona(&app, &worker).await;
    let person_id = person["id"].as_str().unwrap();
    home_help(&app, &worker, person_id, "2026-11-02").await;
    let service = home_help_type(&app, &admin).await;
    let path = format!("/api/v1/service-types/{}", service["id"].as_str().unwrap());
    let put = |version: &Value, active: bool| {
        app.json(
            Method::PUT,
            &path,
            Some(&admin),
            json!({ "version": version, "active": active, "spec": service["spec"] }),
        )
    };
    let inactive = put(&service["version"], false)
        .await
        .assert_status(200)
        .clone();
    let refused = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({ "person_id": person_id, "service_code": "home_help", "received_on": "2026-11-03", "channel": "in_person" }),
        )
        .await;
    refused.assert_problem(422, "validation_failed");
    assert_eq!(refused.body["errors"][0]["code"], "unknown_service_type");
    put(&inactive["version"], true).await.assert_status(200);
    home_help(&app, &worker, person_id, "2026-11-03").await;
}

async fn admin_withdraws_only_rates_not_yet_in_force(app: TestApp) {
    let admin = app.token("admin").await;
    let planned = app
        .post(
            "/api/v1/rates",
            &admin,
            json!({ "kind": "home_help_hourly_price", "valid_from": "2099-01-01", "value": "7.10" }),
        )
        .await
        .assert_status(201)
        .clone();
    let path = format!("/api/v1/rates/{}", planned["id"].as_str().unwrap());
    let worker = app.token("social_worker").await;
    app.json(Method::DELETE, &path, Some(&worker), Value::Null)
        .await
        .assert_problem(403, "forbidden");
    app.json(Method::DELETE, &path, Some(&admin), Value::Null)
        .await
        .assert_status(204);
    app.json(Method::DELETE, &path, Some(&admin), Value::Null)
        .await
        .assert_problem(404, "not_found");
    let prices = app
        .get("/api/v1/rates?kind=home_help_hourly_price", &admin)
        .await;
    let prices = prices.assert_status(200).as_array().unwrap().clone();
    assert!(prices.iter().all(|r| r["id"] != planned["id"]));

    // The value in force stays: fees were calculated with it.
    let in_force = &prices[0];
    app.json(
        Method::DELETE,
        &format!("/api/v1/rates/{}", in_force["id"].as_str().unwrap()),
        Some(&admin),
        Value::Null,
    )
    .await
    .assert_problem(409, "rate_in_force");
    let after = app
        .get("/api/v1/rates?kind=home_help_hourly_price", &admin)
        .await;
    assert_eq!(after.body.as_array().unwrap().len(), prices.len());

    let auditor = app.token("auditor").await;
    let rows = app
        .audit(
            &auditor,
            &format!(
                "action=rate.delete&entity_id={}",
                planned["id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["summary"]["value"], "7.1");
}

async fn r_dl_2_service_cannot_start_before_the_decision_and_attachments_are_listed(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let person = ona(&app, &worker).await;
    let application = home_help(&app, &worker, person["id"].as_str().unwrap(), "2026-11-10").await;
    let id = application["id"].as_str().unwrap();
    let attached = app
        .post(
            &format!("/api/v1/applications/{id}/attachments"),
            &worker,
            json!({ "file_name": "sp8.pdf", "media_type": "application/pdf", "size_bytes": 48213, "document_code": "sp8_application" }),
        )
        .await;
    attached.assert_status(201);
    app.post(
        &format!("/api/v1/applications/{id}/attachments"),
        &worker,
        json!({ "file_name": "x.pdf", "media_type": "application/pdf", "size_bytes": 1, "document_code": "no_such_document" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let assessed = assess(&app, &worker, &application, "2026-11-12").await;
    assert_eq!(assessed["attachments"][0]["file_name"], "sp8.pdf");
    let forwarded = forward(&app, &worker, &assessed)
        .await
        .assert_status(200)
        .clone();
    let early = app
        .post(
            &format!("/api/v1/applications/{id}/decision"),
            &specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Taip.", "hours_per_month": "10", "service_from": "2026-01-01" }),
        )
        .await;
    early.assert_problem(422, "validation_failed");
    assert_eq!(early.body["errors"][0]["code"], "before_decision");
    let now = app
        .get(&format!("/api/v1/applications/{id}"), &worker)
        .await;
    assert_eq!(now.body["status"], "ready_for_decision", "nothing prepared");
}
