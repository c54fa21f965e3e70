//! Issue 11, care fees and monthly charges: the fee terms and absences of
//! group living home stays (R-FEE-8, R-FEE-9), and the charge runs of a
//! month over the demo's long-term residents: progress to done, the same
//! lines when nothing changed, the difference of one person after an
//! absence, the CSV and XLSX exports, a person's charges, the refusals
//! (month not ended, a second run while one runs), roles and the
//! municipality's isolation.

use crate::db_tests;
use crate::support::TestApp;
use atvejis_api::store::entities::{charge_runs, income_records, municipalities, rates};
use reqwest::Method;
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use std::str::FromStr;
use time::{Date, Duration, Month};
use uuid::Uuid;

db_tests!(
    r_fee_8_r_fee_9_a_month_is_charged_rerun_unchanged_and_corrected_with_the_difference,
    the_exports_have_the_documented_columns_and_the_xlsx_is_a_workbook,
    a_run_is_refused_for_a_month_not_ended_and_while_another_runs,
    a_run_without_a_care_price_fails_and_can_be_run_again,
    fee_terms_are_version_checked_and_only_for_care_stays,
    absences_are_refused_when_they_overlap_or_fall_outside_the_stay,
    charges_are_only_for_the_roles_that_run_them_and_stay_in_the_municipality,
);

/// The month before today's (it has ended), its first day and its days.
fn last_month(app: &TestApp) -> (String, Date, u8) {
    let today = atvejis_domain::calendar::lithuanian_date(app.clock.now());
    let first_this = today.replace_day(1).unwrap();
    let last = first_this - Duration::days(1);
    let first = last.replace_day(1).unwrap();
    (
        format!("{:04}-{:02}", first.year(), u8::from(first.month())),
        first,
        last.day(),
    )
}

