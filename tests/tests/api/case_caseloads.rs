//! Caseloads for the head of the case managers' unit and the division head
//! (R-CMP-1, -2 overdue terms), and the demo's cases in their three stages.

use crate::cases::{assigned_case, open_case};
use crate::db_tests;
use crate::support::TestApp;
use serde_json::Value;
use time::macros::date;

db_tests!(
    caseloads_count_open_and_overdue_cases_for_the_heads,
    the_demo_has_three_cases_in_three_stages_with_an_overdue_review,
);

async fn caseloads(app: &TestApp, token: &str) -> crate::support::Reply {
    app.get("/api/v1/cases/caseloads", token).await
}

async fn caseloads_count_open_and_overdue_cases_for_the_heads(app: TestApp) {
    // Wednesday.
    app.clock.set_today(date!(2026 - 12 - 02));
    assigned_case(&app, 1).await;
    assigned_case(&app, 2).await;
    open_case(&app, 3).await;
    let head = app.token("case_management_head").await;
    let loads = caseloads(&app, &head).await;
    let loads = loads.assert_status(200).clone();
    assert_eq!(loads["awaiting_assignment"], 1);
    assert_eq!(loads["assignment_overdue"], 0);
    let manager = manager_load(&loads, "Giedrius Kazlauskas");
    assert_eq!(manager["open_cases"], 2);
    assert_eq!(manager["overdue_cases"], 0);

    // Three weeks later: the first meetings (10 working days) and the
    // assignment (next working day) are overdue.
    app.clock.set_today(date!(2026 - 12 - 23));
    let head = app.token("case_management_head").await;
    let loads = caseloads(&app, &head).await;
    let loads = loads.assert_status(200).clone();
    assert_eq!(loads["assignment_overdue"], 1);
    assert_eq!(
        manager_load(&loads, "Giedrius Kazlauskas")["overdue_cases"],
        2
    );
    // The division head sees them too.
    let division_head = app.token("division_head").await;
    caseloads(&app, &division_head).await.assert_status(200);
    // A case manager, a social worker, an admin: 403.
    for role in ["case_manager", "social_worker", "admin", "auditor"] {
        let token = app.token(role).await;
        caseloads(&app, &token)
            .await
            .assert_problem(403, "forbidden");
    }
}

fn manager_load<'a>(loads: &'a Value, name: &str) -> &'a Value {
    loads["managers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user"]["display_name"] == name)
        .unwrap_or_else(|| panic!("{name} in {loads}"))
}

async fn the_demo_has_three_cases_in_three_stages_with_an_overdue_review(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    // As the demo binary loads it; twice: the second time adds nothing.
    for _ in 0..2 {
        atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
            .await
            .expect("demo casework");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 3);
    let head = app.token("case_management_head").await;
    let list = app
        .get_for("/api/v1/cases", &head, Some("case_management"))
        .await;
    let items = list.assert_status(200)["items"].as_array().unwrap().clone();
    let status = |s: &str| {
        items
            .iter()
            .find(|c| c["status"] == s)
            .unwrap_or_else(|| panic!("a case {s}: {items:?}"))
            .clone()
    };
    let waiting = status("awaiting_assignment");
    assert_eq!(waiting["opened_on"], "2026-12-02");
    let open = status("open");
    assert_eq!(open["next_due"]["kind"], "review");
    assert_eq!(open["next_due"]["overdue"], true);
    assert_eq!(open["case_manager"]["display_name"], "Giedrius Kazlauskas");
    let closed = status("closed");
    assert_eq!(closed["closing_reason"], "goals_reached");

    // The open case's journal and timeline.
    let manager = app.token("case_manager").await;
    let id = open["id"].as_str().unwrap();
    let journal = app
        .get(&format!("/api/v1/cases/{id}/journal"), &manager)
        .await;
    assert!(
        journal.assert_status(200)["items"]
            .as_array()
            .unwrap()
            .len()
            >= 2
    );
    let timeline = app
        .get(&format!("/api/v1/cases/{id}/timeline"), &manager)
        .await;
    let kinds: Vec<String> = timeline.assert_status(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap().to_owned())
        .collect();
    for kind in [
        "opened",
        "assigned",
        "assessment",
        "meeting",
        "plan_agreed",
        "journal",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    let loads = caseloads(&app, &head).await;
    let loads = loads.assert_status(200).clone();
    assert_eq!(loads["awaiting_assignment"], 1);
    assert_eq!(
        manager_load(&loads, "Giedrius Kazlauskas")["overdue_cases"],
        1
    );
}
