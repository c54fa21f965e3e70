//! Issue 11, part B: home help and respite schedules and visits
//! (R-LIM-1, R-LIM-3), their refusals, roles and municipality isolation.

use crate::db_tests;
use crate::deliveries_support::{approved_schedule, granted, visit};
use crate::places_support::Staff;
use crate::support::TestApp;
use serde_json::json;
use time::macros::date;

db_tests!(
    r_lim_1_a_respite_week_that_hits_10_hours_or_a_third_visit_is_refused,
    r_lim_1_respite_is_at_most_208_hours_a_calendar_year,
    r_lim_2_respite_keeps_14_days_from_short_term_care,
    r_lim_3_hours_in_other_paid_care_are_stored_apart_and_not_counted,
    home_help_above_the_schedules_hours_is_recorded_and_flagged,
    schedules_and_visits_refuse_bad_input_and_store_nothing,
    deliveries_are_read_and_recorded_only_by_their_roles_in_their_municipality,
);

async fn r_lim_1_a_respite_week_that_hits_10_hours_or_a_third_visit_is_refused(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (person, decision) =
        granted(&app, &staff, "Aldona", "respite", date!(2026 - 11 - 02)).await;
    // R-LIM-1 at creation: 1–10 hours, at most 2 visits a week.
    for (hours, visits) in [("10.5", 2), ("10", 3), ("0.5", 1)] {
        let reply = app
            .post(
                "/api/v1/schedules",
                &staff.worker,
                json!({ "decision_id": decision, "hours_per_week": hours, "visits_per_week": visits,
                        "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
            )
            .await;
        reply.assert_problem(422, "respite_schedule_out_of_limits");
        assert!(
            reply.body["detail"]
                .as_str()
                .unwrap()
                .starts_with("R-LIM-1")
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM delivery_schedules").await,
        0
    );
    let schedule = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": decision, "hours_per_week": "10", "visits_per_week": 2,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await;
    assert_eq!(schedule["status"], "approved");
    assert_eq!(schedule["person_id"], person.as_str());
    assert_eq!(schedule["respite_organisation"], "at_home");

    app.clock.set_today(date!(2026 - 12 - 20));
    let first = visit(&app, &staff.worker, &schedule, "2026-12-07", "6").await;
    assert_eq!(first.assert_status(201)["countable_hours"], "6");
    // 6 + 4.5 > 10 in the ISO week.
    let reply = visit(&app, &staff.worker, &schedule, "2026-12-08", "4.5").await;
    reply.assert_problem(422, "respite_weekly_hours_exceeded");
    assert!(reply.body["detail"].as_str().unwrap().contains("R-LIM-1"));
    // 6 + 4 = 10: the limit itself is allowed.
    visit(&app, &staff.worker, &schedule, "2026-12-08", "4")
        .await
        .assert_status(201);
    // A third visit that week (Sunday is the same ISO week).
    visit(&app, &staff.worker, &schedule, "2026-12-13", "0.5")
        .await
        .assert_problem(422, "respite_weekly_visits_exceeded");
    // The next week starts again.
    visit(&app, &staff.worker, &schedule, "2026-12-14", "10")
        .await
        .assert_status(201);
    assert_eq!(app.count("SELECT COUNT(*) FROM delivery_visits").await, 3);
    let listed = app
        .get(
            &format!("/api/v1/deliveries?person_id={person}&month=2026-12"),
            &staff.head,
        )
        .await;
    assert_eq!(listed.assert_status(200)["total"], 3);
}

async fn r_lim_1_respite_is_at_most_208_hours_a_calendar_year(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (_, decision) = granted(&app, &staff, "Birutė", "respite", date!(2026 - 11 - 02)).await;
    let schedule = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": decision, "hours_per_week": "10", "visits_per_week": 2,
                "valid_from": "2026-11-09", "valid_until": "2027-12-31" }),
    )
    .await;
    app.clock.set_today(date!(2027 - 07 - 01));
    // 20 Mondays of 10 hours and one of 8: 208 hours in 2027.
    let mut day = date!(2027 - 01 - 04);
    for _ in 0..20 {
        visit(&app, &staff.worker, &schedule, &day.to_string(), "10")
            .await
            .assert_status(201);
        day += time::Duration::weeks(1);
    }
    visit(&app, &staff.worker, &schedule, &day.to_string(), "8")
        .await
        .assert_status(201);
    day += time::Duration::weeks(1);
    let reply = visit(&app, &staff.worker, &schedule, &day.to_string(), "0.5").await;
    reply.assert_problem(422, "respite_yearly_hours_exceeded");
    assert!(reply.body["detail"].as_str().unwrap().contains("208"));
    assert_eq!(app.count("SELECT COUNT(*) FROM delivery_visits").await, 21);
}

