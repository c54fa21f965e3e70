//! Issue 11, part G: a month's charge run over every paid source — home
//! help and respite visit months (R-FEE-1..3 by the decision's fee record,
//! R-LIM-3's countable hours), transport trips (R-FEE-4..7 with R-FEE-2's
//! floor over the month), technical aid loans (R-FEE-10 fee, R-FEE-11
//! refund) and a care stay (R-FEE-8) — exact to the cent; free services
//! charge nothing (R-FEE-12); a person with incomplete income is listed as
//! the run's problem, not charged as if they had none (R-FEE-1).

use crate::aids_inventory::add_item;
use crate::charges_runs::{income, lines, load_demo, long_term_stays, run};
use crate::db_tests;
use crate::deliveries_support::{approved_schedule, granted, person, visit};
use crate::places_support::Staff;
use crate::support::TestApp;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;
use time::macros::date;

db_tests!(
    r_fee_1_r_fee_5_r_fee_8_r_fee_10_r_fee_11_a_month_of_every_paid_source_is_charged_exactly,
    the_kelme_demo_month_has_lines_from_every_paid_source,
);

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap()).unwrap()
}

fn of<'a>(lines: &'a [Value], person: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["person_id"] == person).collect()
}

async fn trip(
    app: &TestApp,
    token: &str,
    person: &str,
    decision: &str,
    on: &str,
    km: &str,
    kind: &str,
) {
    let t = app
        .post(
            "/api/v1/trips",
            token,
            json!({ "person_id": person, "decision_id": decision, "requested_on": "2026-12-01",
                    "trip_on": on, "purpose": "treatment", "destination": "Šiauliai",
                    "destination_kind": kind, "km_one_way": km }),
        )
        .await;
    let t = t.assert_status(201).clone();
    app.post(
        &format!("/api/v1/trips/{}/complete", t["id"].as_str().unwrap()),
        token,
        json!({ "version": t["version"], "km_driven": "60" }),
    )
    .await
    .assert_status(200);
}

