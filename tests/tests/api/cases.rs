//! Case management (atvejo vadyba), R-CM-1 and R-CMP-1: the head of the case
//! managers' unit opens a case for a family from a child-rights notice and
//! assigns a case manager and a family social worker by the next working
//! day; one open case per family; who sees a case (its team, the head, the
//! division head) and who does not (everyone else: 403 for roles without
//! the right, 404 and empty lists for those not on the case).
//!
//! [`open_case`] and [`assigned_case`] are the fixtures of the other case
//! tests.

use crate::db_tests;
use crate::support::{PASSWORD, TestApp};
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_cm_1_a_notice_opens_a_case_and_the_head_assigns_its_team_by_r_cmp_1,
    r_cm_1_a_family_has_one_open_case,
    r_cm_1_bad_openings_are_refused_and_store_nothing,
    cases_are_seen_only_by_their_team_the_head_and_the_division_head,
    r_cm_1_the_head_chooses_the_team_among_active_case_managers_and_social_workers,
);

/// The id of `value`.
pub fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

/// A user of Kelmė created by the administrator with `roles`; their id.
pub async fn staff(app: &TestApp, username: &str, roles: &[&str]) -> String {
    let admin = app.token("admin").await;
    app.post(
        "/api/v1/users",
        &admin,
        json!({ "username": username, "display_name": format!("{username} Darbuotoja"), "password": PASSWORD, "roles": roles }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The user id of a demo user.
pub async fn user_id(app: &TestApp, username: &str) -> String {
    let token = app.token(username).await;
    app.get("/api/v1/me", &token).await.assert_status(200)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A valid personal code from its first ten digits.
pub fn code(first_ten: &str) -> String {
    let mut d = [0u8; 10];
    for (i, c) in first_ten.bytes().enumerate() {
        d[i] = c - b'0';
    }
    format!(
        "{first_ten}{}",
        atvejis_domain::personal_code::check_digit(&d)
    )
}

/// A family (mother and a child; the codes differ by `n`) registered by
/// the head; `(family, child)`.
pub async fn family(app: &TestApp, head: &str, n: u8) -> (Value, Value) {
    let mother = app
        .post(
            "/api/v1/persons",
            head,
            json!({ "personal_code": code(&format!("488010{:04}", 1000 + u16::from(n))), "first_name": "Žaneta", "last_name": format!("Šimkienė{n}") }),
        )
        .await
        .assert_status(201)
        .clone();
    let child = app
        .post(
            "/api/v1/persons",
            head,
            json!({ "personal_code": code(&format!("515010{:04}", 1000 + u16::from(n))), "first_name": "Ąžuolas", "last_name": format!("Šimkus{n}") }),
        )
        .await
        .assert_status(201)
        .clone();
    let family = app
        .post(
            "/api/v1/families",
            head,
            json!({
                "name": format!("Šimkų šeima {n}"),
                "members": [
                    { "person_id": id(&mother), "relation": "applicant", "joined_on": "2020-01-01" },
                    { "person_id": id(&child), "relation": "child", "joined_on": "2020-01-01" },
                ],
            }),
        )
        .await
        .assert_status(201)
        .clone();
    (family, child)
}

/// A case opened by the head from a child-rights notice for a new family
/// (`n` makes it distinct).
pub async fn open_case(app: &TestApp, n: u8) -> Value {
    let head = app.token("case_management_head").await;
    let (family, child) = family(app, &head, n).await;
    app.post(
        "/api/v1/cases",
        &head,
        json!({
            "family_id": id(&family),
            "children": [id(&child)],
            "origin": "child_rights_notice",
            "notice_date": app.clock.today().to_string(),
            "notice_reference": format!("2SS-{n}"),
            "referred_by": "VVTAĮT Šiaulių apskrities skyrius",
            "reason": "Vaikas nelanko mokyklos, tėvai vartoja alkoholį.",
        }),
    )
    .await
    .assert_status(201)
    .clone()
}

/// A case opened as [`open_case`] and assigned to the demo `case_manager`
/// and `social_worker`.
pub async fn assigned_case(app: &TestApp, n: u8) -> Value {
    let case = open_case(app, n).await;
    let head = app.token("case_management_head").await;
    let manager = user_id(app, "case_manager").await;
    let worker = user_id(app, "social_worker").await;
    app.request(reqwest::Method::PUT, &format!("/api/v1/cases/{}/team", id(&case)))
        .bearer_auth(&head)
        .json(&json!({ "case_manager_id": manager, "social_worker_id": worker, "order_reference": "Įsakymas Nr. V-12", "version": case["version"] }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()
}

async fn r_cm_1_a_notice_opens_a_case_and_the_head_assigns_its_team_by_r_cmp_1(app: TestApp) {
    // Friday: the team is due on Monday (R-CMP-1).
    app.clock.set_today(date!(2026 - 12 - 04));
    let case = open_case(&app, 1).await;
    assert_eq!(case["status"], "awaiting_assignment");
    assert_eq!(case["assignment_due"], "2026-12-07");
    assert_eq!(case["next_due"]["kind"], "assignment");
    assert_eq!(case["number"], "AV-2026-0001");
    assert_eq!(case["children"].as_array().unwrap().len(), 1);
    assert_eq!(case["members"].as_array().unwrap().len(), 2);
    assert_eq!(case["parameters"]["first_meeting_working_days"], 10);

    // Late on Tuesday: overdue.
    app.clock.set_today(date!(2026 - 12 - 08));
    let head = app.token("case_management_head").await;
    let read = app
        .get_for(
            &format!("/api/v1/cases/{}", id(&case)),
            &head,
            Some("case_management"),
        )
        .await;
    assert_eq!(read.assert_status(200)["next_due"]["overdue"], true);
    let waiting = app
        .get_for(
            "/api/v1/cases?status=awaiting_assignment",
            &head,
            Some("case_management"),
        )
        .await;
    assert_eq!(waiting.assert_status(200)["total"], 1);

    let manager = user_id(&app, "case_manager").await;
    let worker = user_id(&app, "social_worker").await;
    // The roles are checked: the social worker is not a case manager.
    let wrong = app
        .send(
            app.request(reqwest::Method::PUT, &format!("/api/v1/cases/{}/team", id(&case)))
                .bearer_auth(&head)
                .json(&json!({ "case_manager_id": worker, "social_worker_id": manager, "version": case["version"] })),
        )
        .await;
    wrong.assert_problem(422, "validation_failed");
    let assigned = app
        .send(
            app.request(reqwest::Method::PUT, &format!("/api/v1/cases/{}/team", id(&case)))
                .bearer_auth(&head)
                .json(&json!({ "case_manager_id": manager, "social_worker_id": worker, "version": case["version"] })),
        )
        .await;
    let assigned = assigned.assert_status(200);
    assert_eq!(assigned["status"], "open");
    assert_eq!(assigned["assigned_on"], "2026-12-08");
    assert_eq!(assigned["case_manager"]["id"], manager.as_str());
    assert_eq!(assigned["social_worker"]["id"], worker.as_str());
    // R-CM-2, R-CMP-2: the assessment and the first meeting within 10 working days.
    let kinds: Vec<&str> = assigned["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["assessment", "first_meeting"]);
    assert_eq!(assigned["due"][1]["due_on"], "2026-12-22");
    // A stale version is refused.
    let stale = app
        .send(
            app.request(reqwest::Method::PUT, &format!("/api/v1/cases/{}/team", id(&case)))
                .bearer_auth(&head)
                .json(&json!({ "case_manager_id": manager, "social_worker_id": worker, "version": case["version"] })),
        )
        .await;
    stale.assert_problem(409, "version_conflict");
    // Audited.
    let auditor = app.token("auditor").await;
    let events = app
        .audit(&auditor, &format!("entity_id={}", id(&case)))
        .await;
    let actions: Vec<&str> = events
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"case.open"), "{actions:?}");
    assert!(actions.contains(&"case.assign"), "{actions:?}");
    assert!(actions.contains(&"case.read"), "{actions:?}");
}

async fn r_cm_1_a_family_has_one_open_case(app: TestApp) {
    let case = open_case(&app, 2).await;
    let head = app.token("case_management_head").await;
    let again = app
        .post(
            "/api/v1/cases",
            &head,
            json!({
                "family_id": case["family"]["id"],
                "children": [case["children"][0]["id"]],
                "origin": "parents_request",
                "notice_date": app.clock.today().to_string(),
                "reason": "Tėvai prašo pagalbos.",
            }),
        )
        .await;
    again.assert_problem(409, "case_open_for_family");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 1);
}

async fn r_cm_1_bad_openings_are_refused_and_store_nothing(app: TestApp) {
    let head = app.token("case_management_head").await;
    let (household, _child) = family(&app, &head, 3).await;
    let (_other, stranger) = family(&app, &head, 4).await;
    let reply = app
        .post(
            "/api/v1/cases",
            &head,
            json!({
                "family_id": id(&household),
                "children": [id(&stranger)],
                "origin": "child_rights_notice",
                "notice_date": app.clock.today().to_string(),
                "reason": "Pranešimas",
            }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"children[0]"), "{fields:?}");
    assert!(fields.contains(&"notice_reference"), "{fields:?}");
    let unknown = app
        .post(
            "/api/v1/cases",
            &head,
            json!({
                "family_id": uuid::Uuid::new_v4(),
                "children": [id(&stranger)],
                "origin": "organisation",
                "notice_date": app.clock.today().to_string(),
                "reason": "Mokykla praneša",
            }),
        )
        .await;
    unknown.assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM case_children").await, 0);
}

async fn cases_are_seen_only_by_their_team_the_head_and_the_division_head(app: TestApp) {
    let case = assigned_case(&app, 5).await;
    let path = format!("/api/v1/cases/{}", id(&case));
    let read = |token: String| {
        let app = &app;
        let path = path.clone();
        async move { app.get_for(&path, &token, Some("case_management")).await }
    };
    let list = |token: String| {
        let app = &app;
        async move {
            app.get_for("/api/v1/cases", &token, Some("case_management"))
                .await
                .assert_status(200)["total"]
                .as_u64()
                .unwrap()
        }
    };
    // The team, the head and the division head see it.
    for user in [
        "case_manager",
        "social_worker",
        "case_management_head",
        "division_head",
    ] {
        let token = app.token(user).await;
        read(token.clone()).await.assert_status(200);
        assert_eq!(list(token).await, 1, "{user}");
    }
    // Another case manager and an unassigned social worker: 404, nothing listed.
    staff(&app, "kitas_vadybininkas", &["case_manager"]).await;
    staff(&app, "kita_darbuotoja", &["social_worker"]).await;
    for user in ["kitas_vadybininkas", "kita_darbuotoja"] {
        let token = app.token(user).await;
        read(token.clone()).await.assert_problem(404, "not_found");
        assert_eq!(list(token.clone()).await, 0, "{user}");
        let by_family = app
            .get_for(
                &format!(
                    "/api/v1/cases?family_id={}",
                    case["family"]["id"].as_str().unwrap()
                ),
                &token,
                Some("case_management"),
            )
            .await;
        assert_eq!(by_family.assert_status(200)["total"], 0);
    }
    // Roles without the right: 403 for a real id and a random one alike.
    for user in ["admin", "auditor", "division_specialist"] {
        let token = app.token(user).await;
        read(token.clone()).await.assert_problem(403, "forbidden");
        app.get_for(
            &format!("/api/v1/cases/{}", uuid::Uuid::new_v4()),
            &token,
            Some("case_management"),
        )
        .await
        .assert_problem(403, "forbidden");
        app.get_for("/api/v1/cases", &token, Some("case_management"))
            .await
            .assert_problem(403, "forbidden");
    }
    // Only the head assigns; a case manager cannot reassign their own case.
    let manager = app.token("case_manager").await;
    let reply = app
        .send(
            app.request(reqwest::Method::PUT, &format!("{path}/team"))
                .bearer_auth(&manager)
                .json(&json!({ "case_manager_id": uuid::Uuid::new_v4(), "social_worker_id": uuid::Uuid::new_v4(), "version": case["version"] })),
        )
        .await;
    reply.assert_problem(403, "forbidden");
    // Another municipality's staff: 403 (no case role) or nothing.
    let kaunas = app.token("kaunas_worker").await;
    read(kaunas.clone()).await.assert_problem(404, "not_found");
    assert_eq!(list(kaunas).await, 0);
}

async fn r_cm_1_the_head_chooses_the_team_among_active_case_managers_and_social_workers(
    app: TestApp,
) {
    let head = app.token("case_management_head").await;
    let reply = app.get("/api/v1/cases/team-candidates", &head).await;
    let body = reply.assert_status(200);
    let names = |key: &str| -> Vec<String> {
        body[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["display_name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names("case_managers"),
        vec!["Giedrius Kazlauskas", "Jūratė Vaitkienė"]
    );
    // Kelmė's social worker only: not Kaunas district's.
    assert_eq!(names("social_workers"), vec!["Rasa Petraitienė"]);
    for user in ["case_manager", "social_worker", "admin", "division_head"] {
        let token = app.token(user).await;
        app.get("/api/v1/cases/team-candidates", &token)
            .await
            .assert_problem(403, "forbidden");
    }
}
