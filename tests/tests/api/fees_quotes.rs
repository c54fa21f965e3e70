//! Issue 11, the fee quote: `POST /api/v1/fee-quotes` with the R-FEE
//! figures (home help 5 / 10 %, transport 0.32 EUR/km and 0.05 / 0.08 / 0.16
//! by tier, the 2 VRP floor over the month) at the VRP of 2024 (176) and
//! 2025 (221), free services, the services not quoted yet, the refusals by
//! field, a stored person's income (the read recorded), the municipality
//! boundary and the roles that may not.

use crate::db_tests;
use crate::support::{Reply, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    r_fee_8_r_fee_9_a_care_quote_with_the_seeds_figures,
    r_fee_10_r_fee_11_an_aid_quote_from_the_price_table,
    r_fee_1_quote_for_a_household_with_its_breakdown,
    r_fee_0_quote_at_exactly_two_vrp_of_2024_is_free,
    r_fee_5_quote_transport_by_tier_and_vrp,
    r_fee_2_quote_transport_floor_takes_the_rest,
    r_fee_6_r_fee_7_free_destination_and_full_price,
    r_fee_12_free_services_quote_zero,
    quote_refusals_name_their_field,
    quote_for_a_stored_person_reads_their_income_and_records_it,
    quote_roles_that_may_not,
);

async fn quote(app: &TestApp, token: &str, body: Value) -> Reply {
    app.post("/api/v1/fee-quotes", token, body).await
}

fn alone(income: &str) -> Value {
    json!({ "members": [{ "monthly_income": income }] })
}

async fn r_fee_1_quote_for_a_household_with_its_breakdown(app: TestApp) {
    let worker = app.token("social_worker").await;
    // 500 EUR alone in 2025 (2V = 442 < 500 < 3V = 663): 5 % = 25.00;
    // 20 h × 6.50 = 130.00; room above the floor 58.00.
    let reply = quote(
        &app,
        &worker,
        json!({ "service_type": "home_help", "on": "2025-06-01", "household": alone("500.00"), "hours": "20" }),
    )
    .await;
    let b = reply.assert_status(200);
    assert_eq!(b["fee_rule"], "R-FEE-1");
    assert_eq!(b["fee"], "25.00");
    assert_eq!(b["cost"], "130.00");
    assert_eq!(b["cap_rate"], "0.05");
    assert_eq!(b["cap_amount"], "25.00");
    assert_eq!(b["floor_room"], "58.00");
    assert_eq!(b["band"], "above2_below3");
    assert_eq!(b["limited_by"], "cap");
    assert_eq!(b["income"]["members"], 1);
    assert_eq!(b["income"]["income_per_member"], "500.00");
    assert_eq!(b["income"]["vrp"], "221.00");
    assert_eq!(b["income"]["months"], json!([]));
    let vrp = b["rates_used"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "vrp")
        .unwrap();
    assert_eq!(vrp["value"], "221");
    assert_eq!(vrp["effective_from"], "2025-01-01");
    // Respite follows the same rule.
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "respite", "on": "2025-06-01", "household": alone("663.00"), "hours": "20" }),
    )
    .await;
    // 3 VRP: 10 % of 663 = 66.30.
    assert_eq!(b.assert_status(200)["fee"], "66.30");
    // A family's service: the share of the family's total; the tier by the
    // average per member (1000 / 2 = 500: 5 % of 1000 = 50, room 116).
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "home_help", "on": "2025-06-01", "hours": "100",
                "household": { "members": [{ "monthly_income": "1000" }, { "monthly_income": "0" }], "service_for_family": true } }),
    )
    .await;
    let b = b.assert_status(200);
    assert_eq!(b["income"]["members"], 2);
    assert_eq!(b["income"]["base_income"], "1000.00");
    assert_eq!(b["fee"], "50.00");
}

async fn r_fee_0_quote_at_exactly_two_vrp_of_2024_is_free(app: TestApp) {
    let worker = app.token("social_worker").await;
    let body = |income: &str| json!({ "service_type": "home_help", "on": "2024-05-01", "household": alone(income), "hours": "20" });
    let b = quote(&app, &worker, body("352.00")).await;
    let b = b.assert_status(200);
    assert_eq!(b["fee"], "0.00");
    assert_eq!(b["band"], "up_to2_free");
    assert_eq!(b["limited_by"], "free");
    // One cent above: pays, but only the cent above the floor (R-FEE-2).
    let b = quote(&app, &worker, body("352.01")).await;
    let b = b.assert_status(200);
    assert_eq!(b["fee"], "0.01");
    assert_eq!(b["limited_by"], "floor");
}

