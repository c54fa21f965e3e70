//! Issue 8, what an attacker found (15–18, 20): a family shows only the
//! members the reader may see; nobody changes their own roles and an
//! administrator holds no case role; the same answer for a real record and
//! a random id on reads too; every read of case content recorded;
//! activating an active user changes nothing; the server's own request id
//! in the audit log with the client's beside it; failed logins of unknown
//! usernames visible to an auditor.

use crate::db_tests;
use crate::layer_applications::ready_application;
use crate::support::{Reply, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    a_family_shows_only_the_members_the_reader_may_see,
    nobody_changes_their_own_roles_and_no_admin_holds_a_case_role,
    reads_without_the_right_are_403_for_real_and_random_ids_alike,
    every_read_of_case_content_is_recorded,
    activating_an_active_user_changes_nothing,
    the_audit_log_keeps_the_servers_request_id_and_the_clients_beside_it,
    failed_logins_of_unknown_usernames_reach_the_auditor,
    a_rate_value_too_large_for_its_column_is_refused,
);

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

/// The answer without what differs between any two requests.
fn essence(reply: &Reply) -> (u16, Value, Value) {
    (
        reply.status.as_u16(),
        reply.body["code"].clone(),
        reply.body["detail"].clone(),
    )
}

async fn eldership(app: &TestApp, token: &str, name: &str) -> Value {
    let org = app.get("/api/v1/organisation", token).await;
    org.body["elderships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no eldership {name}"))["id"]
        .clone()
}

