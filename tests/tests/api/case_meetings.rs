//! Needs assessments and case meetings (R-CM-2, R-CM-4, R-CMP-2, R-CMP-3,
//! R-CMP-5): the team assesses the needs before the first meeting; a
//! meeting agrees the plan's draft only after an assessment, files an SP-8
//! application with the case manager's recommendation, and closes the case
//! with a reason, after which the case is read-only. A decision that cannot
//! be taken stores nothing, not even the meeting.

use crate::cases::{assigned_case, id, staff, user_id};
use crate::db_tests;
use crate::support::TestApp;
use atvejis_api::store::entities::{case_meetings, case_plan_versions, cases};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use time::macros::date;
use uuid::Uuid;

db_tests!(
    r_cm_2_an_assessment_is_recorded_signed_and_listed,
    r_cm_2_r_cmp_2_r_cmp_3_the_first_meeting_agrees_the_plan_only_after_an_assessment,
    r_cm_4_a_meeting_files_an_application_with_the_recommendation,
    r_cmp_5_a_meeting_closes_the_case_and_it_becomes_read_only,
    assessments_and_meetings_are_only_for_the_team,
);

/// A draft of the case's plan stored directly (the plan editor is another
/// endpoint): `goals` are `(title, number of actions)`. Answers the draft's
/// version.
pub async fn draft_plan(app: &TestApp, case: &Value, goals: &[(&str, usize)]) -> i32 {
    let case_id = Uuid::parse_str(id(case)).unwrap();
    let row = cases::Entity::find_by_id(case_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let manager = Uuid::parse_str(&user_id(app, "case_manager").await).unwrap();
    let goals: Vec<Value> = goals
        .iter()
        .map(|(title, actions)| {
            json!({
                "id": Uuid::now_v7(),
                "title": title,
                "actions": (0..*actions).map(|i| json!({
                    "id": Uuid::now_v7(),
                    "what": format!("Veiksmas {i}"),
                    "responsible": { "kind": "staff", "user_id": manager },
                    "due_on": "2027-05-03",
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let now = time::OffsetDateTime::now_utc();
    case_plan_versions::Entity::insert(case_plan_versions::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(row.municipality_id),
        case_id: Set(case_id),
        number: Set(1),
        goals: Set(json!(goals)),
        status: Set("draft".to_owned()),
        agreed_on: Set(None),
        agreed_at_meeting: Set(None),
        created_by: Set(manager),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(&app.db)
    .await
    .unwrap();
    1
}

fn assessment(on: &str) -> Value {
    json!({
        "assessed_on": on,
        "risk_factors": [
            { "factor": "Tėvų priklausomybė nuo alkoholio", "level": "high", "notes": "Policijos pranešimai" },
            { "factor": "Vaikas nelanko mokyklos", "level": "medium" },
        ],
        "child_protective_factors": ["Prisirišęs prie močiutės", "  "],
        "family_protective_factors": ["Motina sutinka bendradarbiauti"],
        "summary": "Šeimai reikalinga kompleksinė pagalba.",
    })
}

/// The participants of a meeting: the case manager, the mother, and the
/// child-rights specialist.
async fn participants(app: &TestApp, case: &Value) -> Value {
    let manager = user_id(app, "case_manager").await;
    let mother = case["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["relation"] == "applicant")
        .unwrap()["person"]["id"]
        .clone();
    json!([
        { "kind": "staff", "user_id": manager, "role": "atvejo vadybininkas" },
        { "kind": "family_member", "person_id": mother },
        { "kind": "outside", "name": "Ona Jonaitienė", "organisation": "VVTAĮT Šiaulių apskrities skyrius", "role": "vaiko teisių specialistė" },
    ])
}

async fn meeting(
    app: &TestApp,
    case: &Value,
    token: &str,
    decisions: Value,
) -> crate::support::Reply {
    let participants = participants(app, case).await;
    app.post(
        &format!("/api/v1/cases/{}/meetings", id(case)),
        token,
        json!({
            "held_on": app.clock.today().to_string(),
            "agenda": "Pirmasis atvejo nagrinėjimo posėdis",
            "notes": "Aptarta šeimos situacija.",
            "participants": participants,
            "decisions": decisions,
        }),
    )
    .await
}

async fn actions(app: &TestApp, case: &Value) -> Vec<String> {
    let auditor = app.token("auditor").await;
    app.audit(&auditor, &format!("entity_id={}", id(case)))
        .await
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

fn fields(reply: &crate::support::Reply) -> Vec<String> {
    reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

async fn r_cm_2_an_assessment_is_recorded_signed_and_listed(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 07));
    let case = assigned_case(&app, 11).await;
    let worker = app.token("social_worker").await;
    let path = format!("/api/v1/cases/{}/assessments", id(&case));
    // Bad input: no risk factor, a date after today, a blank summary.
    let bad = app
        .post(
            &path,
            &worker,
            json!({ "assessed_on": "2026-12-08", "risk_factors": [], "summary": "  " }),
        )
        .await;
    bad.assert_problem(422, "validation_failed");
    let bad = fields(&bad);
    for field in ["assessed_on", "risk_factors", "summary"] {
        assert!(bad.contains(&field.to_owned()), "{bad:?}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM case_assessments").await, 0);

    let first = app
        .post(&path, &worker, assessment("2026-12-04"))
        .await
        .assert_status(201)
        .clone();
    assert_eq!(
        first["signed_by"]["id"],
        user_id(&app, "social_worker").await.as_str()
    );
    assert_eq!(first["risk_factors"][0]["level"], "high");
    assert_eq!(
        first["child_protective_factors"],
        json!(["Prisirišęs prie močiutės"])
    );
    let manager = app.token("case_manager").await;
    let second = app
        .post(&path, &manager, assessment("2026-12-07"))
        .await
        .assert_status(201)
        .clone();
    let list = app.get_for(&path, &manager, Some("case_management")).await;
    let items = list.assert_status(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], second["id"], "newest first");
    assert_eq!(items[1]["id"], first["id"]);
    // The due list no longer asks for an assessment.
    let file = app
        .get_for(
            &format!("/api/v1/cases/{}", id(&case)),
            &manager,
            Some("case_management"),
        )
        .await;
    let kinds: Vec<&str> = file.assert_status(200)["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["first_meeting"]);
    let audited = actions(&app, &case).await;
    assert_eq!(
        audited.iter().filter(|a| *a == "case.assessment").count(),
        2,
        "{audited:?}"
    );
    assert!(audited.contains(&"case.read".to_owned()));
}

async fn r_cm_2_r_cmp_2_r_cmp_3_the_first_meeting_agrees_the_plan_only_after_an_assessment(
    app: TestApp,
) {
    app.clock.set_today(date!(2026 - 12 - 07));
    let manager = app.token("case_manager").await;
    // An empty goal, and no assessment yet.
    let empty = assigned_case(&app, 12).await;
    let version = draft_plan(&app, &empty, &[("Vaikas lanko mokyklą", 0)]).await;
    let before = meeting(
        &app,
        &empty,
        &manager,
        json!({ "agree_plan": { "draft_version": version }, "review_on": "2027-03-01" }),
    )
    .await;
    before.assert_problem(422, "plan_before_assessment");
    assert_eq!(app.count("SELECT COUNT(*) FROM case_meetings").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM case_plan_versions WHERE status = 'agreed'")
            .await,
        0
    );
    app.post(
        &format!("/api/v1/cases/{}/assessments", id(&empty)),
        &manager,
        assessment("2026-12-07"),
    )
    .await
    .assert_status(201);
    meeting(
        &app,
        &empty,
        &manager,
        json!({ "agree_plan": { "draft_version": version } }),
    )
    .await
    .assert_problem(422, "plan_empty");
    assert_eq!(app.count("SELECT COUNT(*) FROM case_meetings").await, 0);

    // A plan with two goals and three actions.
    let case = assigned_case(&app, 13).await;
    // R-CMP-2: assigned on Monday, the first meeting is due in 10 working days.
    let first = case["due"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "first_meeting")
        .unwrap()
        .clone();
    assert_eq!(first["due_on"], "2026-12-21");
    app.post(
        &format!("/api/v1/cases/{}/assessments", id(&case)),
        &manager,
        assessment("2026-12-07"),
    )
    .await
    .assert_status(201);
    // No draft at all: nothing to agree.
    meeting(
        &app,
        &case,
        &manager,
        json!({ "agree_plan": { "draft_version": 1 } }),
    )
    .await
    .assert_problem(422, "plan_empty");
    let version = draft_plan(
        &app,
        &case,
        &[
            ("Vaikas lanko mokyklą", 2),
            ("Tėvai nevartoja alkoholio", 1),
        ],
    )
    .await;
    // A stale version of the draft.
    meeting(
        &app,
        &case,
        &manager,
        json!({ "agree_plan": { "draft_version": version + 1 } }),
    )
    .await
    .assert_problem(409, "version_conflict");
    assert_eq!(app.count("SELECT COUNT(*) FROM case_meetings").await, 0);
    // Participants are checked.
    let wrong = app
        .post(
            &format!("/api/v1/cases/{}/meetings", id(&case)),
            &manager,
            json!({
                "held_on": "2026-12-07",
                "agenda": "Posėdis",
                "participants": [
                    { "kind": "staff" },
                    { "kind": "family_member", "person_id": Uuid::new_v4() },
                    { "kind": "outside", "name": "Ona" },
                ],
                "decisions": { "review_on": "2026-12-07" },
            }),
        )
        .await;
    wrong.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&wrong),
        vec![
            "decisions.review_on",
            "participants[0].user_id",
            "participants[1].person_id",
            "participants[2].organisation"
        ]
    );
    let held = meeting(
        &app,
        &case,
        &manager,
        json!({ "agree_plan": { "draft_version": version }, "review_on": "2027-03-01" }),
    )
    .await;
    let held = held.assert_status(201).clone();
    assert_eq!(held["decisions"]["agreed_plan_version"], 1);
    assert_eq!(held["decisions"]["review_on"], "2027-03-01");
    assert_eq!(held["participants"].as_array().unwrap().len(), 3);
    assert_eq!(
        held["participants"][0]["user"]["display_name"],
        "Giedrius Kazlauskas"
    );
    assert_eq!(held["participants"][1]["name"], "Žaneta Šimkienė13");
    assert_eq!(
        held["participants"][2]["organisation"],
        "VVTAĮT Šiaulių apskrities skyrius"
    );
    let plan = case_plan_versions::Entity::find()
        .filter(case_plan_versions::Column::CaseId.eq(Uuid::parse_str(id(&case)).unwrap()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(plan.status, "agreed");
    assert_eq!(plan.agreed_on, Some(date!(2026 - 12 - 07)));
    assert_eq!(
        plan.agreed_at_meeting,
        Some(Uuid::parse_str(id(&held)).unwrap())
    );
    assert_eq!(plan.version, 2);
    let row = case_meetings::Entity::find_by_id(Uuid::parse_str(id(&held)).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.plan_version_id, Some(plan.id));
    assert_eq!(row.review_on, Some(date!(2027 - 03 - 01)));
    // R-CMP-4: the review the meeting set comes first; the actions are due.
    let file = app
        .get_for(
            &format!("/api/v1/cases/{}", id(&case)),
            &manager,
            Some("case_management"),
        )
        .await;
    let file = file.assert_status(200);
    assert_eq!(file["next_due"]["kind"], "review");
    assert_eq!(file["next_due"]["due_on"], "2027-03-01");
    // R-CMP-3: the first meeting agreed the plan; it is no longer due.
    assert_eq!(file["due"].as_array().unwrap().len(), 4);
    assert!(
        file["due"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["kind"] == "review" || d["kind"] == "action"),
        "{}",
        file["due"]
    );
    let list = app
        .get_for(
            &format!("/api/v1/cases/{}/meetings", id(&case)),
            &manager,
            Some("case_management"),
        )
        .await;
    assert_eq!(list.assert_status(200)["items"][0]["id"], held["id"]);
    let audited = actions(&app, &case).await;
    for action in ["case.meeting", "case.plan_agree"] {
        assert!(audited.contains(&action.to_owned()), "{audited:?}");
    }
}

async fn r_cm_4_a_meeting_files_an_application_with_the_recommendation(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 07));
    let case = assigned_case(&app, 14).await;
    let manager = app.token("case_manager").await;
    let child = case["children"][0]["id"].clone();
    let without = meeting(
        &app,
        &case,
        &manager,
        json!({ "file_application": { "person_id": child, "service_code": "children_day_centre" } }),
    )
    .await;
    without.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&without),
        vec!["decisions.file_application.recommendation"]
    );
    let stranger = meeting(
        &app,
        &case,
        &manager,
        json!({ "file_application": { "person_id": Uuid::new_v4(), "service_code": "children_day_centre", "recommendation": "Rekomenduoju" } }),
    )
    .await;
    stranger.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&stranger),
        vec!["decisions.file_application.person_id"]
    );
    let unknown = meeting(
        &app,
        &case,
        &manager,
        json!({ "file_application": { "person_id": child, "service_code": "no_such_service" } }),
    )
    .await;
    unknown.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&unknown),
        vec!["decisions.file_application.service_code"]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM applications").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM case_meetings").await, 0);

    let held = meeting(
        &app,
        &case,
        &manager,
        json!({ "file_application": { "person_id": child, "service_code": "children_day_centre", "recommendation": "  Rekomenduoju vaikui lankyti vaikų dienos centrą „Parama“.  " } }),
    )
    .await;
    let held = held.assert_status(201).clone();
    let application_id = held["decisions"]["application_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The division sees the application of the intake flow with the case
    // and the recommendation.
    let specialist = app.token("division_specialist").await;
    let application = app
        .get(
            &format!("/api/v1/applications/{application_id}"),
            &specialist,
        )
        .await;
    let application = application.assert_status(200);
    assert_eq!(application["case_id"], id(&case));
    assert_eq!(
        application["case_recommendation"],
        "Rekomenduoju vaikui lankyti vaikų dienos centrą „Parama“."
    );
    assert_eq!(application["status"], "submitted");
    assert_eq!(application["channel"], "case_management");
    assert_eq!(application["service_type"]["code"], "children_day_centre");
    assert_eq!(application["person"]["id"], child);
    assert_eq!(application["family_id"], case["family"]["id"]);
    let row = case_meetings::Entity::find_by_id(Uuid::parse_str(id(&held)).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        row.application_id,
        Some(Uuid::parse_str(&application_id).unwrap())
    );
    let audited = actions(&app, &case).await;
    assert!(
        audited.contains(&"case.application_file".to_owned()),
        "{audited:?}"
    );
    let auditor = app.token("auditor").await;
    let created = app
        .audit(&auditor, &format!("entity_id={application_id}"))
        .await;
    assert!(created.iter().any(|e| e["action"] == "application.create"));
    // Another service needs no recommendation.
    meeting(
        &app,
        &case,
        &manager,
        json!({ "file_application": { "person_id": child, "service_code": "home_help" } }),
    )
    .await
    .assert_status(201);
}

async fn r_cmp_5_a_meeting_closes_the_case_and_it_becomes_read_only(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 07));
    let case = assigned_case(&app, 15).await;
    let manager = app.token("case_manager").await;
    let path = format!("/api/v1/cases/{}", id(&case));
    // Not without a meeting.
    app.patch(
        &path,
        &manager,
        json!({ "status": "closed", "version": case["version"] }),
    )
    .await
    .assert_problem(409, "closing_needs_meeting");
    app.patch(
        &path,
        &manager,
        json!({ "closing_reason": "goals_reached", "version": case["version"] }),
    )
    .await
    .assert_problem(409, "closing_needs_meeting");
    // The notice and the reason can be corrected, at the version read.
    let edited = app
        .patch(&path, &manager, json!({ "reason": "  Vaikas nelanko mokyklos.  ", "notice_reference": "2SS-15a", "version": case["version"] }))
        .await;
    let edited = edited.assert_status(200).clone();
    assert_eq!(edited["notice"]["reason"], "Vaikas nelanko mokyklos.");
    assert_eq!(edited["notice"]["reference"], "2SS-15a");
    app.patch(
        &path,
        &manager,
        json!({ "reason": "Kita", "version": case["version"] }),
    )
    .await
    .assert_problem(409, "version_conflict");
    let bad = app
        .patch(&path, &manager, json!({ "children": [Uuid::new_v4()], "notice_reference": null, "version": edited["version"] }))
        .await;
    bad.assert_problem(422, "validation_failed");
    assert_eq!(fields(&bad), vec!["children[0]", "notice_reference"]);

    // A reason is required, and "other" needs its description.
    let none = meeting(&app, &case, &manager, json!({ "close": {} })).await;
    none.assert_problem(422, "validation_failed");
    assert_eq!(fields(&none), vec!["decisions.close.reason"]);
    let other = meeting(
        &app,
        &case,
        &manager,
        json!({ "close": { "reason": "other", "note": " " } }),
    )
    .await;
    other.assert_problem(422, "validation_failed");
    assert_eq!(fields(&other), vec!["decisions.close.note"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM case_meetings").await, 0);

    let closed = meeting(
        &app,
        &case,
        &manager,
        json!({ "close": { "reason": "goals_reached" } }),
    )
    .await;
    let closed = closed.assert_status(201).clone();
    assert_eq!(closed["decisions"]["closed"]["reason"], "goals_reached");
    let file = app.get_for(&path, &manager, Some("case_management")).await;
    let file = file.assert_status(200).clone();
    assert_eq!(file["status"], "closed");
    assert_eq!(file["closed_on"], "2026-12-07");
    assert_eq!(file["closing_reason"], "goals_reached");
    assert_eq!(file["due"], json!([]));

    // Read-only: every write answers case_closed.
    app.post(
        &format!("{path}/assessments"),
        &manager,
        assessment("2026-12-07"),
    )
    .await
    .assert_problem(409, "case_closed");
    meeting(&app, &case, &manager, json!({}))
        .await
        .assert_problem(409, "case_closed");
    app.patch(
        &path,
        &manager,
        json!({ "reason": "Kita", "version": file["version"] }),
    )
    .await
    .assert_problem(409, "case_closed");
    app.patch(
        &path,
        &manager,
        json!({ "status": "open", "version": file["version"] }),
    )
    .await
    .assert_problem(409, "case_closed");
    // Reading still works.
    app.get_for(
        &format!("{path}/meetings"),
        &manager,
        Some("case_management"),
    )
    .await
    .assert_status(200);

    // A new case can be opened for the family; it shows the closed one.
    let head = app.token("case_management_head").await;
    let again = app
        .post(
            "/api/v1/cases",
            &head,
            json!({
                "family_id": case["family"]["id"],
                "children": [case["children"][0]["id"]],
                "origin": "parents_request",
                "notice_date": "2026-12-07",
                "reason": "Tėvai vėl prašo pagalbos.",
            }),
        )
        .await;
    let again = again.assert_status(201);
    assert_eq!(again["family_cases"][0]["id"], id(&case));
    assert_eq!(again["family_cases"][0]["closing_reason"], "goals_reached");

    let audited = actions(&app, &case).await;
    for action in ["case.update", "case.meeting", "case.close"] {
        assert!(audited.contains(&action.to_owned()), "{audited:?}");
    }
}

async fn assessments_and_meetings_are_only_for_the_team(app: TestApp) {
    let case = assigned_case(&app, 16).await;
    let base = format!("/api/v1/cases/{}", id(&case));
    let participants = participants(&app, &case).await;
    let meeting_body = json!({ "held_on": app.clock.today().to_string(), "agenda": "Posėdis", "participants": participants });
    let check = |token: String, status: u16, code: &'static str| {
        let app = &app;
        let base = base.clone();
        let meeting_body = meeting_body.clone();
        let version = case["version"].clone();
        async move {
            for path in [format!("{base}/assessments"), format!("{base}/meetings")] {
                app.get_for(&path, &token, Some("case_management"))
                    .await
                    .assert_problem(status, code);
            }
            app.post(
                &format!("{base}/assessments"),
                &token,
                assessment("2026-12-01"),
            )
            .await
            .assert_problem(status, code);
            app.post(&format!("{base}/meetings"), &token, meeting_body.clone())
                .await
                .assert_problem(status, code);
            app.patch(
                &base,
                &token,
                json!({ "reason": "Kita", "version": version }),
            )
            .await
            .assert_problem(status, code);
        }
    };
    staff(&app, "kitas_vadybininkas", &["case_manager"]).await;
    staff(&app, "kita_darbuotoja", &["social_worker"]).await;
    for user in ["kitas_vadybininkas", "kita_darbuotoja"] {
        check(app.token(user).await, 404, "not_found").await;
    }
    for user in ["admin", "auditor", "division_specialist"] {
        check(app.token(user).await, 403, "forbidden").await;
    }
    // The division head reads, and does not work on cases.
    let division_head = app.token("division_head").await;
    app.get_for(
        &format!("{base}/meetings"),
        &division_head,
        Some("case_management"),
    )
    .await
    .assert_status(200);
    app.post(
        &format!("{base}/assessments"),
        &division_head,
        assessment("2026-12-01"),
    )
    .await
    .assert_problem(403, "forbidden");
    assert_eq!(app.count("SELECT COUNT(*) FROM case_assessments").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM case_meetings").await, 0);
}
