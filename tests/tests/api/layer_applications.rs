//! The application layer of applications (SP-8) and decisions (SP-9): one
//! write path (permission before any lookup), a versioned decision, and a
//! bounded number of statements for receiving an application and preparing
//! a decision.

use crate::db_tests;
use crate::support::TestApp;
use atvejis_domain::access::{Permission, Role, allows};
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    receiving_an_application_takes_at_most_4_statements,
    the_receivers_name_comes_from_their_token_and_a_rename_refuses_it,
    prepare_decision_takes_at_most_12_statements,
    writes_without_the_right_are_403_for_real_and_random_ids_alike,
    a_stale_version_on_prepare_is_409_and_changes_nothing,
    allowed_actions_come_from_the_server,
);

const ROLES: [(&str, Role); 6] = [
    ("social_worker", Role::SocialWorker),
    ("case_manager", Role::CaseManager),
    ("division_specialist", Role::DivisionSpecialist),
    ("division_head", Role::DivisionHead),
    ("auditor", Role::Auditor),
    ("admin", Role::Admin),
];

fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

/// A home-help application with every document, assessed and forwarded.
pub async fn ready_application(app: &TestApp, worker: &str, code: &str) -> Value {
    let person = app
        .post(
            "/api/v1/persons",
            worker,
            json!({ "personal_code": code, "first_name": "Ona", "last_name": "Žemaitė" }),
        )
        .await
        .assert_status(201)
        .clone();
    // R-FEE-1: the income of each month of the window (August–October).
    app.post(
        &format!("/api/v1/persons/{}/income/months", person["id"].as_str().unwrap()),
        worker,
        json!({ "months": (8..=10).map(|m| json!({ "year": 2026, "month": m, "amount": "700.00", "source": "sodra" })).collect::<Vec<_>>() }),
    )
    .await
    .assert_status(201);
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
            worker,
            json!({
                "person_id": person["id"],
                "service_code": "home_help",
                "received_on": "2026-11-10",
                "channel": "in_person",
                "documents": documents,
            }),
        )
        .await
        .assert_status(201)
        .clone();
    let assessed = app
        .json(
            Method::PUT,
            &format!("/api/v1/applications/{}/assessment", id(&application)),
            Some(worker),
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
        &format!("/api/v1/applications/{}/forward", id(&assessed)),
        worker,
        json!({ "version": assessed["version"] }),
    )
    .await
    .assert_status(200)
    .clone()
}

fn prepare_body(version: &Value) -> Value {
    json!({ "version": version, "outcome": "granted", "reasoning": "Taip.", "hours_per_month": "10" })
}

/// Registers Ona Žemaitė in the worker's eldership.
async fn register_ona(app: &TestApp, worker: &str) -> Value {
    app.post(
        "/api/v1/persons",
        worker,
        json!({ "personal_code": "46805280103", "first_name": "Ona", "last_name": "Žemaitė" }),
    )
    .await
    .assert_status(201)
    .clone()
}

/// Issue 13: the service type, the person with their eldership, the
/// application and its audit record — the view shows what intake has just
/// read and written, and the receiver's name from their token.
async fn receiving_an_application_takes_at_most_4_statements(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = register_ona(&app, &worker).await;
    // The first takes one more: it reads the service type's spec, which
    // the process then holds by the type's version.
    for (received_on, at_most) in [("2026-11-10", 5), ("2026-11-11", 4)] {
        let (reply, statements) = app
            .statements(
                app.request(Method::POST, "/api/v1/applications")
                    .bearer_auth(&worker)
                    .json(&json!({
                        "person_id": person["id"],
                        "service_code": "home_help",
                        "received_on": received_on,
                        "channel": "in_person",
                    })),
            )
            .await;
        let created = reply.assert_status(201).clone();
        // The view is whole: person, eldership, staff name, no attachments.
        assert_eq!(created["person"]["id"], person["id"]);
        assert_eq!(created["eldership"]["code"], "kelmes-miesto");
        assert!(
            created["received_by"]["display_name"]
                .as_str()
                .is_some_and(|n| !n.is_empty()),
            "{created}"
        );
        assert_eq!(created["attachments"], json!([]));
        assert!(
            statements <= at_most,
            "receiving an application took {statements} statements"
        );
        // The same view as a later read of it.
        let read = app
            .get(&format!("/api/v1/applications/{}", id(&created)), &worker)
            .await
            .assert_status(200)
            .clone();
        assert_eq!(read, created);
    }
}