async fn r_fee_5_quote_transport_by_tier_and_vrp(app: TestApp) {
    let worker = app.token("social_worker").await;
    let fare = |on: &'static str, income: &'static str| {
        let app = &app;
        let worker = &worker;
        async move {
            quote(
                app,
                worker,
                json!({ "service_type": "transport", "on": on, "household": alone(income), "km_one_way": "25" }),
            )
            .await
            .assert_status(200)
            .clone()
        }
    };
    // 25 km one way: 50 km charged.
    let b = fare("2025-06-01", "500.00").await;
    assert_eq!(b["fee_rule"], "R-FEE-5");
    assert_eq!(b["transport_tier"], "above2_below3");
    assert_eq!(b["trips"][0]["km_charged"], "50");
    assert_eq!(b["trips"][0]["per_km"], "0.05");
    assert_eq!(b["cost"], "16.00");
    assert_eq!(b["fee"], "2.50");
    assert_eq!(b["limited_by"], "tariff");
    let kinds: Vec<&str> = b["rates_used"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"transport_km_price"));
    assert!(kinds.contains(&"transport_tariff_2_3"));
    assert_eq!(fare("2025-06-01", "442.00").await["fee"], "0.00");
    assert_eq!(fare("2025-06-01", "662.99").await["fee"], "2.50");
    let b = fare("2025-06-01", "663.00").await;
    assert_eq!(b["fee"], "4.00");
    assert_eq!(b["trips"][0]["per_km"], "0.08");
    // Exactly 4 VRP pays 0.16 ("4 VRP ir daugiau").
    assert_eq!(fare("2025-06-01", "884.00").await["fee"], "8.00");
    assert_eq!(fare("2025-06-01", "883.99").await["fee"], "4.00");
    // The VRP of 2024: 4 × 176 = 704.
    assert_eq!(fare("2024-06-01", "704.00").await["fee"], "8.00");
    assert_eq!(fare("2024-06-01", "703.99").await["fee"], "4.00");
    assert_eq!(fare("2024-06-01", "352.00").await["fee"], "0.00");
    assert_eq!(fare("2024-06-01", "352.01").await["fee"], "0.01");
}

async fn r_fee_2_quote_transport_floor_takes_the_rest(app: TestApp) {
    let worker = app.token("social_worker").await;
    // 443 EUR alone: 1.00 above 2 VRP; 100 km one way at 0.05 = 10.00.
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "transport", "on": "2025-06-01", "household": alone("443.00"), "km_one_way": "100" }),
    )
    .await;
    let b = b.assert_status(200);
    assert_eq!(b["floor_room"], "1.00");
    assert_eq!(b["fee"], "1.00");
    assert_eq!(b["limited_by"], "floor");
    assert_eq!(b["trips"][0]["fare"], "10.00");
    assert_eq!(b["trips"][0]["reduction"], "9.00");
    assert_eq!(b["trips"][0]["charged"], "1.00");
}

async fn r_fee_6_r_fee_7_free_destination_and_full_price(app: TestApp) {
    let worker = app.token("social_worker").await;
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "transport", "on": "2025-06-01", "household": alone("2000"), "km_one_way": "30", "destination_free": true }),
    )
    .await;
    let b = b.assert_status(200);
    assert_eq!(b["fee"], "0.00");
    assert_eq!(b["cost"], "19.20");
    assert_eq!(b["trips"][0]["destination_free"], true);
    // The full price needs no income: 0.32 × 50 = 16.00.
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "transport", "on": "2025-06-01", "km_one_way": "25", "full_price": true }),
    )
    .await;
    let b = b.assert_status(200);
    assert_eq!(b["fee"], "16.00");
    assert_eq!(b["transport_tier"], "full_price");
    assert_eq!(b["income"], Value::Null);
    assert_eq!(b["limited_by"], "cost");
}

async fn r_fee_12_free_services_quote_zero(app: TestApp) {
    let worker = app.token("social_worker").await;
    for service in [
        "meals",
        "meal_coupons",
        "overnight_shelter",
        "social_skills",
    ] {
        let b = quote(
            &app,
            &worker,
            json!({ "service_type": service, "on": "2025-06-01", "household": alone("5000") }),
        )
        .await;
        let b = b.assert_status(200);
        assert_eq!(b["fee"], "0.00", "{service}");
        assert_eq!(b["fee_rule"], Value::Null);
        assert_eq!(b["limited_by"], "free");
    }
    // Technical aids need the aid type.
    let reply = quote(
        &app,
        &worker,
        json!({ "service_type": "technical_aids", "on": "2025-06-01", "household": alone("500") }),
    )
    .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "aid_type");
}

