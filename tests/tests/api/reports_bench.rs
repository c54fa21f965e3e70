//! The reports benchmark (`bench/reports.sh`, part of `make bench`; not a
//! timed test, ignored by `cargo test`): ten years of a municipality of
//! 100,000 people — each with one or two applications and their signed
//! decisions (about one in six late, one in ten refused), a fifth of the
//! services given in a facility after a spell in its queue — generated in
//! the demo's Kelmė by `store::bench_seed` (as `atvejis seed-bench`). Then
//! each report is asked for through the API as the division head, over the
//! whole ten years (the yearly summary: last year), twice, and the times are printed against the
//! target of 2 s. On PostgreSQL when `TEST_DATABASE_URL` is set, else
//! SQLite. `BENCH_PEOPLE` changes the count; `BENCH_KEEP=1` keeps the data.

use crate::support::{Backend, postgres_url, spawn_app};
use atvejis_api::store::bench_seed;
use std::time::{Duration as Elapsed, Instant};
use time::Duration;

/// A report must answer within this (issue 12).
const TARGET: Elapsed = Elapsed::from_secs(2);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: bench/reports.sh"]
async fn reports_bench_ten_years_of_100000_people() {
    let backend = if postgres_url().is_some() {
        Backend::Postgres
    } else {
        Backend::Sqlite
    };
    let app = spawn_app(backend).await.expect("app");
    let people: u64 = std::env::var("BENCH_PEOPLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
        .await
        .expect("demo");
    let today = app.clock.today();
    let first_day = today - Duration::days(3652) + Duration::days(1);
    let generated = Instant::now();
    let seeded = bench_seed::seed(&app.db, people, app.clock.now(), today)
        .await
        .expect("seed");
    println!(
        "generated {} people and {} applications from {first_day} to {today} on {backend:?} in {:.1} s",
        seeded.people,
        seeded.applications,
        generated.elapsed().as_secs_f64()
    );

    let head = app.token("division_head").await;
    let period = format!("from={first_day}&to={today}");
    let last_year = today.year() - 1;
    let reports = [
        (
            "timeliness, 10 years",
            format!("/api/v1/reports/timeliness?{period}"),
        ),
        (
            "waiting, 10 years",
            format!("/api/v1/reports/waiting?{period}"),
        ),
        (
            "yearly summary",
            format!("/api/v1/reports/yearly-summary?year={last_year}"),
        ),
        ("overdue today", "/api/v1/reports/overdue".to_owned()),
        (
            "timeliness XLSX, 10 years",
            format!("/api/v1/reports/timeliness/export?{period}&format=xlsx"),
        ),
    ];
    let mut met = true;
    for (name, path) in reports {
        let mut times = Vec::new();
        for _ in 0..2 {
            let started = Instant::now();
            let reply = app.get_for(&path, &head, Some("supervision")).await;
            times.push(started.elapsed());
            assert_eq!(reply.status, 200, "{name}: {}", reply.body);
        }
        let worst = *times.iter().max().unwrap();
        met &= worst < TARGET;
        println!(
            "report {name:<27} first {:>7.1} ms, again {:>7.1} ms  {}",
            times[0].as_secs_f64() * 1000.0,
            times[1].as_secs_f64() * 1000.0,
            if worst < TARGET {
                "< 2 s: met"
            } else {
                "≥ 2 s: NOT MET"
            }
        );
    }
    println!(
        "reports target (every report under 2 s): {}",
        if met { "met" } else { "NOT MET" }
    );
    if std::env::var_os("BENCH_KEEP").is_some() {
        // Leaves the data for EXPLAIN (the schema is dropped with the app).
        std::mem::forget(app);
    }
}