/// Issue 13: a view names its reader from their token, which no rename
/// outlives: renaming the account refuses the token, and the refreshed one
/// carries the new name.
async fn the_receivers_name_comes_from_their_token_and_a_rename_refuses_it(app: TestApp) {
    let admin = app.token("admin").await;
    let login = app.login("social_worker").await;
    let worker = login["access_token"].as_str().unwrap().to_owned();
    let person = register_ona(&app, &worker).await;
    let receive = |token: String| {
        let app = &app;
        let person_id = person["id"].clone();
        async move {
            app.post(
                "/api/v1/applications",
                &token,
                json!({
                    "person_id": person_id,
                    "service_code": "home_help",
                    "received_on": "2026-11-10",
                    "channel": "in_person",
                }),
            )
            .await
        }
    };
    let first = receive(worker.clone()).await.assert_status(201).clone();
    let users = app.get("/api/v1/users?q=social_worker", &admin).await;
    let user = &users.body["items"][0];
    assert_eq!(first["received_by"]["id"], user["id"]);
    assert_eq!(first["received_by"]["display_name"], user["display_name"]);

    app.patch(
        &format!("/api/v1/users/{}", user["id"].as_str().unwrap()),
        &admin,
        json!({ "version": user["version"], "display_name": "Ona Pervardyta" }),
    )
    .await
    .assert_status(200);
    receive(worker).await.assert_problem(401, "token_expired");
    let refreshed = app
        .json(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            json!({ "refresh_token": login["refresh_token"] }),
        )
        .await
        .assert_status(200)
        .clone();
    let second = receive(refreshed["access_token"].as_str().unwrap().to_owned())
        .await
        .assert_status(201)
        .clone();
    assert_eq!(second["received_by"]["display_name"], "Ona Pervardyta");
    // The first application, read by another member of staff, names her
    // as she is called now.
    let specialist = app.token("division_specialist").await;
    let read = app
        .get(&format!("/api/v1/applications/{}", id(&first)), &specialist)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(read["received_by"]["display_name"], "Ona Pervardyta");
}

async fn prepare_decision_takes_at_most_12_statements(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let application = ready_application(&app, &worker, "46805280103").await;
    let path = format!("/api/v1/applications/{}/decision", id(&application));
    let (reply, first) = app
        .statements(
            app.request(Method::POST, &path)
                .bearer_auth(&specialist)
                .json(&prepare_body(&application["version"])),
        )
        .await;
    let prepared = reply.assert_status(200).clone();
    assert_eq!(prepared["status"], "decision_prepared");
    assert!(prepared["decision"]["fee_calculation"].is_object());
    assert!(first <= 12, "preparing a decision took {first} statements");
    // Revising it (the decision row exists) is bounded the same way.
    let (reply, again) = app
        .statements(
            app.request(Method::POST, &path)
                .bearer_auth(&specialist)
                .json(&prepare_body(&prepared["version"])),
        )
        .await;
    let revised = reply.assert_status(200).clone();
    assert_eq!(
        revised["decision"]["version"].as_i64(),
        prepared["decision"]["version"].as_i64().map(|v| v + 1)
    );
    assert!(again <= 12, "revising a decision took {again} statements");
    println!("prepare: {first} statements, revise: {again}");
}

