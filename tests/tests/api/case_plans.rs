//! The help plan (R-CMP-3) and its reviews (R-CMP-4): the case team writes
//! a draft with the version check, each action with a responsible that
//! exists (a member of staff of the municipality, a member of the case's
//! family, an organisation); versions keep the ids of goals and actions and
//! show what changed; an action is not done without a reason; a review
//! records goal by goal, updates where actions stand in the same
//! transaction and sets the next review within the parameter; the case
//! shows the review due. Only the team (and the head) see it; every read
//! and write is audited.
//!
//! A case meeting agrees a draft (`POST /cases/{id}/meetings`, another
//! module); these tests mark the draft agreed in the database ([`agree`]).

use crate::cases::{assigned_case, family, id, staff, user_id};
use crate::db_tests;
use crate::support::{Reply, TestApp};
use atvejis_api::store::entities::case_plan_versions as plans;
use atvejis_domain::cases::ProcedureParameters;
use reqwest::Method;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use time::Date;
use time::macros::date;

db_tests!(
    r_cmp_3_a_draft_is_created_then_edited_with_the_version_check,
    r_cmp_3_every_action_has_a_responsible_that_exists,
    r_cmp_3_versions_keep_their_ids_and_show_what_changed,
    r_cmp_3_an_action_is_not_done_without_a_reason,
    r_cmp_4_a_review_records_goals_and_action_statuses_together,
    r_cmp_4_the_case_shows_the_review_due_after_the_plan_and_the_last_review,
    plans_and_reviews_are_seen_only_by_the_team_and_audited,
);

/// Marks version `number` of the case's plan agreed on `on`, as a case
/// meeting does (`decisions.agree_plan`).
async fn agree(app: &TestApp, case_id: &str, number: i32, on: Date) {
    let case_id: uuid::Uuid = case_id.parse().unwrap();
    let result = plans::Entity::update_many()
        .col_expr(plans::Column::Status, Expr::value("agreed"))
        .col_expr(plans::Column::AgreedOn, Expr::value(on))
        .filter(plans::Column::CaseId.eq(case_id))
        .filter(plans::Column::Number.eq(number))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(result.rows_affected, 1);
}

async fn put_plan(app: &TestApp, token: &str, case_id: &str, body: Value) -> Reply {
    app.json(
        Method::PUT,
        &format!("/api/v1/cases/{case_id}/plan"),
        Some(token),
        body,
    )
    .await
}

async fn get_plan(app: &TestApp, token: &str, case_id: &str) -> Reply {
    app.get_for(
        &format!("/api/v1/cases/{case_id}/plan"),
        token,
        Some("case_management"),
    )
    .await
}

/// Two goals and three actions: the case manager, the child and a school.
fn two_goals(manager: &str, child: &str, due: Date) -> Value {
    json!([
        {
            "title": "Vaikas reguliariai lanko mokyklą",
            "actions": [
                { "what": "Susitikti su mokyklos socialine pedagoge", "responsible": { "kind": "staff", "user_id": manager }, "due_on": due.to_string() },
                { "what": "Lankyti pamokas kasdien", "responsible": { "kind": "family_member", "person_id": child }, "due_on": due.to_string() },
            ],
        },
        {
            "title": "Šeima gauna socialinių įgūdžių paslaugas",
            "actions": [
                { "what": "Organizuoti užsiėmimus", "responsible": { "kind": "organisation", "organisation": "Kelmės socialinių paslaugų centras" }, "due_on": due.to_string() },
            ],
        },
    ])
}

/// An assigned case, the manager's token, and a first draft of
/// [`two_goals`] due on `due`.
async fn case_with_draft(app: &TestApp, n: u8, due: Date) -> (Value, String, Value) {
    let case = assigned_case(app, n).await;
    let token = app.token("case_manager").await;
    let manager = user_id(app, "case_manager").await;
    let child = case["children"][0]["id"].as_str().unwrap().to_owned();
    let draft = put_plan(
        app,
        &token,
        id(&case),
        json!({ "goals": two_goals(&manager, &child, due) }),
    )
    .await
    .assert_status(200)
    .clone();
    (case, token, draft)
}

