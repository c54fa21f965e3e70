use super::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;
use time::macros::date;

fn price(t: AidType) -> AidPrice {
    AidPrice::since_2017(t)
}

#[test]
fn r_fee_10_fees_since_2017_01_02_new_and_used() {
    let cases = [
        (AidType::AutomaticBed, dec!(72), dec!(35)),
        (AidType::ManualBed, dec!(43), dec!(20)),
        (AidType::CommodeChair, dec!(6), dec!(3)),
        (AidType::WalkerWithTable, dec!(9), dec!(5)),
    ];
    for (t, new, used) in cases {
        assert_eq!(issue_fee(&price(t), Newness::New), new, "{t}");
        assert_eq!(issue_fee(&price(t), Newness::Used), used, "{t}");
    }
}

#[test]
fn r_fee_10_types_outside_the_price_table_are_free() {
    for t in [
        AidType::PressureMattress,
        AidType::BedsideTable,
        AidType::Wheelchair,
        AidType::Crutches,
    ] {
        assert_eq!(issue_fee(&price(t), Newness::New), Decimal::ZERO);
        assert_eq!(issue_fee(&price(t), Newness::Used), Decimal::ZERO);
    }
}

#[test]
fn r_fee_10_the_price_in_force_on_the_day_of_issue() {
    let old = AidPrice {
        valid_from: date!(2010 - 01 - 01),
        fee_new: dec!(60),
        ..price(AidType::AutomaticBed)
    };
    let prices = [old, price(AidType::AutomaticBed), price(AidType::ManualBed)];
    let on_first_day = price_in_force(&prices, AidType::AutomaticBed, date!(2017 - 01 - 02));
    assert_eq!(on_first_day.map(|p| p.fee_new), Some(dec!(72)));
    let day_before = price_in_force(&prices, AidType::AutomaticBed, date!(2017 - 01 - 01));
    assert_eq!(day_before.map(|p| p.fee_new), Some(dec!(60)));
    assert_eq!(
        price_in_force(&prices, AidType::AutomaticBed, date!(2009 - 12 - 31)),
        None
    );
    assert_eq!(
        price_in_force(&prices, AidType::CommodeChair, date!(2026 - 12 - 01)),
        None
    );
}

#[test]
fn r_fee_11_refunds_for_beds_returned_within_12_months() {
    let issued = date!(2025 - 03 - 10);
    let returned = date!(2025 - 09 - 01);
    let cases = [
        (AidType::AutomaticBed, Newness::New, dec!(29)),
        (AidType::AutomaticBed, Newness::Used, dec!(15)),
        (AidType::ManualBed, Newness::New, dec!(15)),
        (AidType::ManualBed, Newness::Used, dec!(8)),
    ];
    for (t, n, expected) in cases {
        let fee = issue_fee(&price(t), n);
        assert_eq!(
            refund(&price(t), n, fee, issued, returned),
            expected,
            "{t} {n:?}"
        );
    }
}

#[test]
fn r_fee_11_returned_on_the_same_day_12_months_later_still_earns_the_refund() {
    let p = price(AidType::AutomaticBed);
    let issued = date!(2025 - 03 - 10);
    assert_eq!(refund_until(issued), date!(2026 - 03 - 10));
    assert_eq!(
        refund(&p, Newness::New, dec!(72), issued, date!(2026 - 03 - 10)),
        dec!(29)
    );
    assert_eq!(
        refund(&p, Newness::New, dec!(72), issued, date!(2026 - 03 - 11)),
        Decimal::ZERO
    );
}

#[test]
fn r_fee_11_twelve_months_from_the_29th_of_february_end_on_the_28th() {
    let p = price(AidType::ManualBed);
    let issued = date!(2024 - 02 - 29);
    assert_eq!(refund_until(issued), date!(2025 - 02 - 28));
    assert_eq!(
        refund(&p, Newness::Used, dec!(20), issued, date!(2025 - 02 - 28)),
        dec!(8)
    );
    assert_eq!(
        refund(&p, Newness::Used, dec!(20), issued, date!(2025 - 03 - 01)),
        Decimal::ZERO
    );
}

#[test]
fn r_fee_11_no_refund_for_other_types_and_never_more_than_the_fee() {
    let issued = date!(2025 - 03 - 10);
    let chair = price(AidType::CommodeChair);
    assert_eq!(
        refund(&chair, Newness::New, dec!(6), issued, issued),
        Decimal::ZERO
    );
    let bed = price(AidType::AutomaticBed);
    assert_eq!(
        refund(&bed, Newness::New, dec!(10), issued, issued),
        dec!(10)
    );
    assert_eq!(
        refund(
            &bed,
            Newness::New,
            dec!(72),
            issued,
            issued - Duration::days(1)
        ),
        Decimal::ZERO
    );
}

#[test]
fn r_lim_6_return_due_30_days_after_death() {
    let died = date!(2026 - 11 - 15);
    assert_eq!(return_due_after_death(died), date!(2026 - 12 - 15));
    let due = Some(return_due_after_death(died));
    assert!(!return_overdue(due, None, date!(2026 - 12 - 15)));
    assert!(return_overdue(due, None, date!(2026 - 12 - 16)));
    assert!(!return_overdue(
        due,
        Some(date!(2026 - 12 - 20)),
        date!(2026 - 12 - 21)
    ));
    assert!(!return_overdue(None, None, date!(2027 - 12 - 16)));
}

