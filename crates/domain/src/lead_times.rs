//! The applicant's own terms, which are not decision deadlines: how far
//! ahead a transport trip must be requested (R-DL-4) and how soon after
//! arriving at the overnight shelter the SP-8 must be filed (R-DL-5). They
//! are checked where trips and stays are recorded; the decision on the
//! service itself has the catalogue's deadline.

use crate::calendar::is_working_day;
use time::{Date, Duration, OffsetDateTime};

/// R-DL-4: how many working days ahead a trip is requested ("ne vėliau kaip
/// prieš 5 (penkias) darbo dienas").
pub const TRIP_LEAD_WORKING_DAYS: u32 = 5;

/// R-DL-4 (with R-DL-6): how many working days ahead of a trip on
/// `trip_on` a request made on `requested_on` is: the working days from the
/// request's day up to the day before the trip (a request on Monday for
/// the next Monday is 5 working days ahead); 0 when the trip is not after
/// the request.
pub fn working_days_ahead(requested_on: Date, trip_on: Date) -> u32 {
    let mut count = 0;
    let mut day = requested_on;
    while day < trip_on {
        if is_working_day(day) {
            count += 1;
        }
        match day.next_day() {
            Some(next) => day = next,
            None => break,
        }
    }
    count
}

/// R-DL-4: the last day on which a trip on `trip_on` can be requested: the
/// 5th working day before it.
pub fn latest_trip_request_on(trip_on: Date) -> Date {
    let mut day = trip_on;
    let mut counted = 0;
    while counted < TRIP_LEAD_WORKING_DAYS {
        match day.previous_day() {
            Some(previous) => day = previous,
            None => break,
        }
        if is_working_day(day) {
            counted += 1;
        }
    }
    day
}

/// R-DL-4: whether a trip on `trip_on` requested on `requested_on` was
/// requested at least 5 working days ahead. A late request is not refused
/// here: S4 leaves other cases to the Centre's director, so the caller
/// records it as late.
pub fn trip_requested_in_time(requested_on: Date, trip_on: Date) -> bool {
    requested_on <= latest_trip_request_on(trip_on)
}

/// R-DL-5: the window to file the SP-8 after arriving at the shelter ("per
/// dvi paras": two days of 24 hours).
pub const SHELTER_FILING_WINDOW: Duration = Duration::hours(48);

/// R-DL-5: when the SP-8 of a stay that began at `arrived_at` is due.
pub fn shelter_filing_due_at(arrived_at: OffsetDateTime) -> OffsetDateTime {
    arrived_at.saturating_add(SHELTER_FILING_WINDOW)
}

/// R-DL-5: whether an SP-8 filed at `filed_at` is within the window of a
/// stay that began at `arrived_at`. Filing before arriving (a person who
/// applies first) is in time; the stay may start before the application.
pub fn shelter_application_in_time(arrived_at: OffsetDateTime, filed_at: OffsetDateTime) -> bool {
    filed_at <= shelter_filing_due_at(arrived_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    #[test]
    fn r_dl_4_trip_requested_5_working_days_ahead() {
        // Trip on Monday 14 December 2026: the request is due by Monday 7th.
        let trip = date!(2026 - 12 - 14);
        assert_eq!(latest_trip_request_on(trip), date!(2026 - 12 - 07));
        assert!(trip_requested_in_time(date!(2026 - 12 - 07), trip));
        assert!(trip_requested_in_time(date!(2026 - 12 - 01), trip));
        assert!(!trip_requested_in_time(date!(2026 - 12 - 08), trip));
        assert_eq!(working_days_ahead(date!(2026 - 12 - 07), trip), 5);
        assert_eq!(working_days_ahead(date!(2026 - 12 - 08), trip), 4);
        assert_eq!(working_days_ahead(trip, trip), 0);
        assert_eq!(working_days_ahead(date!(2026 - 12 - 20), trip), 0);
    }

    #[test]
    fn r_dl_4_holidays_are_not_working_days() {
        // Trip on Monday 28 December 2026: 24–26 December are holidays, so
        // the 5th working day before is Thursday 17th.
        let trip = date!(2026 - 12 - 28);
        assert_eq!(latest_trip_request_on(trip), date!(2026 - 12 - 17));
        assert!(trip_requested_in_time(date!(2026 - 12 - 17), trip));
        assert!(!trip_requested_in_time(date!(2026 - 12 - 18), trip));
        // A request on a Saturday counts from the next working day.
        assert!(!trip_requested_in_time(
            date!(2026 - 12 - 05),
            date!(2026 - 12 - 11)
        ));
        assert!(trip_requested_in_time(
            date!(2026 - 12 - 05),
            date!(2026 - 12 - 14)
        ));
    }

    #[test]
    fn r_dl_5_sp8_within_two_days_of_arrival() {
        let arrived = datetime!(2026-12-05 23:30 UTC);
        assert_eq!(
            shelter_filing_due_at(arrived),
            datetime!(2026-12-07 23:30 UTC)
        );
        assert!(shelter_application_in_time(
            arrived,
            datetime!(2026-12-07 23:30 UTC)
        ));
        assert!(!shelter_application_in_time(
            arrived,
            datetime!(2026-12-07 23:31 UTC)
        ));
        // Applying before the stay begins is in time.
        assert!(shelter_application_in_time(
            arrived,
            datetime!(2026-12-04 10:00 UTC)
        ));
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (0i64..3650).prop_map(|d| date!(2025 - 01 - 01) + Duration::days(d))
    }

    proptest! {
        #[test]
        fn r_dl_4_in_time_iff_at_least_5_working_days_ahead(
            requested in any_date(),
            ahead in 0i64..40,
        ) {
            let trip = requested + Duration::days(ahead);
            prop_assert_eq!(
                trip_requested_in_time(requested, trip),
                working_days_ahead(requested, trip) >= TRIP_LEAD_WORKING_DAYS
            );
        }

        #[test]
        fn r_dl_4_the_latest_request_day_is_in_time_and_the_next_day_is_not(trip in any_date()) {
            let latest = latest_trip_request_on(trip);
            prop_assert!(trip_requested_in_time(latest, trip));
            prop_assert!(is_working_day(latest));
            let mut later = latest;
            while let Some(next) = later.next_day() {
                later = next;
                if is_working_day(later) {
                    break;
                }
            }
            prop_assert!(!trip_requested_in_time(later, trip));
        }

        #[test]
        fn r_dl_5_in_time_iff_within_48_hours(minutes in -10_000i64..10_000) {
            let arrived = datetime!(2026-03-28 12:00 UTC);
            let filed = arrived + Duration::minutes(minutes);
            prop_assert_eq!(
                shelter_application_in_time(arrived, filed),
                minutes <= 48 * 60
            );
        }
    }
}