async fn r_fee_1_r_fee_5_r_fee_8_r_fee_10_r_fee_11_a_month_of_every_paid_source_is_charged_exactly(
    app: TestApp,
) {
    let staff = Staff::of(&app).await;
    let specialist = app.token("division_specialist").await;
    // The demo (its last full month is 2026-12) gives the care stays, and
    // its own deliveries of that month.
    app.clock.set_today(date!(2027 - 01 - 05));
    let stays = long_term_stays(&app, &specialist).await;
    let resident = stays[0]["person_id"].as_str().unwrap().to_owned();
    income(&app, &resident, date!(2026 - 12 - 01), "600").await;

    // Home help: income 500 a month, VRP 233: 5 % cap = 25.00, floor room
    // 34.00; 9 h × 6.50 = 58.50 → the cap decides.
    let (helped, home_help) =
        granted(&app, &staff, "Henrikas", "home_help", date!(2026 - 11 - 02)).await;
    let hh = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": home_help, "hours_per_week": "10", "visits_per_week": 3,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30" }),
    )
    .await;
    // Respite organised as short-term care: 5 h of which 2 in other paid
    // care (R-LIM-3) → 3 h × 6.50 = 19.50, below the cap of 25.00.
    let (rested, respite) = granted(&app, &staff, "Rūta", "respite", date!(2026 - 11 - 02)).await;
    let rs = approved_schedule(
        &app,
        &staff,
        json!({ "decision_id": respite, "hours_per_week": "40", "visits_per_week": 5,
                "valid_from": "2026-11-09", "valid_until": "2027-06-30",
                "respite_organisation": "short_term_care" }),
    )
    .await;
    // Transport: income 470 (just above 2 × 233): 0.05 €/km, floor room
    // 4.00; trips of 25 and 30 km one way: 2.50 + 3.00 = 5.50 → 2.50 + 1.50.
    let (rider, transport) =
        granted(&app, &staff, "Tadas", "transport", date!(2026 - 11 - 02)).await;
    income(&app, &rider, date!(2026 - 12 - 01), "470").await;
    // Another rider without recorded income: not charged, a problem.
    let (unknown, unknown_decision) =
        granted(&app, &staff, "Urtė", "transport", date!(2026 - 11 - 02)).await;

    app.clock.set_today(date!(2026 - 06 - 10));
    let returner = person(&app, &specialist, "Aldona").await;
    let manual = add_item(&app, &specialist, "manual_bed", "G-1", "new").await;
    let loan = app
        .post(
            "/api/v1/aid-loans",
            &specialist,
            json!({ "item_id": manual["id"], "person_id": returner,
                    "extract_027a_issued_on": "2026-06-10" }),
        )
        .await;
    let loan = loan.assert_status(201).clone();
    assert_eq!(loan["fee"], "43.00");

    app.clock.set_today(date!(2026 - 12 - 03));
    let borrower = person(&app, &specialist, "Bronė").await;
    let bed = add_item(&app, &specialist, "automatic_bed", "G-2", "new").await;
    app.post(
        "/api/v1/aid-loans",
        &specialist,
        json!({ "item_id": bed["id"], "person_id": borrower,
                "extract_027a_issued_on": "2026-12-03" }),
    )
    .await
    .assert_status(201);
    app.clock.set_today(date!(2026 - 12 - 09));
    let back = app
        .post(
            &format!("/api/v1/aid-loans/{}/return", loan["id"].as_str().unwrap()),
            &specialist,
            json!({ "version": loan["version"], "condition": "good" }),
        )
        .await;
    assert_eq!(back.assert_status(200)["refund"], "15.00");

    app.clock.set_today(date!(2026 - 12 - 20));
    for d in ["2026-12-07", "2026-12-09", "2026-12-11"] {
        visit(&app, &staff.worker, &hh, d, "3")
            .await
            .assert_status(201);
    }
    app.post(
        "/api/v1/deliveries",
        &staff.worker,
        json!({ "schedule_id": rs["id"], "date": "2026-12-07", "hours": "5",
                "other_paid_care_hours": "2" }),
    )
    .await
    .assert_status(201);
    trip(
        &app,
        &staff.worker,
        &rider,
        &transport,
        "2026-12-10",
        "25",
        "other",
    )
    .await;
    trip(
        &app,
        &staff.worker,
        &rider,
        &transport,
        "2026-12-15",
        "30",
        "other",
    )
    .await;
    trip(
        &app,
        &staff.worker,
        &rider,
        &transport,
        "2026-12-16",
        "10",
        "care_institution",
    )
    .await;
    trip(
        &app,
        &staff.worker,
        &unknown,
        &unknown_decision,
        "2026-12-17",
        "20",
        "other",
    )
    .await;

    app.clock.set_today(date!(2027 - 01 - 05));
    let done = run(&app, &specialist, "2026-12").await;
    assert_eq!(done["status"], "done", "{done}");
    let all = lines(&app, &specialist, &done).await;

    let h = of(&all, &helped);
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0]["source"], "visit_month");
    assert_eq!(h[0]["amount"], "25.00");
    assert_eq!(h[0]["quantity"], "9");
    assert_eq!(h[0]["breakdown"]["limited_by"], "cap");
    assert_eq!(h[0]["breakdown"]["fee_record"]["version"], 1);
    assert_eq!(h[0]["rules"][0], "R-FEE-1");

    let r = of(&all, &rested);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["amount"], "19.50");
    assert_eq!(r[0]["quantity"], "3");
    assert_eq!(r[0]["breakdown"]["limited_by"], "cost");
    assert_eq!(r[0]["breakdown"]["other_paid_care_hours"], "2");

    let t = of(&all, &rider);
    let amounts: Vec<&str> = t.iter().map(|l| l["amount"].as_str().unwrap()).collect();
    assert_eq!(
        t.len(),
        2,
        "the free destination is not charged: {amounts:?}"
    );
    let mut sorted = amounts.clone();
    sorted.sort();
    assert_eq!(sorted, ["1.50", "2.50"]);
    assert!(
        t.iter()
            .all(|l| l["breakdown"]["month"]["limited_by"] == "floor")
    );
    assert!(of(&all, &unknown).is_empty());
    let problems = done["problems"].as_array().unwrap();
    let p = problems
        .iter()
        .find(|p| p["person_id"] == unknown)
        .expect("the rider without income is a problem");
    assert_eq!(p["code"], "income_incomplete");
    assert_eq!(p["source"], "trip");
    assert_eq!(
        p["missing"][0]["months"],
        json!(["2026-09", "2026-10", "2026-11"])
    );
    assert!(p["detail"].as_str().unwrap().starts_with("R-FEE-1"));

    let b = of(&all, &borrower);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0]["amount"], "72.00");
    assert_eq!(b[0]["rules"][0], "R-FEE-10");
    let a = of(&all, &returner);
    assert_eq!(a.len(), 1, "issued in June: only the refund in December");
    assert_eq!(a[0]["amount"], "-15.00");
    assert_eq!(a[0]["rules"][0], "R-FEE-11");

    let s = of(&all, &resident);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0]["amount"], "480.00", "80 % of 600 for the whole month");

    // R-FEE-12: only the paid services are charged (the demo's meals,
    // coupons, shelter and day centre give nothing).
    let paid = [
        "home_help",
        "respite",
        "transport",
        "technical_aids",
        "group_living_short_term",
        "group_living_long_term",
    ];
    for l in &all {
        assert!(paid.contains(&l["service_code"].as_str().unwrap()), "{l}");
    }
    let mine: Decimal = [&helped, &rested, &rider, &borrower, &returner, &resident]
        .iter()
        .flat_map(|p| of(&all, p))
        .map(|l| dec(&l["amount"]))
        .sum();
    assert_eq!(
        mine,
        Decimal::from_str("25.00").unwrap()
            + Decimal::from_str("19.50").unwrap()
            + Decimal::from_str("4.00").unwrap()
            + Decimal::from(72)
            - Decimal::from(15)
            + Decimal::from(480)
    );
    let total: Decimal = all.iter().map(|l| dec(&l["amount"])).sum();
    assert_eq!(dec(&done["total_amount"]), total);
    assert_eq!(done["line_count"], all.len());

    // Run again unchanged: no changes.
    let again = run(&app, &specialist, "2026-12").await;
    assert_eq!(again["status"], "done");
    assert_eq!(again["changed"], false);
    assert_eq!(again["version"], 2);
    assert_eq!(again["lines_run_id"], done["id"]);
    assert_eq!(again["total_amount"], done["total_amount"]);
}

/// `ATVEJIS_DEMO=1`: a run of the last full month charges every paid
/// source (the closing note's figure: lines and time are printed).
async fn the_kelme_demo_month_has_lines_from_every_paid_source(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    load_demo(&app).await;
    let today = atvejis_domain::calendar::lithuanian_date(app.clock.now());
    let last = today.replace_day(1).unwrap() - time::Duration::days(1);
    let month = format!("{:04}-{:02}", last.year(), u8::from(last.month()));
    let started = std::time::Instant::now();
    let done = run(&app, &specialist, &month).await;
    let took = started.elapsed();
    assert_eq!(done["status"], "done", "{done}");
    let all = lines(&app, &specialist, &done).await;
    for source in ["stay", "visit_month", "trip", "aid_loan"] {
        assert!(
            all.iter().any(|l| l["source"] == source),
            "no {source} line: {all:?}"
        );
    }
    eprintln!(
        "Kelmė demo {month}: {} lines, {} recipients, {} EUR, {} problems, {took:?}",
        done["line_count"],
        done["total_recipients"],
        done["total_amount"],
        done["problems"].as_array().unwrap().len()
    );
}
