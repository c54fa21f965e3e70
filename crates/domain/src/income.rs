//! Income: monthly income records of family members, the average monthly
//! income per family member over the 3 calendar months before a date (S4:
//! "per 3 mėnesius iki kreipimosi dienos"), and effective-dated rates such as
//! the VRP.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::fees::round_money;

/// Where an income figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IncomeSource {
    /// The social insurance fund (Sodra) data.
    Sodra,
    /// Another register or certificate.
    Other,
    /// Declared by the person.
    Declared,
    /// Staff recorded explicitly that the person had no income that month
    /// (amount 0). A month with no record at all is unknown, not zero
    /// (R-FEE-1).
    NoIncome,
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
}

impl YearMonth {
    /// The month of `date`.
    pub fn of(date: Date) -> Self {
        YearMonth {
            year: date.year(),
            month: u8::from(date.month()),
        }
    }

    /// The month before.
    pub fn previous(self) -> Self {
        if self.month <= 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// `2026-08`.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Whether the month number is 1–12.
    pub fn is_valid(self) -> bool {
        Month::try_from(self.month).is_ok()
    }
}

/// The 3 calendar months before the month of `reference`, oldest first
/// (application on 2026-03-15 → December, January, February).
pub fn income_window(reference: Date) -> [YearMonth; 3] {
    let m3 = YearMonth::of(reference).previous();
    let m2 = m3.previous();
    let m1 = m2.previous();
    [m1, m2, m3]
}

/// One month's income of one member from one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeRecord<K> {
    /// The member.
    pub member: K,
    /// The month.
    pub month: YearMonth,
    /// The amount, not negative.
    pub amount: Decimal,
    /// The source.
    pub source: IncomeSource,
}

/// The average monthly income per family member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AverageIncome {
    /// The months counted, oldest first.
    pub months: [YearMonth; 3],
    /// Members counted.
    pub members: u32,
    /// The income of all members over the 3 months.
    pub total: Decimal,
    /// The family's average monthly income (`total / 3`).
    pub monthly_total: Decimal,
    /// `total / 3 / members`, unrounded (what tiers compare).
    pub per_member: Decimal,
    /// The same, rounded to cents for display.
    pub per_member_rounded: Decimal,
}

/// Why an average cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AverageIncomeError {
    /// No family member to divide by.
    #[error("the family has no members")]
    NoMembers,
}

/// The average monthly income per family member over the 3 calendar months
/// before `reference` (S4; RULES.md "Money"). Members without records count
/// as members with no income here; a fee first checks [`missing_income`]
/// (R-FEE-1: missing is not zero). Records of other people or other months
/// are ignored.
pub fn average_income_per_member<K: PartialEq>(
    members: &[K],
    records: &[IncomeRecord<K>],
    reference: Date,
) -> Result<AverageIncome, AverageIncomeError> {
    if members.is_empty() {
        return Err(AverageIncomeError::NoMembers);
    }
    let months = income_window(reference);
    let total: Decimal = records
        .iter()
        .filter(|r| members.contains(&r.member) && months.contains(&r.month))
        .map(|r| r.amount.max(Decimal::ZERO))
        .sum();
    let count = u32::try_from(members.len()).unwrap_or(u32::MAX);
    let monthly_total = total / Decimal::from(3);
    let per_member = monthly_total / Decimal::from(count);
    Ok(AverageIncome {
        months,
        members: count,
        total,
        monthly_total,
        per_member,
        per_member_rounded: round_money(per_member),
    })
}

/// A person's membership of a family: from the day they joined, until the
/// day they left (exclusive), if they left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership<K> {
    /// The member.
    pub member: K,
    /// Joined on.
    pub joined_on: Date,
    /// Left on (no longer a member from this day).
    pub left_on: Option<Date>,
}

impl<K> Membership<K> {
    /// R-FEE-1: whether the person was a member on `date` (joined on or
    /// before it, not left on or before it).
    pub fn member_on(&self, date: Date) -> bool {
        self.joined_on <= date && self.left_on.is_none_or(|left| left > date)
    }
}

/// R-FEE-1: the members of a family on `date` (a member who joined later or
/// left earlier does not count), each once, in the order given.
pub fn members_on<K: PartialEq + Clone>(memberships: &[Membership<K>], date: Date) -> Vec<K> {
    let mut members: Vec<K> = Vec::new();
    for m in memberships.iter().filter(|m| m.member_on(date)) {
        if !members.contains(&m.member) {
            members.push(m.member.clone());
        }
    }
    members
}

/// The months of the window for which a member has no income record at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingIncome<K> {
    /// The member.
    pub member: K,
    /// The months without any record (not even "no income"), oldest first.
    pub months: Vec<YearMonth>,
}

