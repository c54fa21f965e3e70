//! The charge-run benchmark (`bench/charges.sh`, part of `make bench`; not a
//! timed test, ignored by `cargo test`): 10,000 generated recipients, each
//! with a long-term care stay, fee terms, three months of income and every
//! tenth an absence, in the demo's Kelmė; one run of the month before
//! today's through the API, timed from the start to `done`. Prints the time
//! and the number of charges. On PostgreSQL when `TEST_DATABASE_URL` is set,
//! else SQLite. `BENCH_RECIPIENTS` changes the count.

use crate::support::{Backend, TestApp, postgres_url, spawn_app};
use atvejis_api::store::entities::{
    facility_places, income_records, municipalities, persons, rates, stay_absences, stay_fee_terms,
    stays,
};
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use std::time::Instant;
use time::{Date, Duration, Month};
use uuid::Uuid;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: bench/charges.sh"]
async fn charges_bench_10000_recipients() {
    let backend = if postgres_url().is_some() {
        Backend::Postgres
    } else {
        Backend::Sqlite
    };
    let app = spawn_app(backend).await.expect("app");
    let count: usize = std::env::var("BENCH_RECIPIENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
        .await
        .expect("demo");
    let generated = Instant::now();
    let month_first = generate(&app, count).await;
    println!(
        "generated {count} recipients with stays, terms and income in {:.2} s",
        generated.elapsed().as_secs_f64()
    );
    let code = format!(
        "{:04}-{:02}",
        month_first.year(),
        u8::from(month_first.month())
    );
    let token = app.token("division_specialist").await;
    let started = Instant::now();
    let run = app
        .post("/api/v1/charge-runs", &token, json!({ "month": code }))
        .await;
    let id = run.assert_status(202)["id"].as_str().unwrap().to_owned();
    let done = loop {
        let now = app.get(&format!("/api/v1/charge-runs/{id}"), &token).await;
        if now.body["status"] != "running" {
            break now.body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    let took = started.elapsed();
    assert_eq!(done["status"], "done", "{done}");
    println!(
        "charge run {code} on {backend:?}: {} recipients, {} charges, {} EUR in {:.2} s",
        done["total_recipients"],
        done["line_count"],
        done["total_amount"],
        took.as_secs_f64()
    );
    let again = Instant::now();
    let run = app
        .post("/api/v1/charge-runs", &token, json!({ "month": code }))
        .await;
    let id = run.assert_status(202)["id"].as_str().unwrap().to_owned();
    let unchanged = loop {
        let now = app.get(&format!("/api/v1/charge-runs/{id}"), &token).await;
        if now.body["status"] != "running" {
            break now.body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    println!(
        "re-run without changes: changed = {}, {:.2} s",
        unchanged["changed"],
        again.elapsed().as_secs_f64()
    );
}

/// Inserts `count` people with a long-term stay each (from a year ago),
/// fee terms, income in the 3 months before last month, an absence for
/// every tenth; returns last month's first day.
async fn generate(app: &TestApp, count: usize) -> Date {
    let db = &app.db;
    let now = app.clock.now();
    let today = atvejis_domain::calendar::lithuanian_date(now);
    let month_first = (today.replace_day(1).unwrap() - Duration::days(1))
        .replace_day(1)
        .unwrap();
    let kelme = municipalities::Entity::find()
        .filter(municipalities::Column::Code.eq("kelme"))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let place = facility_places::Entity::find()
        .filter(facility_places::Column::MunicipalityId.eq(kelme))
        .filter(facility_places::Column::PlaceKind.eq("long_term_care"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    // Migration 000010 seeds an example price: replaced by the bench's.
    rates::Entity::delete_many()
        .filter(rates::Column::MunicipalityId.eq(kelme))
        .filter(rates::Column::Kind.eq("group_living_long_term_monthly_price"))
        .exec(db)
        .await
        .unwrap();
    rates::Entity::insert(rates::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(kelme),
        kind: Set("group_living_long_term_monthly_price".into()),
        valid_from: Set(Date::from_calendar_date(2020, Month::January, 1).unwrap()),
        value: Set(Decimal::from(1500)),
        note: Set(None),
        created_at: Set(now),
        created_by: Set(None),
    })
    .exec(db)
    .await
    .unwrap();
    let started = today - Duration::days(365);
    let income_months: Vec<(i32, i32)> = {
        let mut m = month_first;
        (0..3)
            .map(|_| {
                m = (m - Duration::days(1)).replace_day(1).unwrap();
                (m.year(), i32::from(u8::from(m.month())))
            })
            .collect()
    };
    let ids: Vec<(Uuid, Uuid)> = (0..count)
        .map(|_| (Uuid::now_v7(), Uuid::now_v7()))
        .collect();
    for (chunk_no, chunk) in ids.chunks(500).enumerate() {
        persons::Entity::insert_many(chunk.iter().enumerate().map(|(i, (person, _))| {
            let n = chunk_no * 500 + i;
            persons::ActiveModel {
                id: Set(*person),
                municipality_id: Set(kelme),
                eldership_id: Set(None),
                personal_code: Set(None),
                first_name: Set(format!("Gyventojas{n}")),
                last_name: Set("Bandomasis".into()),
                birth_date: Set(None),
                sex: Set(None),
                declared_address: Set(None),
                phone: Set(None),
                email: Set(None),
                search_text: Set(format!("gyventojas{n} bandomasis")),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
            }
        }))
        .exec(db)
        .await
        .unwrap();
        stays::Entity::insert_many(chunk.iter().map(|(person, stay)| stays::ActiveModel {
            id: Set(*stay),
            municipality_id: Set(kelme),
            place_id: Set(place.id),
            facility_id: Set(place.facility_id),
            person_id: Set(*person),
            place_kind: Set(place.place_kind.clone()),
            entry_id: Set(None),
            offer_id: Set(None),
            decision_id: Set(None),
            started_on: Set(started),
            arrived_at: Set(None),
            brought_by: Set(None),
            planned_until: Set(None),
            threat_reason: Set(None),
            checklist: Set(None),
            extract_027a_issued_on: Set(None),
            ended_on: Set(None),
            end_reason: Set(None),
            end_note: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }))
        .exec(db)
        .await
        .unwrap();
        stay_fee_terms::Entity::insert_many(chunk.iter().enumerate().map(|(i, (_, stay))| {
            stay_fee_terms::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(kelme),
                stay_id: Set(*stay),
                effective_from: Set(started),
                target_compensation: Set(Decimal::from(i % 7 * 40)),
                assets_over_normative: Set(Decimal::from(i % 5 * 5000)),
                adult: Set(true),
                care_started_on: Set(started),
                note: Set(None),
                created_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
            }
        }))
        .exec(db)
        .await
        .unwrap();
        income_records::Entity::insert_many(chunk.iter().enumerate().flat_map(
            |(i, (person, _))| {
                income_months
                    .iter()
                    .map(move |(y, m)| income_records::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        municipality_id: Set(kelme),
                        person_id: Set(*person),
                        year: Set(*y),
                        month: Set(*m),
                        amount: Set(Decimal::from(400 + (i % 50) * 20)),
                        source: Set("sodra".into()),
                        note: Set(None),
                        created_at: Set(now),
                        created_by: Set(None),
                    })
            },
        ))
        .exec(db)
        .await
        .unwrap();
        let away: Vec<_> = chunk
            .iter()
            .step_by(10)
            .map(|(_, stay)| stay_absences::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(kelme),
                stay_id: Set(*stay),
                from_date: Set(month_first + Duration::days(4)),
                to_date: Set(month_first + Duration::days(11)),
                reason: Set("hospital".into()),
                note: Set(None),
                created_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
            })
            .collect();
        stay_absences::Entity::insert_many(away)
            .exec(db)
            .await
            .unwrap();
    }
    month_first
}