/// Bullet 15.
async fn a_family_shows_only_the_members_the_reader_may_see(app: TestApp) {
    let worker = app.token("social_worker").await; // Kelmės miesto seniūnija
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let kraziai = eldership(&app, &specialist, "Kražių seniūnija").await;
    let kelme = eldership(&app, &specialist, "Kelmės miesto seniūnija").await;
    // P lives in Kražiai: the eldership specialist of Kelmė town cannot open
    // P's file.
    let p = app
        .post(
            "/api/v1/persons",
            &specialist,
            json!({ "personal_code": "35001010101", "first_name": "Paslėptas",
                    "last_name": "Kražietis", "eldership_id": kraziai }),
        )
        .await
        .assert_status(201)
        .clone();
    let q = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "personal_code": "45202020207", "first_name": "Matoma",
                    "last_name": "Kelmiškė" }),
        )
        .await
        .assert_status(201)
        .clone();
    for (person, amount) in [(&p, "900.00"), (&q, "300.00")] {
        for month in [9, 10, 11] {
            app.post(
                &format!("/api/v1/persons/{}/income", id(person)),
                &specialist,
                json!({ "year": 2026, "month": month, "amount": amount, "source": "sodra" }),
            )
            .await
            .assert_status(201);
        }
    }
    let family = app
        .post(
            "/api/v1/families",
            &specialist,
            json!({ "name": "Mišri šeima", "eldership_id": kelme, "members": [
                { "person_id": id(&q), "relation": "applicant" },
                { "person_id": id(&p), "relation": "spouse" },
            ] }),
        )
        .await
        .assert_status(201)
        .clone();
    let family_path = format!("/api/v1/families/{}?on=2026-12-02", id(&family));
    app.get(&format!("/api/v1/persons/{}", id(&p)), &worker)
        .await
        .assert_problem(404, "not_found");

    let seen = app.get(&family_path, &worker).await;
    let seen = seen.assert_status(200).clone();
    let text = seen.to_string();
    assert!(!text.contains("Paslėptas"), "P's name leaked: {text}");
    assert!(!text.contains("Kražietis"), "P's name leaked: {text}");
    assert!(!text.contains("35001010101"), "P's code leaked: {text}");
    assert!(!text.contains(&id(&p)), "P's id leaked: {text}");
    let members = seen["family"]["members"].as_array().unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0]["person"]["id"], q["id"]);
    assert_eq!(seen["family"]["hidden_members"], 1);
    // The family's income needs P's: withheld, not a wrong or revealing sum.
    assert!(seen["income"].is_null(), "{}", seen["income"]);

    // The division sees the whole family and its income over all members.
    let whole = app.get(&family_path, &head).await;
    let whole = whole.assert_status(200).clone();
    assert_eq!(whole["family"]["members"].as_array().unwrap().len(), 2);
    assert_eq!(whole["family"]["hidden_members"], 0);
    assert_eq!(whole["income"]["members"], 2);
    assert_eq!(whole["income"]["monthly_total"], "1200.00");
    assert_eq!(whole["income"]["per_member"], "600.00");

    // A write's answer shows the family the same way.
    let r = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Rimas", "last_name": "Kelmiškis" }),
        )
        .await
        .assert_status(201)
        .clone();
    let added = app
        .post(
            &format!("/api/v1/families/{}/members", id(&family)),
            &worker,
            json!({ "person_id": id(&r), "relation": "child" }),
        )
        .await;
    let added = added.assert_status(200).clone();
    assert!(!added.to_string().contains("Paslėptas"));
    assert_eq!(added["members"].as_array().unwrap().len(), 2);
    assert_eq!(added["hidden_members"], 1);
    let whole = app.get(&family_path, &head).await;
    assert_eq!(
        whole.assert_status(200)["family"]["members"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

/// Bullet 16.
async fn nobody_changes_their_own_roles_and_no_admin_holds_a_case_role(app: TestApp) {
    let admin = app.token("admin").await;
    let me = app
        .get("/api/v1/me", &admin)
        .await
        .assert_status(200)
        .clone();
    let own = format!("/api/v1/users/{}", id(&me));
    let current = app.get(&own, &admin).await.assert_status(200).clone();
    // The request: an administrator grants themself a case role.
    let reply = app
        .patch(
            &own,
            &admin,
            json!({ "version": current["version"], "roles": ["admin", "social_worker"] }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "roles");
    assert_eq!(reply.body["errors"][0]["code"], "cannot_change_own_roles");
    // Nor any other change of their own roles.
    let reply = app
        .patch(
            &own,
            &admin,
            json!({ "version": current["version"], "roles": ["admin", "auditor"] }),
        )
        .await;
    assert_eq!(reply.body["errors"][0]["code"], "cannot_change_own_roles");
    // Nothing changed; still no case content after a new login.
    let after = app.get(&own, &admin).await.assert_status(200).clone();
    assert_eq!(after["roles"], json!(["admin"]));
    assert_eq!(after["version"], current["version"]);
    let again = app.token("admin").await;
    app.get("/api/v1/persons", &again)
        .await
        .assert_problem(403, "forbidden");
    // Their own name, sending the roles they hold, is no change of roles.
    let renamed = app
        .patch(
            &own,
            &admin,
            json!({ "version": current["version"], "roles": ["admin"], "display_name": "Aušra A." }),
        )
        .await;
    assert_eq!(renamed.assert_status(200)["display_name"], "Aušra A.");
    // (The account changed: a new token.)
    let admin = app.token("admin").await;

    // An administrator never holds a case role, whoever gives it.
    for case_role in [
        "social_worker",
        "case_manager",
        "division_specialist",
        "division_head",
    ] {
        let reply = app
            .post(
                "/api/v1/users",
                &admin,
                json!({ "username": "antras.admin", "display_name": "Antras", "password": "Long-enough-1",
                        "roles": ["admin", case_role] }),
            )
            .await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["code"], "admin_with_case_role");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE username = 'antras.admin'")
            .await,
        0
    );
    let page = app
        .get("/api/v1/users?q=Vytautas", &admin)
        .await
        .assert_status(200)
        .clone();
    let head = &page["items"][0];
    let reply = app
        .patch(
            &format!("/api/v1/users/{}", id(head)),
            &admin,
            json!({ "version": head["version"], "roles": ["division_head", "admin"] }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["code"], "admin_with_case_role");
    // An administrator and an auditor at once is allowed (no case role).
    let created = app
        .post(
            "/api/v1/users",
            &admin,
            json!({ "username": "admin.auditor", "display_name": "Abu", "password": "Long-enough-1",
                    "roles": ["admin", "auditor"] }),
        )
        .await;
    created.assert_status(201);

    // The demo data respects it.
    let all = app
        .get("/api/v1/users?per_page=100", &admin)
        .await
        .assert_status(200)
        .clone();
    for user in all["items"].as_array().unwrap() {
        let roles: Vec<&str> = user["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        assert!(
            !(roles.contains(&"admin") && roles.iter().any(|r| *r != "admin" && *r != "auditor")),
            "{} holds {roles:?}",
            user["username"]
        );
    }
}

/// Bullet 17: the existence oracle on reads. A role without the right to
/// read case content gets 403 before any lookup; a reader who may not see
/// the record gets the 404 of a random id.
async fn reads_without_the_right_are_403_for_real_and_random_ids_alike(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let application = ready_application(&app, &worker, "46805280103").await;
    let prepared = app
        .post(
            &format!("/api/v1/applications/{}/decision", id(&application)),
            &specialist,
            json!({ "version": application["version"], "outcome": "granted",
                    "reasoning": "Taip.", "hours_per_month": "10" }),
        )
        .await
        .assert_status(200)
        .clone();
    let application_id = id(&prepared);
    let decision_id = id(&prepared["decision"]);
    let random = uuid::Uuid::now_v7().to_string();
    let reads = [
        "/api/v1/applications/{a}",
        "/api/v1/applications/{a}/fee?hours_per_month=10",
        "/api/v1/decisions/{d}",
        "/api/v1/persons/{p}",
        "/api/v1/persons/{p}/eligibility?service_code=home_help",
        "/api/v1/applications?person_id={p}",
    ];
    let person_id = prepared["person"]["id"].as_str().unwrap().to_owned();
    for role in ["admin", "auditor"] {
        let token = app.token(role).await;
        for template in reads {
            let real = template
                .replace("{a}", &application_id)
                .replace("{d}", &decision_id)
                .replace("{p}", &person_id);
            let fake = template
                .replace("{a}", &random)
                .replace("{d}", &random)
                .replace("{p}", &random);
            let real = app.get(&real, &token).await;
            real.assert_problem(403, "forbidden");
            assert_eq!(
                essence(&real),
                essence(&app.get(&fake, &token).await),
                "{role} {template}"
            );
        }
        // Signing, too: 403 for a real decision and a random id alike.
        for target in [&decision_id, &random] {
            app.post(
                &format!("/api/v1/decisions/{target}/sign"),
                &token,
                json!({ "version": 1 }),
            )
            .await
            .assert_problem(403, "forbidden");
        }
    }
    // A social worker of another municipality may read case content but not
    // these records: the same 404 as for a random id (the fee preview is the
    // division's: 403 for any id, as above).
    let worker = app.token("kaunas_worker").await;
    for template in [reads[0], reads[2], reads[3], reads[4]] {
        let real = template
            .replace("{a}", &application_id)
            .replace("{d}", &decision_id)
            .replace("{p}", &person_id);
        let fake = template
            .replace("{a}", &random)
            .replace("{d}", &random)
            .replace("{p}", &random);
        let real = app.get(&real, &worker).await;
        real.assert_problem(404, "not_found");
        assert_eq!(
            essence(&real),
            essence(&app.get(&fake, &worker).await),
            "{template}"
        );
    }
}

/// Bullet 18: the reads the issue found unrecorded, with its requests, and
/// the application lists that name no person (the inbox, the list).
async fn every_read_of_case_content_is_recorded(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let auditor = app.token("auditor").await;
    let application = ready_application(&app, &worker, "46805280103").await;
    let person = application["person"]["id"].as_str().unwrap().to_owned();
    let application_id = id(&application);
    let reads: [(&str, &str, &str, &str); 7] = [
        (
            "social_worker",
            "/api/v1/persons/{p}/eligibility?service_code=home_help",
            "person.eligibility_read",
            "intake",
        ),
        (
            "social_worker",
            "/api/v1/persons?personal_code=46805280103",
            "person.search",
            "intake",
        ),
        (
            "social_worker",
            "/api/v1/persons?q=zemaite",
            "person.search",
            "intake",
        ),
        (
            "division_specialist",
            "/api/v1/applications/{a}/fee?hours_per_month=10",
            "decision.fee_preview",
            "decision",
        ),
        (
            "social_worker",
            "/api/v1/applications?person_id={p}",
            "application.list_read",
            "intake",
        ),
        (
            "division_specialist",
            "/api/v1/applications?status=ready_for_decision",
            "application.list_read",
            "supervision",
        ),
        (
            "division_specialist",
            "/api/v1/applications/inbox",
            "application.list_read",
            "decision",
        ),
    ];
    for (who, template, action, purpose) in reads {
        let token = if who == "social_worker" {
            &worker
        } else {
            &specialist
        };
        let path = template
            .replace("{p}", &person)
            .replace("{a}", &application_id);
        let before = app
            .audit(&auditor, &format!("action={action}&actor={who}"))
            .await
            .len();
        app.get_for(&path, token, Some(purpose))
            .await
            .assert_status(200);
        let records = app
            .audit(&auditor, &format!("action={action}&actor={who}"))
            .await;
        assert_eq!(records.len(), before + 1, "{path} was not recorded");
        assert_eq!(records[0]["summary"]["purpose"], purpose, "{path}");
    }
    // What the list and the inbox records say: the filters' names and the
    // number of lines, never the values.
    let lists = app
        .audit(
            &auditor,
            "action=application.list_read&actor=division_specialist",
        )
        .await;
    assert_eq!(lists[0]["summary"]["view"], "inbox");
    assert_eq!(lists[0]["summary"]["results"], 1);
    assert_eq!(lists[1]["summary"]["view"], "list");
    assert_eq!(lists[1]["summary"]["filters"], json!(["status"]));
    assert_eq!(lists[1]["summary"]["results"], 1);
    // A list without a purpose is refused, and not recorded.
    let reply = app.get_for("/api/v1/applications", &specialist, None).await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "X-Purpose");
    assert_eq!(
        app.audit(
            &auditor,
            "action=application.list_read&actor=division_specialist"
        )
        .await
        .len(),
        2
    );
}

/// Bullet 20: activating an already active user is a no-op.
async fn activating_an_active_user_changes_nothing(app: TestApp) {
    let admin = app.token("admin").await;
    let session = app.login("case_manager").await;
    let token = session["access_token"].as_str().unwrap().to_owned();
    let page = app
        .get("/api/v1/users?q=Giedrius", &admin)
        .await
        .assert_status(200)
        .clone();
    let user = page["items"][0].clone();
    let path = format!("/api/v1/users/{}/activate", id(&user));
    let reply = app
        .post(&path, &admin, json!({ "version": user["version"] }))
        .await;
    let same = reply.assert_status(200).clone();
    assert_eq!(same["active"], true);
    assert_eq!(same["version"], user["version"], "no new version");
    // The sessions go on: the access token and the refresh token still work.
    app.get("/api/v1/me", &token).await.assert_status(200);
    app.json(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        json!({ "refresh_token": session["refresh_token"] }),
    )
    .await
    .assert_status(200);
    // Nothing was recorded.
    let auditor = app.token("auditor").await;
    assert!(app.audit(&auditor, "action=user.activate").await.is_empty());
    // A real reactivation still changes the version.
    let deactivated = app
        .post(
            &format!("/api/v1/users/{}/deactivate", id(&user)),
            &admin,
            json!({ "version": user["version"] }),
        )
        .await
        .assert_status(200)
        .clone();
    let reactivated = app
        .post(&path, &admin, json!({ "version": deactivated["version"] }))
        .await
        .assert_status(200)
        .clone();
    assert_eq!(
        reactivated["version"].as_i64(),
        deactivated["version"].as_i64().map(|v| v + 1)
    );
    assert_eq!(app.audit(&auditor, "action=user.activate").await.len(), 1);
}

/// Bullet 20: the audit log's request id is the server's; the client's own
/// `X-Request-Id` is recorded beside it, sanitised and cut.
async fn the_audit_log_keeps_the_servers_request_id_and_the_clients_beside_it(app: TestApp) {
    let worker = app.token("social_worker").await;
    let auditor = app.token("auditor").await;
    let long = format!("forged\"id {}", "x".repeat(200));
    for (sent, recorded) in [
        ("client-abc-123", "client-abc-123".to_owned()),
        (long.as_str(), format!("forged_id_{}", "x".repeat(54))),
    ] {
        let reply = app
            .send(
                app.request(Method::POST, "/api/v1/persons")
                    .bearer_auth(&worker)
                    .header("x-request-id", sent)
                    .json(&json!({ "first_name": "Ona", "last_name": "Užklausaitė" })),
            )
            .await;
        let person = reply.assert_status(201).clone();
        let server_id = reply.header("x-request-id").unwrap().to_owned();
        assert_ne!(server_id, sent, "the client's id is not the request id");
        assert_eq!(server_id.len(), 32);
        let records = app
            .audit(
                &auditor,
                &format!("action=person.create&entity_id={}", id(&person)),
            )
            .await;
        assert_eq!(records.len(), 1);
        assert_eq!(records[0]["request_id"], server_id.as_str());
        assert_eq!(records[0]["client_request_id"], recorded.as_str());
        assert!(recorded.len() <= 64);
    }
    // Without one, nothing is recorded beside the server's id.
    let reply = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Jonas", "last_name": "Beužklausis" }),
        )
        .await;
    let person = reply.assert_status(201).clone();
    let records = app
        .audit(
            &auditor,
            &format!("action=person.create&entity_id={}", id(&person)),
        )
        .await;
    assert!(records[0]["client_request_id"].is_null());
    assert_eq!(
        records[0]["request_id"].as_str(),
        reply.header("x-request-id")
    );
}

/// Bullet 20: a failed login of an unknown username is recorded for the
/// municipality whose staff recently logged in from the same address.
async fn failed_logins_of_unknown_usernames_reach_the_auditor(app: TestApp) {
    // Kelmė's auditor logs in from this address (127.0.0.1).
    let auditor = app.token("auditor").await;
    app.try_login("nebuves.vartotojas", "Whatever-123")
        .await
        .assert_problem(401, "invalid_credentials");
    let records = app
        .audit(
            &auditor,
            "action=auth.login_failed&actor=nebuves.vartotojas",
        )
        .await;
    assert_eq!(records.len(), 1, "the auditor sees the attempt");
    assert_eq!(records[0]["actor_kind"], "anonymous");
    assert_eq!(records[0]["summary"]["reason"], "unknown_user");
    assert_eq!(records[0]["client_addr"], "127.0.0.1");
    // Kaunas's staff never logged in from here: nothing in its log.
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log a JOIN municipalities m ON m.id = a.municipality_id \
             WHERE a.action = 'auth.login_failed' AND m.code <> 'kelme'"
        )
        .await,
        0
    );
    // An address whose last login is older than 30 days ties it to no
    // municipality (the server keeps two): recorded without one.
    app.clock.advance(time::Duration::days(31));
    app.try_login("kitas.nebuves", "Whatever-123")
        .await
        .assert_problem(401, "invalid_credentials");
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login_failed' \
             AND actor_name = 'kitas.nebuves' AND municipality_id IS NULL"
        )
        .await,
        1
    );
}

/// Bullet 19, a finding of the fuzz test: a rate value beyond its column
/// (numeric(14,4)) was a 500 on PostgreSQL; now a 422 on both databases.
async fn a_rate_value_too_large_for_its_column_is_refused(app: TestApp) {
    let admin = app.token("admin").await;
    for value in ["99999999999999999999.99", "10000000", "0.00001"] {
        let reply = app
            .post(
                "/api/v1/rates",
                &admin,
                json!({ "kind": "vrp", "valid_from": "2031-01-01", "value": value }),
            )
            .await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "value", "{value}");
    }
    app.post(
        "/api/v1/rates",
        &admin,
        json!({ "kind": "vrp", "valid_from": "2031-01-01", "value": "9999999.9999" }),
    )
    .await
    .assert_status(201);
}
