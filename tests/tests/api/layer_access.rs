//! Issue 7: permission before lookup on the writes of people and families. A
//! role without the right gets 403 before any record is looked up: the same
//! answer for a real id and a random one, so the answer tells nothing about
//! which records exist.

use crate::db_tests;
use crate::support::{Reply, TestApp};
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

db_tests!(persons_and_families_writes_check_the_role_before_the_record);

/// The answer without what differs between any two requests.
fn essence(reply: &Reply) -> (u16, Value, Value) {
    (
        reply.status.as_u16(),
        reply.body["code"].clone(),
        reply.body["detail"].clone(),
    )
}

async fn persons_and_families_writes_check_the_role_before_the_record(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Rūta", "last_name": "Tikrinė", "declared_address": "Vilniaus g. 2" }),
        )
        .await
        .assert_status(201)
        .clone();
    let person_id = person["id"].as_str().unwrap().to_owned();
    let certificate = app
        .post(
            &format!("/api/v1/persons/{person_id}/certificates"),
            &worker,
            json!({ "kind": "pensioner", "valid_from": "2024-01-01" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let income = app
        .post(
            &format!("/api/v1/persons/{person_id}/income"),
            &worker,
            json!({ "year": 2026, "month": 9, "amount": "500.00", "source": "sodra" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let family = app
        .post(
            "/api/v1/families",
            &worker,
            json!({ "name": "Tikrinių šeima", "members": [{ "person_id": person_id, "relation": "applicant" }] }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let random = Uuid::new_v4().to_string();
    // (method, path with `{p}` person, `{c}` certificate, `{i}` income, `{f}` family, body)
    let writes: [(Method, &str, Value); 7] = [
        (
            Method::PATCH,
            "/api/v1/persons/{p}",
            json!({ "version": 1, "first_name": "Rūtelė" }),
        ),
        (
            Method::POST,
            "/api/v1/persons/{p}/certificates",
            json!({ "kind": "pensioner", "valid_from": "2025-01-01" }),
        ),
        (
            Method::DELETE,
            "/api/v1/persons/{p}/certificates/{c}",
            Value::Null,
        ),
        (
            Method::POST,
            "/api/v1/persons/{p}/income",
            json!({ "year": 2026, "month": 8, "amount": "500.00", "source": "sodra" }),
        ),
        (
            Method::DELETE,
            "/api/v1/persons/{p}/income/{i}",
            Value::Null,
        ),
        (
            Method::POST,
            "/api/v1/families/{f}/members",
            json!({ "person_id": person_id, "relation": "child" }),
        ),
        (
            Method::DELETE,
            "/api/v1/families/{f}/members/{p}",
            Value::Null,
        ),
    ];
    for role in ["division_head", "auditor", "admin"] {
        let token = app.token(role).await;
        for (method, template, body) in &writes {
            let path = |p: &str, c: &str, i: &str, f: &str| {
                template
                    .replace("{p}", p)
                    .replace("{c}", c)
                    .replace("{i}", i)
                    .replace("{f}", f)
            };
            let send = |path: String| {
                let mut request = app.request(method.clone(), &path).bearer_auth(&token);
                if !body.is_null() {
                    request = request.json(body);
                }
                app.send(request)
            };
            let real = send(path(&person_id, &certificate, &income, &family)).await;
            let fake = send(path(&random, &random, &random, &random)).await;
            real.assert_problem(403, "forbidden");
            assert_eq!(
                essence(&real),
                essence(&fake),
                "{role} {method} {template}: a real id and a random one must get the same answer"
            );
        }
    }
    // Nothing changed.
    let file = app
        .get(&format!("/api/v1/persons/{person_id}"), &worker)
        .await;
    assert_eq!(file.assert_status(200)["person"]["version"], 1);
    assert_eq!(file.body["certificates"].as_array().unwrap().len(), 1);
    assert_eq!(file.body["income"].as_array().unwrap().len(), 1);
}
