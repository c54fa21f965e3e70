//! Lithuanian working days and deadline arithmetic.
//!
//! R-DL-6: working days exclude Saturdays, Sundays and the public holidays of
//! the Labour Code art. 123 (RULES.md CALENDAR), Easter computed. A deadline
//! counted in calendar days that ends on a non-working day moves to the next
//! working day (Civil Code art. 1.121); one counted in working days skips
//! weekends and holidays. Each rule stores its unit.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, Weekday};

/// Western (Gregorian) Easter Sunday of `year` (anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let month = if month == 3 {
        Month::March
    } else {
        Month::April
    };
    // The algorithm yields 22 March – 25 April, always a valid date.
    Date::from_calendar_date(year, month, u8::try_from(day).unwrap_or(1)).unwrap_or(Date::MIN)
}

fn first_sunday(year: i32, month: Month) -> Option<Date> {
    let first = Date::from_calendar_date(year, month, 1).ok()?;
    let offset = (7 - first.weekday().number_days_from_sunday()) % 7;
    Some(first + Duration::days(i64::from(offset)))
}

/// R-DL-6: whether `date` is a Lithuanian public holiday (Labour Code art. 123).
pub fn is_public_holiday(date: Date) -> bool {
    use Month::*;
    let (year, month, day) = (date.year(), date.month(), date.day());
    let fixed = matches!(
        (month, day),
        (January, 1)
            | (February, 16)
            | (March, 11)
            | (May, 1)
            | (June, 24)
            | (July, 6)
            | (August, 15)
            | (November, 1)
            | (December, 24..=26)
    ) || (month == November && day == 2 && year >= 2020);
    if fixed {
        return true;
    }
    let easter = easter_sunday(year);
    date == easter
        || date == easter + Duration::days(1)
        || Some(date) == first_sunday(year, May)
        || Some(date) == first_sunday(year, June)
}

/// R-DL-6: whether `date` is a working day.
pub fn is_working_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_public_holiday(date)
}

/// The first working day on or after `date`.
pub fn next_working_day_from(date: Date) -> Date {
    let mut d = date;
    while !is_working_day(d) {
        match d.next_day() {
            Some(next) => d = next,
            None => break,
        }
    }
    d
}

/// The date in Lithuania (EET, UTC+2; EEST, UTC+3 from the last Sunday of
/// March to the last Sunday of October, switching at 01:00 UTC) at the UTC
/// instant `utc`. Legal dates (received, decided, due) are Lithuanian dates.
pub fn lithuanian_date(utc: time::OffsetDateTime) -> Date {
    utc.to_offset(lithuanian_offset(utc)).date()
}

/// Lithuania's offset from UTC at the instant `utc`: UTC+3 from the last
/// Sunday of March to the last Sunday of October (switching at 01:00 UTC),
/// UTC+2 otherwise.
pub fn lithuanian_offset(utc: time::OffsetDateTime) -> time::UtcOffset {
    let utc = utc.to_offset(time::UtcOffset::UTC);
    let year = utc.year();
    let last_sunday = |month: Month| -> Option<time::OffsetDateTime> {
        let next_month_first = match month {
            Month::December => Date::from_calendar_date(year + 1, Month::January, 1),
            m => Date::from_calendar_date(year, m.next(), 1),
        }
        .ok()?;
        let last = next_month_first.previous_day()?;
        let back = last.weekday().number_days_from_sunday();
        let sunday = last - Duration::days(i64::from(back));
        Some(sunday.with_hms(1, 0, 0).ok()?.assume_utc())
    };
    let summer = match (last_sunday(Month::March), last_sunday(Month::October)) {
        (Some(start), Some(end)) => utc >= start && utc < end,
        _ => false,
    };
    let hours = if summer { 3 } else { 2 };
    time::UtcOffset::from_hms(hours, 0, 0).unwrap_or(time::UtcOffset::UTC)
}

