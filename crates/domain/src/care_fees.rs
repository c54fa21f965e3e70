//! Care fees of stays in group living homes (short-term and long-term social
//! care): the monthly fee (R-FEE-8) and what a month of a stay costs with
//! its absences and partial days (R-FEE-9).
//!
//! Amounts are `Decimal`; the monthly fee and the month's amount are each
//! rounded half-up to cents once, at the end ([`round_money`]); the month's
//! amount is computed from the unrounded monthly fee. Rates (the shares and
//! the price of care) are inputs: the caller looks up the ones in force.

use crate::fees::round_money;
use crate::income::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

/// R-FEE-8: the seed's shares (municipal rates `care_income_share`,
/// `care_absence_share`, `care_asset_share`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareShares {
    /// R-FEE-8: the fee is at most this share of income (0.80).
    pub income_share: Decimal,
    /// R-FEE-9: from the 4th day of an absence this share of the daily fee
    /// is paid (0.30).
    pub absence_share: Decimal,
    /// R-FEE-8: this share of the assets over the normative is added (0.01).
    pub asset_share: Decimal,
}

impl Default for CareShares {
    fn default() -> Self {
        CareShares {
            income_share: Decimal::new(80, 2),
            absence_share: Decimal::new(30, 2),
            asset_share: Decimal::new(1, 2),
        }
    }
}

/// R-FEE-8: the asset part applies to adults who began long-term care
/// after this day ("po 2007 m. sausio 1 d.": from 2007-01-02).
pub const ASSET_RULE_AFTER: Date = match Date::from_calendar_date(2007, Month::January, 1) {
    Ok(d) => d,
    Err(_) => Date::MIN,
};

/// What the monthly care fee is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareFeeInput {
    /// The person's average monthly income (the 3 months before the month).
    pub income: Decimal,
    /// The target compensation for nursing or care costs, EUR a month; goes
    /// 100 % to the fee.
    pub target_compensation: Decimal,
    /// The value of the person's assets over the municipality's normative.
    pub assets_over_normative: Decimal,
    /// Whether the person is an adult.
    pub adult: bool,
    /// Long-term care (the asset part applies to it only); `false`: short-term.
    pub long_term: bool,
    /// The day long-term care began.
    pub care_started_on: Date,
    /// The price of care, EUR a month: the fee never exceeds it.
    pub price: Decimal,
    /// The shares in force.
    pub shares: CareShares,
}

/// Which limit decided the monthly fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CareFeeLimit {
    /// The sum of its parts (80 % of income, the compensation, the asset
    /// part) is below the price.
    IncomeShare,
    /// Capped at the price of care.
    Price,
}

/// R-FEE-8: the monthly fee with each part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareFee {
    /// The income the share applies to.
    pub income: Decimal,
    /// `income × income_share`.
    pub income_part: Decimal,
    /// The target compensation, in full.
    pub compensation_part: Decimal,
    /// Whether the asset part applies (adult, long-term, began after
    /// 2007-01-01).
    pub asset_rule_applies: bool,
    /// `assets_over_normative × asset_share`, or 0.
    pub asset_part: Decimal,
    /// The sum of the parts.
    pub uncapped: Decimal,
    /// The price of care.
    pub price: Decimal,
    /// Which limit decided.
    pub limit: CareFeeLimit,
    /// The fee, unrounded (what the month's amount is computed from).
    pub monthly_fee_exact: Decimal,
    /// The fee, rounded to cents.
    pub monthly_fee: Decimal,
}

/// R-FEE-8: the monthly care fee: `income_share` (80 %) of the person's
/// income, plus the target compensation for nursing or care in full, plus
/// `asset_share` (1 %) of the assets over the normative for an adult who
/// began long-term care after 2007-01-01; never above the price of care.
/// Negative inputs count as zero.
pub fn care_fee(input: &CareFeeInput) -> CareFee {
    let zero = Decimal::ZERO;
    let income = input.income.max(zero);
    let income_part = income * input.shares.income_share.max(zero);
    let compensation_part = input.target_compensation.max(zero);
    let asset_rule_applies =
        input.adult && input.long_term && input.care_started_on > ASSET_RULE_AFTER;
    let asset_part = if asset_rule_applies {
        input.assets_over_normative.max(zero) * input.shares.asset_share.max(zero)
    } else {
        zero
    };
    let uncapped = income_part + compensation_part + asset_part;
    let price = input.price.max(zero);
    let (limit, exact) = if uncapped > price {
        (CareFeeLimit::Price, price)
    } else {
        (CareFeeLimit::IncomeShare, uncapped)
    };
    CareFee {
        income,
        income_part,
        compensation_part,
        asset_rule_applies,
        asset_part,
        uncapped,
        price,
        limit,
        monthly_fee_exact: exact,
        monthly_fee: round_money(exact),
    }
}