#[test]
fn r_lim_6_the_027a_extract_is_valid_12_months() {
    let extract = date!(2025 - 12 - 03);
    assert_eq!(extract_valid_until(extract), date!(2026 - 12 - 03));
    assert_eq!(check_extract(extract, date!(2026 - 12 - 03)), Ok(()));
    assert_eq!(check_extract(extract, extract), Ok(()));
    assert_eq!(
        check_extract(extract, date!(2026 - 12 - 04)),
        Err(ExtractProblem::Expired)
    );
    assert_eq!(
        check_extract(extract, date!(2025 - 12 - 02)),
        Err(ExtractProblem::AfterIssue)
    );
}

#[test]
fn codes_round_trip() {
    for t in AidType::ALL {
        assert_eq!(t.as_str().parse::<AidType>(), Ok(t));
        assert_eq!(
            serde_json::to_value(t).ok(),
            Some(serde_json::Value::String(t.as_str().into()))
        );
    }
    assert!("bed".parse::<AidType>().is_err());
    for s in [
        AidStatus::Available,
        AidStatus::OnLoan,
        AidStatus::InRepair,
        AidStatus::WrittenOff,
    ] {
        assert_eq!(AidStatus::parse(s.as_str()), Some(s));
    }
    for c in [
        AidCondition::Good,
        AidCondition::Worn,
        AidCondition::Damaged,
    ] {
        assert_eq!(AidCondition::parse(c.as_str()), Some(c));
    }
    for n in [Newness::New, Newness::Used] {
        assert_eq!(Newness::parse(n.as_str()), Some(n));
    }
}

fn any_type() -> impl Strategy<Value = AidType> {
    (0..AidType::ALL.len()).prop_map(|i| AidType::ALL[i])
}

fn any_newness() -> impl Strategy<Value = Newness> {
    prop_oneof![Just(Newness::New), Just(Newness::Used)]
}

proptest! {
    #[test]
    fn r_fee_11_the_refund_is_never_above_the_fee_paid(
        t in any_type(),
        n in any_newness(),
        issued_days in 0_i64..20_000,
        kept in 0_i64..800,
        cents in 0_i64..20_000,
    ) {
        let issued = date!(2017 - 01 - 02) + Duration::days(issued_days);
        let p = price(t);
        let fee = Decimal::new(cents, 2);
        let r = refund(&p, n, fee, issued, issued + Duration::days(kept));
        prop_assert!(r >= Decimal::ZERO);
        prop_assert!(r <= fee);
        let paid = issue_fee(&p, n);
        let r = refund(&p, n, paid, issued, issued + Duration::days(kept));
        prop_assert!(r <= paid);
    }

    #[test]
    fn r_fee_11_no_refund_after_12_months(
        t in any_type(),
        n in any_newness(),
        issued_days in 0_i64..20_000,
        late in 1_i64..2_000,
    ) {
        let issued = date!(2017 - 01 - 02) + Duration::days(issued_days);
        let p = price(t);
        let returned = refund_until(issued) + Duration::days(late);
        prop_assert_eq!(refund(&p, n, issue_fee(&p, n), issued, returned), Decimal::ZERO);
    }

    #[test]
    fn r_fee_11_a_bed_within_12_months_gets_its_refund(
        bed in prop_oneof![Just(AidType::AutomaticBed), Just(AidType::ManualBed)],
        n in any_newness(),
        issued_days in 0_i64..20_000,
        kept in 0_i64..365,
    ) {
        let issued = date!(2017 - 01 - 02) + Duration::days(issued_days);
        let p = price(bed);
        let expected = match n { Newness::New => p.refund_new, Newness::Used => p.refund_used };
        prop_assert!(issued + Duration::days(kept) <= refund_until(issued));
        prop_assert_eq!(refund(&p, n, issue_fee(&p, n), issued, issued + Duration::days(kept)), expected);
    }

    #[test]
    fn r_fee_10_the_fee_is_never_negative_and_in_cents(
        t in any_type(),
        n in any_newness(),
        cents in -10_000_i64..100_000,
    ) {
        let p = AidPrice { fee_new: Decimal::new(cents, 3), fee_used: Decimal::new(cents, 3), ..price(t) };
        let fee = issue_fee(&p, n);
        prop_assert!(fee >= Decimal::ZERO);
        prop_assert_eq!(fee, round_money(fee));
    }

    #[test]
    fn r_lim_6_the_return_is_due_exactly_30_days_after_death(days in 0_i64..30_000) {
        let died = date!(2000 - 01 - 01) + Duration::days(days);
        let due = return_due_after_death(died);
        prop_assert_eq!((due - died).whole_days(), 30);
        prop_assert!(!return_overdue(Some(due), None, due));
        prop_assert!(return_overdue(Some(due), None, due + Duration::days(1)));
    }
}
