//! The clock: the only place that reads the system time. It lives in the
//! application state; the test harness replaces it with a [`Clock::manual`]
//! one and sets the date a test needs.

use std::sync::{Arc, Mutex};
use time::{Date, OffsetDateTime};

/// Where "now" comes from.
#[derive(Clone, Debug)]
pub struct Clock(Source);

#[derive(Clone, Debug)]
enum Source {
    System,
    Manual(Arc<Mutex<OffsetDateTime>>),
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock(Source::System)
    }

    /// A clock that stands at `at` until it is set or advanced.
    pub fn manual(at: OffsetDateTime) -> Self {
        Clock(Source::Manual(Arc::new(Mutex::new(at))))
    }

    /// The current time in UTC, truncated to microseconds (what PostgreSQL
    /// stores), so that a value read back equals the value written.
    pub fn now(&self) -> OffsetDateTime {
        let now = match &self.0 {
            Source::System => OffsetDateTime::now_utc(),
            Source::Manual(at) => *at.lock().unwrap_or_else(|e| e.into_inner()),
        };
        let micros = now.nanosecond() / 1_000 * 1_000;
        now.replace_nanosecond(micros).unwrap_or(now)
    }

    /// Today's date in Lithuania (legal dates are Lithuanian dates).
    pub fn today(&self) -> Date {
        atvejis_domain::calendar::lithuanian_date(self.now())
    }

    /// Sets a manual clock to `at` (no effect on the system clock).
    pub fn set(&self, at: OffsetDateTime) {
        if let Source::Manual(current) = &self.0 {
            *current.lock().unwrap_or_else(|e| e.into_inner()) = at;
        }
    }

    /// Sets a manual clock to `date` at 10:00 Lithuanian time (08:00 UTC),
    /// well inside the day in both winter and summer time.
    pub fn set_today(&self, date: Date) {
        self.set(
            date.with_hms(8, 0, 0)
                .map_or(self.now(), |t| t.assume_utc()),
        );
    }

    /// Moves a manual clock on by `by`.
    pub fn advance(&self, by: time::Duration) {
        if let Source::Manual(current) = &self.0 {
            let mut at = current.lock().unwrap_or_else(|e| e.into_inner());
            *at += by;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_manual_clock_stands_still_until_set() {
        let clock = Clock::manual(datetime!(2026-12-10 21:30 UTC));
        // 23:30 in Vilnius (UTC+2 in winter): still the 10th.
        assert_eq!(clock.today(), date!(2026 - 12 - 10));
        clock.advance(time::Duration::hours(1));
        assert_eq!(clock.today(), date!(2026 - 12 - 11));
        clock.set_today(date!(2027 - 03 - 29));
        assert_eq!(clock.today(), date!(2027 - 03 - 29));
    }

    #[test]
    fn the_system_clock_ignores_set() {
        let clock = Clock::system();
        let before = clock.now();
        clock.set(datetime!(2000-01-01 0:00 UTC));
        assert!(clock.now() >= before);
    }
}