/// An absence from care, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    /// The first day away.
    pub from: Date,
    /// The last day away.
    pub to: Date,
}

/// The first day of `month`, `None` if it is not a month.
pub fn first_day(month: YearMonth) -> Option<Date> {
    Date::from_calendar_date(month.year, Month::try_from(month.month).ok()?, 1).ok()
}

/// The last day of `month`.
pub fn last_day(month: YearMonth) -> Option<Date> {
    let first = first_day(month)?;
    first.replace_day(first.month().length(first.year())).ok()
}

/// R-FEE-9: a month of a stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareMonth {
    /// The monthly fee (unrounded) the month is computed from.
    pub monthly_fee: Decimal,
    /// Days in the calendar month.
    pub days_in_month: u32,
    /// Days of the month within the stay (P: the first and the last day of
    /// a stay both count).
    pub days_in_care: u32,
    /// `monthly_fee / days_in_month`, unrounded.
    pub daily_fee: Decimal,
    /// Days away charged in full (the first 3 of each absence).
    pub absence_days_full: u32,
    /// Days away charged at `absence_share` (from the 4th day of an absence).
    pub absence_days_reduced: u32,
    /// The share paid for a reduced day.
    pub absence_share: Decimal,
    /// The amount for the month, rounded to cents.
    pub amount: Decimal,
}

/// Days of the month in care charged in full absent days (first three of
/// an absence) and reduced ones, and the days in care.
fn count_days(
    month_first: Date,
    month_last: Date,
    stay_from: Date,
    stay_to: Option<Date>,
    absences: &[Absence],
) -> (u32, u32, u32) {
    let from = stay_from.max(month_first);
    let to = stay_to.map_or(month_last, |t| t.min(month_last));
    let (mut in_care, mut full, mut reduced) = (0u32, 0u32, 0u32);
    let mut day = from;
    while day <= to {
        in_care += 1;
        // The absence holding this day that began first decides (recorded
        // absences do not overlap).
        let index = absences
            .iter()
            .filter(|a| a.from <= day && day <= a.to)
            .map(|a| (day - a.from).whole_days())
            .max();
        match index {
            Some(i) if i < 3 => full += 1,
            Some(_) => reduced += 1,
            None => {}
        }
        match day.checked_add(Duration::days(1)) {
            Some(next) => day = next,
            None => break,
        }
    }
    (in_care, full, reduced)
}

/// R-FEE-9: what month `month` of a stay from `stay_from` to `stay_to`
/// (last day included; `None`: still staying) costs with the monthly fee
/// `monthly_fee`: the daily fee is the monthly fee / days in that month;
/// the first 3 days of each absence are charged in full (counted from the
/// absence's first day, even in the month before), from the 4th day
/// `absence_share` (30 %) of the daily fee. P: a stay that starts or ends
/// within the month pays for its days in care only (days in care × daily
/// fee; a whole month is exactly the monthly fee). `None` if the month is
/// not a month.
pub fn care_month(
    monthly_fee: Decimal,
    month: YearMonth,
    stay_from: Date,
    stay_to: Option<Date>,
    absences: &[Absence],
    absence_share: Decimal,
) -> Option<CareMonth> {
    let first = first_day(month)?;
    let last = last_day(month)?;
    let days_in_month = u32::from(last.day());
    let monthly_fee = monthly_fee.max(Decimal::ZERO);
    let share = absence_share.clamp(Decimal::ZERO, Decimal::ONE);
    let (in_care, full, reduced) = count_days(first, last, stay_from, stay_to, absences);
    let daily_fee = monthly_fee / Decimal::from(days_in_month);
    let amount = if in_care == days_in_month && reduced == 0 {
        monthly_fee
    } else {
        daily_fee * (Decimal::from(in_care - reduced) + Decimal::from(reduced) * share)
    };
    Some(CareMonth {
        monthly_fee,
        days_in_month,
        days_in_care: in_care,
        daily_fee,
        absence_days_full: full,
        absence_days_reduced: reduced,
        absence_share: share,
        amount: round_money(amount),
    })
}

#[cfg(test)]
#[path = "care_fees_tests.rs"]
mod tests;