async fn writes_without_the_right_are_403_for_real_and_random_ids_alike(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let application = ready_application(&app, &worker, "46805280103").await;
    let prepared = app
        .post(
            &format!("/api/v1/applications/{}/decision", id(&application)),
            &specialist,
            prepare_body(&application["version"]),
        )
        .await
        .assert_status(200)
        .clone();
    let real_application = id(&prepared).to_owned();
    let real_decision = id(&prepared["decision"]).to_owned();
    let random = uuid::Uuid::now_v7().to_string();
    let version = json!({ "version": 1 });
    let reason = json!({ "version": 1, "reason": "Trūksta." });
    // (method, path with {id}, which id is real, any of these permissions, body)
    let endpoints: Vec<(Method, &str, &str, Vec<Permission>, Value)> = vec![
        (
            Method::PATCH,
            "/api/v1/applications/{id}",
            "application",
            vec![Permission::ReceiveApplications, Permission::AssessNeeds],
            version.clone(),
        ),
        (
            Method::POST,
            "/api/v1/applications/{id}/submit",
            "application",
            vec![Permission::ReceiveApplications],
            version.clone(),
        ),
        (
            Method::PUT,
            "/api/v1/applications/{id}/assessment",
            "application",
            vec![Permission::AssessNeeds],
            json!({ "version": 1, "submitted_on": "2026-11-12", "conclusion": "Taip." }),
        ),
        (
            Method::POST,
            "/api/v1/applications/{id}/forward",
            "application",
            vec![Permission::AssessNeeds],
            version.clone(),
        ),
        (
            Method::POST,
            "/api/v1/applications/{id}/return",
            "application",
            vec![Permission::PrepareDecisions],
            reason.clone(),
        ),
        (
            Method::POST,
            "/api/v1/applications/{id}/withdraw",
            "application",
            vec![
                Permission::ReceiveApplications,
                Permission::PrepareDecisions,
            ],
            reason.clone(),
        ),
        (
            Method::POST,
            "/api/v1/applications/{id}/attachments",
            "application",
            vec![Permission::ReceiveApplications, Permission::AssessNeeds],
            json!({ "file_name": "a.pdf", "media_type": "application/pdf", "size_bytes": 10 }),
        ),
        (
            Method::POST,
            "/api/v1/applications/{id}/decision",
            "application",
            vec![Permission::PrepareDecisions],
            prepare_body(&json!(1)),
        ),
        (
            Method::POST,
            "/api/v1/decisions/{id}/sign",
            "decision",
            vec![Permission::SignDecisions],
            version.clone(),
        ),
        (
            Method::POST,
            "/api/v1/decisions/{id}/notification",
            "decision",
            vec![Permission::PrepareDecisions, Permission::SignDecisions],
            json!({ "version": 1, "notified_on": "2026-11-20", "method": "letter" }),
        ),
    ];
    let mut checked = 0;
    for (username, role) in ROLES {
        let token = app.token(username).await;
        for (method, template, kind, permissions, body) in &endpoints {
            if permissions.iter().any(|p| allows(&[role], *p)) {
                continue;
            }
            let real = if *kind == "decision" {
                &real_decision
            } else {
                &real_application
            };
            for target in [real.as_str(), random.as_str()] {
                let path = template.replace("{id}", target);
                app.json(method.clone(), &path, Some(&token), body.clone())
                    .await
                    .assert_problem(403, "forbidden");
                checked += 1;
            }
        }
        // Receiving an application: no id, the same answer for any person.
        if !allows(&[role], Permission::ReceiveApplications) {
            app.post(
                "/api/v1/applications",
                &token,
                json!({ "person_id": random, "service_code": "home_help",
                        "received_on": "2026-11-10", "channel": "post" }),
            )
            .await
            .assert_problem(403, "forbidden");
        }
    }
    assert!(checked > 20, "only {checked} refusals checked");
    // Nothing changed.
    let now = app
        .get(&format!("/api/v1/applications/{real_application}"), &worker)
        .await
        .assert_status(200)
        .clone();
    assert_eq!(now["version"], prepared["version"]);
    assert_eq!(now["status"], "decision_prepared");
}

async fn a_stale_version_on_prepare_is_409_and_changes_nothing(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let application = ready_application(&app, &worker, "46805280103").await;
    let path = format!("/api/v1/applications/{}/decision", id(&application));
    let stale = application["version"].as_i64().unwrap() - 1;
    app.post(&path, &specialist, prepare_body(&json!(stale)))
        .await
        .assert_problem(409, "version_conflict");
    let prepared = app
        .post(&path, &specialist, prepare_body(&application["version"]))
        .await
        .assert_status(200)
        .clone();
    // Revising with the version read before the first preparation is stale:
    // the decision row is not overwritten.
    let mut revision = prepare_body(&application["version"]);
    revision["outcome"] = json!("refused");
    app.post(&path, &specialist, revision)
        .await
        .assert_problem(409, "version_conflict");
    let decision = app
        .get(
            &format!("/api/v1/decisions/{}", id(&prepared["decision"])),
            &worker,
        )
        .await
        .assert_status(200)
        .clone();
    assert_eq!(decision["outcome"], "granted");
    assert_eq!(decision["version"], prepared["decision"]["version"]);
}

async fn allowed_actions_come_from_the_server(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let application = ready_application(&app, &worker, "46805280103").await;
    // With the division, the worker may no longer edit; the specialist may
    // prepare, return and withdraw.
    let seen_by_worker = app
        .get(
            &format!("/api/v1/applications/{}", id(&application)),
            &worker,
        )
        .await
        .assert_status(200)
        .clone();
    assert!(
        !seen_by_worker["allowed_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("update"))
    );
    let seen_by_specialist = app
        .get(
            &format!("/api/v1/applications/{}", id(&application)),
            &specialist,
        )
        .await
        .assert_status(200)
        .clone();
    assert_eq!(
        seen_by_specialist["allowed_actions"],
        json!(["return_for_completion", "prepare_decision", "withdraw"])
    );
    // A fresh application, received today by the test's clock, is editable
    // by the worker who received it.
    let today = app.clock.today().to_string();
    let fresh = app
        .post(
            "/api/v1/applications",
            &worker,
            json!({ "person_id": seen_by_worker["person"]["id"], "service_code": "home_help",
                    "received_on": today, "channel": "post" }),
        )
        .await
        .assert_status(201)
        .clone();
    assert_eq!(fresh["allowed_actions"][0], "update");
}
