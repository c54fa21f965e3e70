//! Issue 11, part B: transport trips (R-DL-4, R-FEE-6, R-FEE-7), meal lists
//! (R-LIM-4) and meal coupons (R-LIM-5): their refusals, roles and
//! municipality isolation.

use crate::db_tests;
use crate::deliveries_support::{granted, person};
use crate::places_support::Staff;
use crate::support::TestApp;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    r_dl_4_a_trip_requested_3_working_days_ahead_is_refused,
    trips_refuse_bad_km_and_need_a_decision_unless_at_full_price,
    r_lim_4_meals_once_a_day_on_working_days_and_a_sixth_in_a_week_is_refused,
    r_lim_5_coupons_30_for_a_return_from_prison_and_never_more_than_granted,
    trips_meals_and_coupons_only_for_their_roles_in_their_municipality,
    the_demo_records_a_month_of_deliveries_in_kelme_once,
);

fn trip(person: &str, decision: Option<&str>, trip_on: &str, km: &str, kind: &str) -> Value {
    json!({
        "person_id": person,
        "decision_id": decision,
        "trip_on": trip_on,
        "purpose": "treatment",
        "destination": "Kelmės ligoninė",
        "destination_kind": kind,
        "km_one_way": km,
        "full_price": false,
    })
}

