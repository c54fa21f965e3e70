//! Issue 8, the rules of fees and dates: R-FEE-1 counts the family the
//! person lived in on the application's date; missing income is not zero
//! (`income_incomplete`); exactly 2 VRP is the free band; dates that cannot
//! be are refused with their field; the demo tells the same story any day.

use crate::db_tests;
use crate::support::{Backend, TestApp, migrate_down_through, spawn_app_at};
use serde_json::{Value, json};
use time::macros::datetime;

db_tests!(
    r_fee_1_person_in_family_uses_average_per_member,
    r_fee_1_missing_income_is_income_incomplete,
    r_fee_1_no_income_is_an_explicit_zero_month,
    r_fee_0_preview_at_exactly_2_vrp_shows_the_free_band,
    dates_that_cannot_be_are_refused_with_their_field,
    rate_back_dated_over_a_used_value_is_refused,
    ref_migration_backfills_membership_dates_and_the_kaunas_home,
);

async fn person(app: &TestApp, token: &str, first: &str, last: &str) -> String {
    app.post(
        "/api/v1/persons",
        token,
        json!({ "first_name": first, "last_name": last, "declared_address": "Šiaulių g. 5, Kelmė" }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// August–October 2026 (the window of an application of 10 November), all
/// three months in one request.
async fn income(app: &TestApp, token: &str, person_id: &str, amount: &str, source: &str) {
    let months: Vec<Value> = (8..=10)
        .map(|month| json!({ "year": 2026, "month": month, "amount": amount, "source": source }))
        .collect();
    let reply = app
        .post(
            &format!("/api/v1/persons/{person_id}/income/months"),
            token,
            json!({ "months": months }),
        )
        .await;
    assert_eq!(reply.assert_status(201).as_array().unwrap().len(), 3);
}

async fn home_help(app: &TestApp, token: &str, person_id: &str, family_id: Option<&str>) -> String {
    app.post(
        "/api/v1/applications",
        token,
        json!({ "person_id": person_id, "family_id": family_id, "service_code": "home_help", "received_on": "2026-11-10", "channel": "in_person" }),
    )
    .await
    .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn preview(app: &TestApp, token: &str, id: &str, hours: &str) -> crate::support::Reply {
    app.get(
        &format!("/api/v1/applications/{id}/fee?hours_per_month={hours}"),
        token,
    )
    .await
}

/// The demo's casework, dated from the server's today.
async fn demo_casework(app: &TestApp) {
    // The demo users exist already; the hash is not used.
    atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
        .await
        .expect("demo casework");
}

async fn r_fee_1_person_in_family_uses_average_per_member(app: TestApp) {
    app.clock.set_today(time::macros::date!(2026 - 12 - 02));
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let ona = person(&app, &worker, "Ona", "Šeimininkė").await;
    let petras = person(&app, &worker, "Petras", "Šeimininkas").await;
    income(&app, &worker, &ona, "1200.00", "sodra").await;
    income(&app, &worker, &petras, "0", "no_income").await;
    let family = app
        .post(
            "/api/v1/families",
            &worker,
            json!({ "name": "Šeimininkų šeima", "members": [
                { "person_id": ona, "relation": "applicant", "joined_on": "2001-06-01" },
                { "person_id": petras, "relation": "spouse", "joined_on": "2001-06-01" },
            ] }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Ona's own application, without family_id: the tier is still the
    // family's average per member, 1200 / 2 = 600 (2V = 466 < 600 < 3V = 699):
    // 5 % of HER income, 60.00 (alone she would be at 5 VRP and more).
    let id = home_help(&app, &worker, &ona, None).await;
    let calc = preview(&app, &specialist, &id, "20")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["members"], 2);
    assert_eq!(calc["income_per_member"], "600.00");
    assert_eq!(calc["band"], "above2_below3");
    assert_eq!(calc["fee_base_income"], "1200.00");
    assert_eq!(calc["cap_amount"], "60.00");
    assert_eq!(calc["fee"], "60.00");

    // A child who joined after the application's date does not count (and
    // needs no income for it).
    let child = person(&app, &worker, "Vaikas", "Šeimininkas").await;
    app.post(
        &format!("/api/v1/families/{family}/members"),
        &worker,
        json!({ "person_id": child, "relation": "child", "joined_on": "2026-11-20" }),
    )
    .await
    .assert_status(200);
    let calc = preview(&app, &specialist, &id, "20")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["members"], 2);
    assert_eq!(calc["fee"], "60.00");
    // Joining after today is refused with its field.
    let reply = app
        .post(
            &format!("/api/v1/families/{family}/members"),
            &worker,
            json!({ "person_id": child, "relation": "child", "joined_on": "2026-12-03" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "joined_on");

    // Petras leaves the family today: for the application of 10 November he
    // still counts (the membership keeps its dates).
    app.request(
        reqwest::Method::DELETE,
        &format!("/api/v1/families/{family}/members/{petras}"),
    )
    .bearer_auth(&worker)
    .send()
    .await
    .unwrap();
    let calc = preview(&app, &specialist, &id, "20")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["members"], 2);
    assert_eq!(calc["income_per_member"], "600.00");

    // The family's own application: the share is of the family's total.
    let family_app = home_help(&app, &worker, &ona, Some(&family)).await;
    let calc = preview(&app, &specialist, &family_app, "20")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["members"], 2);
    assert_eq!(calc["fee_base_income"], "1200.00");
}

async fn r_fee_1_missing_income_is_income_incomplete(app: TestApp) {
    app.clock.set_today(time::macros::date!(2026 - 12 - 02));
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let ona = person(&app, &worker, "Ona", "Vienmėnesė").await;
    // One month of three recorded.
    app.post(
        &format!("/api/v1/persons/{ona}/income"),
        &worker,
        json!({ "year": 2026, "month": 9, "amount": "900.00", "source": "sodra" }),
    )
    .await
    .assert_status(201);
    let id = home_help(&app, &worker, &ona, None).await;
    let reply = preview(&app, &specialist, &id, "20").await;
    reply.assert_problem(422, "income_incomplete");
    assert_eq!(
        reply.body["missing"],
        json!([{ "person_id": ona, "name": "Ona Vienmėnesė", "months": ["2026-08", "2026-10"] }])
    );
    // A family member without any record is named with every month.
    let jonas = person(&app, &worker, "Jonas", "Bepajamis").await;
    app.post(
        "/api/v1/families",
        &worker,
        json!({ "name": "Šeima", "members": [
            { "person_id": ona, "relation": "applicant", "joined_on": "2020-01-01" },
            { "person_id": jonas, "relation": "spouse", "joined_on": "2020-01-01" },
        ] }),
    )
    .await
    .assert_status(201);
    for month in [8, 10] {
        app.post(
            &format!("/api/v1/persons/{ona}/income"),
            &worker,
            json!({ "year": 2026, "month": month, "amount": "900.00", "source": "sodra" }),
        )
        .await
        .assert_status(201);
    }
    let reply = preview(&app, &specialist, &id, "20").await;
    reply.assert_problem(422, "income_incomplete");
    assert_eq!(
        reply.body["missing"],
        json!([{ "person_id": jonas, "name": "Jonas Bepajamis", "months": ["2026-08", "2026-09", "2026-10"] }])
    );
    income(&app, &worker, &jonas, "0", "no_income").await;
    let calc = preview(&app, &specialist, &id, "20")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["income_per_member"], "450.00");
    assert_eq!(calc["band"], "up_to2_free");
    assert_eq!(calc["fee"], "0.00");
}

async fn r_fee_1_no_income_is_an_explicit_zero_month(app: TestApp) {
    let worker = app.token("social_worker").await;
    let ona = person(&app, &worker, "Ona", "Nulinė").await;
    let path = format!("/api/v1/persons/{ona}/income");
    // "No income" carries no amount.
    let reply = app
        .post(
            &path,
            &worker,
            json!({ "year": 2026, "month": 8, "amount": "10.00", "source": "no_income" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "amount");
    // An amount and "no income" exclude each other for a month.
    app.post(
        &path,
        &worker,
        json!({ "year": 2026, "month": 8, "amount": "300.00", "source": "sodra" }),
    )
    .await
    .assert_status(201);
    app.post(
        &path,
        &worker,
        json!({ "year": 2026, "month": 8, "amount": "0", "source": "no_income" }),
    )
    .await
    .assert_problem(409, "income_exists");
    app.post(
        &path,
        &worker,
        json!({ "year": 2026, "month": 9, "amount": "0", "source": "no_income" }),
    )
    .await
    .assert_status(201);
    app.post(
        &path,
        &worker,
        json!({ "year": 2026, "month": 9, "amount": "5.00", "source": "declared" }),
    )
    .await
    .assert_problem(409, "income_exists");
    // The batch is all or none: a bad third month stores nothing.
    let before = app.count("SELECT COUNT(*) FROM income_records").await;
    let reply = app
        .post(
            &format!("{path}/months"),
            &worker,
            json!({ "months": [
                { "year": 2026, "month": 5, "amount": "100.00", "source": "sodra" },
                { "year": 2026, "month": 6, "amount": "100.00", "source": "sodra" },
                { "year": 2026, "month": 7, "amount": "-1", "source": "sodra" },
            ] }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "months[2].amount");
    let reply = app
        .post(
            &format!("{path}/months"),
            &worker,
            json!({ "months": [
                { "year": 2026, "month": 5, "amount": "100.00", "source": "sodra" },
                { "year": 2026, "month": 8, "amount": "100.00", "source": "sodra" },
            ] }),
        )
        .await;
    reply.assert_problem(409, "income_exists");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM income_records").await,
        before
    );
}

async fn r_fee_0_preview_at_exactly_2_vrp_shows_the_free_band(app: TestApp) {
    app.clock.set_today(time::macros::date!(2026 - 12 - 02));
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    // 2 × 233 (the VRP of 2026) = 466.00 exactly.
    let ona = person(&app, &worker, "Ona", "Ribinė").await;
    income(&app, &worker, &ona, "466.00", "sodra").await;
    let id = home_help(&app, &worker, &ona, None).await;
    let calc = preview(&app, &specialist, &id, "20")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["income_per_member"], "466.00");
    assert_eq!(calc["band"], "up_to2_free");
    assert_eq!(calc["cap_rate"], "0");
    assert_eq!(calc["fee"], "0.00");
    assert_eq!(calc["limited_by"], "free");
    // One cent more pays.
    let rima = person(&app, &worker, "Rima", "Ribinė").await;
    income(&app, &worker, &rima, "466.01", "sodra").await;
    let id = home_help(&app, &worker, &rima, None).await;
    let calc = preview(&app, &specialist, &id, "20")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["band"], "above2_below3");
    assert_eq!(calc["fee"], "0.01");
}

async fn dates_that_cannot_be_are_refused_with_their_field(app: TestApp) {
    app.clock.set_today(time::macros::date!(2026 - 12 - 02));
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    // Birth dates: in the future, before 1900 (given or in the code).
    for (body, code) in [
        (
            json!({ "first_name": "A", "last_name": "B", "birth_date": "2026-12-03" }),
            "in_future",
        ),
        (
            json!({ "first_name": "A", "last_name": "B", "birth_date": "1899-12-31" }),
            "before_1900",
        ),
        // 1 = a man born in the 19th century: 1899-03-12.
        (
            json!({ "first_name": "A", "last_name": "B", "personal_code": "19903120011" }),
            "before_1900",
        ),
    ] {
        let reply = app.post("/api/v1/persons", &worker, body).await;
        if reply.status == 422 && reply.body["errors"][0]["field"] == "personal_code" {
            continue; // not a valid code at all: refused before its date is read
        }
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "birth_date");
        assert_eq!(reply.body["errors"][0]["code"], code);
    }
    let ona = person(&app, &worker, "Ona", "Datų").await;
    let reply = app
        .patch(
            &format!("/api/v1/persons/{ona}"),
            &worker,
            json!({ "version": 1, "birth_date": "2027-01-01" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "birth_date");

    // An assessment dated before the application was received.
    income(&app, &worker, &ona, "500.00", "sodra").await;
    let id = home_help(&app, &worker, &ona, None).await;
    let version = app
        .get(&format!("/api/v1/applications/{id}"), &worker)
        .await
        .assert_status(200)["version"]
        .clone();
    let reply = app
        .json(
            reqwest::Method::PUT,
            &format!("/api/v1/applications/{id}/assessment"),
            Some(&worker),
            json!({ "version": version, "submitted_on": "2026-11-09", "conclusion": "Reikia pagalbos." }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "submitted_on");
    assert_eq!(reply.body["errors"][0]["code"], "before_received");

    // Hours with more than two decimals: refused, not rounded.
    let reply = preview(&app, &specialist, &id, "20.125").await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "hours_per_month");
    let calc = preview(&app, &specialist, &id, "20.25")
        .await
        .assert_status(200)["calculation"]
        .clone();
    assert_eq!(calc["hours"], "20.25");
}

async fn rate_back_dated_over_a_used_value_is_refused(app: TestApp) {
    let today = app.clock.today();
    let specialist = app.token("division_specialist").await;
    let admin = app.token("admin").await;
    demo_casework(&app).await;
    let rate =
        |from: time::Date| json!({ "kind": "vrp", "valid_from": from.to_string(), "value": "240" });
    // Before any fee: a back-dated value is still accepted.
    app.post(
        "/api/v1/rates",
        &admin,
        rate(today - time::Duration::days(40)),
    )
    .await
    .assert_status(201);
    // The demo's overdue home help (received 24 days ago) gets a decision
    // with its fee.
    let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
    let item = inbox.assert_status(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["service_type"]["code"] == "home_help")
        .cloned()
        .unwrap_or_else(|| panic!("the demo's home help: {}", inbox.body));
    let id = item["id"].as_str().unwrap();
    let application = app
        .get(&format!("/api/v1/applications/{id}"), &specialist)
        .await
        .assert_status(200)
        .clone();
    app.post(
        &format!("/api/v1/applications/{id}/decision"),
        &specialist,
        json!({ "version": application["version"], "outcome": "granted", "reasoning": "Poreikis nustatytas.", "hours_per_month": "16" }),
    )
    .await
    .assert_status(200);
    // Now a value dated 30 days ago would replace the one that fee used.
    let reply = app
        .post(
            "/api/v1/rates",
            &admin,
            rate(today - time::Duration::days(30)),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "valid_from");
    assert_eq!(reply.body["errors"][0]["code"], "used_by_fee");
    // From yesterday: no kept fee used the value from then on.
    app.post(
        "/api/v1/rates",
        &admin,
        rate(today - time::Duration::days(1)),
    )
    .await
    .assert_status(201);
    // A planned value's date may still move (withdrawn and added again).
    app.post(
        "/api/v1/rates",
        &admin,
        rate(today + time::Duration::days(10)),
    )
    .await
    .assert_status(201);
}

/// The demo's overdue home help (Jonas Petraitis, received 24 days before
/// today) has its income window recorded whatever today's date: its fee is
/// the same on the 1st, the 24th, the 25th of a month and at New Year.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ref_demo_income_falls_in_the_windows_of_the_demo_applications() {
    let mut fees = Vec::new();
    for start in [
        datetime!(2026-12-01 09:00 UTC),
        datetime!(2026-12-24 09:00 UTC),
        datetime!(2026-12-25 09:00 UTC),
        datetime!(2027-01-10 09:00 UTC),
    ] {
        let app = spawn_app_at(Backend::Sqlite, &[], start)
            .await
            .expect("sqlite app");
        demo_casework(&app).await;
        let specialist = app.token("division_specialist").await;
        let inbox = app.get("/api/v1/applications/inbox", &specialist).await;
        let item = inbox.assert_status(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["service_type"]["code"] == "home_help")
            .cloned()
            .unwrap_or_else(|| panic!("the demo's home help: {}", inbox.body));
        let id = item["id"].as_str().unwrap();
        let calc = preview(&app, &specialist, id, "16")
            .await
            .assert_status(200)["calculation"]
            .clone();
        assert_eq!(calc["income_per_member"], "520.00", "on {start}");
        fees.push(calc["fee"].clone());
    }
    // 520 EUR alone: above 2 VRP, so he pays, the same on every day.
    assert!(
        fees.iter().all(|f| f == &fees[0] && f != "0.00"),
        "{fees:?}"
    );
}

/// Migration 000004 on rows that exist: a membership without a start date
/// starts when its family was registered, and no later than the family's
/// first application; the Kaunas district home gets its S0 name.
async fn ref_migration_backfills_membership_dates_and_the_kaunas_home(app: TestApp) {
    use atvejis_api::store::entities::family_members as members;
    use migration::{Migrator, MigratorTrait};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
    app.clock.set_today(time::macros::date!(2026 - 12 - 02));
    let worker = app.token("social_worker").await;
    let ona = person(&app, &worker, "Ona", "Senoji").await;
    let jonas = person(&app, &worker, "Jonas", "Senasis").await;
    let family = app
        .post(
            "/api/v1/families",
            &worker,
            json!({ "name": "Senųjų šeima", "members": [
                { "person_id": ona, "relation": "applicant", "joined_on": "2026-11-25" },
                { "person_id": jonas, "relation": "spouse", "joined_on": "2026-11-25" },
            ] }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    home_help(&app, &worker, &ona, Some(&family)).await; // received 2026-11-10
    let backend = app.db.get_database_backend();
    let exec = |sql: String| {
        let db = app.db.clone();
        async move {
            db.execute_raw(sea_orm::Statement::from_string(backend, sql))
                .await
                .unwrap();
        }
    };
    // As rows were before membership dates mattered.
    let jonas_id = uuid::Uuid::parse_str(&jonas).unwrap();
    let family_id = uuid::Uuid::parse_str(&family).unwrap();
    members::Entity::update_many()
        .col_expr(members::Column::JoinedOn, Expr::value(None::<time::Date>))
        .filter(members::Column::PersonId.eq(jonas_id))
        .exec(&app.db)
        .await
        .unwrap();
    exec("UPDATE institutions SET name = 'Čekiškės socialinės globos namai' WHERE code = 'cekiskes-globos-namai'".to_owned()).await;
    migrate_down_through(
        &app.db,
        "m20261202_000004_family_membership_and_income_gaps",
    )
    .await;
    Migrator::up(&app.db, None).await.expect("up");
    let joined = members::Entity::find()
        .filter(members::Column::FamilyId.eq(family_id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(joined.len(), 2);
    for row in joined {
        assert_eq!(
            row.joined_on,
            Some(time::macros::date!(2026 - 11 - 10)),
            "the family's first application"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM institutions WHERE name = 'Čekiškės socialinės globos ir priežiūros namai'")
            .await,
        1
    );
}