/// In which unit a deadline is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineUnit {
    /// Calendar days; an end on a non-working day moves to the next working day.
    CalendarDays,
    /// Working days (R-DL-6).
    WorkingDays,
}

/// A deadline: an amount of days in a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeadlineRule {
    /// How many days.
    pub amount: u32,
    /// Calendar or working days.
    pub unit: DeadlineUnit,
}

impl DeadlineRule {
    /// `amount` calendar days.
    pub const fn calendar_days(amount: u32) -> Self {
        DeadlineRule {
            amount,
            unit: DeadlineUnit::CalendarDays,
        }
    }

    /// `amount` working days.
    pub const fn working_days(amount: u32) -> Self {
        DeadlineRule {
            amount,
            unit: DeadlineUnit::WorkingDays,
        }
    }

    /// R-DL-6 and Civil Code art. 1.121: the last day of the term that starts
    /// on `start` (the event day itself is not counted).
    pub fn due_date(&self, start: Date) -> Date {
        match self.unit {
            DeadlineUnit::CalendarDays => {
                next_working_day_from(start.saturating_add(Duration::days(i64::from(self.amount))))
            }
            DeadlineUnit::WorkingDays => add_working_days(start, self.amount),
        }
    }
}

/// R-DL-6: the `n`-th working day after `start` (the day of the event is
/// not counted); with `n = 0`, the first working day on or after `start`.
pub fn add_working_days(start: Date, n: u32) -> Date {
    if n == 0 {
        return next_working_day_from(start);
    }
    let mut d = start;
    let mut counted = 0;
    while counted < n {
        match d.next_day() {
            Some(next) => d = next,
            None => break,
        }
        if is_working_day(d) {
            counted += 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn lithuanian_dates_follow_eet_and_eest() {
        use time::macros::datetime;
        assert_eq!(
            lithuanian_date(datetime!(2026-11-23 21:59 UTC)),
            date!(2026 - 11 - 23)
        );
        assert_eq!(
            lithuanian_date(datetime!(2026-11-23 22:00 UTC)),
            date!(2026 - 11 - 24)
        );
        assert_eq!(
            lithuanian_date(datetime!(2026-07-01 20:59 UTC)),
            date!(2026 - 07 - 01)
        );
        assert_eq!(
            lithuanian_date(datetime!(2026-07-01 21:00 UTC)),
            date!(2026 - 07 - 02)
        );
        // Summer time 2026: 29 March 01:00 UTC – 25 October 01:00 UTC.
        assert_eq!(
            lithuanian_date(datetime!(2026-03-28 21:30 UTC)),
            date!(2026 - 03 - 28)
        );
        assert_eq!(
            lithuanian_date(datetime!(2026-10-24 21:30 UTC)),
            date!(2026 - 10 - 25)
        );
        assert_eq!(
            lithuanian_date(datetime!(2026-10-25 21:30 UTC)),
            date!(2026 - 10 - 25)
        );
    }

    #[test]
    fn r_dl_6_easter_dates() {
        assert_eq!(easter_sunday(2024), date!(2024 - 03 - 31));
        assert_eq!(easter_sunday(2025), date!(2025 - 04 - 20));
        assert_eq!(easter_sunday(2026), date!(2026 - 04 - 05));
        assert_eq!(easter_sunday(2027), date!(2027 - 03 - 28));
        assert_eq!(easter_sunday(2038), date!(2038 - 04 - 25));
    }

    #[test]
    fn r_dl_6_public_holidays() {
        for d in [
            date!(2026 - 01 - 01),
            date!(2026 - 02 - 16),
            date!(2026 - 03 - 11),
            date!(2026 - 04 - 05),
            date!(2026 - 04 - 06),
            date!(2026 - 05 - 01),
            date!(2026 - 05 - 03),
            date!(2026 - 06 - 07),
            date!(2026 - 06 - 24),
            date!(2026 - 07 - 06),
            date!(2026 - 08 - 15),
            date!(2026 - 11 - 01),
            date!(2026 - 11 - 02),
            date!(2026 - 12 - 24),
            date!(2026 - 12 - 25),
            date!(2026 - 12 - 26),
        ] {
            assert!(is_public_holiday(d), "{d}");
        }
        assert!(
            !is_public_holiday(date!(2019 - 11 - 02)),
            "2 Nov only from 2020"
        );
        assert!(!is_public_holiday(date!(2026 - 12 - 23)));
        assert!(!is_working_day(date!(2026 - 11 - 28)), "Saturday");
        assert!(is_working_day(date!(2026 - 11 - 23)));
    }

    #[test]
    fn r_dl_1_home_help_assessment_submitted_2026_12_10() {
        // 14 calendar days → Thursday 24 Dec, a holiday; 25, 26 holidays,
        // 27 Sunday → due Monday 28 Dec.
        let due = DeadlineRule::calendar_days(14).due_date(date!(2026 - 12 - 10));
        assert_eq!(date!(2026 - 12 - 24).weekday(), Weekday::Thursday);
        assert_eq!(due, date!(2026 - 12 - 28));
    }

    #[test]
    fn r_dl_6_ten_working_days_across_easter_2027() {
        // From Monday 22 March 2027: 23–26 (4), Easter Sunday 28 and Monday 29
        // skipped, 30, 31 March, 1, 2 April (8), 5, 6 April (10).
        let due = DeadlineRule::working_days(10).due_date(date!(2027 - 03 - 22));
        assert_eq!(due, date!(2027 - 04 - 06));
        assert!(!is_working_day(date!(2027 - 03 - 29)));
    }

    #[test]
    fn r_dl_6_working_days_from_a_weekend() {
        // Received on Saturday: Monday is day 1.
        assert_eq!(
            add_working_days(date!(2026 - 11 - 28), 1),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            add_working_days(date!(2026 - 11 - 28), 0),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            add_working_days(date!(2026 - 11 - 27), 1),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            add_working_days(date!(2026 - 11 - 27), 0),
            date!(2026 - 11 - 27)
        );
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2000i32..2100, 1u16..=365).prop_map(|(y, d)| Date::from_ordinal_date(y, d).unwrap())
    }

    proptest! {
        #[test]
        fn r_dl_6_due_dates_are_working_days(start in any_date(), n in 0u32..60, working in any::<bool>()) {
            let rule = if working { DeadlineRule::working_days(n) } else { DeadlineRule::calendar_days(n) };
            let due = rule.due_date(start);
            prop_assert!(is_working_day(due));
            prop_assert!(due >= start);
        }

        #[test]
        fn r_dl_6_adding_working_days_is_monotone(start in any_date(), n in 0u32..60, later in 0i64..30) {
            prop_assert!(add_working_days(start, n + 1) >= add_working_days(start, n));
            prop_assert!(add_working_days(start, n + 2) > add_working_days(start, n + 1));
            let other = start + Duration::days(later);
            prop_assert!(add_working_days(other, n) >= add_working_days(start, n));
        }

        #[test]
        fn r_dl_6_working_days_counted_skip_exactly_the_non_working_days(start in any_date(), n in 1u32..40) {
            let due = add_working_days(start, n);
            let mut count = 0;
            let mut d = start.next_day().unwrap();
            while d <= due {
                if is_working_day(d) { count += 1; }
                d = d.next_day().unwrap();
            }
            prop_assert_eq!(count, n);
        }

        #[test]
        fn r_dl_6_easter_is_a_sunday_between_22_march_and_25_april(year in 1900i32..2200) {
            let easter = easter_sunday(year);
            prop_assert_eq!(easter.weekday(), Weekday::Sunday);
            prop_assert!(easter >= Date::from_calendar_date(year, Month::March, 22).unwrap());
            prop_assert!(easter <= Date::from_calendar_date(year, Month::April, 25).unwrap());
        }
    }
}
