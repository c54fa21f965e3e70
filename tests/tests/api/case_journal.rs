//! The monitoring journal of a case (šeimos stebėsena) and the case's
//! timeline: an entry is edited only by its author and only within 24
//! hours; after that a correction is a new entry that points to the old
//! one, and both are shown.

use crate::cases::{assigned_case, id, open_case};
use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    journal_entries_are_edited_by_their_author_within_24_hours_then_corrected,
    journal_entries_are_checked_and_need_an_assigned_case,
    the_timeline_shows_what_happened_newest_first,
);

fn journal(case: &Value) -> String {
    format!("/api/v1/cases/{}/journal", id(case))
}

async fn journal_entries_are_edited_by_their_author_within_24_hours_then_corrected(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    let case = assigned_case(&app, 1).await;
    let manager = app.token("case_manager").await;
    let entry = app
        .post(
            &journal(&case),
            &manager,
            json!({ "occurred_on": "2026-12-01", "kind": "visit", "text": "  Apsilankyta šeimoje; vaikai namie.  " }),
        )
        .await;
    let entry = entry.assert_status(201).clone();
    assert_eq!(entry["text"], "Apsilankyta šeimoje; vaikai namie.");
    assert_eq!(entry["kind"], "visit");
    assert_eq!(entry["author"]["display_name"], "Giedrius Kazlauskas");
    assert_eq!(entry["editable"], true);
    assert_eq!(entry["version"], 1);
    let path = format!("{}/{}", journal(&case), id(&entry));

    // The social worker of the same case sees it but does not edit it.
    let worker = app.token("social_worker").await;
    let list = app.get(&journal(&case), &worker).await;
    assert_eq!(list.assert_status(200)["items"][0]["editable"], false);
    app.patch(&path, &worker, json!({ "text": "Kita", "version": 1 }))
        .await
        .assert_problem(403, "forbidden");

    // The author edits it within 24 hours.
    app.clock.advance(time::Duration::hours(23));
    let manager = app.token("case_manager").await;
    let edited = app
        .patch(
            &path,
            &manager,
            json!({ "text": "Apsilankyta šeimoje.", "kind": "meeting", "version": 1 }),
        )
        .await;
    let edited = edited.assert_status(200).clone();
    assert_eq!(edited["text"], "Apsilankyta šeimoje.");
    assert_eq!(edited["kind"], "meeting");
    assert_eq!(edited["version"], 2);
    assert!(edited["edited_at"].is_string());
    // A stale version.
    app.patch(
        &path,
        &manager,
        json!({ "text": "Dar kartą", "version": 1 }),
    )
    .await
    .assert_problem(409, "version_conflict");

    // After 24 hours: no more edits; a correction is a new entry.
    app.clock.advance(time::Duration::hours(2));
    let manager = app.token("case_manager").await;
    app.patch(&path, &manager, json!({ "text": "Per vėlu", "version": 2 }))
        .await
        .assert_problem(409, "journal_edit_window_passed");
    let list = app.get(&journal(&case), &manager).await;
    assert_eq!(list.assert_status(200)["items"][0]["editable"], false);
    let correction = app
        .post(
            &journal(&case),
            &manager,
            json!({ "occurred_on": "2026-12-01", "kind": "visit", "text": "Patikslinimas: vyresnysis vaikas buvo mokykloje.", "corrects_id": id(&entry) }),
        )
        .await;
    let correction = correction.assert_status(201).clone();
    assert_eq!(correction["corrects_id"], entry["id"]);

    // Both are shown; the old one names its correction.
    let list = app.get(&journal(&case), &manager).await;
    let items = list.assert_status(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    // Same day of contact: the later written first.
    assert_eq!(items[0]["id"], correction["id"]);
    assert_eq!(items[1]["id"], entry["id"]);
    assert_eq!(items[1]["corrected_by"], json!([correction["id"]]));
    assert_eq!(items[1]["text"], "Apsilankyta šeimoje.");

    // Audited: two additions, one edit, on the case.
    let auditor = app.token("auditor").await;
    let adds = app.audit(&auditor, "action=case.journal_add").await;
    assert_eq!(adds.len(), 2);
    assert_eq!(adds[0]["entity_id"], case["id"]);
    assert_eq!(
        app.audit(&auditor, "action=case.journal_edit").await.len(),
        1
    );
}

async fn journal_entries_are_checked_and_need_an_assigned_case(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    let waiting = open_case(&app, 2).await;
    let head = app.token("case_management_head").await;
    let body = json!({ "occurred_on": "2026-12-01", "kind": "call", "text": "Skambutis mamai." });
    app.post(&journal(&waiting), &head, body.clone())
        .await
        .assert_problem(409, "case_not_assigned");

    let case = assigned_case(&app, 3).await;
    let manager = app.token("case_manager").await;
    let reply = app
        .post(
            &journal(&case),
            &manager,
            json!({ "occurred_on": "2026-12-03", "kind": "call", "text": "   " }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"occurred_on"), "{}", reply.body);
    assert!(fields.contains(&"text"), "{}", reply.body);
    app.post(
        &journal(&case),
        &manager,
        json!({ "occurred_on": "2026-12-01", "kind": "chat", "text": "x" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // A correction of an entry of another case.
    let other = app.post(&journal(&case), &manager, body.clone()).await;
    let other = other.assert_status(201).clone();
    let case4 = assigned_case(&app, 4).await;
    let reply = app
        .post(
            &journal(&case4),
            &manager,
            json!({ "occurred_on": "2026-12-01", "kind": "call", "text": "Patikslinimas", "corrects_id": id(&other) }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "corrects_id");
    // Who may not: an admin (403), a case manager not on the case (404).
    let admin = app.token("admin").await;
    app.post(&journal(&case), &admin, body.clone())
        .await
        .assert_problem(403, "forbidden");
    app.get(&journal(&case), &admin)
        .await
        .assert_problem(403, "forbidden");
    crate::cases::staff(&app, "kitas_vadybininkas", &["case_manager"]).await;
    let stranger = app.token("kitas_vadybininkas").await;
    app.get(&journal(&case), &stranger)
        .await
        .assert_problem(404, "not_found");
    app.post(&journal(&case), &stranger, body)
        .await
        .assert_problem(404, "not_found");
    // Reads need a purpose.
    app.get_for(&journal(&case), &manager, None)
        .await
        .assert_problem(422, "validation_failed");
}

async fn the_timeline_shows_what_happened_newest_first(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    let case = assigned_case(&app, 5).await;
    app.clock.set_today(date!(2026 - 12 - 03));
    let manager = app.token("case_manager").await;
    let entry = app
        .post(
            &journal(&case),
            &manager,
            json!({ "occurred_on": "2026-12-03", "kind": "visit", "text": "Vizitas." }),
        )
        .await;
    let entry = entry.assert_status(201).clone();
    let head = app.token("case_management_head").await;
    let reply = app
        .send(
            app.request(
                Method::GET,
                &format!("/api/v1/cases/{}/timeline", id(&case)),
            )
            .bearer_auth(&head)
            .header("x-purpose", "case_management"),
        )
        .await;
    let items = reply.assert_status(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    let kinds: Vec<&str> = items.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["journal", "assigned", "opened"], "{items:?}");
    assert_eq!(items[0]["ref_id"], entry["id"]);
    assert_eq!(items[0]["on"], "2026-12-03");
    assert_eq!(items[2]["on"], "2026-12-02");
    // The team assigned at once is one event, naming both.
    let team = items[1]["title"].as_str().unwrap();
    assert!(
        team.contains("case manager") && team.contains("family social worker"),
        "{team}"
    );
    assert!(
        items[2]["title"]
            .as_str()
            .unwrap()
            .contains(case["number"].as_str().unwrap())
    );
    let auditor = app.token("auditor").await;
    let reads = app.audit(&auditor, "action=case.read").await;
    assert!(
        reads
            .iter()
            .any(|r| r["entity_id"] == case["id"] && r["summary"]["purpose"] == "case_management"),
        "{reads:?}"
    );
}