fn fields(reply: &Reply) -> Vec<(String, String)> {
    reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn action_ids(version: &Value) -> Vec<String> {
    version["goals"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["actions"].as_array().unwrap().iter())
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn r_cmp_3_a_draft_is_created_then_edited_with_the_version_check(app: TestApp) {
    let (case, token, draft) = case_with_draft(&app, 1, date!(2027 - 01 - 15)).await;
    let case_id = id(&case);
    assert_eq!(draft["number"], 1);
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["version"], 1);
    assert_eq!(draft["goals"].as_array().unwrap().len(), 2);
    let first = &draft["goals"][0]["actions"][0];
    assert_eq!(first["status"], "planned");
    assert_eq!(first["responsible"]["kind"], "staff");
    assert_eq!(
        first["responsible"]["user"]["id"],
        user_id(&app, "case_manager").await.as_str()
    );
    let child_action = &draft["goals"][0]["actions"][1];
    assert_eq!(
        child_action["responsible"]["person"]["id"],
        case["children"][0]["id"]
    );
    assert_eq!(
        draft["goals"][1]["actions"][0]["responsible"]["organisation"],
        "Kelmės socialinių paslaugų centras"
    );
    assert_eq!(draft["created_by"]["display_name"], "Giedrius Kazlauskas");

    // A second "new" draft while one exists: someone else created it.
    let manager = user_id(&app, "case_manager").await;
    let child = case["children"][0]["id"].as_str().unwrap();
    let again = put_plan(
        &app,
        &token,
        case_id,
        json!({ "goals": two_goals(&manager, child, date!(2027 - 01 - 15)) }),
    )
    .await;
    again.assert_problem(409, "version_conflict");

    // The edit at the read version: the draft keeps its number and ids.
    let mut goals = draft["goals"].clone();
    goals[0]["title"] = json!("Vaikas kasdien lanko mokyklą");
    goals[0]["actions"][0]["responsible"] = json!({ "kind": "staff", "user_id": manager });
    goals[0]["actions"][1]["responsible"] = json!({ "kind": "family_member", "person_id": child });
    goals[1]["actions"][0]["responsible"] =
        json!({ "kind": "organisation", "organisation": "Kelmės mokykla" });
    let edited = put_plan(
        &app,
        &token,
        case_id,
        json!({ "goals": goals, "version": draft["version"] }),
    )
    .await;
    let edited = edited.assert_status(200);
    assert_eq!(edited["number"], 1);
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["id"], draft["id"]);
    assert_eq!(edited["goals"][0]["title"], "Vaikas kasdien lanko mokyklą");
    assert_eq!(action_ids(edited), action_ids(&draft));

    // R-CMP-3: a stale version of the plan is refused and nothing is stored.
    goals[0]["title"] = json!("Pasenęs pakeitimas");
    let stale = put_plan(
        &app,
        &token,
        case_id,
        json!({ "goals": goals, "version": draft["version"] }),
    )
    .await;
    stale.assert_problem(409, "version_conflict");
    let plan = get_plan(&app, &token, case_id).await;
    let plan = plan.assert_status(200);
    assert!(plan["agreed"].is_null());
    assert_eq!(plan["draft"]["version"], 2);
    assert_eq!(
        plan["draft"]["goals"][0]["title"],
        "Vaikas kasdien lanko mokyklą"
    );
    assert_eq!(
        plan["versions"],
        json!([{ "number": 1, "status": "draft", "agreed_on": null }])
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM case_plan_versions").await,
        1
    );
}