fn field(reply: &Reply) -> (String, String) {
    let e = &reply.body["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().to_owned(),
        e["code"].as_str().unwrap_or_default().to_owned(),
    )
}

async fn quote_refusals_name_their_field(app: TestApp) {
    let worker = app.token("social_worker").await;
    let cases = [
        (
            json!({ "service_type": "transport", "on": "2025-06-01", "household": alone("500"), "km_one_way": "-1" }),
            "km_one_way",
            "negative",
        ),
        (
            json!({ "service_type": "transport", "on": "2025-06-01", "household": alone("500") }),
            "km_one_way",
            "required",
        ),
        (
            json!({ "service_type": "home_help", "on": "2025-06-01", "household": alone("500") }),
            "hours",
            "required",
        ),
        (
            json!({ "service_type": "home_help", "on": "2025-06-01", "hours": "20" }),
            "person_id",
            "required",
        ),
        (
            json!({ "service_type": "massage", "on": "2025-06-01", "household": alone("500"), "hours": "20" }),
            "service_type",
            "unknown_service_type",
        ),
        (
            json!({ "service_type": "home_help", "on": "2025-06-01", "household": alone("-5"), "hours": "20" }),
            "household.members[0].monthly_income",
            "range",
        ),
        (
            json!({ "service_type": "home_help", "on": "2025-06-01", "household": alone("500"), "hours": "745" }),
            "hours",
            "range",
        ),
    ];
    for (body, name, code) in cases {
        let reply = quote(&app, &worker, body.clone()).await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(field(&reply), (name.to_owned(), code.to_owned()), "{body}");
        assert!(
            reply.body["detail"].is_string(),
            "a problem with its detail: {body}"
        );
    }
    let reply = quote(
        &app,
        &worker,
        json!({ "service_type": "transport", "on": "2025-06-01", "household": alone("500"), "km_one_way": "-1" }),
    )
    .await;
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("R-FEE-4"),
        "names the rule"
    );
    // NUL in text: refused, never a 500.
    quote(
        &app,
        &worker,
        json!({ "service_type": "home\u{0}help", "on": "2025-06-01", "household": alone("500"), "hours": "20" }),
    )
    .await
    .assert_problem(422, "validation_failed");
}

async fn quote_for_a_stored_person_reads_their_income_and_records_it(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Ona", "last_name": "Kainuojanti", "declared_address": "Vytauto g. 1, Kelmė" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let months: Vec<Value> = (8..=10)
        .map(|m| json!({ "year": 2026, "month": m, "amount": "700.00", "source": "sodra" }))
        .collect();
    app.post(
        &format!("/api/v1/persons/{person}/income/months"),
        &worker,
        json!({ "months": months }),
    )
    .await
    .assert_status(201);
    // 2026: V = 233, 3V = 699 ≤ 700: 10 % = 70.00.
    let body = json!({ "service_type": "home_help", "on": "2026-11-10", "person_id": person, "hours": "20" });
    let b = quote(&app, &worker, body.clone()).await;
    let b = b.assert_status(200);
    assert_eq!(b["fee"], "70.00");
    assert_eq!(b["band"], "from3_to4");
    assert_eq!(
        b["income"]["months"],
        json!(["2026-08", "2026-09", "2026-10"])
    );
    let auditor = app.token("auditor").await;
    let reads = app.audit(&auditor, "action=fee.quote_read").await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0]["entity_id"], person);
    // Without a purpose: refused.
    let reply = app
        .send(
            app.request(Method::POST, "/api/v1/fee-quotes")
                .bearer_auth(&worker)
                .json(&body),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    // A month without income: income_incomplete.
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "home_help", "on": "2026-12-10", "person_id": person, "hours": "20" }),
    )
    .await;
    b.assert_problem(422, "income_incomplete");
    // Another municipality does not see the person.
    let kaunas = app.token("kaunas_worker").await;
    quote(&app, &kaunas, body)
        .await
        .assert_problem(404, "not_found");
    // A stored person's quote stored nothing.
    assert_eq!(app.count("SELECT COUNT(*) FROM fee_records").await, 0);
}

async fn quote_roles_that_may_not(app: TestApp) {
    let body = json!({ "service_type": "home_help", "on": "2025-06-01", "household": alone("500"), "hours": "20" });
    for user in ["admin", "auditor", "case_management_head"] {
        let token = app.token(user).await;
        quote(&app, &token, body.clone())
            .await
            .assert_problem(403, "forbidden");
    }
    for user in [
        "social_worker",
        "case_manager",
        "division_specialist",
        "division_head",
    ] {
        let token = app.token(user).await;
        quote(&app, &token, body.clone()).await.assert_status(200);
    }
    let reply = app
        .send(app.request(Method::POST, "/api/v1/fee-quotes").json(&body))
        .await;
    assert_eq!(reply.status, 401);
}

