//! Shared helpers of the places tests (issue 10): a person, an application
//! through assessment, forwarding, the decision and its signature, and the
//! seeded facilities by code.

#![allow(dead_code)]

use crate::support::{Reply, TestApp};
use reqwest::Method;
use serde_json::{Value, json};
use time::Date;

/// The documents an application for `service` is complete with.
pub fn documents_of(service: &str) -> Vec<(&'static str, &'static str)> {
    match service {
        "children_day_centre" => vec![
            ("sp8_application", "provided"),
            ("identity_document", "provided"),
        ],
        _ => vec![
            ("sp8_application", "provided"),
            ("identity_document", "provided"),
            ("declared_residence", "provided"),
            ("income_3_months", "provided"),
        ],
    }
}

/// A new person; returns the id.
pub async fn person(app: &TestApp, token: &str, first: &str, birth: &str) -> String {
    app.post(
        "/api/v1/persons",
        token,
        json!({ "first_name": first, "last_name": "Laukiantė", "birth_date": birth }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// An application (complete documents) received on `received_on`; `extra`
/// is merged into the request.
pub async fn apply_with(
    app: &TestApp,
    token: &str,
    person_id: &str,
    service: &str,
    received_on: &str,
    extra: Value,
) -> Reply {
    let documents: Vec<Value> = documents_of(service)
        .iter()
        .map(|(code, status)| json!({ "code": code, "status": status }))
        .collect();
    let mut body = json!({
        "person_id": person_id,
        "service_code": service,
        "received_on": received_on,
        "channel": "in_person",
        "documents": documents,
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    app.post("/api/v1/applications", token, body).await
}

/// An application (complete documents) received on `received_on`.
pub async fn apply(
    app: &TestApp,
    token: &str,
    person_id: &str,
    service: &str,
    received_on: &str,
) -> Value {
    apply_with(app, token, person_id, service, received_on, json!({}))
        .await
        .assert_status(201)
        .clone()
}

/// `/api/v1/applications/{id}{tail}`.
pub fn path(application: &Value, tail: &str) -> String {
    format!(
        "/api/v1/applications/{}{tail}",
        application["id"].as_str().unwrap()
    )
}

/// The needs assessment submitted on `on`.
pub async fn assess(app: &TestApp, token: &str, application: &Value, on: &str) -> Value {
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

/// Forwarded to the division.
pub async fn forward(app: &TestApp, token: &str, application: &Value) -> Value {
    app.post(
        &path(application, "/forward"),
        token,
        json!({ "version": application["version"], "exception_reason": null }),
    )
    .await
    .assert_status(200)
    .clone()
}

/// The decision prepared (granted); `extra` is merged into the request.
pub async fn prepare_with(app: &TestApp, token: &str, application: &Value, extra: Value) -> Reply {
    let mut body = json!({ "version": application["version"], "outcome": "granted", "reasoning": "Skirti paslaugas." });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    app.post(&path(application, "/decision"), token, body).await
}

/// The decision prepared (granted); returns the application view.
pub async fn prepare(app: &TestApp, token: &str, application: &Value) -> Value {
    prepare_with(app, token, application, json!({}))
        .await
        .assert_status(200)
        .clone()
}

/// The decision signed; returns the decision.
pub async fn sign(app: &TestApp, token: &str, decision: &Value) -> Value {
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

/// The tokens of the division's staff.
pub struct Staff {
    /// `social_worker`.
    pub worker: String,
    /// `division_specialist`.
    pub specialist: String,
    /// `division_head`.
    pub head: String,
}

impl Staff {
    /// Logs them in.
    pub async fn of(app: &TestApp) -> Staff {
        Staff {
            worker: app.token("social_worker").await,
            specialist: app.token("division_specialist").await,
            head: app.token("division_head").await,
        }
    }
}

/// A person granted `service` on an application received on `received_on`,
/// the decision signed on `signed_on` (the clock is left there); returns
/// (person id, application view as prepared, signed decision).
pub async fn granted(
    app: &TestApp,
    staff: &Staff,
    first: &str,
    service: &str,
    received_on: Date,
    signed_on: Date,
) -> (String, Value, Value) {
    granted_with(
        app,
        staff,
        first,
        service,
        received_on,
        signed_on,
        json!({}),
        json!({}),
    )
    .await
}

/// [`granted`] with extra fields for the application and the decision.
#[allow(clippy::too_many_arguments)]
pub async fn granted_with(
    app: &TestApp,
    staff: &Staff,
    first: &str,
    service: &str,
    received_on: Date,
    signed_on: Date,
    application_extra: Value,
    decision_extra: Value,
) -> (String, Value, Value) {
    app.clock.set_today(received_on);
    let birth = if service == "children_day_centre" {
        "2016-04-02"
    } else {
        "1944-03-03"
    };
    let person_id = person(app, &staff.worker, first, birth).await;
    let received = received_on.to_string();
    let application = apply_with(
        app,
        &staff.worker,
        &person_id,
        service,
        &received,
        application_extra,
    )
    .await
    .assert_status(201)
    .clone();
    let assessed = assess(app, &staff.worker, &application, &received).await;
    let forwarded = forward(app, &staff.worker, &assessed).await;
    let prepared = prepare_with(app, &staff.specialist, &forwarded, decision_extra)
        .await
        .assert_status(200)
        .clone();
    app.clock.set_today(signed_on);
    let signed = sign(app, &staff.head, &prepared["decision"]).await;
    (person_id, prepared, signed)
}

/// The id of the facility with `code` in the actor's municipality.
pub async fn facility_id(app: &TestApp, token: &str, code: &str) -> String {
    let list = app.get("/api/v1/facilities", token).await;
    list.assert_status(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no facility {code}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Sets the places of `kind` at facility `id` from today.
pub async fn set_capacity(
    app: &TestApp,
    token: &str,
    id: &str,
    kind: &str,
    places: i32,
    from: Date,
) -> Value {
    app.post(
        &format!("/api/v1/facilities/{id}/capacities"),
        token,
        json!({ "place_kind": kind, "places": places, "valid_from": from.to_string() }),
    )
    .await
    .assert_status(200)
    .clone()
}

/// The queue board of `kind` at facility `id`.
pub async fn board(app: &TestApp, token: &str, id: &str, kind: &str) -> Value {
    app.get(
        &format!("/api/v1/facilities/{id}/queue?place_kind={kind}"),
        token,
    )
    .await
    .assert_status(200)
    .clone()
}