async fn r_cmp_3_every_action_has_a_responsible_that_exists(app: TestApp) {
    let case = assigned_case(&app, 2).await;
    let case_id = id(&case);
    let token = app.token("case_manager").await;
    let head = app.token("case_management_head").await;
    let (_other_family, stranger) = family(&app, &head, 3).await;
    let kaunas = user_id(&app, "kaunas_worker").await;
    let goal = |responsible: Value| {
        json!({ "goals": [{ "title": "Tikslas", "actions": [
            { "what": "Veiksmas", "responsible": responsible, "due_on": "2027-01-15" },
        ] }] })
    };
    // An action without a responsible: 422 naming the action's field.
    let missing = put_plan(
        &app,
        &token,
        case_id,
        json!({ "goals": [{ "title": "Tikslas", "actions": [
            { "what": "Veiksmas", "due_on": "2027-01-15" },
            { "what": "", "responsible": { "kind": "staff" }, "due_on": "2027-01-15" },
        ] }] }),
    )
    .await;
    missing.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&missing),
        vec![
            (
                "goals[0].actions[0].responsible".to_owned(),
                "required".to_owned()
            ),
            (
                "goals[0].actions[1].responsible".to_owned(),
                "required".to_owned()
            ),
            ("goals[0].actions[1].what".to_owned(), "required".to_owned()),
        ]
    );
    // A person who is not a member of the case's family.
    let outsider = put_plan(
        &app,
        &token,
        case_id,
        goal(json!({ "kind": "family_member", "person_id": id(&stranger) })),
    )
    .await;
    outsider.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&outsider),
        vec![(
            "goals[0].actions[0].responsible".to_owned(),
            "not_a_member".to_owned()
        )]
    );
    // Staff of another municipality (and an unknown user) do not exist here.
    for user in [kaunas.clone(), uuid::Uuid::new_v4().to_string()] {
        let foreign = put_plan(
            &app,
            &token,
            case_id,
            goal(json!({ "kind": "staff", "user_id": user })),
        )
        .await;
        foreign.assert_problem(422, "validation_failed");
        assert_eq!(
            fields(&foreign),
            vec![(
                "goals[0].actions[0].responsible".to_owned(),
                "invalid".to_owned()
            )]
        );
    }
    // An organisation without its name; an id no earlier version has.
    let nameless = put_plan(
        &app,
        &token,
        case_id,
        json!({ "goals": [{ "id": uuid::Uuid::new_v4(), "title": "Tikslas", "actions": [
            { "what": "Veiksmas", "responsible": { "kind": "organisation", "organisation": "  " }, "due_on": "2027-01-15" },
        ] }] }),
    )
    .await;
    assert_eq!(
        fields(&nameless),
        vec![
            (
                "goals[0].actions[0].responsible".to_owned(),
                "required".to_owned()
            ),
            ("goals[0].id".to_owned(), "invalid".to_owned()),
        ]
    );
    // Nothing was stored.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM case_plan_versions").await,
        0
    );
    // A new user of Kelmė can be responsible.
    let colleague = staff(&app, "kolege", &["social_worker"]).await;
    put_plan(
        &app,
        &token,
        case_id,
        goal(json!({ "kind": "staff", "user_id": colleague })),
    )
    .await
    .assert_status(200);
}