/// R-FEE-1: missing income is not zero. Each member needs at least one
/// record (of any source, including [`IncomeSource::NoIncome`]) for each
/// month of the window before `reference`; the members lacking one, with
/// their months, in the order of `members`. Empty when complete.
pub fn missing_income<K: PartialEq + Clone>(
    members: &[K],
    records: &[IncomeRecord<K>],
    reference: Date,
) -> Vec<MissingIncome<K>> {
    let window = income_window(reference);
    members
        .iter()
        .filter_map(|member| {
            let months: Vec<YearMonth> = window
                .iter()
                .copied()
                .filter(|month| {
                    !records
                        .iter()
                        .any(|r| &r.member == member && r.month == *month)
                })
                .collect();
            (!months.is_empty()).then(|| MissingIncome {
                member: member.clone(),
                months,
            })
        })
        .collect()
}

/// Values that change on given dates (a rate with its effective-from dates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EffectiveRates<T> {
    entries: Vec<(Date, T)>,
}

impl<T> EffectiveRates<T> {
    /// From (valid-from, value) pairs in any order.
    pub fn new(mut entries: Vec<(Date, T)>) -> Self {
        entries.sort_by_key(|(from, _)| *from);
        EffectiveRates { entries }
    }

    /// The value in force on `date`: the one with the latest valid-from on or
    /// before it; `None` before the first.
    pub fn in_force_on(&self, date: Date) -> Option<&T> {
        self.entries
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .map(|(_, value)| value)
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[(Date, T)] {
        &self.entries
    }
}

/// The state-supported income (VRP) of RULES.md "Reference data", EUR a
/// month: (year, month, day, euros). Seeded per municipality.
pub const VRP_TABLE: &[(i32, u8, u8, i64)] = &[
    (2020, 1, 1, 125),
    (2021, 1, 1, 128),
    (2022, 1, 1, 129),
    (2022, 6, 1, 147),
    (2023, 1, 1, 157),
    (2024, 1, 1, 176),
    (2025, 1, 1, 221),
    (2026, 1, 1, 233),
];

/// [`VRP_TABLE`] as effective-dated rates.
pub fn default_vrp() -> EffectiveRates<Decimal> {
    EffectiveRates::new(
        VRP_TABLE
            .iter()
            .filter_map(|(y, m, d, eur)| {
                let month = Month::try_from(*m).ok()?;
                Some((
                    Date::from_calendar_date(*y, month, *d).ok()?,
                    Decimal::from(*eur),
                ))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use time::macros::date;

    fn ym(year: i32, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn income_window_is_the_three_months_before() {
        assert_eq!(
            income_window(date!(2026 - 03 - 15)),
            [ym(2025, 12), ym(2026, 1), ym(2026, 2)]
        );
        assert_eq!(
            income_window(date!(2026 - 01 - 01)),
            [ym(2025, 10), ym(2025, 11), ym(2025, 12)]
        );
    }

    #[test]
    fn average_per_member_over_three_months() {
        let rec = |member: &'static str, month, amount| IncomeRecord {
            member,
            month,
            amount,
            source: IncomeSource::Sodra,
        };
        let records = vec![
            rec("mother", ym(2025, 12), dec!(900)),
            rec("mother", ym(2026, 1), dec!(900)),
            rec("mother", ym(2026, 2), dec!(960)),
            rec("father", ym(2026, 2), dec!(300)),
            rec("father", ym(2026, 3), dec!(5000)), // the application's month: ignored
            rec("neighbour", ym(2026, 1), dec!(999)), // not a member: ignored
        ];
        let avg = average_income_per_member(
            &["mother", "father", "child"],
            &records,
            date!(2026 - 03 - 15),
        )
        .unwrap();
        assert_eq!(avg.total, dec!(3060));
        assert_eq!(avg.monthly_total, dec!(1020));
        assert_eq!(avg.members, 3);
        assert_eq!(avg.per_member, dec!(340));
        assert_eq!(avg.per_member_rounded, dec!(340.00));
        assert_eq!(
            average_income_per_member::<&str>(&[], &[], date!(2026 - 03 - 15)),
            Err(AverageIncomeError::NoMembers)
        );
    }

    #[test]
    fn vrp_in_force_on_a_date() {
        let vrp = default_vrp();
        assert_eq!(vrp.in_force_on(date!(2019 - 12 - 31)), None);
        assert_eq!(vrp.in_force_on(date!(2022 - 05 - 31)), Some(&dec!(129)));
        assert_eq!(vrp.in_force_on(date!(2022 - 06 - 01)), Some(&dec!(147)));
        assert_eq!(vrp.in_force_on(date!(2025 - 07 - 01)), Some(&dec!(221)));
        assert_eq!(vrp.in_force_on(date!(2026 - 11 - 23)), Some(&dec!(233)));
    }
}