async fn r_dl_4_a_trip_requested_3_working_days_ahead_is_refused(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (person, decision) =
        granted(&app, &staff, "Henrikas", "transport", date!(2026 - 11 - 02)).await;
    // Monday 7 December: Thursday 10th is 3 working days ahead.
    app.clock.set_today(date!(2026 - 12 - 07));
    let reply = app
        .post(
            "/api/v1/trips",
            &staff.worker,
            trip(
                &person,
                Some(&decision),
                "2026-12-10",
                "12",
                "care_institution",
            ),
        )
        .await;
    reply.assert_problem(422, "trip_too_late");
    assert!(reply.body["detail"].as_str().unwrap().starts_with("R-DL-4"));
    // Friday 11th is 4 ahead; Monday 14th is 5: in time.
    app.post(
        "/api/v1/trips",
        &staff.worker,
        trip(
            &person,
            Some(&decision),
            "2026-12-11",
            "12",
            "care_institution",
        ),
    )
    .await
    .assert_problem(422, "trip_too_late");
    assert_eq!(app.count("SELECT COUNT(*) FROM trips").await, 0);
    let reply = app
        .post(
            "/api/v1/trips",
            &staff.worker,
            trip(
                &person,
                Some(&decision),
                "2026-12-14",
                "12",
                "care_institution",
            ),
        )
        .await;
    let requested = reply.assert_status(201).clone();
    assert_eq!(requested["requested_on"], "2026-12-07");
    assert_eq!(requested["status"], "requested");
    assert_eq!(requested["free_destination"], true);
    // A request recorded later with the day it was made.
    let paid = app
        .post(
            "/api/v1/trips",
            &staff.worker,
            json!({ "person_id": person, "decision_id": decision, "requested_on": "2026-12-01",
                    "trip_on": "2026-12-08", "purpose": "technical_aids", "destination": "Šiauliai",
                    "destination_kind": "other", "km_one_way": "43.5" }),
        )
        .await;
    let paid = paid.assert_status(201).clone();
    assert_eq!(paid["free_destination"], false);
    assert_eq!(paid["km_one_way"], "43.5");
    // Done with the odometer km, not before its day; then nothing more.
    let id = requested["id"].as_str().unwrap();
    let complete = format!("/api/v1/trips/{id}/complete");
    app.post(
        &complete,
        &staff.worker,
        json!({ "version": 1, "km_driven": "24" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.clock.set_today(date!(2026 - 12 - 14));
    app.post(
        &complete,
        &staff.worker,
        json!({ "version": 1, "km_driven": "0" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let done = app
        .post(
            &complete,
            &staff.worker,
            json!({ "version": 1, "km_driven": "24" }),
        )
        .await;
    assert_eq!(done.assert_status(200)["status"], "completed");
    assert_eq!(done.body["km_driven"], "24");
    app.post(
        &complete,
        &staff.worker,
        json!({ "version": 2, "km_driven": "24" }),
    )
    .await
    .assert_problem(409, "invalid_transition");
    let cancelled = app
        .post(
            &format!("/api/v1/trips/{}/cancel", paid["id"].as_str().unwrap()),
            &staff.specialist,
            json!({ "version": 1, "note": "Atšaukė telefonu." }),
        )
        .await;
    assert_eq!(cancelled.assert_status(200)["status"], "cancelled");
    let listed = app
        .get(
            &format!("/api/v1/trips?person_id={person}&month=2026-12"),
            &staff.head,
        )
        .await;
    assert_eq!(listed.assert_status(200)["total"], 2);
    let listed = app.get("/api/v1/trips?status=completed", &staff.head).await;
    assert_eq!(listed.assert_status(200)["total"], 1);
    app.get("/api/v1/trips?month=2026-13", &staff.head)
        .await
        .assert_problem(422, "validation_failed");
}

async fn trips_refuse_bad_km_and_need_a_decision_unless_at_full_price(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (person, decision) =
        granted(&app, &staff, "Irena", "transport", date!(2026 - 11 - 02)).await;
    app.clock.set_today(date!(2026 - 12 - 01));
    for km in ["-5", "0", "12.25"] {
        app.post(
            "/api/v1/trips",
            &staff.worker,
            trip(&person, Some(&decision), "2026-12-14", km, "other"),
        )
        .await
        .assert_problem(422, "validation_failed");
    }
    // No decision: only at the full price (R-FEE-7).
    app.post(
        "/api/v1/trips",
        &staff.worker,
        trip(&person, None, "2026-12-14", "10", "other"),
    )
    .await
    .assert_problem(422, "validation_failed");
    // Another service's decision, and a purpose not on S4's list.
    let (_, meals) = granted(&app, &staff, "Jurgis", "meals", date!(2026 - 11 - 02)).await;
    app.clock.set_today(date!(2026 - 12 - 01));
    app.post(
        "/api/v1/trips",
        &staff.worker,
        trip(&person, Some(&meals), "2026-12-14", "10", "other"),
    )
    .await
    .assert_problem(422, "validation_failed");
    let mut body = trip(&person, Some(&decision), "2026-12-14", "10", "other");
    body["purpose"] = json!("shopping");
    app.post("/api/v1/trips", &staff.worker, body)
        .await
        .assert_problem(422, "validation_failed");
    let mut body = trip(&person, Some(&decision), "2026-12-14", "10", "other");
    body["destination"] = json!("Kelmė\u{0}");
    app.post("/api/v1/trips", &staff.worker, body)
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM trips").await, 0);
    let mut body = trip(&person, None, "2026-12-14", "10", "other");
    body["full_price"] = json!(true);
    let full = app.post("/api/v1/trips", &staff.worker, body).await;
    let full = full.assert_status(201);
    assert_eq!(full["decision_id"], json!(null));
    assert_eq!(full["full_price"], true);
}

async fn add(app: &TestApp, token: &str, list: &Value, person: &str) -> crate::support::Reply {
    app.post(
        &format!(
            "/api/v1/meal-lists/{}/recipients",
            list["id"].as_str().unwrap()
        ),
        token,
        json!({ "person_id": person, "signed": true }),
    )
    .await
}

async fn meal_list(app: &TestApp, token: &str, day: &str) -> crate::support::Reply {
    app.post(
        "/api/v1/meal-lists",
        token,
        json!({ "name": "Valgykla", "served_on": day }),
    )
    .await
}

async fn r_lim_4_meals_once_a_day_on_working_days_and_a_sixth_in_a_week_is_refused(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (person, _) = granted(&app, &staff, "Kotryna", "meals", date!(2026 - 11 - 02)).await;
    let without = person_without_meals(&app, &staff).await;
    app.clock.set_today(date!(2026 - 12 - 07));
    let mut lists = Vec::new();
    for day in [
        "2026-12-07",
        "2026-12-08",
        "2026-12-09",
        "2026-12-10",
        "2026-12-11",
    ] {
        let list = meal_list(&app, &staff.worker, day)
            .await
            .assert_status(201)
            .clone();
        let added = add(&app, &staff.worker, &list, &person).await;
        let added = added.assert_status(200);
        assert_eq!(added["recipients"][0]["signed"], true);
        lists.push(list);
    }
    // The sixth meal of the week would be on the weekend: refused (R-LIM-4).
    let reply = meal_list(&app, &staff.worker, "2026-12-12").await;
    reply.assert_problem(422, "meal_not_working_day");
    assert!(
        reply.body["detail"]
            .as_str()
            .unwrap()
            .starts_with("R-LIM-4")
    );
    // Christmas Eve is a holiday.
    meal_list(&app, &staff.worker, "2026-12-24")
        .await
        .assert_problem(422, "meal_not_working_day");
    // Once a day: a second list the same day.
    let second = meal_list(&app, &staff.worker, "2026-12-09")
        .await
        .assert_status(201)
        .clone();
    add(&app, &staff.worker, &second, &person)
        .await
        .assert_problem(422, "meal_once_a_day");
    add(&app, &staff.worker, &lists[0], &person)
        .await
        .assert_problem(422, "meal_once_a_day");
    // No meals decision.
    add(&app, &staff.worker, &second, &without)
        .await
        .assert_problem(422, "validation_failed");
    // An authorised person signs by name.
    let next = meal_list(&app, &staff.worker, "2026-12-14")
        .await
        .assert_status(201)
        .clone();
    let signed = app
        .post(
            &format!(
                "/api/v1/meal-lists/{}/recipients",
                next["id"].as_str().unwrap()
            ),
            &staff.worker,
            json!({ "person_id": person, "signed_by_name": "Rasa Jonaitienė" }),
        )
        .await;
    let signed = signed.assert_status(200);
    assert_eq!(signed["recipients"][0]["signed"], true);
    assert_eq!(signed["recipients"][0]["signed_by_name"], "Rasa Jonaitienė");
    assert_eq!(app.count("SELECT COUNT(*) FROM meal_list_entries").await, 6);
    let listed = app
        .get(
            &format!("/api/v1/meal-lists?person_id={person}&month=2026-12"),
            &staff.head,
        )
        .await;
    assert_eq!(listed.assert_status(200)["total"], 6);
}

async fn person_without_meals(app: &TestApp, staff: &Staff) -> String {
    person(app, &staff.worker, "Liudas").await
}

async fn r_lim_5_coupons_30_for_a_return_from_prison_and_never_more_than_granted(app: TestApp) {
    let staff = Staff::of(&app).await;
    app.clock.set_today(date!(2026 - 12 - 07));
    let person = person(&app, &staff.worker, "Mantas").await;
    // R-LIM-5: 30 coupons, no other number.
    app.post(
        "/api/v1/coupons",
        &staff.worker,
        json!({ "person_id": person, "basis": "prison_return", "coupons": 20, "valid_from": "2026-12-01" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // The commission's decision needs its number, date, count and period.
    app.post(
        "/api/v1/coupons",
        &staff.worker,
        json!({ "person_id": person, "basis": "commission_decision", "valid_from": "2026-12-01" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM coupon_grants").await, 0);
    let grant = app
        .post(
            "/api/v1/coupons",
            &staff.worker,
            json!({ "person_id": person, "basis": "prison_return", "valid_from": "2026-12-01",
                    "director_decision_no": "V-15" }),
        )
        .await;
    let grant = grant.assert_status(201).clone();
    assert_eq!(grant["coupons"], 30);
    assert_eq!(grant["left"], 30);
    let issue = format!("/api/v1/coupons/{}/issues", grant["id"].as_str().unwrap());
    let issued = app
        .post(
            &issue,
            &staff.worker,
            json!({ "coupons": 20, "received_by": "person", "signed": true }),
        )
        .await;
    assert_eq!(issued.assert_status(200)["left"], 10);
    let reply = app
        .post(
            &issue,
            &staff.worker,
            json!({ "coupons": 11, "received_by": "person", "signed": true }),
        )
        .await;
    reply.assert_problem(422, "coupons_exceed_grant");
    assert!(
        reply.body["detail"]
            .as_str()
            .unwrap()
            .starts_with("R-LIM-5")
    );
    app.post(
        &issue,
        &staff.worker,
        json!({ "coupons": 10, "received_by": "authorised_person", "signed": true }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let issued = app
        .post(
            &issue,
            &staff.worker,
            json!({ "coupons": 10, "received_by": "authorised_person", "authorised_name": "Onutė Pocienė", "signed": true }),
        )
        .await;
    let issued = issued.assert_status(200);
    assert_eq!(issued["left"], 0);
    assert_eq!(issued["issues"].as_array().unwrap().len(), 2);
    assert_eq!(issued["issues"][1]["authorised_name"], "Onutė Pocienė");
    app.post(
        &issue,
        &staff.worker,
        json!({ "coupons": 1, "received_by": "person", "signed": true }),
    )
    .await
    .assert_problem(422, "coupons_exceed_grant");
    let commission = app
        .post(
            "/api/v1/coupons",
            &staff.worker,
            json!({ "person_id": person, "basis": "commission_decision", "coupons": 12,
                    "commission_decision_no": "K-7", "commission_decision_on": "2026-11-30",
                    "valid_from": "2026-12-01", "valid_until": "2027-02-28", "director_decision_no": "V-16" }),
        )
        .await;
    assert_eq!(commission.assert_status(201)["coupons"], 12);
    let listed = app
        .get(&format!("/api/v1/coupons?person_id={person}"), &staff.head)
        .await;
    assert_eq!(listed.assert_status(200)["total"], 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM coupon_issues").await, 2);
}

async fn trips_meals_and_coupons_only_for_their_roles_in_their_municipality(app: TestApp) {
    let staff = Staff::of(&app).await;
    let (person, decision) = granted(&app, &staff, "Nijolė", "meals", date!(2026 - 11 - 02)).await;
    let _ = decision;
    app.clock.set_today(date!(2026 - 12 - 07));
    let list = meal_list(&app, &staff.worker, "2026-12-07")
        .await
        .assert_status(201)
        .clone();
    let grant = app
        .post(
            "/api/v1/coupons",
            &staff.specialist,
            json!({ "person_id": person, "basis": "prison_return", "valid_from": "2026-12-01" }),
        )
        .await;
    let grant = grant.assert_status(201).clone();
    let case_manager = app.token("case_manager").await;
    let kaunas = app.token("kaunas_worker").await;
    // Reading: the division head yes, the case manager no.
    for path in ["/api/v1/trips", "/api/v1/meal-lists", "/api/v1/coupons"] {
        app.get(path, &staff.head).await.assert_status(200);
        app.get(path, &case_manager)
            .await
            .assert_problem(403, "forbidden");
        assert_eq!(app.get(path, &kaunas).await.assert_status(200)["total"], 0);
    }
    // Recording: not the division head.
    meal_list(&app, &staff.head, "2026-12-08")
        .await
        .assert_problem(403, "forbidden");
    add(&app, &staff.head, &list, &person)
        .await
        .assert_problem(403, "forbidden");
    app.post(
        "/api/v1/coupons",
        &staff.head,
        json!({ "person_id": person, "basis": "prison_return", "valid_from": "2026-12-01" }),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post(
        "/api/v1/trips",
        &case_manager,
        trip(&person, None, "2026-12-21", "5", "other"),
    )
    .await
    .assert_problem(403, "forbidden");
    // Another municipality: nothing of Kelmė's.
    let list_path = format!("/api/v1/meal-lists/{}", list["id"].as_str().unwrap());
    let grant_path = format!("/api/v1/coupons/{}", grant["id"].as_str().unwrap());
    app.get(&list_path, &kaunas)
        .await
        .assert_problem(404, "not_found");
    app.get(&grant_path, &kaunas)
        .await
        .assert_problem(404, "not_found");
    add(&app, &kaunas, &list, &person)
        .await
        .assert_problem(404, "not_found");
    app.post(
        &format!("{grant_path}/issues"),
        &kaunas,
        json!({ "coupons": 1, "received_by": "person", "signed": true }),
    )
    .await
    .assert_problem(404, "not_found");
    let mut body = trip(&person, None, "2026-12-21", "5", "other");
    body["full_price"] = json!(true);
    app.post("/api/v1/trips", &kaunas, body)
        .await
        .assert_problem(404, "not_found");
    assert_eq!(app.count("SELECT COUNT(*) FROM trips").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM meal_list_entries").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM coupon_issues").await, 0);
}

async fn the_demo_records_a_month_of_deliveries_in_kelme_once(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    for _ in 0..2 {
        atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
            .await
            .expect("demo");
    }
    let head = app.token("division_head").await;
    let schedules = app.get("/api/v1/schedules?status=approved", &head).await;
    assert_eq!(schedules.assert_status(200)["total"], 2);
    // November 2026: respite on 8 Tuesdays and Thursdays, home help on 13
    // Mondays, Wednesdays and Fridays.
    let visits = app.get("/api/v1/deliveries?month=2026-11", &head).await;
    assert_eq!(visits.assert_status(200)["total"], 21);
    let trips = app
        .get("/api/v1/trips?month=2026-11&status=completed", &head)
        .await;
    assert_eq!(trips.assert_status(200)["total"], 3);
    let meals = app.get("/api/v1/meal-lists?month=2026-11", &head).await;
    assert_eq!(meals.assert_status(200)["total"], 5);
    let coupons = app.get("/api/v1/coupons", &head).await;
    let coupons = coupons.assert_status(200);
    assert_eq!(coupons["items"][0]["coupons"], 30);
    assert_eq!(coupons["items"][0]["left"], 20);
}