async fn r_cmp_3_versions_keep_their_ids_and_show_what_changed(app: TestApp) {
    app.clock.set_today(date!(2026 - 06 - 01));
    let (case, token, first) = case_with_draft(&app, 4, date!(2026 - 07 - 15)).await;
    let case_id = id(&case);
    agree(&app, case_id, 1, date!(2026 - 06 - 01)).await;
    let plan = get_plan(&app, &token, case_id).await;
    let plan = plan.assert_status(200);
    assert_eq!(plan["agreed"]["number"], 1);
    assert_eq!(plan["agreed"]["status"], "agreed");
    assert_eq!(plan["agreed"]["agreed_on"], "2026-06-01");
    assert!(plan["draft"].is_null());

    // The next draft copies the agreed version's ids: goal 1 reworded, its
    // first action due later, its second removed, a new action added.
    let manager = user_id(&app, "case_manager").await;
    let mut goals = first["goals"].clone();
    for goal in goals.as_array_mut().unwrap() {
        for action in goal["actions"].as_array_mut().unwrap() {
            let r = action["responsible"].clone();
            action["responsible"] = match r["kind"].as_str().unwrap() {
                "staff" => json!({ "kind": "staff", "user_id": r["user"]["id"] }),
                "family_member" => {
                    json!({ "kind": "family_member", "person_id": r["person"]["id"] })
                }
                _ => json!({ "kind": "organisation", "organisation": r["organisation"] }),
            };
        }
    }
    goals[0]["title"] = json!("Vaikas lanko mokyklą be praleidimų");
    goals[0]["actions"][0]["due_on"] = json!("2026-08-31");
    let removed = goals[0]["actions"][1]["id"].clone();
    goals[0]["actions"].as_array_mut().unwrap().remove(1);
    goals[0]["actions"].as_array_mut().unwrap().push(json!({
        "what": "Aptarti lankomumą su klasės auklėtoja",
        "responsible": { "kind": "staff", "user_id": manager },
        "due_on": "2026-09-15",
    }));
    let second = put_plan(&app, &token, case_id, json!({ "goals": goals })).await;
    let second = second.assert_status(200).clone();
    assert_eq!(second["number"], 2);
    assert_eq!(second["status"], "draft");
    assert_eq!(second["goals"][0]["id"], first["goals"][0]["id"]);
    assert_eq!(second["goals"][1]["id"], first["goals"][1]["id"]);
    assert_eq!(
        second["goals"][0]["actions"][0]["id"],
        first["goals"][0]["actions"][0]["id"]
    );
    assert_eq!(
        second["goals"][1]["actions"][0]["id"],
        first["goals"][1]["actions"][0]["id"]
    );

    let plan = get_plan(&app, &token, case_id).await;
    let plan = plan.assert_status(200);
    assert_eq!(plan["agreed"]["number"], 1);
    assert_eq!(plan["draft"]["number"], 2);
    let numbers: Vec<i64> = plan["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, vec![2, 1]);

    let detail = app
        .get_for(
            &format!("/api/v1/cases/{case_id}/plan/versions/2"),
            &token,
            Some("case_management"),
        )
        .await;
    let detail = detail.assert_status(200);
    assert_eq!(detail["number"], 2);
    let changes: Vec<(&str, Option<&str>)> = detail["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["action_what"].as_str()))
        .collect();
    assert_eq!(
        changes,
        vec![
            ("goal_changed", None),
            (
                "action_due_changed",
                Some("Susitikti su mokyklos socialine pedagoge")
            ),
            (
                "action_added",
                Some("Aptarti lankomumą su klasės auklėtoja")
            ),
            ("action_removed", Some("Lankyti pamokas kasdien")),
        ]
    );
    assert_eq!(detail["changes"][3]["action_id"], removed);
    assert_eq!(
        detail["changes"][0]["goal_title"],
        "Vaikas lanko mokyklą be praleidimų"
    );
    // The first version: everything added; it stays readable as agreed.
    let first_detail = app
        .get_for(
            &format!("/api/v1/cases/{case_id}/plan/versions/1"),
            &token,
            Some("case_management"),
        )
        .await;
    let first_detail = first_detail.assert_status(200);
    assert_eq!(first_detail["status"], "agreed");
    assert_eq!(first_detail["changes"].as_array().unwrap().len(), 5);
    app.get_for(
        &format!("/api/v1/cases/{case_id}/plan/versions/3"),
        &token,
        Some("case_management"),
    )
    .await
    .assert_problem(404, "not_found");
}

async fn r_cmp_3_an_action_is_not_done_without_a_reason(app: TestApp) {
    app.clock.set_today(date!(2026 - 06 - 01));
    let (case, token, draft) = case_with_draft(&app, 5, date!(2026 - 06 - 30)).await;
    let case_id = id(&case);
    let action = draft["goals"][0]["actions"][0]["id"].as_str().unwrap();
    let path = format!("/api/v1/cases/{case_id}/plan/actions/{action}");
    // Only actions of an agreed version.
    app.patch(&path, &token, json!({ "status": "in_progress" }))
        .await
        .assert_problem(404, "not_found");
    agree(&app, case_id, 1, date!(2026 - 06 - 01)).await;

    let refused = app
        .patch(&path, &token, json!({ "status": "not_done" }))
        .await;
    refused.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&refused),
        vec![("reason".to_owned(), "required".to_owned())]
    );
    let blank = app
        .patch(
            &path,
            &token,
            json!({ "status": "not_done", "reason": "  " }),
        )
        .await;
    blank.assert_problem(422, "validation_failed");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM case_action_statuses").await,
        0
    );
    let not_done = app
        .patch(
            &path,
            &token,
            json!({ "status": "not_done", "reason": "Pedagogė serga" }),
        )
        .await;
    let not_done = not_done.assert_status(200);
    assert_eq!(not_done["status"], "not_done");
    assert_eq!(not_done["status_reason"], "Pedagogė serga");
    assert_eq!(not_done["overdue"], false);
    let done = app.patch(&path, &token, json!({ "status": "done" })).await;
    assert_eq!(done.assert_status(200)["status"], "done");
    app.patch(
        &format!(
            "/api/v1/cases/{case_id}/plan/actions/{}",
            uuid::Uuid::new_v4()
        ),
        &token,
        json!({ "status": "done" }),
    )
    .await
    .assert_problem(404, "not_found");

    // A pending action past its day is overdue; a done one is not.
    app.clock.set_today(date!(2026 - 07 - 01));
    let plan = get_plan(&app, &token, case_id).await;
    let plan = plan.assert_status(200);
    let first = &plan["agreed"]["goals"][0]["actions"][0];
    assert_eq!(first["status"], "done");
    assert_eq!(first["overdue"], false);
    assert_eq!(
        plan["agreed"]["goals"][0]["actions"][1]["status"],
        "planned"
    );
    assert_eq!(plan["agreed"]["goals"][0]["actions"][1]["overdue"], true);
    let auditor = app.token("auditor").await;
    let actions: Vec<String> = app
        .audit(
            &auditor,
            &format!("entity_id={case_id}&action=case.action_status"),
        )
        .await
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(actions.len(), 2, "{actions:?}");
}

