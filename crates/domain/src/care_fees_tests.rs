use super::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;
use time::macros::date;

fn input(income: Decimal, price: Decimal) -> CareFeeInput {
    CareFeeInput {
        income,
        target_compensation: Decimal::ZERO,
        assets_over_normative: Decimal::ZERO,
        adult: true,
        long_term: true,
        care_started_on: date!(2020 - 03 - 01),
        price,
        shares: CareShares::default(),
    }
}

const NOVEMBER: YearMonth = YearMonth {
    year: 2026,
    month: 11,
};

#[test]
fn r_fee_8_the_fee_is_80_percent_of_income_below_the_price() {
    let fee = care_fee(&input(dec!(600), dec!(1500)));
    assert_eq!(fee.income_part, dec!(480.00));
    assert_eq!(fee.monthly_fee, dec!(480.00));
    assert_eq!(fee.limit, CareFeeLimit::IncomeShare);
}

#[test]
fn r_fee_8_the_target_compensation_goes_100_percent_to_the_fee() {
    let mut i = input(dec!(600), dec!(1500));
    i.target_compensation = dec!(246.75);
    let fee = care_fee(&i);
    assert_eq!(fee.compensation_part, dec!(246.75));
    assert_eq!(fee.monthly_fee, dec!(726.75));
}

#[test]
fn r_fee_8_one_percent_of_assets_over_the_normative_for_an_adult_in_long_term_care() {
    let mut i = input(dec!(600), dec!(1500));
    i.assets_over_normative = dec!(20000);
    let fee = care_fee(&i);
    assert!(fee.asset_rule_applies);
    assert_eq!(fee.asset_part, dec!(200.00));
    assert_eq!(fee.monthly_fee, dec!(680.00));
}

#[test]
fn r_fee_8_the_asset_part_applies_only_after_2007_01_01() {
    let mut i = input(dec!(600), dec!(1500));
    i.assets_over_normative = dec!(20000);
    i.care_started_on = date!(2007 - 01 - 01);
    assert!(!care_fee(&i).asset_rule_applies);
    assert_eq!(care_fee(&i).monthly_fee, dec!(480.00));
    i.care_started_on = date!(2007 - 01 - 02);
    assert!(care_fee(&i).asset_rule_applies);
    assert_eq!(care_fee(&i).monthly_fee, dec!(680.00));
}

#[test]
fn r_fee_8_no_asset_part_for_children_or_short_term_care() {
    let mut i = input(dec!(600), dec!(1500));
    i.assets_over_normative = dec!(20000);
    i.adult = false;
    assert_eq!(care_fee(&i).asset_part, Decimal::ZERO);
    i.adult = true;
    i.long_term = false;
    assert_eq!(care_fee(&i).asset_part, Decimal::ZERO);
}

#[test]
fn r_fee_8_the_fee_never_exceeds_the_price_of_care() {
    let mut i = input(dec!(1200), dec!(1000));
    i.target_compensation = dec!(300);
    let fee = care_fee(&i);
    assert_eq!(fee.uncapped, dec!(1260.00));
    assert_eq!(fee.monthly_fee, dec!(1000.00));
    assert_eq!(fee.limit, CareFeeLimit::Price);
    // At exactly the price, the parts decide.
    let at = care_fee(&input(dec!(1250), dec!(1000)));
    assert_eq!(at.monthly_fee, dec!(1000.00));
    assert_eq!(at.limit, CareFeeLimit::IncomeShare);
}

#[test]
fn r_fee_8_rounds_half_up_once_at_the_end() {
    // 80 % of 333.33 = 266.664 → 266.66; of 333.35 = 266.68.
    assert_eq!(
        care_fee(&input(dec!(333.33), dec!(1500))).monthly_fee,
        dec!(266.66)
    );
    assert_eq!(
        care_fee(&input(dec!(333.3125), dec!(1500))).monthly_fee,
        dec!(266.65)
    );
}

#[test]
fn r_fee_9_a_whole_month_without_absences_is_the_monthly_fee() {
    let m = care_month(
        dec!(480),
        NOVEMBER,
        date!(2026 - 01 - 01),
        None,
        &[],
        dec!(0.30),
    )
    .unwrap();
    assert_eq!(m.days_in_month, 30);
    assert_eq!(m.days_in_care, 30);
    assert_eq!(m.daily_fee, dec!(16));
    assert_eq!(m.amount, dec!(480.00));
}

#[test]
fn r_fee_9_five_days_away_three_in_full_two_at_30_percent() {
    let away = [Absence {
        from: date!(2026 - 11 - 10),
        to: date!(2026 - 11 - 14),
    }];
    let m = care_month(
        dec!(480),
        NOVEMBER,
        date!(2026 - 01 - 01),
        None,
        &away,
        dec!(0.30),
    )
    .unwrap();
    assert_eq!(m.absence_days_full, 3);
    assert_eq!(m.absence_days_reduced, 2);
    // 28 days × 16 + 2 × 16 × 0.30 = 448 + 9.60.
    assert_eq!(m.amount, dec!(457.60));
}

