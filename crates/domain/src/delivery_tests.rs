use super::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;
use time::macros::date;

fn visit(on: Date, hours: Decimal) -> CountedVisit {
    CountedVisit { on, hours }
}

// Monday 7 December 2026 .. Sunday 13 December 2026 is one ISO week.
const MON: Date = date!(2026 - 12 - 07);
const TUE: Date = date!(2026 - 12 - 08);
const WED: Date = date!(2026 - 12 - 09);
const SUN: Date = date!(2026 - 12 - 13);
const NEXT_MON: Date = date!(2026 - 12 - 14);

#[test]
fn r_lim_1_schedule_from_1_to_10_hours_and_at_most_2_visits() {
    assert!(check_respite_schedule(dec!(1), 1).is_ok());
    assert!(check_respite_schedule(dec!(10), 2).is_ok());
    assert_eq!(
        check_respite_schedule(dec!(0.99), 1),
        Err(DeliveryRuleError::RespiteScheduleOutOfLimits)
    );
    assert_eq!(
        check_respite_schedule(dec!(10.01), 2),
        Err(DeliveryRuleError::RespiteScheduleOutOfLimits)
    );
    assert!(check_respite_schedule(dec!(6), 3).is_err());
    assert!(check_respite_schedule(dec!(6), 0).is_err());
}

#[test]
fn r_lim_1_10_hours_a_week_is_the_limit() {
    let recorded = [visit(MON, dec!(6))];
    assert!(check_respite_visit(&recorded, visit(TUE, dec!(4))).is_ok());
    assert_eq!(
        check_respite_visit(&recorded, visit(TUE, dec!(4.01))),
        Err(DeliveryRuleError::RespiteWeeklyHours(dec!(10.01)))
    );
    // Sunday is the same ISO week, the next Monday is not.
    assert!(check_respite_visit(&recorded, visit(SUN, dec!(4.5))).is_err());
    assert!(check_respite_visit(&recorded, visit(NEXT_MON, dec!(10))).is_ok());
    assert!(check_respite_visit(&[], visit(MON, dec!(10))).is_ok());
    assert!(check_respite_visit(&[], visit(MON, dec!(10.5))).is_err());
}

#[test]
fn r_lim_1_a_third_visit_in_a_week_is_refused() {
    let recorded = [visit(MON, dec!(2)), visit(TUE, dec!(2))];
    assert_eq!(
        check_respite_visit(&recorded, visit(WED, dec!(1))),
        Err(DeliveryRuleError::RespiteWeeklyVisits(3))
    );
    assert!(check_respite_visit(&recorded, visit(NEXT_MON, dec!(1))).is_ok());
    assert!(check_respite_visit(&recorded[..1], visit(WED, dec!(1))).is_ok());
}

#[test]
fn r_lim_1_208_hours_a_calendar_year() {
    // 20 weeks of 10 hours and one of 8: 208 hours in 2026.
    let mut recorded: Vec<CountedVisit> = (0..20)
        .map(|w| visit(date!(2026 - 01 - 05) + Duration::weeks(w), dec!(10)))
        .collect();
    recorded.push(visit(date!(2026 - 06 - 01), dec!(8)));
    assert!(check_respite_visit(&recorded[..20], visit(date!(2026 - 06 - 01), dec!(8))).is_ok());
    assert_eq!(
        check_respite_visit(&recorded, visit(date!(2026 - 06 - 08), dec!(0.5))),
        Err(DeliveryRuleError::RespiteYearlyHours(dec!(208.5)))
    );
    // The next calendar year starts again.
    assert!(check_respite_visit(&recorded, visit(date!(2027 - 01 - 04), dec!(10))).is_ok());
}