async fn r_cmp_4_a_review_records_goals_and_action_statuses_together(app: TestApp) {
    app.clock.set_today(date!(2026 - 06 - 01));
    let (case, token, draft) = case_with_draft(&app, 6, date!(2026 - 07 - 15)).await;
    let case_id = id(&case);
    let reviews = format!("/api/v1/cases/{case_id}/reviews");
    let goal1 = draft["goals"][0]["id"].as_str().unwrap();
    let goal2 = draft["goals"][1]["id"].as_str().unwrap();
    let a1 = draft["goals"][0]["actions"][0]["id"].as_str().unwrap();
    let a2 = draft["goals"][0]["actions"][1]["id"].as_str().unwrap();
    let review = |reviewed_on: &str, next: &str, updates: Value| {
        json!({
            "reviewed_on": reviewed_on,
            "summary": "Šeima bendradarbiauja, lankomumas gerėja.",
            "goals": [
                { "goal_id": goal1, "achieved": "Praleista tik 2 dienos", "changes": "Tęsti" },
                { "goal_id": goal2, "achieved": "Užsiėmimai prasidėjo", "changes": "" },
            ],
            "action_updates": updates,
            "next_review_on": next,
        })
    };
    // R-CMP-4: a review reviews the agreed plan; a draft is not one.
    app.post(
        &reviews,
        &token,
        review("2026-06-01", "2026-09-01", json!([])),
    )
    .await
    .assert_problem(409, "invalid_transition");
    agree(&app, case_id, 1, date!(2026 - 06 - 01)).await;
    app.clock.set_today(date!(2026 - 09 - 01));

    // Bad input stores nothing: not_done without a reason, the next review
    // later than the parameter allows (6 months: 2027-03-01).
    let bad = app
        .post(
            &reviews,
            &token,
            review(
                "2026-09-01",
                "2027-03-02",
                json!([
                    { "action_id": a1, "status": "done" },
                    { "action_id": a2, "status": "not_done" },
                ]),
            ),
        )
        .await;
    bad.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&bad),
        vec![
            ("action_updates[1].reason".to_owned(), "required".to_owned()),
            ("next_review_on".to_owned(), "out_of_range".to_owned()),
        ]
    );
    for (reviewed_on, next) in [("2026-09-01", "2026-09-01"), ("2026-09-02", "2026-10-01")] {
        let reply = app
            .post(&reviews, &token, review(reviewed_on, next, json!([])))
            .await;
        reply.assert_problem(422, "validation_failed");
    }
    let foreign_goal = app
        .post(
            &reviews,
            &token,
            json!({ "reviewed_on": "2026-09-01", "summary": "x", "goals": [{ "goal_id": uuid::Uuid::new_v4(), "achieved": "", "changes": "" }], "next_review_on": "2026-12-01" }),
        )
        .await;
    assert_eq!(
        fields(&foreign_goal),
        vec![("goals[0].goal_id".to_owned(), "invalid".to_owned())]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM case_reviews").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM case_action_statuses").await,
        0
    );

    // The last day the parameter allows is accepted.
    let latest = ProcedureParameters::default().review_due(date!(2026 - 09 - 01));
    assert_eq!(latest, date!(2027 - 03 - 01));
    let recorded = app
        .post(
            &reviews,
            &token,
            review(
                "2026-09-01",
                &latest.to_string(),
                json!([
                    { "action_id": a1, "status": "done" },
                    { "action_id": a2, "status": "not_done", "reason": "Vaikas sirgo" },
                ]),
            ),
        )
        .await;
    let recorded = recorded.assert_status(201).clone();
    assert_eq!(recorded["plan_version"], 1);
    assert_eq!(
        recorded["goals"][0]["goal_title"],
        "Vaikas reguliariai lanko mokyklą"
    );
    assert_eq!(recorded["goals"][0]["achieved"], "Praleista tik 2 dienos");
    assert_eq!(recorded["action_updates"][1]["reason"], "Vaikas sirgo");
    assert_eq!(recorded["next_review_on"], "2027-03-01");
    assert_eq!(
        recorded["created_by"]["display_name"],
        "Giedrius Kazlauskas"
    );

    // The statuses changed with the review.
    let plan = get_plan(&app, &token, case_id).await;
    let plan = plan.assert_status(200);
    let actions = &plan["agreed"]["goals"][0]["actions"];
    assert_eq!(actions[0]["status"], "done");
    assert_eq!(actions[1]["status"], "not_done");
    assert_eq!(actions[1]["status_reason"], "Vaikas sirgo");
    assert_eq!(
        plan["agreed"]["goals"][1]["actions"][0]["status"],
        "planned"
    );

    let list = app.get_for(&reviews, &token, Some("case_management")).await;
    let list = list.assert_status(200);
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["id"], recorded["id"]);
    assert_eq!(
        list["items"][0]["summary"],
        "Šeima bendradarbiauja, lankomumas gerėja."
    );

    let auditor = app.token("auditor").await;
    let events = app
        .audit(&auditor, &format!("entity_id={case_id}&action=case.review"))
        .await;
    assert_eq!(events.len(), 1);
}