#[test]
fn r_fee_9_three_days_away_or_fewer_change_nothing() {
    let away = [Absence {
        from: date!(2026 - 11 - 10),
        to: date!(2026 - 11 - 12),
    }];
    let m = care_month(
        dec!(480),
        NOVEMBER,
        date!(2026 - 01 - 01),
        None,
        &away,
        dec!(0.30),
    )
    .unwrap();
    assert_eq!(m.absence_days_full, 3);
    assert_eq!(m.absence_days_reduced, 0);
    assert_eq!(m.amount, dec!(480.00));
}

#[test]
fn r_fee_9_an_absence_from_the_month_before_counts_its_days_from_its_start() {
    // Away from 30 October: 30, 31 Oct and 1 Nov in full, from 2 Nov at 30 %.
    let away = [Absence {
        from: date!(2026 - 10 - 30),
        to: date!(2026 - 11 - 04),
    }];
    let m = care_month(
        dec!(480),
        NOVEMBER,
        date!(2026 - 01 - 01),
        None,
        &away,
        dec!(0.30),
    )
    .unwrap();
    assert_eq!(m.absence_days_full, 1);
    assert_eq!(m.absence_days_reduced, 3);
    assert_eq!(m.amount, dec!(446.40));
}

#[test]
fn r_fee_9_a_stay_starting_within_the_month_pays_its_days_only() {
    let m = care_month(
        dec!(480),
        NOVEMBER,
        date!(2026 - 11 - 21),
        None,
        &[],
        dec!(0.30),
    )
    .unwrap();
    assert_eq!(m.days_in_care, 10);
    assert_eq!(m.amount, dec!(160.00));
    let ended = care_month(
        dec!(480),
        NOVEMBER,
        date!(2026 - 01 - 01),
        Some(date!(2026 - 11 - 05)),
        &[],
        dec!(0.30),
    )
    .unwrap();
    assert_eq!(ended.days_in_care, 5);
    assert_eq!(ended.amount, dec!(80.00));
}

#[test]
fn r_fee_9_the_daily_fee_divides_by_the_days_of_that_month() {
    let feb = YearMonth {
        year: 2026,
        month: 2,
    };
    let m = care_month(dec!(560), feb, date!(2026 - 02 - 15), None, &[], dec!(0.30)).unwrap();
    assert_eq!(m.days_in_month, 28);
    assert_eq!(m.daily_fee, dec!(20));
    assert_eq!(m.amount, dec!(280.00));
}

fn money() -> impl Strategy<Value = Decimal> {
    (0i64..500_000).prop_map(|c| Decimal::new(c, 2))
}

proptest! {
    #[test]
    fn r_fee_8_never_negative_never_above_the_price(
        income in money(),
        compensation in money(),
        assets in (0i64..10_000_000).prop_map(|c| Decimal::new(c, 2)),
        price in money(),
        adult in any::<bool>(),
        long_term in any::<bool>(),
        started in 0i64..12_000,
    ) {
        let fee = care_fee(&CareFeeInput {
            income,
            target_compensation: compensation,
            assets_over_normative: assets,
            adult,
            long_term,
            care_started_on: date!(1995 - 01 - 01) + Duration::days(started),
            price,
            shares: CareShares::default(),
        });
        prop_assert!(fee.monthly_fee >= Decimal::ZERO);
        prop_assert!(fee.monthly_fee <= price);
        prop_assert!(fee.income_part <= income * dec!(0.80));
    }

    #[test]
    fn r_fee_9_absences_never_raise_the_fee_and_the_month_stays_within_the_fee(
        fee in money(),
        start in 0i64..60,
        length in 0i64..40,
        away in prop::collection::vec((0i64..40, 0i64..15), 0..4),
    ) {
        let stay_from = date!(2026 - 10 - 15) + Duration::days(start);
        let stay_to = (length < 35).then(|| stay_from + Duration::days(length));
        let absences: Vec<Absence> = away
            .iter()
            .map(|(s, l)| {
                let from = date!(2026 - 10 - 25) + Duration::days(*s);
                Absence { from, to: from + Duration::days(*l) }
            })
            .collect();
        let without = care_month(fee, NOVEMBER, stay_from, stay_to, &[], dec!(0.30)).unwrap();
        let with = care_month(fee, NOVEMBER, stay_from, stay_to, &absences, dec!(0.30)).unwrap();
        prop_assert!(with.amount >= Decimal::ZERO);
        prop_assert!(with.amount <= without.amount);
        prop_assert!(without.amount <= round_money(fee));
    }
}
