//! Issue 8, deadlines and the needs assessment read against S4: R-CM-6
//! waives only the assessment; children's day care is due when submitted
//! for signature and its hand-over to the provider is recorded (R-DL-2);
//! the group living home's notification term is shown and flagged (R-DL-3);
//! transport and the shelter have the default decision deadline (R-DL-4,
//! R-DL-5); the 027/a extract is checked at moving in.

use crate::db_tests;
use crate::support::{TestApp, migrate_down_through};
use migration::{Migrator, MigratorTrait};
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_cm_6_waives_only_the_assessment,
    r_dl_2_day_care_is_due_at_submission_and_the_handover_is_recorded,
    r_dl_3_notification_due_is_shown_and_flagged_in_the_inbox_and_on_the_application,
    r_dl_4_r_dl_5_ref_catalogue_deadlines_and_moving_in_documents,
    r_dl_4_r_dl_5_migration_corrects_stored_catalogues,
);

async fn person(app: &TestApp, token: &str, first: &str, birth: &str) -> String {
    app.post(
        "/api/v1/persons",
        token,
        json!({ "first_name": first, "last_name": "Testaitė", "birth_date": birth }),
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
    person_id: &str,
    service: &str,
    received_on: &str,
    documents: &[(&str, &str)],
) -> Value {
    let documents: Vec<Value> = documents
        .iter()
        .map(|(code, status)| json!({ "code": code, "status": status }))
        .collect();
    app.post(
        "/api/v1/applications",
        token,
        json!({
            "person_id": person_id,
            "service_code": service,
            "received_on": received_on,
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

async fn assess(app: &TestApp, token: &str, application: &Value, on: &str) -> Value {
    app.json(
        Method::PUT,
        &path(application, "/assessment"),
        Some(token),
        json!({ "version": application["version"], "submitted_on": on, "conclusion": "Poreikis nustatytas." }),
    )
    .await
    .assert_status(200)
    .clone()
}

async fn forward(
    app: &TestApp,
    token: &str,
    application: &Value,
    exception: Option<&str>,
) -> crate::support::Reply {
    app.post(
        &path(application, "/forward"),
        token,
        json!({ "version": application["version"], "exception_reason": exception }),
    )
    .await
}

async fn prepare(app: &TestApp, token: &str, application: &Value) -> Value {
    app.post(
        &path(application, "/decision"),
        token,
        json!({ "version": application["version"], "outcome": "granted", "reasoning": "Skirti paslaugas." }),
    )
    .await
    .assert_status(200)
    .clone()
}

async fn sign(app: &TestApp, token: &str, decision: &Value) -> Value {
    app.post(
        &format!(
            "/api/v1/decisions/{}/sign",
            decision["id"].as_str().unwrap()
        ),
        token,
        json!({ "version": decision["version"] }),
    )
    .await
    .assert_status(200)
    .clone()
}

const VIOLENCE: &str = "Smurtas artimoje aplinkoje; grėsmė saugumui.";

async fn r_cm_6_waives_only_the_assessment(app: TestApp) {
    app.clock.set_today(date!(2026 - 11 - 16));
    let worker = app.token("social_worker").await;
    let child = person(&app, &worker, "Austėja", "2016-04-02").await;
    // S4: the division may decide before the needs assessment…
    let incomplete = apply(
        &app,
        &worker,
        &child,
        "children_day_centre",
        "2026-11-16",
        &[
            ("sp8_application", "provided"),
            ("identity_document", "missing"),
        ],
    )
    .await;
    forward(&app, &worker, &incomplete, None)
        .await
        .assert_problem(422, "assessment_missing");
    // …but not without the documents.
    let blocked = forward(&app, &worker, &incomplete, Some(VIOLENCE)).await;
    blocked.assert_problem(422, "documents_missing");
    assert_eq!(
        blocked.body["errors"][0]["field"],
        "documents.identity_document"
    );
    let complete = apply(
        &app,
        &worker,
        &child,
        "children_day_centre",
        "2026-11-16",
        &[
            ("sp8_application", "provided"),
            ("identity_document", "provided"),
        ],
    )
    .await;
    let through = forward(&app, &worker, &complete, Some(VIOLENCE)).await;
    let through = through.assert_status(200).clone();
    assert_eq!(through["status"], "ready_for_decision");
    assert_eq!(
        through["assessment_outstanding"], true,
        "the assessment must follow"
    );
    // The assessment follows while the file is with the division.
    let assessed = assess(&app, &worker, &through, "2026-11-16").await;
    assert_eq!(assessed["status"], "ready_for_decision");
    assert_eq!(assessed["assessment_outstanding"], false);
    // Not for every service: home help is never decided before its assessment.
    let adult = person(&app, &worker, "Birutė", "1950-01-01").await;
    let home_help = apply(
        &app,
        &worker,
        &adult,
        "home_help",
        "2026-11-16",
        &[
            ("sp8_application", "provided"),
            ("identity_document", "provided"),
            ("disability_or_pensioner_certificate", "provided"),
            ("medical_extract_027a", "provided"),
            ("declared_residence", "provided"),
            ("income_3_months", "provided"),
            ("capacity_or_special_needs", "provided"),
        ],
    )
    .await;
    let refused = forward(&app, &worker, &home_help, Some(VIOLENCE)).await;
    refused.assert_problem(422, "validation_failed");
    assert_eq!(refused.body["errors"][0]["field"], "exception_reason");
    assert_eq!(refused.body["errors"][0]["code"], "not_applicable");
    let again = app.get(&path(&home_help, ""), &worker).await;
    assert_eq!(again.assert_status(200)["status"], "submitted");
    assert_eq!(again.body["exception_reason"], Value::Null);
}

async fn r_dl_2_day_care_is_due_at_submission_and_the_handover_is_recorded(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    app.clock.set_today(date!(2026 - 12 - 01));
    let child = person(&app, &worker, "Gabija", "2015-09-09").await;
    let application = apply(
        &app,
        &worker,
        &child,
        "children_day_centre",
        "2026-11-30",
        &[
            ("sp8_application", "provided"),
            ("identity_document", "provided"),
        ],
    )
    .await;
    let assessed = assess(&app, &worker, &application, "2026-11-30").await;
    let forwarded = forward(&app, &worker, &assessed, None)
        .await
        .assert_status(200)
        .clone();
    // 10 working days from 1 December: 2–4, 7–11, 14, 15.
    assert_eq!(forwarded["decision_due_on"], "2026-12-15");
    // Prepared and submitted for signature on the last day…
    app.clock.set_today(date!(2026 - 12 - 15));
    let prepared = prepare(&app, &specialist, &forwarded).await;
    assert_eq!(prepared["overdue"], false);
    // …and signed three days later: the deadline was kept.
    app.clock.set_today(date!(2026 - 12 - 18));
    let signed = sign(&app, &head, &prepared["decision"]).await;
    assert_eq!(signed["decided_on"], "2026-12-18");
    let view = app.get(&path(&application, ""), &specialist).await;
    let view = view.assert_status(200).clone();
    assert_eq!(
        view["overdue"], false,
        "R-DL-2 runs to the submission, not the signature"
    );
    // The signed decision reaches the provider within 3 working days: 21–23 December.
    assert_eq!(view["handover_due_on"], "2026-12-23");
    assert_eq!(view["handover_overdue"], false);
    assert_eq!(
        view["notification_due_on"],
        Value::Null,
        "no R-DL-3 term here"
    );
    app.clock.set_today(date!(2026 - 12 - 28));
    let late = app.get(&path(&application, ""), &specialist).await;
    assert_eq!(late.body["handover_overdue"], true);
    let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
    let follow = inbox.assert_status(200)["follow_ups"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(follow.len(), 1);
    assert_eq!(follow[0]["id"], application["id"]);
    assert_eq!(follow[0]["handover_overdue"], true);
    // Recording it: not before the decision, not in the future, to someone.
    let handover = format!(
        "/api/v1/decisions/{}/handover",
        signed["id"].as_str().unwrap()
    );
    for (on, to, field) in [
        ("2026-12-17", "VDC „Parama“", "handed_over_on"),
        ("2026-12-29", "VDC „Parama“", "handed_over_on"),
        ("2026-12-22", "  ", "handed_over_to"),
    ] {
        let reply = app
            .post(
                &handover,
                &specialist,
                json!({ "version": signed["version"], "handed_over_on": on, "handed_over_to": to }),
            )
            .await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], field, "{on} {to}");
    }
    app.post(&handover, &worker, json!({ "version": signed["version"], "handed_over_on": "2026-12-22", "handed_over_to": "VDC „Parama“" }))
        .await
        .assert_problem(403, "forbidden");
    let recorded = app
        .post(&handover, &specialist, json!({ "version": signed["version"], "handed_over_on": "2026-12-22", "handed_over_to": "Vaikų dienos centras „Parama“" }))
        .await;
    let recorded = recorded.assert_status(200).clone();
    assert_eq!(recorded["handed_over_on"], "2026-12-22");
    assert_eq!(recorded["handed_over_to"], "Vaikų dienos centras „Parama“");
    let view = app.get(&path(&application, ""), &specialist).await;
    assert_eq!(view.body["handover_overdue"], false, "handed over in time");
    let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
    assert_eq!(inbox.body["follow_ups"], json!([]));
    let auditor = app.token("auditor").await;
    let audit = app.audit(&auditor, "action=decision.handover").await;
    assert_eq!(audit.len(), 1);
    // A stale version is refused.
    app.post(&handover, &specialist, json!({ "version": signed["version"], "handed_over_on": "2026-12-22", "handed_over_to": "X" }))
        .await
        .assert_problem(409, "version_conflict");
}

async fn r_dl_3_notification_due_is_shown_and_flagged_in_the_inbox_and_on_the_application(
    app: TestApp,
) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    app.clock.set_today(date!(2026 - 12 - 10));
    let adult = person(&app, &worker, "Stasė", "1944-03-03").await;
    let application = apply(
        &app,
        &worker,
        &adult,
        "group_living_long_term",
        "2026-12-01",
        &[
            ("sp8_application", "provided"),
            ("identity_document", "provided"),
            ("declared_residence", "provided"),
            ("income_3_months", "provided"),
        ],
    )
    .await;
    // The 027/a extract is not asked for at application (it is at moving in).
    let codes: Vec<&str> = application["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "sp8_application",
            "identity_document",
            "declared_residence",
            "income_3_months"
        ]
    );
    assert_eq!(
        application["moving_in_documents"][0]["code"],
        "medical_extract_027a_3_months"
    );
    let assessed = assess(&app, &worker, &application, "2026-12-02").await;
    let forwarded = forward(&app, &worker, &assessed, None)
        .await
        .assert_status(200)
        .clone();
    let prepared = prepare(&app, &specialist, &forwarded).await;
    assert_eq!(
        prepared["notification_due_on"],
        Value::Null,
        "runs from the signature"
    );
    app.clock.set_today(date!(2026 - 12 - 18));
    let signed = sign(&app, &head, &prepared["decision"]).await;
    // Friday 18 December: 21, 22, 23, (24–27 off), 28, 29 December.
    let view = app.get(&path(&application, ""), &specialist).await;
    assert_eq!(view.assert_status(200)["notification_due_on"], "2026-12-29");
    assert_eq!(view.body["notification_overdue"], false);
    assert_eq!(view.body["handover_due_on"], Value::Null);
    app.clock.set_today(date!(2026 - 12 - 30));
    let view = app.get(&path(&application, ""), &specialist).await;
    assert_eq!(view.body["notification_overdue"], true);
    let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
    let follow = inbox.assert_status(200)["follow_ups"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(follow.len(), 1);
    assert_eq!(follow[0]["id"], application["id"]);
    assert_eq!(follow[0]["notification_due_on"], "2026-12-29");
    assert_eq!(follow[0]["notification_overdue"], true);
    // Told on the 30th: recorded, late, and gone from the inbox.
    app.post(
        &format!(
            "/api/v1/decisions/{}/notification",
            signed["id"].as_str().unwrap()
        ),
        &specialist,
        json!({ "version": signed["version"], "notified_on": "2026-12-30", "method": "letter" }),
    )
    .await
    .assert_status(200);
    let view = app.get(&path(&application, ""), &specialist).await;
    assert_eq!(
        view.body["notification_overdue"], true,
        "told after the term"
    );
    let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
    assert_eq!(inbox.body["follow_ups"], json!([]));
    // The person's file shows the same flag.
    let file = app
        .get(&format!("/api/v1/persons/{adult}"), &specialist)
        .await;
    assert_eq!(
        file.assert_status(200)["applications"][0]["notification_overdue"],
        true
    );
    // A handover is not recorded for a service without one.
    app.post(
        &format!("/api/v1/decisions/{}/handover", signed["id"].as_str().unwrap()),
        &specialist,
        json!({ "version": signed["version"].as_i64().unwrap() + 1, "handed_over_on": "2026-12-30", "handed_over_to": "GGN" }),
    )
    .await
    .assert_problem(409, "invalid_transition");
}

async fn r_dl_4_r_dl_5_ref_catalogue_deadlines_and_moving_in_documents(app: TestApp) {
    let admin = app.token("admin").await;
    let types = app.get("/api/v1/service-types", &admin).await;
    let types = types.assert_status(200).clone();
    let list = types.as_array().unwrap().clone();
    let find = |code: &str| list.iter().find(|t| t["code"] == code).unwrap()["spec"].clone();
    let default = json!({ "amount": 30, "unit": "calendar_days", "from": "files_received" });
    assert_eq!(find("transport")["decision_deadline"], default);
    assert_eq!(find("overnight_shelter")["decision_deadline"], default);
    assert_eq!(
        find("children_day_centre")["decision_deadline"]["until"],
        "submitted_for_signature"
    );
    for code in ["group_living_short_term", "group_living_long_term"] {
        let spec = find(code);
        let docs: Vec<&str> = spec["required_documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert!(!docs.contains(&"medical_extract_027a_3_months"), "{code}");
        assert!(!docs.contains(&"assets_declaration"), "{code}");
        assert_eq!(
            spec["notification_deadline"],
            json!({ "amount": 5, "unit": "working_days" })
        );
    }
}

async fn r_dl_4_r_dl_5_migration_corrects_stored_catalogues(app: TestApp) {
    let admin = app.token("admin").await;
    let spec = |types: &Value, code: &str| {
        types
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == code)
            .unwrap()["spec"]
            .clone()
    };
    // The catalogue as municipalities stored it before the correction…
    migrate_down_through(&app.db, "m20261202_000005_deadline_corrections").await;
    let old = app
        .get("/api/v1/service-types", &admin)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(
        spec(&old, "transport")["decision_deadline"],
        json!({ "amount": 5, "unit": "working_days", "from": "application_received" })
    );
    assert_eq!(
        spec(&old, "overnight_shelter")["decision_deadline"],
        json!({ "amount": 2, "unit": "calendar_days", "from": "application_received" })
    );
    let long_term = spec(&old, "group_living_long_term");
    assert!(
        long_term["required_documents"]
            .to_string()
            .contains("assets_declaration")
    );
    assert_eq!(long_term.get("notification_deadline"), None);
    // …is corrected by the migration.
    Migrator::up(&app.db, None).await.expect("up");
    let new = app
        .get("/api/v1/service-types", &admin)
        .await
        .assert_status(200)
        .clone();
    let default = json!({ "amount": 30, "unit": "calendar_days", "from": "files_received" });
    assert_eq!(spec(&new, "transport")["decision_deadline"], default);
    assert_eq!(
        spec(&new, "overnight_shelter")["decision_deadline"],
        default
    );
    let long_term = spec(&new, "group_living_long_term");
    let text = long_term["required_documents"].to_string();
    assert!(!text.contains("assets_declaration") && !text.contains("027a_3_months"));
    assert_eq!(
        long_term["moving_in_documents"][0]["code"],
        "medical_extract_027a_3_months"
    );
    assert_eq!(
        long_term["notification_deadline"],
        json!({ "amount": 5, "unit": "working_days" })
    );
    let day_care = spec(&new, "children_day_centre");
    assert_eq!(
        day_care["handover_deadline"],
        json!({ "amount": 3, "unit": "working_days" })
    );
    assert_eq!(day_care["decision_before_assessment"], true);
    assert_eq!(
        day_care["decision_deadline"]["until"],
        "submitted_for_signature"
    );
    assert_eq!(spec(&new, "home_help")["decision_before_assessment"], false);
}
