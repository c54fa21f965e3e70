//! Tests of transport (R-FEE-4 … R-FEE-7) and day care (R-FEE-13), with the
//! seed's figures and the tier boundaries at the VRP of 2024 (176) and 2025
//! (221).

use super::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;

const VRP_2024: Decimal = dec!(176);
const VRP_2025: Decimal = dec!(221);

fn by_income(i: Decimal, members: u32, vrp: Decimal) -> TransportPayer {
    TransportPayer::ByIncome {
        income_per_member: i,
        members,
        vrp,
    }
}

fn trip(km: Decimal) -> Trip {
    Trip {
        km_one_way: km,
        destination_free: false,
    }
}

#[test]
fn r_fee_4_full_price_is_0_32_per_km_there_and_back() {
    let rates = TransportRates::default();
    assert_eq!(rates.km_price, dec!(0.32));
    // 25 km to the drop-off point: 50 km charged, 16.00 EUR at full price.
    let fare = transport_fare(trip(dec!(25)), &TransportPayer::FullPrice, &rates);
    assert_eq!(fare.km_charged, dec!(50));
    assert_eq!(fare.cost, dec!(16.00));
    assert_eq!(fare.fare, dec!(16.00));
}

#[test]
fn r_fee_5_tariffs_are_exactly_0_05_0_08_0_16() {
    let rates = TransportRates::default();
    assert_eq!(rates.tariff_2_3, dec!(0.05));
    assert_eq!(rates.tariff_3_4, dec!(0.08));
    assert_eq!(rates.tariff_4, dec!(0.16));
    // 15 % of 0.32 is 0.048, rounded to cents 0.05 (the seed's figure).
    assert_eq!(round_money(dec!(0.32) * dec!(0.15)), rates.tariff_2_3);
    assert_eq!(round_money(dec!(0.32) * dec!(0.25)), rates.tariff_3_4);
    assert_eq!(round_money(dec!(0.32) * dec!(0.50)), rates.tariff_4);
}

#[test]
fn r_fee_5_tiers_at_the_2025_vrp_boundaries() {
    let rates = TransportRates::default();
    let t = |i| transport_tariff(i, VRP_2025, &rates);
    assert_eq!(t(dec!(441.99)), (TransportTier::UpTo2Free, dec!(0)));
    assert_eq!(t(dec!(442.00)), (TransportTier::UpTo2Free, dec!(0)));
    assert_eq!(t(dec!(442.01)), (TransportTier::Above2Below3, dec!(0.05)));
    assert_eq!(t(dec!(662.99)), (TransportTier::Above2Below3, dec!(0.05)));
    assert_eq!(t(dec!(663.00)), (TransportTier::From3To4, dec!(0.08)));
    assert_eq!(t(dec!(883.99)), (TransportTier::From3To4, dec!(0.08)));
    // "4 VRP ir daugiau": exactly 4 VRP pays 0.16, and so does 5 VRP.
    assert_eq!(t(dec!(884.00)), (TransportTier::From4, dec!(0.16)));
    assert_eq!(t(dec!(1105.00)), (TransportTier::From4, dec!(0.16)));
}

#[test]
fn r_fee_5_tiers_at_the_2024_vrp_boundaries() {
    let rates = TransportRates::default();
    let t = |i| transport_tariff(i, VRP_2024, &rates).1;
    assert_eq!(t(dec!(352.00)), dec!(0));
    assert_eq!(t(dec!(352.01)), dec!(0.05));
    assert_eq!(t(dec!(527.99)), dec!(0.05));
    assert_eq!(t(dec!(528.00)), dec!(0.08));
    assert_eq!(t(dec!(703.99)), dec!(0.08));
    assert_eq!(t(dec!(704.00)), dec!(0.16));
}

#[test]
fn r_fee_5_fare_of_a_trip_per_tier() {
    let rates = TransportRates::default();
    // 40 km one way: 80 km charged.
    let fare = |i| transport_fare(trip(dec!(40)), &by_income(i, 1, VRP_2025), &rates).fare;
    assert_eq!(fare(dec!(442.00)), dec!(0));
    assert_eq!(fare(dec!(500.00)), dec!(4.00));
    assert_eq!(fare(dec!(700.00)), dec!(6.40));
    assert_eq!(fare(dec!(900.00)), dec!(12.80));
}