async fn r_cmp_4_the_case_shows_the_review_due_after_the_plan_and_the_last_review(app: TestApp) {
    app.clock.set_today(date!(2026 - 06 - 01));
    let (case, token, draft) = case_with_draft(&app, 7, date!(2026 - 12 - 20)).await;
    let case_id = id(&case);
    agree(&app, case_id, 1, date!(2026 - 06 - 01)).await;
    let review_due = |case: &Value| {
        case["due"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["kind"] == "review")
            .map(|d| d["due_on"].as_str().unwrap().to_owned())
    };
    let read = || async {
        app.get_for(
            &format!("/api/v1/cases/{case_id}"),
            &token,
            Some("case_management"),
        )
        .await
        .assert_status(200)
        .clone()
    };
    // R-CMP-4: six months after the plan was agreed.
    let by_plan = ProcedureParameters::default().review_due(date!(2026 - 06 - 01));
    assert_eq!(review_due(&read().await), Some(by_plan.to_string()));

    // A review on 2026-09-01 that sets an earlier date: that date is due.
    app.clock.set_today(date!(2026 - 09 - 01));
    let goal = draft["goals"][0]["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/cases/{case_id}/reviews"),
        &token,
        json!({
            "reviewed_on": "2026-09-01",
            "summary": "Peržiūra",
            "goals": [{ "goal_id": goal, "achieved": "Iš dalies", "changes": "Dažniau lankytis" }],
            "next_review_on": "2026-11-02",
        }),
    )
    .await
    .assert_status(201);
    assert_eq!(review_due(&read().await), Some("2026-11-02".to_owned()));

    // A review that sets the latest day the parameter allows: six months
    // after that review.
    app.clock.set_today(date!(2026 - 11 - 02));
    let by_review = ProcedureParameters::default().review_due(date!(2026 - 11 - 02));
    app.post(
        &format!("/api/v1/cases/{case_id}/reviews"),
        &token,
        json!({
            "reviewed_on": "2026-11-02",
            "summary": "Antra peržiūra",
            "goals": [],
            "next_review_on": by_review.to_string(),
        }),
    )
    .await
    .assert_status(201);
    let after = read().await;
    assert_eq!(review_due(&after), Some(by_review.to_string()));
    assert!(
        after["due"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["overdue"] == false)
    );
    // Overdue once the day passes.
    app.clock.set_today(by_review.next_day().unwrap());
    let late = read().await;
    let review = late["due"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "review")
        .unwrap()
        .clone();
    assert_eq!(review["overdue"], true);
}

