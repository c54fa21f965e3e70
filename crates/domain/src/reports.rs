//! Reports computed from the records (R-REP-1..3): the figures only. The
//! store gathers the facts (already reduced in the database where volume
//! matters: counts per day, histograms of day counts); these functions turn
//! them into the reports' rows. Pure: "today" is passed in.

use std::collections::{BTreeMap, BTreeSet};
use time::{Date, Month};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month.
    pub month: Month,
}

impl YearMonth {
    /// The month of `date`.
    pub fn of(date: Date) -> Self {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        if self.month == Month::December {
            YearMonth {
                year: self.year + 1,
                month: Month::January,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month.next(),
            }
        }
    }

    /// Its last day.
    pub fn last_day(self) -> Date {
        let days = self.month.length(self.year);
        Date::from_calendar_date(self.year, self.month, days).unwrap_or(Date::MAX)
    }

    /// `YYYY-MM`.
    pub fn label(self) -> String {
        format!("{:04}-{:02}", self.year, u8::from(self.month))
    }

    /// Every month from the one of `from` to the one of `to`, in order.
    pub fn range(from: Date, to: Date) -> Vec<YearMonth> {
        let (mut m, last) = (YearMonth::of(from), YearMonth::of(to));
        let mut out = Vec::new();
        while m <= last {
            out.push(m);
            m = m.next();
        }
        out
    }
}

/// How many decisions were due on one day for one service type, and how
/// many of them were signed by that day (the store counts them per day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueDay {
    /// The service type's code.
    pub service_code: String,
    /// The due date.
    pub due_on: Date,
    /// Decisions due that day that count (see [`timeliness`]).
    pub due: u64,
    /// Of those, signed on or before the due date.
    pub on_time: u64,
}

/// One row of the timeliness report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelinessRow {
    /// The service type's code.
    pub service_code: String,
    /// The month of the due dates.
    pub month: YearMonth,
    /// Decisions due in the month.
    pub due: u64,
    /// Of those, signed by their due date.
    pub on_time: u64,
}

impl TimelinessRow {
    /// The share signed on time, in per cent with one decimal (half up);
    /// `None` when nothing was due.
    pub fn share_percent(&self) -> Option<f64> {
        (self.due > 0).then(|| (self.on_time as f64 * 1000.0 / self.due as f64).round() / 10.0)
    }
}

/// R-REP-3: whether the decision on an application counts in the
/// timeliness report as of `today`, and whether it was on time.
///
/// - A decision is on time when it was signed (`decided_on`) on or before
///   its due date (`decision_due_on`): the due day itself is in time.
/// - A decision not signed yet counts as late once its due date has passed
///   (`today > due`); while the due date is today or later it is still
///   open and does not count at all (neither way).
/// - Signed after the due date: late.
/// - Without a due date (a draft, a service without a term): not counted.
///
/// Returns `None` when it does not count, `Some(on_time)` otherwise.
pub fn counts_on_time(due_on: Option<Date>, decided_on: Option<Date>, today: Date) -> Option<bool> {
    let due = due_on?;
    match decided_on {
        Some(signed) => Some(signed <= due),
        None if today > due => Some(false),
        None => None,
    }
}

/// R-REP-3: the share of decisions signed by their due date per service
/// type and month (the month of the due date), from the counts per day.
/// Months with nothing due are left out; rows are ordered by service code,
/// then month.
pub fn timeliness(days: &[DueDay]) -> Vec<TimelinessRow> {
    let mut by: BTreeMap<(String, YearMonth), (u64, u64)> = BTreeMap::new();
    for d in days {
        let e = by
            .entry((d.service_code.clone(), YearMonth::of(d.due_on)))
            .or_default();
        e.0 += d.due;
        e.1 += d.on_time;
    }
    by.into_iter()
        .filter(|(_, (due, _))| *due > 0)
        .map(|((service_code, month), (due, on_time))| TimelinessRow {
            service_code,
            month,
            due,
            on_time,
        })
        .collect()
}

/// R-REP-2: the median and the maximum of a set of day counts, given as a
/// histogram (`days → how many`, as the database counts them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DaysSummary {
    /// How many day counts there were.
    pub count: u64,
    /// The median. For an even count, the mean of the two middle values
    /// (so it may end in .5).
    pub median: f64,
    /// The largest.
    pub max: i64,
}

/// R-REP-2: [`DaysSummary`] of a histogram of day counts; `None` when it is
/// empty. Negative day counts (a service recorded as starting before its
/// decision) are taken as they are: the report shows what is recorded.
pub fn days_summary(histogram: &BTreeMap<i64, u64>) -> Option<DaysSummary> {
    let count: u64 = histogram.values().sum();
    if count == 0 {
        return None;
    }
    // The values at 0-based ranks (count-1)/2 and count/2.
    let (lo_rank, hi_rank) = ((count - 1) / 2, count / 2);
    let (mut lo, mut hi) = (None, None);
    let mut seen = 0u64;
    for (&days, &n) in histogram {
        if n == 0 {
            continue;
        }
        let end = seen + n; // ranks seen..end hold `days`
        if lo.is_none() && lo_rank < end {
            lo = Some(days);
        }
        if hi.is_none() && hi_rank < end {
            hi = Some(days);
        }
        seen = end;
    }
    let (lo, hi) = (lo?, hi?);
    let max = histogram
        .iter()
        .rev()
        .find(|(_, n)| **n > 0)
        .map(|(d, _)| *d)?;
    Some(DaysSummary {
        count,
        median: (lo as f64 + hi as f64) / 2.0,
        max,
    })
}