#[test]
fn r_fee_6_free_destination_costs_nothing_whatever_the_income() {
    let rates = TransportRates::default();
    let to_clinic = Trip {
        km_one_way: dec!(30),
        destination_free: true,
    };
    for payer in [
        by_income(dec!(2000), 1, VRP_2025),
        TransportPayer::FullPrice,
    ] {
        let fare = transport_fare(to_clinic, &payer, &rates);
        assert_eq!(fare.fare, dec!(0));
        assert_eq!(fare.cost, dec!(19.20), "the price is still shown");
    }
}

#[test]
fn r_fee_7_full_price_choice_needs_no_income_and_has_no_floor() {
    let rates = TransportRates::default();
    let month = transport_month(
        &[trip(dec!(25)), trip(dec!(10))],
        &TransportPayer::FullPrice,
        &rates,
    );
    assert_eq!(month.floor_room, None);
    assert_eq!(month.total, dec!(22.40));
    assert_eq!(month.limited_by, FeeLimit::Cost);
    assert_eq!(month.trips[0].fare.tier, TransportTier::FullPrice);
}

#[test]
fn r_fee_5_r_fee_2_the_floor_applies_to_the_month_together() {
    let rates = TransportRates::default();
    // 445 EUR alone: 3.00 EUR above 2 VRP. Three trips of 10 km one way at
    // 0.05 = 1.00 EUR each; a fourth would take the month below 2 VRP.
    let trips = [trip(dec!(10)); 4];
    let month = transport_month(&trips, &by_income(dec!(445), 1, VRP_2025), &rates);
    assert_eq!(month.fares, dec!(4.00));
    assert_eq!(month.floor_room, Some(dec!(3.00)));
    assert_eq!(month.total, dec!(3.00));
    assert_eq!(month.limited_by, FeeLimit::Floor);
    let reductions: Vec<_> = month.trips.iter().map(|t| t.reduction).collect();
    assert_eq!(reductions, vec![dec!(0), dec!(0), dec!(0), dec!(1.00)]);
    // Without the fourth trip the tariff decides.
    let month = transport_month(&trips[..3], &by_income(dec!(445), 1, VRP_2025), &rates);
    assert_eq!(month.total, dec!(3.00));
    assert_eq!(month.limited_by, FeeLimit::Tariff);
}

#[test]
fn r_fee_5_free_up_to_two_vrp() {
    let rates = TransportRates::default();
    let month = transport_month(
        &[trip(dec!(50))],
        &by_income(dec!(442), 2, VRP_2025),
        &rates,
    );
    assert_eq!(month.total, dec!(0));
    assert_eq!(month.limited_by, FeeLimit::Free);
}

#[test]
fn r_fee_13_alone_caps_at_the_boundaries() {
    let caps = DayCareCaps::default();
    let rate = |i| day_care_cap_rate(i, VRP_2025, true, &caps);
    assert_eq!(rate(dec!(441.99)), dec!(0.10));
    assert_eq!(rate(dec!(442.00)), dec!(0.15));
    assert_eq!(rate(dec!(662.99)), dec!(0.15));
    assert_eq!(rate(dec!(663.00)), dec!(0.20));
    assert_eq!(rate(dec!(5000)), dec!(0.20));
}

#[test]
fn r_fee_13_family_caps_at_the_boundaries() {
    let caps = DayCareCaps::default();
    let rate = |i, v| day_care_cap_rate(i, v, false, &caps);
    assert_eq!(rate(dec!(441.99), VRP_2025), dec!(0.10));
    assert_eq!(rate(dec!(442.00), VRP_2025), dec!(0.20));
    assert_eq!(rate(dec!(663.00), VRP_2025), dec!(0.30));
    assert_eq!(rate(dec!(884.00), VRP_2025), dec!(0.40));
    assert_eq!(rate(dec!(1104.99), VRP_2025), dec!(0.40));
    assert_eq!(rate(dec!(1105.00), VRP_2025), dec!(0.50));
    assert_eq!(rate(dec!(351.99), VRP_2024), dec!(0.10));
    assert_eq!(rate(dec!(352.00), VRP_2024), dec!(0.20));
    assert_eq!(rate(dec!(880.00), VRP_2024), dec!(0.50));
}

