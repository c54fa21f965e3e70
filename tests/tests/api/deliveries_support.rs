//! Shared helpers of the deliveries tests (issue 11, part B): a person with
//! a signed granting decision, through the whole application flow.

#![allow(dead_code)]

use crate::places_support::{Staff, assess, forward, path, sign};
use crate::support::{Reply, TestApp};
use serde_json::{Value, json};
use time::{Date, Duration};

/// A new person; returns the id.
pub async fn person(app: &TestApp, token: &str, first: &str) -> String {
    app.post(
        "/api/v1/persons",
        token,
        json!({ "first_name": first, "last_name": "Gavėjas", "birth_date": "1948-02-02" }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The codes of the documents `service` requires.
async fn documents(app: &TestApp, token: &str, service: &str) -> Vec<Value> {
    let types = app.get("/api/v1/service-types", token).await;
    let types = types.assert_status(200).as_array().unwrap().clone();
    let spec = types
        .iter()
        .find(|t| t["code"] == service)
        .unwrap_or_else(|| panic!("service type {service}"))["spec"]
        .clone();
    spec["required_documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| json!({ "code": d["code"], "status": "provided" }))
        .collect()
}

/// `person_id` granted `service` on an application received on
/// `received_on`, signed the same day (the clock is left there); returns
/// the signed decision.
pub async fn grant(
    app: &TestApp,
    staff: &Staff,
    person_id: &str,
    service: &str,
    received_on: Date,
) -> Value {
    app.clock.set_today(received_on);
    let calculated = matches!(service, "home_help" | "respite");
    if calculated {
        // R-FEE-1: the income of the 3 months before the application.
        let mut month = received_on;
        for _ in 0..3 {
            month = month.replace_day(1).unwrap() - Duration::days(1);
            app.post(
                &format!("/api/v1/persons/{person_id}/income"),
                &staff.worker,
                json!({ "year": month.year(), "month": month.month() as u8, "amount": "500.00", "source": "sodra" }),
            )
            .await
            .assert_status(201);
        }
    }
    let received = received_on.to_string();
    let application = app
        .post(
            "/api/v1/applications",
            &staff.worker,
            json!({
                "person_id": person_id,
                "service_code": service,
                "received_on": received,
                "channel": "in_person",
                "documents": documents(app, &staff.worker, service).await,
            }),
        )
        .await
        .assert_status(201)
        .clone();
    let assessed = assess(app, &staff.worker, &application, &received).await;
    let forwarded = forward(app, &staff.worker, &assessed).await;
    let mut body = json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Skirti paslaugas." });
    if calculated {
        body["hours_per_month"] = json!("40");
    }
    let prepared = app
        .post(&path(&forwarded, "/decision"), &staff.specialist, body)
        .await;
    let prepared = prepared.assert_status(200).clone();
    sign(app, &staff.head, &prepared["decision"]).await
}

/// A new person granted `service`; returns (person id, decision id).
pub async fn granted(
    app: &TestApp,
    staff: &Staff,
    first: &str,
    service: &str,
    received_on: Date,
) -> (String, String) {
    app.clock.set_today(received_on);
    let person_id = person(app, &staff.worker, first).await;
    let decision = grant(app, staff, &person_id, service, received_on).await;
    (person_id, decision["id"].as_str().unwrap().to_owned())
}

/// A schedule drawn up by the social worker and approved by the head.
pub async fn approved_schedule(app: &TestApp, staff: &Staff, body: Value) -> Value {
    let draft = app.post("/api/v1/schedules", &staff.worker, body).await;
    let draft = draft.assert_status(201).clone();
    app.post(
        &format!(
            "/api/v1/schedules/{}/approve",
            draft["id"].as_str().unwrap()
        ),
        &staff.head,
        json!({ "version": draft["version"] }),
    )
    .await
    .assert_status(200)
    .clone()
}

/// Records a visit.
pub async fn visit(app: &TestApp, token: &str, schedule: &Value, date: &str, hours: &str) -> Reply {
    app.post(
        "/api/v1/deliveries",
        token,
        json!({ "schedule_id": schedule["id"], "date": date, "hours": hours }),
    )
    .await
}