/// One stretch of time a person spent in a facility's queue: from the day
/// they joined to the day it closed (admitted, left), if it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueSpell {
    /// The day they joined.
    pub joined_on: Date,
    /// The day the entry closed; `None` while waiting.
    pub closed_on: Option<Date>,
}

/// R-REP-2: the queue's length at the end of each month: the entries that
/// had joined on or before the month's last day and had not closed by then
/// (closed on a later day, or still open). An entry that joined and closed
/// within the month does not count. A month not over yet (its last day
/// after `today`) is measured today.
pub fn month_end_queue_lengths(
    spells: &[QueueSpell],
    months: &[YearMonth],
    today: Date,
) -> Vec<(YearMonth, u64)> {
    months
        .iter()
        .map(|m| {
            let at = m.last_day().min(today);
            let n = spells
                .iter()
                .filter(|s| s.joined_on <= at && s.closed_on.is_none_or(|c| c > at))
                .count() as u64;
            (*m, n)
        })
        .collect()
}

/// One fact that a person received a service in the year: the first day
/// of the year on which they did, by one record (a decision's start, a stay,
/// a delivery visit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceReceipt {
    /// The service type's code.
    pub service_code: String,
    /// The person (their id as a number).
    pub person: u128,
    /// Their birth date, if recorded.
    pub birth_date: Option<Date>,
    /// The first day in the year they received it by this record (clamped
    /// to the year by the caller or here).
    pub first_day: Date,
}

/// Recipients of one service type in a year, children and adults apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recipients {
    /// Under 18 on their first day of the service in the year.
    pub children: u64,
    /// 18 or older on that day.
    pub adults: u64,
    /// No birth date recorded.
    pub unknown_age: u64,
}

impl Recipients {
    /// Everyone.
    pub fn total(&self) -> u64 {
        self.children + self.adults + self.unknown_age
    }
}

/// Whether someone born on `birth` is under 18 on `on` (the 18th birthday
/// is the first day of adulthood; born on 29 February: adult from 1 March
/// in a common year).
pub fn is_child_on(birth: Date, on: Date) -> bool {
    let (by, bm, bd) = (birth.year(), u8::from(birth.month()), birth.day());
    let (y, m, d) = (on.year(), u8::from(on.month()), on.day());
    let mut age = y - by;
    if (m, d) < (bm, bd) {
        age -= 1;
    }
    age < 18
}

/// R-REP-1: distinct recipients per service type in `year`, children and
/// adults apart. A person counts once per service type however many
/// records show it; their age is taken on the first day of the year on
/// which any record shows them receiving that service (a child who turns
/// 18 during the year stays a child of that year's summary; P). Receipts
/// outside `year` are ignored; those before it are clamped to 1 January.
pub fn yearly_recipients(year: i32, receipts: &[ServiceReceipt]) -> BTreeMap<String, Recipients> {
    let jan1 = Date::from_calendar_date(year, Month::January, 1).unwrap_or(Date::MIN);
    let dec31 = Date::from_calendar_date(year, Month::December, 31).unwrap_or(Date::MAX);
    let mut first: BTreeMap<(&str, u128), (Date, Option<Date>)> = BTreeMap::new();
    for r in receipts {
        if r.first_day > dec31 {
            continue;
        }
        let day = r.first_day.max(jan1);
        first
            .entry((r.service_code.as_str(), r.person))
            .and_modify(|e| e.0 = e.0.min(day))
            .or_insert((day, r.birth_date));
    }
    let mut out: BTreeMap<String, Recipients> = BTreeMap::new();
    for ((code, _), (day, birth)) in first {
        let e = out.entry(code.to_owned()).or_default();
        match birth {
            Some(b) if is_child_on(b, day) => e.children += 1,
            Some(_) => e.adults += 1,
            None => e.unknown_age += 1,
        }
    }
    out
}

/// One row of the yearly summary: a service type, this year and the one
/// before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The service type's code.
    pub service_code: String,
    /// The year asked for.
    pub current: Recipients,
    /// The year before.
    pub previous: Recipients,
}

/// R-REP-1: the yearly summary with the previous year beside it: one row per
/// service type that had a recipient in either year, in code order.
pub fn yearly_summary(
    current: &BTreeMap<String, Recipients>,
    previous: &BTreeMap<String, Recipients>,
) -> Vec<SummaryRow> {
    let codes: BTreeSet<&String> = current.keys().chain(previous.keys()).collect();
    codes
        .into_iter()
        .map(|c| SummaryRow {
            service_code: c.clone(),
            current: current.get(c).copied().unwrap_or_default(),
            previous: previous.get(c).copied().unwrap_or_default(),
        })
        .collect()
}

/// The longest period a report covers, in years.
pub const MAX_PERIOD_YEARS: i32 = 10;

/// Why a report's period is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// `from` is after `to`.
    Reversed,
    /// Longer than [`MAX_PERIOD_YEARS`].
    TooLong,
}

/// A report's period, `from` to `to` inclusive, at most 10 years: `to`
/// before the day 10 years after `from` (from 29 February: 1 March).
pub fn check_period(from: Date, to: Date) -> Result<(), PeriodError> {
    if from > to {
        return Err(PeriodError::Reversed);
    }
    let year = from.year() + MAX_PERIOD_YEARS;
    let limit = from
        .replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, Month::March, 1))
        .unwrap_or(Date::MAX);
    if to >= limit {
        return Err(PeriodError::TooLong);
    }
    Ok(())
}

#[cfg(test)]
#[path = "reports_tests.rs"]
mod tests;
