//! R-CMP-1, -2, -4 as procedure parameters: the administrator sets new
//! values from a date; cases opened before keep the values in force when
//! they were opened, cases opened from that date use the new ones; values
//! out of range are refused; nobody but the administrator changes them.

use crate::cases::{id, open_case};
use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::json;
use time::macros::date;

db_tests!(
    r_cmp_parameters_from_a_date_apply_to_cases_opened_from_then,
    r_cmp_parameters_are_checked_and_only_the_administrator_sets_them,
);

const PATH: &str = "/api/v1/procedure-parameters";

async fn r_cmp_parameters_from_a_date_apply_to_cases_opened_from_then(app: TestApp) {
    // Wednesday.
    app.clock.set_today(date!(2026 - 12 - 02));
    let admin = app.token("admin").await;
    let set = app
        .post(
            PATH,
            &admin,
            json!({ "valid_from": "2026-12-07", "assignment_working_days": 3, "first_meeting_working_days": 15, "review_interval_months": 3 }),
        )
        .await;
    let set = set.assert_status(201).clone();
    assert_eq!(set["in_force"], false);
    let list = app.get(PATH, &admin).await;
    let list = list.assert_status(200).clone();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["defaults"]["assignment_working_days"], 1);
    assert_eq!(list["in_force"]["assignment_working_days"], 1);

    // Opened before the date: the defaults (R-CMP-1: next working day).
    let before = open_case(&app, 1).await;
    assert_eq!(before["parameters"]["assignment_working_days"], 1);
    assert_eq!(before["assignment_due"], "2026-12-03");

    // From Monday the 7th: three working days.
    app.clock.set_today(date!(2026 - 12 - 07));
    let after = open_case(&app, 2).await;
    assert_eq!(after["parameters"]["assignment_working_days"], 3);
    assert_eq!(after["parameters"]["review_interval_months"], 3);
    assert_eq!(after["assignment_due"], "2026-12-10");
    // The earlier case keeps its terms.
    let head = app.token("case_management_head").await;
    let reread = app
        .get_for(
            &format!("/api/v1/cases/{}", id(&before)),
            &head,
            Some("case_management"),
        )
        .await;
    let reread = reread.assert_status(200).clone();
    assert_eq!(reread["parameters"]["assignment_working_days"], 1);
    assert_eq!(reread["assignment_due"], "2026-12-03");
    assert_eq!(reread["next_due"]["due_on"], "2026-12-03");

    // A case manager reads them too; the set is in force now.
    let manager = app.token("case_manager").await;
    let list = app.get(PATH, &manager).await;
    let list = list.assert_status(200).clone();
    assert_eq!(list["items"][0]["in_force"], true);
    assert_eq!(list["in_force"]["first_meeting_working_days"], 15);

    // In force: not withdrawn; a later one is.
    let admin = app.token("admin").await;
    let path = format!("{PATH}/{}", id(&set));
    app.send(app.request(Method::DELETE, &path).bearer_auth(&admin))
        .await
        .assert_problem(409, "parameters_in_force");
    let later = app
        .post(
            PATH,
            &admin,
            json!({ "valid_from": "2027-01-04", "assignment_working_days": 2, "first_meeting_working_days": 10, "review_interval_months": 6 }),
        )
        .await;
    let later = later.assert_status(201).clone();
    app.send(
        app.request(Method::DELETE, &format!("{PATH}/{}", id(&later)))
            .bearer_auth(&admin),
    )
    .await
    .assert_status(204);
    assert_eq!(
        app.get(PATH, &admin).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let auditor = app.token("auditor").await;
    assert_eq!(
        app.audit(&auditor, "action=procedure_parameters.create")
            .await
            .len(),
        2
    );
    assert_eq!(
        app.audit(&auditor, "action=procedure_parameters.delete")
            .await
            .len(),
        1
    );
}

async fn r_cmp_parameters_are_checked_and_only_the_administrator_sets_them(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    let admin = app.token("admin").await;
    let good = json!({ "valid_from": "2026-12-02", "assignment_working_days": 2, "first_meeting_working_days": 10, "review_interval_months": 6 });
    for (field, value) in [
        ("assignment_working_days", json!(0)),
        ("assignment_working_days", json!(31)),
        ("first_meeting_working_days", json!(61)),
        ("review_interval_months", json!(7)),
    ] {
        let mut body = good.clone();
        body[field] = value;
        let reply = app.post(PATH, &admin, body).await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], field);
        assert_eq!(reply.body["errors"][0]["code"], "out_of_range");
    }
    let mut past = good.clone();
    past["valid_from"] = json!("2026-12-01");
    let reply = app.post(PATH, &admin, past).await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["code"], "in_past");
    let mut negative = good.clone();
    negative["review_interval_months"] = json!(-1);
    app.post(PATH, &admin, negative)
        .await
        .assert_problem(422, "validation_failed");

    for role in [
        "case_management_head",
        "case_manager",
        "division_head",
        "auditor",
    ] {
        let token = app.token(role).await;
        app.post(PATH, &token, good.clone())
            .await
            .assert_problem(403, "forbidden");
    }
    let auditor = app.token("auditor").await;
    app.get(PATH, &auditor)
        .await
        .assert_problem(403, "forbidden");
    let specialist = app.token("division_specialist").await;
    app.get(PATH, &specialist)
        .await
        .assert_problem(403, "forbidden");

    // Today is allowed (in force at once); the same day twice is not.
    let set = app.post(PATH, &admin, good.clone()).await;
    assert_eq!(set.assert_status(201)["in_force"], true);
    app.post(PATH, &admin, good)
        .await
        .assert_problem(409, "parameters_exist");
    let head = app.token("case_management_head").await;
    let path = format!("{PATH}/{}", id(&set.body));
    app.send(app.request(Method::DELETE, &path).bearer_auth(&head))
        .await
        .assert_problem(403, "forbidden");
    app.send(
        app.request(Method::DELETE, &format!("{PATH}/{}", uuid::Uuid::now_v7()))
            .bearer_auth(&admin),
    )
    .await
    .assert_problem(404, "not_found");
}