async fn plans_and_reviews_are_seen_only_by_the_team_and_audited(app: TestApp) {
    let (case, token, draft) = case_with_draft(&app, 8, date!(2027 - 01 - 15)).await;
    let case_id = id(&case);
    let plan_path = format!("/api/v1/cases/{case_id}/plan");
    let reviews = format!("/api/v1/cases/{case_id}/reviews");
    let action = draft["goals"][0]["actions"][0]["id"].as_str().unwrap();
    let action_path = format!("{plan_path}/actions/{action}");
    let review = json!({ "reviewed_on": app.clock.today().to_string(), "summary": "x", "goals": [], "next_review_on": app.clock.today().next_day().unwrap().to_string() });
    let edit = json!({ "goals": [], "version": draft["version"] });

    // The team and the head read it.
    for user in ["social_worker", "case_management_head", "division_head"] {
        let t = app.token(user).await;
        get_plan(&app, &t, case_id).await.assert_status(200);
        app.get_for(&reviews, &t, Some("case_management"))
            .await
            .assert_status(200);
    }
    // Another case manager: the case does not exist for them.
    staff(&app, "kitas_vadybininkas", &["case_manager"]).await;
    let other = app.token("kitas_vadybininkas").await;
    get_plan(&app, &other, case_id)
        .await
        .assert_problem(404, "not_found");
    app.get_for(&reviews, &other, Some("case_management"))
        .await
        .assert_problem(404, "not_found");
    app.get_for(
        &format!("{plan_path}/versions/1"),
        &other,
        Some("case_management"),
    )
    .await
    .assert_problem(404, "not_found");
    put_plan(&app, &other, case_id, edit.clone())
        .await
        .assert_problem(404, "not_found");
    app.post(&reviews, &other, review.clone())
        .await
        .assert_problem(404, "not_found");
    app.patch(&action_path, &other, json!({ "status": "done" }))
        .await
        .assert_problem(404, "not_found");
    // Roles without the right: 403 before any lookup.
    for user in ["admin", "auditor"] {
        let t = app.token(user).await;
        get_plan(&app, &t, case_id)
            .await
            .assert_problem(403, "forbidden");
        app.get_for(&reviews, &t, Some("case_management"))
            .await
            .assert_problem(403, "forbidden");
        put_plan(&app, &t, case_id, edit.clone())
            .await
            .assert_problem(403, "forbidden");
        app.post(&reviews, &t, review.clone())
            .await
            .assert_problem(403, "forbidden");
        app.patch(&action_path, &t, json!({ "status": "done" }))
            .await
            .assert_problem(403, "forbidden");
    }
    // A read without a purpose is refused.
    app.get_for(&plan_path, &token, None)
        .await
        .assert_problem(422, "validation_failed");
    // The draft is unchanged by all of that.
    let plan = get_plan(&app, &token, case_id).await;
    assert_eq!(plan.assert_status(200)["draft"]["version"], 1);

    // Audited: the writes and the reads, with their purpose.
    let auditor = app.token("auditor").await;
    let events = app.audit(&auditor, &format!("entity_id={case_id}")).await;
    let actions: Vec<&str> = events
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"case.plan_update"), "{actions:?}");
    assert!(actions.contains(&"case.read"), "{actions:?}");
}