#[test]
fn r_fee_13_fee_is_the_cost_or_the_cap() {
    let input = DayCareFeeInput {
        income_per_member: dec!(500),
        members: 1,
        fee_base_income: dec!(500),
        vrp: VRP_2025,
        cost: dec!(100),
        caps: DayCareCaps::default(),
    };
    // 15 % of 500 = 75 < 100.
    let calc = day_care_fee(input);
    assert_eq!(calc.fee, dec!(75.00));
    assert_eq!(calc.limited_by, FeeLimit::Cap);
    let calc = day_care_fee(DayCareFeeInput {
        cost: dec!(50),
        ..input
    });
    assert_eq!(calc.fee, dec!(50.00));
    assert_eq!(calc.limited_by, FeeLimit::Cost);
}

fn money() -> impl Strategy<Value = Decimal> {
    (0i64..300_000).prop_map(|cents| Decimal::new(cents, 2))
}

fn km() -> impl Strategy<Value = Decimal> {
    (0i64..20_000).prop_map(|tenths| Decimal::new(tenths, 1))
}

proptest! {
    #[test]
    fn r_fee_5_fares_are_exactly_the_per_km_tariffs(i in money(), km in km()) {
        let rates = TransportRates::default();
        let fare = transport_fare(trip(km), &by_income(i, 1, VRP_2025), &rates);
        prop_assert!([dec!(0), dec!(0.05), dec!(0.08), dec!(0.16)].contains(&fare.per_km));
        prop_assert_eq!(fare.fare, round_money(km * Decimal::TWO * fare.per_km));
        prop_assert!(fare.fare >= Decimal::ZERO);
        prop_assert!(fare.fare <= fare.cost, "never above the price");
    }

    #[test]
    fn r_fee_2_transport_month_keeps_two_vrp_per_member(
        i in money(),
        members in 1u32..6,
        kms in proptest::collection::vec(km(), 0..25),
    ) {
        let rates = TransportRates::default();
        let trips: Vec<Trip> = kms.into_iter().map(trip).collect();
        let month = transport_month(&trips, &by_income(i, members, VRP_2025), &rates);
        prop_assert!(month.total >= Decimal::ZERO);
        prop_assert!(month.total <= month.cost);
        prop_assert!(month.total <= month.fares);
        for t in &month.trips {
            prop_assert!(t.charged >= Decimal::ZERO && t.reduction >= Decimal::ZERO);
        }
        if i > VRP_2025 * Decimal::TWO {
            let after = (i * Decimal::from(members) - month.total) / Decimal::from(members);
            prop_assert!(after >= VRP_2025 * Decimal::TWO);
        } else {
            prop_assert_eq!(month.total, Decimal::ZERO);
        }
    }

    #[test]
    fn r_fee_5_transport_monotone_in_income_within_a_tier(a in money(), b in money(), km in km()) {
        let rates = TransportRates::default();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let t = |i| transport_month(&[trip(km)], &by_income(i, 1, VRP_2025), &rates).total;
        if fee_band(lo, VRP_2025) == fee_band(hi, VRP_2025) {
            prop_assert!(t(lo) <= t(hi));
        }
    }

    #[test]
    fn r_fee_1_home_help_monotone_in_income_within_a_tier(a in money(), b in money(), hours in 0u32..100) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let fee = |i| super::super::home_help_fee(super::super::HomeHelpFeeInput {
            income_per_member: i,
            members: 1,
            fee_base_income: i,
            vrp: VRP_2025,
            hours: Decimal::from(hours),
            hourly_price: dec!(6.50),
            caps: super::super::HomeHelpCaps::default(),
        }).fee;
        if fee_band(lo, VRP_2025) == fee_band(hi, VRP_2025) {
            prop_assert!(fee(lo) <= fee(hi));
        }
    }

    #[test]
    fn r_fee_13_day_care_bounded_and_monotone(a in money(), b in money(), cost in money(), members in 1u32..5) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let fee = |i: Decimal| day_care_fee(DayCareFeeInput {
            income_per_member: i,
            members,
            fee_base_income: i * Decimal::from(members),
            vrp: VRP_2025,
            cost,
            caps: DayCareCaps::default(),
        }).fee;
        prop_assert!(fee(lo) >= Decimal::ZERO);
        prop_assert!(fee(lo) <= cost);
        if vrp_band(lo, VRP_2025) == vrp_band(hi, VRP_2025) {
            prop_assert!(fee(lo) <= fee(hi));
        }
    }
}
