use super::*;
use proptest::prelude::*;
use time::macros::date;

fn day(code: &str, due_on: Date, due: u64, on_time: u64) -> DueDay {
    DueDay {
        service_code: code.into(),
        due_on,
        due,
        on_time,
    }
}

#[test]
fn r_rep_3_signed_on_the_due_day_is_on_time() {
    let today = date!(2026 - 06 - 30);
    let due = Some(date!(2026 - 03 - 10));
    assert_eq!(
        counts_on_time(due, Some(date!(2026 - 03 - 10)), today),
        Some(true)
    );
    assert_eq!(
        counts_on_time(due, Some(date!(2026 - 03 - 01)), today),
        Some(true)
    );
    assert_eq!(
        counts_on_time(due, Some(date!(2026 - 03 - 11)), today),
        Some(false)
    );
}

#[test]
fn r_rep_3_unsigned_counts_late_only_after_the_due_date() {
    let due = Some(date!(2026 - 03 - 10));
    assert_eq!(counts_on_time(due, None, date!(2026 - 03 - 10)), None);
    assert_eq!(
        counts_on_time(due, None, date!(2026 - 03 - 11)),
        Some(false)
    );
    assert_eq!(counts_on_time(None, None, date!(2026 - 03 - 11)), None);
    assert_eq!(
        counts_on_time(None, Some(date!(2026 - 03 - 01)), date!(2026 - 03 - 11)),
        None
    );
}

#[test]
fn r_rep_3_share_per_service_type_and_month_of_the_due_date() {
    let rows = timeliness(&[
        day("home_help", date!(2026 - 01 - 05), 2, 2),
        day("home_help", date!(2026 - 01 - 31), 2, 1),
        day("home_help", date!(2026 - 02 - 01), 1, 0),
        day("respite", date!(2026 - 01 - 15), 3, 1),
        day("respite", date!(2026 - 02 - 15), 0, 0),
    ]);
    assert_eq!(rows.len(), 3, "{rows:?}");
    // January home help: 3 of 4 on time = 75 %.
    assert_eq!(rows[0].month.label(), "2026-01");
    assert_eq!((rows[0].due, rows[0].on_time), (4, 3));
    assert_eq!(rows[0].share_percent(), Some(75.0));
    assert_eq!(rows[1].month.label(), "2026-02");
    assert_eq!(rows[1].share_percent(), Some(0.0));
    // Respite: 1 of 3 = 33.3 %.
    assert_eq!(rows[2].service_code, "respite");
    assert_eq!(rows[2].share_percent(), Some(33.3));
}

fn hist(values: &[i64]) -> BTreeMap<i64, u64> {
    let mut h = BTreeMap::new();
    for v in values {
        *h.entry(*v).or_default() += 1;
    }
    h
}

#[test]
fn r_rep_2_median_of_an_odd_count_is_the_middle_value() {
    let s = days_summary(&hist(&[10, 3, 7])).expect("not empty");
    assert_eq!((s.count, s.median, s.max), (3, 7.0, 10));
}

#[test]
fn r_rep_2_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
    let s = days_summary(&hist(&[1, 4, 5, 30])).expect("not empty");
    assert_eq!((s.count, s.median, s.max), (4, 4.5, 30));
    let s = days_summary(&hist(&[2, 2])).expect("not empty");
    assert_eq!(s.median, 2.0);
}

#[test]
fn r_rep_2_nothing_to_summarise() {
    assert_eq!(days_summary(&BTreeMap::new()), None);
    assert_eq!(days_summary(&BTreeMap::from([(4, 0)])), None);
}

#[test]
fn r_rep_2_month_end_queue_length() {
    let spells = [
        // Joined in January, still waiting.
        QueueSpell {
            joined_on: date!(2026 - 01 - 10),
            closed_on: None,
        },
        // Joined and admitted within January: never at a month end.
        QueueSpell {
            joined_on: date!(2026 - 01 - 03),
            closed_on: Some(date!(2026 - 01 - 20)),
        },
        // Joined on 31 January (counts), closed on 28 February (not in February).
        QueueSpell {
            joined_on: date!(2026 - 01 - 31),
            closed_on: Some(date!(2026 - 02 - 28)),
        },
        // Closed the day after February's end: counts in February.
        QueueSpell {
            joined_on: date!(2025 - 12 - 01),
            closed_on: Some(date!(2026 - 03 - 01)),
        },
    ];
    let months = YearMonth::range(date!(2026 - 01 - 01), date!(2026 - 03 - 20));
    let got = month_end_queue_lengths(&spells, &months, date!(2026 - 03 - 20));
    let got: Vec<(String, u64)> = got.into_iter().map(|(m, n)| (m.label(), n)).collect();
    assert_eq!(
        got,
        vec![
            ("2026-01".to_owned(), 3),
            ("2026-02".to_owned(), 2),
            // March is not over: measured today (20 March).
            ("2026-03".to_owned(), 1),
        ]
    );
}

