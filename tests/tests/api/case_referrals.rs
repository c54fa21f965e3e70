//! R-CM-1: the child-rights protection service's system refers a family (a
//! service account with the scope `cases:refer`) and a case opens; the same
//! notice reference again answers the same case and stores nothing, also
//! when two arrive at once; without the scope 403.

use crate::cases::code;
use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_cm_1_a_referral_opens_one_case_per_notice_reference,
    r_cm_1_two_referrals_at_once_open_one_case,
    r_cm_1_referrals_need_the_scope_and_valid_members,
);

/// A token of a new service account of Kelmė with `scopes`.
pub async fn service_token(app: &TestApp, scopes: &[&str]) -> String {
    let admin = app.token("admin").await;
    let created = app
        .post(
            "/api/v1/service-accounts",
            &admin,
            json!({ "name": "VVTAĮT informacinė sistema", "scopes": scopes }),
        )
        .await;
    let created = created.assert_status(201).clone();
    let client_id = created["account"]["client_id"].as_str().unwrap();
    let secret = created["client_secret"].as_str().unwrap();
    let reply = app
        .send(
            app.request(Method::POST, "/api/v1/auth/token")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!(
                    "grant_type=client_credentials&client_id={client_id}&client_secret={secret}"
                )),
        )
        .await;
    reply.assert_status(200)["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn referral(reference: &str, n: u16) -> Value {
    json!({
        "notice": {
            "date": "2026-12-01",
            "reference": reference,
            "referred_by": "VVTAĮT Šiaulių apskrities skyrius",
            "reason": "Vaikai paliekami be priežiūros.",
        },
        "family_name": format!("Jonaičių šeima {n}"),
        "members": [
            { "personal_code": code(&format!("487020{:04}", 2000 + n)), "first_name": "Lina", "last_name": "Jonaitienė", "relation": "applicant", "concerned": false },
            { "personal_code": code(&format!("516030{:04}", 2000 + n)), "first_name": "Kajus", "last_name": "Jonaitis", "relation": "child", "concerned": true },
        ],
    })
}

async fn r_cm_1_a_referral_opens_one_case_per_notice_reference(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    let service = service_token(&app, &["cases:refer"]).await;
    let first = app
        .post("/api/v1/case-referrals", &service, referral("2SS-900", 1))
        .await;
    let first = first.assert_status(201).clone();
    assert_eq!(first["created"], true);
    assert_eq!(first["number"], "AV-2026-0001");
    let again = app
        .post("/api/v1/case-referrals", &service, referral("2SS-900", 1))
        .await;
    let again = again.assert_status(200).clone();
    assert_eq!(again["created"], false);
    assert_eq!(again["case_id"], first["case_id"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM persons WHERE last_name LIKE 'Jonait%'")
            .await,
        2
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM families").await, 1);

    // The head sees the case: the family, the concerned child, the notice.
    let head = app.token("case_management_head").await;
    let case = app
        .get_for(
            &format!("/api/v1/cases/{}", first["case_id"].as_str().unwrap()),
            &head,
            Some("case_management"),
        )
        .await;
    let case = case.assert_status(200).clone();
    assert_eq!(case["status"], "awaiting_assignment");
    assert_eq!(case["origin"], "child_rights_notice");
    assert_eq!(case["notice"]["reference"], "2SS-900");
    assert_eq!(case["family"]["name"], "Jonaičių šeima 1");
    assert_eq!(case["children"][0]["first_name"], "Kajus");
    assert_eq!(case["members"].as_array().unwrap().len(), 2);

    // Staff who open cases may refer too; known people are found by code,
    // and the family that holds the child is used.
    let manager = app.token("case_manager").await;
    let other = app
        .post("/api/v1/case-referrals", &manager, referral("2SS-901", 1))
        .await;
    // That family has an open case already.
    other.assert_problem(409, "case_open_for_family");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM persons WHERE last_name LIKE 'Jonait%'")
            .await,
        2
    );

    let auditor = app.token("auditor").await;
    let opened = app.audit(&auditor, "action=case.open").await;
    assert_eq!(opened.len(), 1);
}

async fn r_cm_1_two_referrals_at_once_open_one_case(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    let service = service_token(&app, &["cases:refer"]).await;
    for round in 0..3u16 {
        let reference = format!("2SS-95{round}");
        let body = referral(&reference, 10 + round);
        let (a, b) = tokio::join!(
            app.post("/api/v1/case-referrals", &service, body.clone()),
            app.post("/api/v1/case-referrals", &service, body.clone()),
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 201], "{} / {}", a.body, b.body);
        assert_eq!(a.body["case_id"], b.body["case_id"]);
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM cases WHERE notice_reference = '{reference}'"
            ))
            .await,
            1
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 3);
    assert_eq!(app.count("SELECT COUNT(*) FROM families").await, 3);
}

async fn r_cm_1_referrals_need_the_scope_and_valid_members(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    let reader = service_token(&app, &["case_content:read"]).await;
    app.post("/api/v1/case-referrals", &reader, referral("2SS-960", 20))
        .await
        .assert_problem(403, "forbidden");
    for role in ["social_worker", "division_head", "admin", "auditor"] {
        let token = app.token(role).await;
        app.post("/api/v1/case-referrals", &token, referral("2SS-960", 20))
            .await
            .assert_problem(403, "forbidden");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);

    let service = service_token(&app, &["cases:refer"]).await;
    let mut bad = referral("2SS-961", 21);
    bad["members"][1]["concerned"] = json!(false);
    bad["members"][0]["personal_code"] = json!("12345678901");
    let reply = app.post("/api/v1/case-referrals", &service, bad).await;
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"members[0].personal_code"),
        "{}",
        reply.body
    );
    assert!(fields.contains(&"members"), "{}", reply.body);
    let mut blank = referral("  ", 22);
    blank["notice"]["reference"] = json!("   ");
    app.post("/api/v1/case-referrals", &service, blank)
        .await
        .assert_problem(422, "validation_failed");
    let mut future = referral("2SS-962", 23);
    future["notice"]["date"] = json!("2026-12-03");
    app.post("/api/v1/case-referrals", &service, future)
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM families").await, 0);
}