async fn r_fee_8_r_fee_9_a_care_quote_with_the_seeds_figures(app: TestApp) {
    let worker = app.token("social_worker").await;
    // 80 % of 600 = 480 + the target compensation 100 + 1 % of 10,000 over
    // the normative (an adult in long-term care since 2020) = 680, below
    // the seeded price 1,100.
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "group_living_long_term", "on": "2025-06-01",
                "household": alone("600"), "target_compensation": "100",
                "assets_over_normative": "10000", "care_started_on": "2020-03-01" }),
    )
    .await;
    let b = b.assert_status(200);
    assert_eq!(b["fee_rule"], "R-FEE-8");
    assert_eq!(b["care"]["income_part"], "480.00");
    assert_eq!(b["care"]["compensation_part"], "100.00");
    assert_eq!(b["care"]["asset_part"], "100.00");
    assert_eq!(b["care"]["asset_rule_applies"], true);
    assert_eq!(b["care"]["monthly_fee"], "680.00");
    assert_eq!(b["care"]["price"], "1100.00");
    assert_eq!(b["fee"], "680.00");
    // Care begun before 2007-01-02: no asset part; short-term care never.
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "group_living_long_term", "on": "2025-06-01",
                "household": alone("600"), "assets_over_normative": "10000",
                "care_started_on": "2007-01-01" }),
    )
    .await;
    assert_eq!(b.assert_status(200)["care"]["monthly_fee"], "480.00");
    // Capped at the price given; 5 days away in June (30 days): 3 in full,
    // 2 at 30 %: 1000 / 30 × (28 + 0.6) = 953.33.
    let b = quote(
        &app,
        &worker,
        json!({ "service_type": "group_living_short_term", "on": "2025-06-01",
                "household": alone("2000"), "care_price": "1000", "days_absent": 5 }),
    )
    .await;
    let b = b.assert_status(200);
    assert_eq!(b["care"]["limit"], "price");
    assert_eq!(b["care"]["monthly_fee"], "1000.00");
    assert_eq!(b["care"]["absence_days_full"], 3);
    assert_eq!(b["care"]["absence_days_reduced"], 2);
    assert_eq!(b["fee"], "953.33");
    // Refusals: a negative price, more days away than the month has.
    quote(
        &app,
        &worker,
        json!({ "service_type": "group_living_short_term", "on": "2025-06-01",
                "household": alone("600"), "care_price": "-1" }),
    )
    .await
    .assert_problem(422, "validation_failed");
    quote(
        &app,
        &worker,
        json!({ "service_type": "group_living_short_term", "on": "2025-06-01",
                "household": alone("600"), "days_absent": 31 }),
    )
    .await
    .assert_problem(422, "validation_failed");
}

async fn r_fee_10_r_fee_11_an_aid_quote_from_the_price_table(app: TestApp) {
    let worker = app.token("social_worker").await;
    for (aid, newness, fee, refund) in [
        ("automatic_bed", "new", "72.00", "29.00"),
        ("automatic_bed", "used", "35.00", "15.00"),
        ("manual_bed", "new", "43.00", "15.00"),
        ("manual_bed", "used", "20.00", "8.00"),
        ("commode_chair", "new", "6.00", "0.00"),
        ("commode_chair", "used", "3.00", "0.00"),
        ("walker_with_table", "new", "9.00", "0.00"),
        ("walker_with_table", "used", "5.00", "0.00"),
    ] {
        let b = quote(
            &app,
            &worker,
            json!({ "service_type": "technical_aids", "on": "2025-06-01",
                    "aid_type": aid, "newness": newness }),
        )
        .await;
        let b = b.assert_status(200);
        assert_eq!(b["fee"], fee, "{aid} {newness}");
        assert_eq!(b["fee_rule"], "R-FEE-10");
        assert_eq!(b["aid"]["refund"], refund, "{aid} {newness}");
        assert_eq!(b["aid"]["price_valid_from"], "2017-01-02");
        assert_eq!(b["aid"]["refund_until"], "2026-06-01");
    }
    // R-FEE-10 since 2017-01-02: no price before.
    quote(
        &app,
        &worker,
        json!({ "service_type": "technical_aids", "on": "2017-01-01", "aid_type": "manual_bed" }),
    )
    .await
    .assert_problem(422, "rate_missing");
    quote(
        &app,
        &worker,
        json!({ "service_type": "technical_aids", "on": "2025-06-01", "aid_type": "sofa" }),
    )
    .await
    .assert_problem(422, "validation_failed");
}