async fn r_lim_3_hours_in_other_paid_care_are_stored_apart_and_not_counted(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (_, decision) = granted(&app, &staff, "Celina", "respite", date!(2026 - 11 - 02)).await;
    let short_term = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": decision, "hours_per_week": "40", "visits_per_week": 5,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30",
                "respite_organisation": "short_term_care" }),
    )
    .await;
    app.clock.set_today(date!(2026 - 12 - 20));
    let reply = app
        .post(
            "/api/v1/deliveries",
            &staff.worker,
            json!({ "schedule_id": short_term["id"], "date": "2026-12-07", "hours": "12",
                    "other_paid_care_hours": "4" }),
        )
        .await;
    let recorded = reply.assert_status(201);
    assert_eq!(recorded["hours"], "12");
    assert_eq!(recorded["other_paid_care_hours"], "4");
    assert_eq!(recorded["countable_hours"], "8");
    // More other care than the visit's hours.
    app.post(
        "/api/v1/deliveries",
        &staff.worker,
        json!({ "schedule_id": short_term["id"], "date": "2026-12-08", "hours": "3",
                "other_paid_care_hours": "3.5" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // Respite at home has no such hours.
    let at_home = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": decision, "hours_per_week": "6", "visits_per_week": 2,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await;
    let reply = app
        .post(
            "/api/v1/deliveries",
            &staff.worker,
            json!({ "schedule_id": at_home["id"], "date": "2026-12-09", "hours": "3",
                    "other_paid_care_hours": "1" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM delivery_visits").await, 1);
}

async fn home_help_above_the_schedules_hours_is_recorded_and_flagged(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (_, decision) = granted(&app, &staff, "Domas", "home_help", date!(2026 - 11 - 02)).await;
    let schedule = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": decision, "hours_per_week": "8", "visits_per_week": 3,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await;
    assert_eq!(schedule["respite_organisation"], json!(null));
    app.clock.set_today(date!(2026 - 12 - 20));
    for (day, hours, over) in [
        ("2026-12-07", "4", false),
        ("2026-12-09", "4", false),
        ("2026-12-11", "1.25", true),
        ("2026-12-14", "2", false),
    ] {
        let reply = visit(&app, &staff.worker, &schedule, day, hours).await;
        assert_eq!(reply.assert_status(201)["over_schedule"], over, "{day}");
    }
}

async fn schedules_and_visits_refuse_bad_input_and_store_nothing(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (_, respite) = granted(&app, &staff, "Eglė", "respite", date!(2026 - 11 - 02)).await;
    let (_, meals) = granted(&app, &staff, "Feliksas", "meals", date!(2026 - 11 - 02)).await;
    // A decision on another service.
    app.post(
        "/api/v1/schedules",
        &staff.worker,
        json!({ "decision_id": meals, "hours_per_week": "6", "visits_per_week": 2,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // Dates the wrong way round; a random decision.
    app.post(
        "/api/v1/schedules",
        &staff.worker,
        json!({ "decision_id": respite, "hours_per_week": "6", "visits_per_week": 2,
                "valid_from": "2027-01-09", "valid_until": "2026-11-30" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.post(
        "/api/v1/schedules",
        &staff.worker,
        json!({ "decision_id": uuid::Uuid::new_v4(), "hours_per_week": "6", "visits_per_week": 2,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await
    .assert_problem(404, "not_found");
    // Only the Centre's director approves.
    let draft = app
        .post(
            "/api/v1/schedules",
            &staff.worker,
            json!({ "decision_id": respite, "hours_per_week": "6", "visits_per_week": 2,
                    "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
        )
        .await;
    let draft = draft.assert_status(201).clone();
    let approve = format!(
        "/api/v1/schedules/{}/approve",
        draft["id"].as_str().unwrap()
    );
    for token in [&staff.worker, &staff.specialist] {
        app.post(&approve, token, json!({ "version": 1 }))
            .await
            .assert_problem(403, "forbidden");
    }
    app.clock.set_today(date!(2026 - 12 - 20));
    // Not approved yet.
    visit(&app, &staff.worker, &draft, "2026-12-07", "3")
        .await
        .assert_problem(409, "invalid_transition");
    app.post(&approve, &staff.head, json!({ "version": 2 }))
        .await
        .assert_problem(409, "version_conflict");
    app.post(&approve, &staff.head, json!({ "version": 1 }))
        .await
        .assert_status(200);
    app.post(&approve, &staff.head, json!({ "version": 2 }))
        .await
        .assert_problem(409, "invalid_transition");
    // Before the schedule, in the future, bad hours.
    visit(&app, &staff.worker, &draft, "2026-11-06", "3")
        .await
        .assert_problem(422, "validation_failed");
    visit(&app, &staff.worker, &draft, "2026-12-21", "3")
        .await
        .assert_problem(422, "validation_failed");
    for hours in ["-1", "0", "1.234", "25"] {
        visit(&app, &staff.worker, &draft, "2026-12-07", hours)
            .await
            .assert_problem(422, "validation_failed");
    }
    app.post(
        "/api/v1/deliveries",
        &staff.worker,
        json!({ "schedule_id": draft["id"], "date": "2026-12-07", "hours": "3", "worker_id": uuid::Uuid::new_v4() }),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM delivery_visits").await, 0);
    // A visit recorded in error is deleted, audited.
    let recorded = visit(&app, &staff.worker, &draft, "2026-12-07", "3").await;
    let id = recorded.assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = app
        .send(
            app.request(reqwest::Method::DELETE, &format!("/api/v1/deliveries/{id}"))
                .bearer_auth(&staff.worker),
        )
        .await;
    reply.assert_status(204);
    assert_eq!(app.count("SELECT COUNT(*) FROM delivery_visits").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'visit.delete'")
            .await,
        1
    );
}

async fn deliveries_are_read_and_recorded_only_by_their_roles_in_their_municipality(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (_, decision) = granted(&app, &staff, "Gražina", "respite", date!(2026 - 11 - 02)).await;
    let schedule = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": decision, "hours_per_week": "6", "visits_per_week": 2,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await;
    app.clock.set_today(date!(2026 - 12 - 20));
    let id = schedule["id"].as_str().unwrap();
    // The division head reads but does not record.
    visit(&app, &staff.head, &schedule, "2026-12-07", "3")
        .await
        .assert_problem(403, "forbidden");
    let case_manager = app.token("case_manager").await;
    for path in [
        "/api/v1/deliveries",
        "/api/v1/schedules",
        &format!("/api/v1/schedules/{id}"),
    ] {
        app.get(path, &case_manager)
            .await
            .assert_problem(403, "forbidden");
        app.get(path, &staff.head).await.assert_status(200);
    }
    visit(&app, &case_manager, &schedule, "2026-12-07", "3")
        .await
        .assert_problem(403, "forbidden");
    let recorded = visit(&app, &staff.specialist, &schedule, "2026-12-07", "3").await;
    let visit_id = recorded.assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Another municipality sees nothing and cannot record on it.
    let kaunas = app.token("kaunas_worker").await;
    app.get(&format!("/api/v1/schedules/{id}"), &kaunas)
        .await
        .assert_problem(404, "not_found");
    app.get(&format!("/api/v1/deliveries/{visit_id}"), &kaunas)
        .await
        .assert_problem(404, "not_found");
    assert_eq!(
        app.get("/api/v1/schedules", &kaunas)
            .await
            .assert_status(200)["total"],
        0
    );
    assert_eq!(
        app.get("/api/v1/deliveries", &kaunas)
            .await
            .assert_status(200)["total"],
        0
    );
    visit(&app, &kaunas, &schedule, "2026-12-08", "3")
        .await
        .assert_problem(404, "not_found");
    assert_eq!(app.count("SELECT COUNT(*) FROM delivery_visits").await, 1);
}

/// A stay of `person` in Kelmė's short-term care places from `from` to
/// `until` (recorded directly: the admission flow is issue 10's).
async fn short_term_stay(app: &TestApp, person: &str, from: time::Date, until: time::Date) {
    use atvejis_api::store::entities::{facility_places, persons, stays};
    use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    let person: uuid::Uuid = person.parse().unwrap();
    let municipality = persons::Entity::find_by_id(person)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .municipality_id;
    let place = facility_places::Entity::find()
        .filter(facility_places::Column::MunicipalityId.eq(municipality))
        .filter(facility_places::Column::PlaceKind.eq("short_term_care"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a short-term place");
    let now = app.clock.now();
    stays::Entity::insert(stays::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        municipality_id: Set(municipality),
        place_id: Set(place.id),
        facility_id: Set(place.facility_id),
        person_id: Set(person),
        place_kind: Set("short_term_care".into()),
        entry_id: Set(None),
        offer_id: Set(None),
        decision_id: Set(None),
        started_on: Set(from),
        arrived_at: Set(None),
        brought_by: Set(None),
        planned_until: Set(None),
        threat_reason: Set(None),
        checklist: Set(None),
        extract_027a_issued_on: Set(None),
        ended_on: Set(Some(until)),
        end_reason: Set(Some("other".into())),
        end_note: Set(None),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(&app.db)
    .await
    .unwrap();
}

async fn r_lim_2_respite_keeps_14_days_from_short_term_care(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (person, decision) = granted(&app, &staff, "Ieva", "respite", date!(2026 - 11 - 02)).await;
    let schedule = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": decision, "hours_per_week": "6", "visits_per_week": 2,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await;
    short_term_stay(&app, &person, date!(2026 - 11 - 16), date!(2026 - 11 - 27)).await;
    app.clock.set_today(date!(2026 - 12 - 20));
    // 14 days after the care ended is too soon; the 15th day is allowed.
    let reply = visit(&app, &staff.worker, &schedule, "2026-12-11", "3").await;
    reply.assert_problem(422, "respite_break_too_short");
    assert!(
        reply.body["detail"]
            .as_str()
            .unwrap()
            .starts_with("R-LIM-2")
    );
    // During the stay, and within 14 days before it.
    visit(&app, &staff.worker, &schedule, "2026-11-20", "3")
        .await
        .assert_problem(422, "respite_break_too_short");
    visit(&app, &staff.worker, &schedule, "2026-11-10", "3")
        .await
        .assert_problem(422, "respite_break_too_short");
    assert_eq!(app.count("SELECT COUNT(*) FROM delivery_visits").await, 0);
    visit(&app, &staff.worker, &schedule, "2026-12-12", "3")
        .await
        .assert_status(201);
}