fn receipt(code: &str, person: u128, birth: Option<Date>, first_day: Date) -> ServiceReceipt {
    ServiceReceipt {
        service_code: code.into(),
        person,
        birth_date: birth,
        first_day,
    }
}

#[test]
fn r_rep_1_age_on_the_eighteenth_birthday_is_adult() {
    assert!(is_child_on(date!(2008 - 05 - 10), date!(2026 - 05 - 09)));
    assert!(!is_child_on(date!(2008 - 05 - 10), date!(2026 - 05 - 10)));
    assert!(is_child_on(date!(2008 - 02 - 29), date!(2026 - 02 - 28)));
    assert!(!is_child_on(date!(2008 - 02 - 29), date!(2026 - 03 - 01)));
}

#[test]
fn r_rep_1_distinct_recipients_children_and_adults_apart() {
    let child = Some(date!(2015 - 01 - 01));
    // Turns 18 on 1 July 2025: a child on 1 March, an adult on 1 August.
    let turning = Some(date!(2007 - 07 - 01));
    let adult = Some(date!(1950 - 01 - 01));
    let r = yearly_recipients(
        2025,
        &[
            // The same child twice in one service: once.
            receipt("children_day_centre", 1, child, date!(2025 - 02 - 01)),
            receipt("children_day_centre", 1, child, date!(2025 - 09 - 01)),
            // Age on the first day of the year's service: a child.
            receipt("children_day_centre", 2, turning, date!(2025 - 08 - 01)),
            receipt("children_day_centre", 2, turning, date!(2025 - 03 - 01)),
            // Started before the year: age on 1 January.
            receipt("home_help", 3, adult, date!(2023 - 04 - 01)),
            receipt("home_help", 4, None, date!(2025 - 04 - 01)),
            // The same person in another service counts there too.
            receipt("respite", 3, adult, date!(2025 - 06 - 01)),
            // After the year: not counted.
            receipt("respite", 5, adult, date!(2026 - 01 - 01)),
        ],
    );
    assert_eq!(
        r["children_day_centre"],
        Recipients {
            children: 2,
            adults: 0,
            unknown_age: 0
        }
    );
    assert_eq!(
        r["home_help"],
        Recipients {
            children: 0,
            adults: 1,
            unknown_age: 1
        }
    );
    assert_eq!(r["respite"].total(), 1);
    assert_eq!(r.len(), 3);
}

#[test]
fn r_rep_1_previous_year_beside_it() {
    let cur = BTreeMap::from([(
        "home_help".to_owned(),
        Recipients {
            children: 0,
            adults: 5,
            unknown_age: 0,
        },
    )]);
    let prev = BTreeMap::from([(
        "respite".to_owned(),
        Recipients {
            children: 1,
            adults: 2,
            unknown_age: 0,
        },
    )]);
    let rows = yearly_summary(&cur, &prev);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].service_code, "home_help");
    assert_eq!((rows[0].current.adults, rows[0].previous.total()), (5, 0));
    assert_eq!((rows[1].current.total(), rows[1].previous.total()), (0, 3));
}

#[test]
fn r_rep_period_is_checked() {
    assert_eq!(
        check_period(date!(2026 - 01 - 02), date!(2026 - 01 - 01)),
        Err(PeriodError::Reversed)
    );
    assert_eq!(
        check_period(date!(2026 - 01 - 01), date!(2026 - 01 - 01)),
        Ok(())
    );
    assert_eq!(
        check_period(date!(2016 - 01 - 01), date!(2025 - 12 - 31)),
        Ok(())
    );
    assert_eq!(
        check_period(date!(2016 - 01 - 01), date!(2026 - 01 - 01)),
        Err(PeriodError::TooLong)
    );
    assert_eq!(
        check_period(date!(2016 - 02 - 29), date!(2026 - 02 - 28)),
        Ok(())
    );
    assert_eq!(
        check_period(date!(2016 - 02 - 29), date!(2026 - 03 - 01)),
        Err(PeriodError::TooLong)
    );
}

proptest! {
    #[test]
    fn r_rep_2_median_lies_between_min_and_max(values in proptest::collection::vec(-50i64..400, 1..60)) {
        let s = days_summary(&hist(&values)).expect("not empty");
        let min = *values.iter().min().expect("not empty");
        let max = *values.iter().max().expect("not empty");
        prop_assert_eq!(s.max, max);
        prop_assert_eq!(s.count, values.len() as u64);
        prop_assert!(s.median >= min as f64 && s.median <= max as f64);
        // The same as sorting the list.
        let mut sorted = values.clone();
        sorted.sort_unstable();
        let n = sorted.len();
        let expected = (sorted[(n - 1) / 2] as f64 + sorted[n / 2] as f64) / 2.0;
        prop_assert_eq!(s.median, expected);
    }
}