#[test]
fn r_lim_2_14_days_break_from_day_or_short_term_care() {
    let care = [CarePeriod {
        from: date!(2026 - 11 - 02),
        until: Some(date!(2026 - 11 - 13)),
    }];
    let at_home = RespiteOrganisation::AtHome;
    // 14 days after the care ended is too soon; the 15th day is allowed.
    assert_eq!(
        check_respite_break(date!(2026 - 11 - 27), at_home, &care, false),
        Err(DeliveryRuleError::RespiteBreak(date!(2026 - 11 - 13)))
    );
    assert!(check_respite_break(date!(2026 - 11 - 28), at_home, &care, false).is_ok());
    // The same before the care begins.
    assert!(check_respite_break(date!(2026 - 10 - 19), at_home, &care, false).is_err());
    assert!(check_respite_break(date!(2026 - 10 - 18), at_home, &care, false).is_ok());
    // During the care.
    assert!(check_respite_break(date!(2026 - 11 - 05), at_home, &care, false).is_err());
    // Care that has not ended.
    let open = [CarePeriod {
        from: date!(2026 - 11 - 02),
        until: None,
    }];
    assert!(check_respite_break(date!(2027 - 03 - 01), at_home, &open, false).is_err());
}

#[test]
fn r_lim_2_permanent_day_care_waives_the_break_for_respite_as_short_term_care() {
    let care = [CarePeriod {
        from: date!(2026 - 11 - 02),
        until: None,
    }];
    let on = date!(2026 - 11 - 20);
    assert!(check_respite_break(on, RespiteOrganisation::ShortTermCare, &care, true).is_ok());
    assert!(check_respite_break(on, RespiteOrganisation::AtHome, &care, true).is_err());
    assert!(check_respite_break(on, RespiteOrganisation::ShortTermCare, &care, false).is_err());
}

#[test]
fn r_lim_3_other_paid_care_hours_are_not_counted() {
    assert_eq!(countable_hours(dec!(8), dec!(3)), Ok(dec!(5)));
    assert_eq!(countable_hours(dec!(8), dec!(8)), Ok(dec!(0)));
    assert_eq!(countable_hours(dec!(8), dec!(0)), Ok(dec!(8)));
    assert_eq!(
        countable_hours(dec!(8), dec!(8.01)),
        Err(DeliveryRuleError::OtherCareAboveHours)
    );
    assert!(countable_hours(dec!(8), dec!(-1)).is_err());
    // 12 hours with 4 in day care count as 8 toward the 10 a week.
    let counted = countable_hours(dec!(12), dec!(4)).unwrap_or_default();
    assert!(check_respite_visit(&[], visit(MON, counted)).is_ok());
}

#[test]
fn home_help_hours_above_the_schedule_are_flagged() {
    assert!(!home_help_week_over_schedule(dec!(6), dec!(4), dec!(10)));
    assert!(home_help_week_over_schedule(dec!(6), dec!(4.25), dec!(10)));
}

#[test]
fn r_fee_6_free_destinations() {
    assert!(DestinationKind::CareInstitution.is_free());
    assert!(DestinationKind::DistrictInstitution.is_free());
    assert!(DestinationKind::FamilyToDistrictInstitution.is_free());
    assert!(!DestinationKind::Other.is_free());
    for kind in DestinationKind::ALL {
        assert_eq!(DestinationKind::parse(kind.as_str()), Some(kind));
    }
    for purpose in TripPurpose::ALL {
        assert_eq!(TripPurpose::parse(purpose.as_str()), Some(purpose));
    }
}

#[test]
fn r_lim_4_working_days_once_a_day_5_a_week() {
    // Saturday, and Christmas Eve (a Thursday holiday), are not working days.
    assert_eq!(
        check_meal(&[], date!(2026 - 12 - 12)),
        Err(DeliveryRuleError::MealNotWorkingDay(date!(2026 - 12 - 12)))
    );
    assert!(check_meal(&[], date!(2026 - 12 - 24)).is_err());
    assert_eq!(
        check_meal(&[MON], MON),
        Err(DeliveryRuleError::MealOnceADay(MON))
    );
    let week: Vec<Date> = (0..4).map(|d| MON + Duration::days(d)).collect();
    assert!(check_meal(&week, date!(2026 - 12 - 11)).is_ok());
    let mut five = week.clone();
    five.push(date!(2026 - 12 - 11));
    assert!(check_meal(&five, NEXT_MON).is_ok());
}

#[test]
fn r_lim_4_a_sixth_meal_in_a_week_is_refused() {
    // Five working days served: a sixth meal that week (the Saturday) is
    // refused as the sixth.
    let five: Vec<Date> = (0..5).map(|d| MON + Duration::days(d)).collect();
    assert_eq!(
        check_meal(&five, date!(2026 - 12 - 12)),
        Err(DeliveryRuleError::MealWeekly)
    );
    assert_eq!(check_meal(&five[..4], date!(2026 - 12 - 11)), Ok(()));
}