pub async fn kelme(app: &TestApp) -> Uuid {
    municipalities::Entity::find()
        .filter(municipalities::Column::Code.eq("kelme"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Removes the rates of `kind` (migration 000010 seeds the group living
/// prices).
pub async fn remove_rate(app: &TestApp, kind: &str) {
    rates::Entity::delete_many()
        .filter(rates::Column::MunicipalityId.eq(kelme(app).await))
        .filter(rates::Column::Kind.eq(kind))
        .exec(&app.db)
        .await
        .unwrap();
}

/// Sets the rate of `kind` from 2020-01-01 (replacing the seeded one).
pub async fn set_rate(app: &TestApp, kind: &str, value: &str) {
    remove_rate(app, kind).await;
    rates::Entity::insert(rates::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(kelme(app).await),
        kind: Set(kind.to_owned()),
        valid_from: Set(Date::from_calendar_date(2020, Month::January, 1).unwrap()),
        value: Set(Decimal::from_str(value).unwrap()),
        note: Set(None),
        created_at: Set(app.clock.now()),
        created_by: Set(None),
    })
    .exec(&app.db)
    .await
    .unwrap();
}

/// `amount` of income in each of the 3 months before `month_first`.
pub async fn income(app: &TestApp, person: &str, month_first: Date, amount: &str) {
    let mut m = month_first;
    for _ in 0..3 {
        m = (m - Duration::days(1)).replace_day(1).unwrap();
        income_records::Entity::insert(income_records::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(kelme(app).await),
            person_id: Set(Uuid::parse_str(person).unwrap()),
            year: Set(m.year()),
            month: Set(i32::from(u8::from(m.month()))),
            amount: Set(Decimal::from_str(amount).unwrap()),
            source: Set("sodra".into()),
            note: Set(None),
            created_at: Set(app.clock.now()),
            created_by: Set(None),
        })
        .exec(&app.db)
        .await
        .unwrap();
    }
}

/// The demo's places with their stays (as `ATVEJIS_DEMO=1` loads them).
pub async fn load_demo(app: &TestApp) {
    atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
        .await
        .expect("demo");
}

/// The demo's open long-term stays (8 residents), first the longest.
pub async fn long_term_stays(app: &TestApp, token: &str) -> Vec<Value> {
    load_demo(app).await;
    let mut stays = app
        .get("/api/v1/stays?place_kind=long_term_care&open=true", token)
        .await
        .assert_status(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    stays.sort_by_key(|s| s["started_on"].as_str().unwrap().to_owned());
    assert_eq!(stays.len(), 8);
    stays
}

fn day(first: Date, n: u8) -> String {
    first.replace_day(n).unwrap().to_string()
}

/// Starts a run of `month` and waits until it is no longer running.
pub async fn run(app: &TestApp, token: &str, month: &str) -> Value {
    let started = app
        .post("/api/v1/charge-runs", token, json!({ "month": month }))
        .await;
    let body = started.assert_status(202).clone();
    assert_eq!(body["month"], month);
    let id = body["id"].as_str().unwrap().to_owned();
    for _ in 0..200 {
        let now = app
            .get(&format!("/api/v1/charge-runs/{id}"), token)
            .await
            .assert_status(200)
            .clone();
        if now["status"] != "running" {
            return now;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the run did not finish");
}

pub async fn lines(app: &TestApp, token: &str, run: &Value) -> Vec<Value> {
    let id = run["id"].as_str().unwrap();
    app.get(
        &format!("/api/v1/charge-runs/{id}/charges?per_page=100"),
        token,
    )
    .await
    .assert_status(200)["items"]
        .as_array()
        .unwrap()
        .clone()
}

fn line_of<'a>(lines: &'a [Value], person: &Value) -> &'a Value {
    lines
        .iter()
        .find(|l| l["person_id"] == *person)
        .expect("a line of the person")
}

/// Two residents with income, one away for 5 days: a price of care, runs.
struct Prepared {
    code: String,
    first: Date,
    a: Value,
    b: Value,
}

async fn prepare(app: &TestApp) -> Prepared {
    let specialist = app.token("division_specialist").await;
    let worker = app.token("social_worker").await;
    let (code, first, _) = last_month(app);
    set_rate(app, "group_living_long_term_monthly_price", "1500").await;
    let stays = long_term_stays(app, &specialist).await;
    let (a, b) = (stays[0].clone(), stays[1].clone());
    income(app, a["person_id"].as_str().unwrap(), first, "600").await;
    income(app, b["person_id"].as_str().unwrap(), first, "500").await;
    let absence = app
        .post(
            &format!("/api/v1/stays/{}/absences", a["id"].as_str().unwrap()),
            &worker,
            json!({ "from": day(first, 10), "to": day(first, 14), "reason": "hospital" }),
        )
        .await;
    let absence = absence.assert_status(201);
    assert_eq!(absence["days"], 5);
    Prepared { code, first, a, b }
}

/// 80 % of 600 = 480 a month; 5 days away: 3 in full, 2 at 30 %.
fn expected_a(days: u8) -> Decimal {
    let daily = Decimal::from(480) / Decimal::from(days);
    let amount = daily * (Decimal::from(days - 2) + Decimal::from(2) * Decimal::new(3, 1));
    cents(amount)
}

fn cents(amount: Decimal) -> Decimal {
    let mut a = atvejis_domain::fees::round_money(amount);
    a.rescale(2);
    a
}

async fn r_fee_8_r_fee_9_a_month_is_charged_rerun_unchanged_and_corrected_with_the_difference(
    app: TestApp,
) {
    let specialist = app.token("division_specialist").await;
    let worker = app.token("social_worker").await;
    let m = prepare(&app).await;
    let days = last_month(&app).2;

    let first = run(&app, &specialist, &m.code).await;
    assert_eq!(first["status"], "done", "{first}");
    assert_eq!(first["version"], 1);
    assert_eq!(first["changed"], true);
    assert_eq!(first["lines_run_id"], first["id"]);
    // Only the residents with income pay (the others are listed as
    // problems, R-FEE-1); the demo's deliveries and aids add their lines.
    assert_eq!(first["processed_recipients"], first["total_recipients"]);
    let got = lines(&app, &specialist, &first).await;
    assert_eq!(first["line_count"], got.len());
    // A and B, and the demo's resident with income.
    assert_eq!(got.iter().filter(|l| l["source"] == "stay").count(), 3);
    let a = line_of(&got, &m.a["person_id"]);
    assert_eq!(a["amount"], expected_a(days).to_string());
    assert_eq!(a["source"], "stay");
    assert_eq!(a["source_id"], m.a["id"]);
    assert_eq!(a["unit"], "day");
    assert_eq!(a["quantity"], days.to_string());
    assert_eq!(a["service_code"], "group_living_long_term");
    assert_eq!(a["rules"], json!(["R-FEE-8", "R-FEE-9"]));
    assert_eq!(a["breakdown"]["month"]["absence_days_full"], 3);
    assert_eq!(a["breakdown"]["month"]["absence_days_reduced"], 2);
    assert_eq!(a["breakdown"]["care_fee"]["limit"], "income_share");
    assert_eq!(a["breakdown"]["care_fee"]["monthly_fee"], "480.00");
    let b = line_of(&got, &m.b["person_id"]);
    assert_eq!(b["amount"], "400.00");

    // Nothing changed: no new lines, "no changes", no differences.
    let again = run(&app, &specialist, &m.code).await;
    assert_eq!(again["status"], "done");
    assert_eq!(again["version"], 2);
    assert_eq!(again["changed"], false);
    assert_eq!(again["lines_run_id"], first["id"]);
    assert_eq!(again["previous_run_id"], first["id"]);
    assert_eq!(lines(&app, &specialist, &again).await, got);
    let none = app
        .get(
            &format!(
                "/api/v1/charge-runs/{}/differences",
                again["id"].as_str().unwrap()
            ),
            &specialist,
        )
        .await;
    assert_eq!(none.assert_status(200)["items"], json!([]));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM charge_lines").await,
        first["line_count"].as_i64().unwrap(),
        "no duplicate charges"
    );

    // B was away 6 days: a new version, the difference for B only.
    app.post(
        &format!("/api/v1/stays/{}/absences", m.b["id"].as_str().unwrap()),
        &worker,
        json!({ "from": day(m.first, 20), "to": day(m.first, 25), "reason": "family" }),
    )
    .await
    .assert_status(201);
    let corrected = run(&app, &specialist, &m.code).await;
    assert_eq!(corrected["version"], 3);
    assert_eq!(corrected["changed"], true);
    assert_eq!(corrected["previous_run_id"], again["id"]);
    let diff = app
        .get(
            &format!(
                "/api/v1/charge-runs/{}/differences",
                corrected["id"].as_str().unwrap()
            ),
            &specialist,
        )
        .await;
    let items = diff.assert_status(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["person_id"], m.b["person_id"]);
    assert_eq!(items[0]["previous"], "400.00");
    let daily = Decimal::from(400) / Decimal::from(days);
    let new_b = cents(daily * (Decimal::from(days - 3) + Decimal::from(3) * Decimal::new(3, 1)));
    assert_eq!(items[0]["new"], new_b.to_string());

    // The person's charges, month by month, from the standing run.
    let mine = app
        .get(
            &format!(
                "/api/v1/persons/{}/charges",
                m.b["person_id"].as_str().unwrap()
            ),
            &specialist,
        )
        .await;
    let months = mine.assert_status(200).as_array().unwrap().clone();
    assert_eq!(months.len(), 1);
    assert_eq!(months[0]["month"], m.code);
    assert_eq!(months[0]["run_id"], corrected["id"]);
    assert_eq!(months[0]["total"], new_b.to_string());
    let auditor = app.token("auditor").await;
    assert!(
        !app.audit(&auditor, "action=person.charges_read")
            .await
            .is_empty()
    );
    assert!(
        !app.audit(&auditor, "action=charge_run.finish")
            .await
            .is_empty()
    );
}

async fn the_exports_have_the_documented_columns_and_the_xlsx_is_a_workbook(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    let m = prepare(&app).await;
    let days = last_month(&app).2;
    let done = run(&app, &specialist, &m.code).await;
    let id = done["id"].as_str().unwrap();
    let csv = app
        .request(Method::GET, &format!("/api/v1/charge-runs/{id}/export.csv"))
        .bearer_auth(&specialist)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status().as_u16(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let bytes = csv.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let rows: Vec<Vec<&str>> = text
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(';').collect())
        .collect();
    assert_eq!(
        rows[0],
        vec![
            "asmens_kodas",
            "vardas_pavarde",
            "paslauga",
            "laikotarpis",
            "kiekis",
            "vienetas",
            "suma_eur",
            "taisykle",
            "saltinis",
            "saltinio_id"
        ]
    );
    assert_eq!(rows.iter().filter(|r| r[8] == "stay").count(), 3);
    let a = rows
        .iter()
        .find(|r| r[9] == m.a["id"].as_str().unwrap())
        .expect("the row of A's stay");
    assert_eq!(a[6], expected_a(days).to_string().replace('.', ","));
    assert_eq!(a[4], days.to_string());
    assert_eq!(a[5], "d.");
    assert_eq!(a[7], "R-FEE-8,R-FEE-9");
    assert_eq!(a[8], "stay");
    assert_eq!(a[0].len(), 11, "the personal code");
    assert_eq!(
        a[3],
        format!("{}/{}", m.first, m.first.replace_day(days).unwrap())
    );

    let xlsx = app
        .request(
            Method::GET,
            &format!("/api/v1/charge-runs/{id}/export.xlsx"),
        )
        .bearer_auth(&specialist)
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status().as_u16(), 200);
    let bytes = xlsx.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip");
    assert!(bytes.len() > 1000);
}

async fn a_run_is_refused_for_a_month_not_ended_and_while_another_runs(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    let today = atvejis_domain::calendar::lithuanian_date(app.clock.now());
    let this_month = format!("{:04}-{:02}", today.year(), u8::from(today.month()));
    app.post(
        "/api/v1/charge-runs",
        &specialist,
        json!({ "month": this_month }),
    )
    .await
    .assert_problem(422, "month_not_ended");
    app.post(
        "/api/v1/charge-runs",
        &specialist,
        json!({ "month": "2026-13" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.post(
        "/api/v1/charge-runs",
        &specialist,
        json!({ "month": "x\u{0}" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM charge_runs").await, 0);

    // A run of the month is running (its heartbeat is fresh).
    let (code, _, _) = last_month(&app);
    let running = |version: i32| charge_runs::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(Uuid::nil()),
        month: Set(code.clone()),
        version: Set(version),
        status: Set("running".into()),
        total_recipients: Set(0),
        processed_recipients: Set(0),
        previous_run_id: Set(None),
        lines_run_id: Set(None),
        changed: Set(None),
        line_count: Set(0),
        total_amount: Set(Decimal::ZERO),
        error: Set(None),
        problems: Set(None),
        started_by: Set(None),
        started_at: Set(app.clock.now()),
        heartbeat_at: Set(app.clock.now()),
        finished_at: Set(None),
    };
    let mut first = running(1);
    first.municipality_id = Set(kelme(&app).await);
    charge_runs::Entity::insert(first)
        .exec(&app.db)
        .await
        .unwrap();
    app.post("/api/v1/charge-runs", &specialist, json!({ "month": code }))
        .await
        .assert_problem(409, "charge_run_running");
    // The database refuses a second running run of the month itself.
    let mut second = running(2);
    second.municipality_id = Set(kelme(&app).await);
    assert!(
        charge_runs::Entity::insert(second)
            .exec(&app.db)
            .await
            .is_err()
    );

    // A run whose process died (no heartbeat for minutes) is failed by
    // the next start, which runs.
    app.clock.advance(Duration::minutes(5));
    let next = app
        .post("/api/v1/charge-runs", &specialist, json!({ "month": code }))
        .await;
    assert_eq!(next.assert_status(202)["version"], 2);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM charge_runs WHERE status = 'failed'")
            .await,
        1
    );
}

async fn a_run_without_a_care_price_fails_and_can_be_run_again(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    load_demo(&app).await;
    remove_rate(&app, "group_living_long_term_monthly_price").await;
    let (code, _, _) = last_month(&app);
    let failed = run(&app, &specialist, &code).await;
    assert_eq!(failed["status"], "failed");
    assert!(
        failed["error"]
            .as_str()
            .unwrap()
            .contains("group_living_long_term_monthly_price"),
        "{failed}"
    );
    set_rate(&app, "group_living_long_term_monthly_price", "1500").await;
    let done = run(&app, &specialist, &code).await;
    assert_eq!(done["status"], "done");
    assert_eq!(done["version"], 2);
    // Only the demo's resident with income is charged; the 7 others
    // without income are the run's problems (R-FEE-1).
    let got = lines(&app, &specialist, &done).await;
    assert_eq!(got.iter().filter(|l| l["source"] == "stay").count(), 1);
    let problems = done["problems"].as_array().unwrap();
    assert_eq!(
        problems
            .iter()
            .filter(|p| p["source"] == "stay" && p["code"] == "income_incomplete")
            .count(),
        7
    );
}

async fn fee_terms_are_version_checked_and_only_for_care_stays(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    let worker = app.token("social_worker").await;
    let stays = long_term_stays(&app, &specialist).await;
    let stay = stays[0]["id"].as_str().unwrap();
    let path = format!("/api/v1/stays/{stay}/fee-terms");
    let body = json!({
        "effective_from": stays[0]["started_on"],
        "target_compensation": "246.75",
        "assets_over_normative": "20000",
        "adult": true,
    });
    let set = app
        .send(
            app.request(Method::PUT, &path)
                .bearer_auth(&worker)
                .json(&body),
        )
        .await;
    let set = set.assert_status(200).clone();
    assert_eq!(set["version"], 1);
    assert_eq!(set["target_compensation"], "246.75");
    assert_eq!(set["care_started_on"], stays[0]["started_on"]);
    // The same date again without its version: refused.
    app.send(
        app.request(Method::PUT, &path)
            .bearer_auth(&worker)
            .json(&body),
    )
    .await
    .assert_problem(409, "version_conflict");
    let mut change = body.clone();
    change["version"] = json!(1);
    change["target_compensation"] = json!("100");
    let changed = app
        .send(
            app.request(Method::PUT, &path)
                .bearer_auth(&worker)
                .json(&change),
        )
        .await;
    assert_eq!(changed.assert_status(200)["version"], 2);
    let listed = app.get(&path, &worker).await;
    assert_eq!(listed.assert_status(200).as_array().unwrap().len(), 1);
    // Negative amounts and dates before the stay are refused.
    let mut negative = body.clone();
    negative["effective_from"] = json!("2026-12-01");
    negative["target_compensation"] = json!("-1");
    app.send(
        app.request(Method::PUT, &path)
            .bearer_auth(&worker)
            .json(&negative),
    )
    .await
    .assert_problem(422, "validation_failed");
    let mut early = body.clone();
    early["effective_from"] = json!("1990-01-01");
    app.send(
        app.request(Method::PUT, &path)
            .bearer_auth(&worker)
            .json(&early),
    )
    .await
    .assert_problem(422, "validation_failed");
    // The shelter is free (R-FEE-12): no fee terms.
    let shelter = app
        .get("/api/v1/stays?place_kind=shelter", &specialist)
        .await
        .assert_status(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    let shelter = shelter[0]["id"].as_str().unwrap();
    app.send(
        app.request(Method::PUT, &format!("/api/v1/stays/{shelter}/fee-terms"))
            .bearer_auth(&worker)
            .json(&body),
    )
    .await
    .assert_problem(422, "validation_failed");
    // The case manager records no deliveries.
    let manager = app.token("case_manager").await;
    app.send(
        app.request(Method::PUT, &path)
            .bearer_auth(&manager)
            .json(&body),
    )
    .await
    .assert_problem(403, "forbidden");
    app.get(&path, &manager)
        .await
        .assert_problem(403, "forbidden");
}

async fn absences_are_refused_when_they_overlap_or_fall_outside_the_stay(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    let stays = long_term_stays(&app, &specialist).await;
    let stay = stays[0]["id"].as_str().unwrap();
    let path = format!("/api/v1/stays/{stay}/absences");
    let first = app
        .post(
            &path,
            &specialist,
            json!({ "from": "2026-10-10", "to": "2026-10-20", "reason": "hospital" }),
        )
        .await;
    let first = first.assert_status(201).clone();
    app.post(
        &path,
        &specialist,
        json!({ "from": "2026-10-20", "to": "2026-10-22", "reason": "family" }),
    )
    .await
    .assert_problem(409, "absence_overlaps");
    app.post(
        &path,
        &specialist,
        json!({ "from": "2026-10-25", "to": "2026-10-22", "reason": "family" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.post(
        &path,
        &specialist,
        json!({ "from": "1990-01-01", "to": "1990-01-02", "reason": "other" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    app.post(
        &path,
        &specialist,
        json!({ "from": "2026-10-25", "to": "2026-10-26", "reason": "holiday" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // A change is version-checked.
    let change = format!("{path}/{}", first["id"].as_str().unwrap());
    let body =
        json!({ "version": 1, "from": "2026-10-10", "to": "2026-10-12", "reason": "hospital" });
    let changed = app.patch(&change, &specialist, body.clone()).await;
    assert_eq!(changed.assert_status(200)["days"], 3);
    app.patch(&change, &specialist, body)
        .await
        .assert_problem(409, "version_conflict");
    let listed = app.get(&path, &specialist).await;
    assert_eq!(listed.assert_status(200).as_array().unwrap().len(), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM stay_absences").await, 1);
}

async fn charges_are_only_for_the_roles_that_run_them_and_stay_in_the_municipality(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    let (code, _, _) = last_month(&app);
    set_rate(&app, "group_living_long_term_monthly_price", "1500").await;
    for role in ["social_worker", "case_manager", "auditor", "admin"] {
        let token = app.token(role).await;
        app.post("/api/v1/charge-runs", &token, json!({ "month": code }))
            .await
            .assert_problem(403, "forbidden");
        app.get("/api/v1/charge-runs", &token)
            .await
            .assert_problem(403, "forbidden");
    }
    let head = app.token("division_head").await;
    let done = run(&app, &head, &code).await;
    assert_eq!(done["status"], "done");
    let id = done["id"].as_str().unwrap();
    let listed = app.get("/api/v1/charge-runs", &specialist).await;
    assert_eq!(listed.assert_status(200)["total"], 1);
    let worker = app.token("social_worker").await;
    app.get(&format!("/api/v1/charge-runs/{id}"), &worker)
        .await
        .assert_problem(403, "forbidden");
    app.get(&format!("/api/v1/charge-runs/{id}/export.csv"), &worker)
        .await
        .assert_problem(403, "forbidden");

    // Another municipality's run and stays are not found.
    let kaunas = municipalities::Entity::find()
        .filter(municipalities::Column::Code.eq("kauno-r"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let theirs = Uuid::now_v7();
    charge_runs::Entity::insert(charge_runs::ActiveModel {
        id: Set(theirs),
        municipality_id: Set(kaunas),
        month: Set(code.clone()),
        version: Set(1),
        status: Set("done".into()),
        total_recipients: Set(0),
        processed_recipients: Set(0),
        previous_run_id: Set(None),
        lines_run_id: Set(Some(theirs)),
        changed: Set(Some(true)),
        line_count: Set(0),
        total_amount: Set(Decimal::ZERO),
        error: Set(None),
        problems: Set(None),
        started_by: Set(None),
        started_at: Set(app.clock.now()),
        heartbeat_at: Set(app.clock.now()),
        finished_at: Set(Some(app.clock.now())),
    })
    .exec(&app.db)
    .await
    .unwrap();
    for tail in [
        "",
        "/charges",
        "/differences",
        "/export.csv",
        "/export.xlsx",
    ] {
        app.get(&format!("/api/v1/charge-runs/{theirs}{tail}"), &specialist)
            .await
            .assert_problem(404, "not_found");
    }
    assert_eq!(
        app.get("/api/v1/charge-runs", &specialist).await.body["total"],
        1
    );
    let stays = long_term_stays(&app, &specialist).await;
    let stay = stays[0]["id"].as_str().unwrap();
    let outsider = app.token("kaunas_worker").await;
    app.get(&format!("/api/v1/stays/{stay}/absences"), &outsider)
        .await
        .assert_problem(404, "not_found");
    app.post(
        &format!("/api/v1/stays/{stay}/absences"),
        &outsider,
        json!({ "from": "2026-10-10", "to": "2026-10-11", "reason": "other" }),
    )
    .await
    .assert_problem(404, "not_found");
}