#[test]
fn r_lim_4_at_most_12_months_a_year() {
    let eleven: Vec<Date> = (1..=11u8)
        .filter_map(|m| time::Month::try_from(m).ok())
        .filter_map(|m| Date::from_calendar_date(2026, m, 2).ok())
        .collect();
    assert!(check_meal(&eleven, date!(2026 - 12 - 07)).is_ok());
    assert_eq!(MEAL_MONTHS_PER_YEAR, 12);
}

#[test]
fn r_lim_5_prison_return_is_30_coupons() {
    assert_eq!(CouponBasis::PrisonReturn.fixed_coupons(), Some(30));
    assert_eq!(CouponBasis::CommissionDecision.fixed_coupons(), None);
    assert!(check_coupon_issue(30, 20, 10).is_ok());
    assert_eq!(
        check_coupon_issue(30, 20, 11),
        Err(DeliveryRuleError::CouponsExceedGrant {
            requested: 11,
            left: 10
        })
    );
    assert!(check_coupon_issue(30, 30, 1).is_err());
}

fn any_day() -> impl Strategy<Value = Date> {
    (0i64..730).prop_map(|d| date!(2026 - 01 - 01) + Duration::days(d))
}

fn any_hours() -> impl Strategy<Value = Decimal> {
    (1i64..=1200).prop_map(|c| Decimal::new(c, 2))
}

proptest! {
    #[test]
    fn r_lim_1_accepted_hours_never_exceed_the_limits(
        visits in prop::collection::vec((any_day(), any_hours()), 0..200),
    ) {
        let mut accepted: Vec<CountedVisit> = Vec::new();
        for (on, hours) in visits {
            let v = visit(on, hours);
            if check_respite_visit(&accepted, v).is_ok() {
                accepted.push(v);
            }
        }
        let mut weeks: std::collections::BTreeMap<IsoWeek, (Decimal, usize)> = Default::default();
        let mut years: std::collections::BTreeMap<i32, Decimal> = Default::default();
        for v in &accepted {
            let w = weeks.entry(iso_week(v.on)).or_default();
            w.0 += v.hours;
            w.1 += 1;
            *years.entry(v.on.year()).or_default() += v.hours;
        }
        for (hours, count) in weeks.values() {
            prop_assert!(*hours <= RESPITE_MAX_WEEKLY_HOURS);
            prop_assert!(*count <= RESPITE_MAX_WEEKLY_VISITS);
        }
        for hours in years.values() {
            prop_assert!(*hours <= RESPITE_MAX_YEARLY_HOURS);
        }
    }

    #[test]
    fn r_lim_3_countable_hours_are_between_0_and_the_hours(
        hours in any_hours(),
        other in any_hours(),
    ) {
        match countable_hours(hours, other) {
            Ok(c) => {
                prop_assert!(c >= Decimal::ZERO && c <= hours);
                prop_assert_eq!(c + other, hours);
            }
            Err(_) => prop_assert!(other > hours),
        }
    }

    #[test]
    fn r_lim_4_accepted_meals_keep_the_limits(days in prop::collection::vec(any_day(), 0..300)) {
        let mut accepted: Vec<Date> = Vec::new();
        for d in days {
            if check_meal(&accepted, d).is_ok() {
                accepted.push(d);
            }
        }
        let mut weeks: std::collections::BTreeMap<IsoWeek, usize> = Default::default();
        for d in &accepted {
            prop_assert!(is_working_day(*d));
            *weeks.entry(iso_week(*d)).or_default() += 1;
        }
        let mut unique = accepted.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), accepted.len());
        prop_assert!(weeks.values().all(|n| *n <= MEALS_PER_WEEK));
    }

    #[test]
    fn r_lim_5_issued_never_exceeds_granted(
        granted in 0u32..100,
        asks in prop::collection::vec(0u32..40, 0..20),
    ) {
        let mut issued = 0u32;
        for ask in asks {
            if check_coupon_issue(granted, issued, ask).is_ok() {
                issued += ask;
            }
        }
        prop_assert!(issued <= granted);
    }
}
