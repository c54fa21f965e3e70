//! Technical aids (techninės pagalbos priemonės, TPP): the types the centre
//! lends, the one-time fee at issue (R-FEE-10), the refund when a bed comes
//! back within 12 months (R-FEE-11), the return after the user's death and
//! the medical extract's validity (R-LIM-6), and the order of the waiting
//! list of a type that is out of stock.
//!
//! Prices are effective-dated data per municipality: the caller looks up the
//! [`AidPrice`] in force on the day of issue ([`price_in_force`]) and the
//! functions here take it. [`AidPrice::since_2017`] is the table in force
//! since 2017-01-02 (the seed's figures), used to seed a municipality's table.
//!
//! Terms counted in months end on the corresponding day of the last month
//! (Civil Code art. 1.121; the month's last day when it has no such day):
//! "ne daugiau kaip 12 mėnesių nuo išdavimo datos" — a bed returned on the
//! same calendar day 12 months after its issue has been kept exactly 12
//! months, not more, and earns the refund; the next day it does not. The
//! F027/a extract's "galioja 12 mėnesių" is counted the same way.

use crate::cases::add_months;
use crate::fees::round_money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use time::{Date, Duration, Month};

/// A type of technical aid the centre lends. The four with a fee are the
/// seed's "judėjimo TPP" price table (R-FEE-10); the others are lent free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AidType {
    /// Automatiškai reguliuojama lova (functional bed, electric).
    AutomaticBed,
    /// Rankomis reguliuojama lova (functional bed, manual).
    ManualBed,
    /// Naktipuodžio kėdutė.
    CommodeChair,
    /// Vaikštynė su staliuku.
    WalkerWithTable,
    /// Čiužinys nuo pragulų.
    PressureMattress,
    /// Staliukas prie lovos.
    BedsideTable,
    /// Vežimėlis.
    Wheelchair,
    /// Ramentai, lazdos.
    Crutches,
}

impl AidType {
    /// Every type, in a stable order.
    pub const ALL: [AidType; 8] = [
        AidType::AutomaticBed,
        AidType::ManualBed,
        AidType::CommodeChair,
        AidType::WalkerWithTable,
        AidType::PressureMattress,
        AidType::BedsideTable,
        AidType::Wheelchair,
        AidType::Crutches,
    ];

    /// The code as stored and sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            AidType::AutomaticBed => "automatic_bed",
            AidType::ManualBed => "manual_bed",
            AidType::CommodeChair => "commode_chair",
            AidType::WalkerWithTable => "walker_with_table",
            AidType::PressureMattress => "pressure_mattress",
            AidType::BedsideTable => "bedside_table",
            AidType::Wheelchair => "wheelchair",
            AidType::Crutches => "crutches",
        }
    }

    /// R-FEE-11: whether it is a bed (only beds earn a refund).
    pub const fn is_bed(self) -> bool {
        matches!(self, AidType::AutomaticBed | AidType::ManualBed)
    }
}

impl fmt::Display for AidType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code that names no aid type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown aid type `{0}`")]
pub struct UnknownAidType(pub String);

impl FromStr for AidType {
    type Err = UnknownAidType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AidType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownAidType(s.to_owned()))
    }
}

/// Whether an item is issued for the first time (new) or re-issued (used):
/// the price table's two columns (R-FEE-10, R-FEE-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Newness {
    /// Never issued before ("įsigytos TPP").
    New,
    /// Issued before ("pakartotinai išduodama TPP").
    Used,
}

impl Newness {
    /// The code as stored and sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            Newness::New => "new",
            Newness::Used => "used",
        }
    }

    /// The value of `code`.
    pub fn parse(code: &str) -> Option<Newness> {
        [Newness::New, Newness::Used]
            .into_iter()
            .find(|n| n.as_str() == code)
    }
}

/// The physical condition of an item, recorded when it is added, edited or
/// returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AidCondition {
    /// Good.
    Good,
    /// Worn but usable.
    Worn,
    /// Needs repair.
    Damaged,
}

impl AidCondition {
    /// The code as stored and sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            AidCondition::Good => "good",
            AidCondition::Worn => "worn",
            AidCondition::Damaged => "damaged",
        }
    }

    /// The value of `code`.
    pub fn parse(code: &str) -> Option<AidCondition> {
        [
            AidCondition::Good,
            AidCondition::Worn,
            AidCondition::Damaged,
        ]
        .into_iter()
        .find(|c| c.as_str() == code)
    }
}

/// Where an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AidStatus {
    /// In stock, may be issued.
    Available,
    /// Lent to someone (set only by issuing and returning a loan).
    OnLoan,
    /// Being repaired.
    InRepair,
    /// Written off.
    WrittenOff,
}

impl AidStatus {
    /// The code as stored and sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            AidStatus::Available => "available",
            AidStatus::OnLoan => "on_loan",
            AidStatus::InRepair => "in_repair",
            AidStatus::WrittenOff => "written_off",
        }
    }

    /// The value of `code`.
    pub fn parse(code: &str) -> Option<AidStatus> {
        [
            AidStatus::Available,
            AidStatus::OnLoan,
            AidStatus::InRepair,
            AidStatus::WrittenOff,
        ]
        .into_iter()
        .find(|s| s.as_str() == code)
    }
}

/// The prices of one aid type in force from a day (R-FEE-10, R-FEE-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AidPrice {
    /// The type.
    pub aid_type: AidType,
    /// In force from this day.
    pub valid_from: Date,
    /// R-FEE-10: the one-time fee for a new item, EUR.
    pub fee_new: Decimal,
    /// R-FEE-10: the one-time fee for a re-issued (used) item, EUR.
    pub fee_used: Decimal,
    /// R-FEE-11: the refund for a bed issued new and returned within 12
    /// months, EUR (0 for other types).
    pub refund_new: Decimal,
    /// R-FEE-11: the refund for a bed issued used, EUR.
    pub refund_used: Decimal,
}

/// The day the seed's price table came into force (order A1-1).
pub const PRICES_2017_FROM: Date = match Date::from_calendar_date(2017, Month::January, 2) {
    Ok(d) => d,
    Err(_) => Date::MIN,
};

impl AidPrice {
    /// R-FEE-10, R-FEE-11: the prices in force since 2017-01-02: automatic
    /// bed 72 / 35 (refund 29 / 15), manual bed 43 / 20 (refund 15 / 8),
    /// commode chair 6 / 3, walker with table 9 / 5; the other types free.
    pub fn since_2017(aid_type: AidType) -> AidPrice {
        let (fee_new, fee_used, refund_new, refund_used) = match aid_type {
            AidType::AutomaticBed => (72, 35, 29, 15),
            AidType::ManualBed => (43, 20, 15, 8),
            AidType::CommodeChair => (6, 3, 0, 0),
            AidType::WalkerWithTable => (9, 5, 0, 0),
            AidType::PressureMattress
            | AidType::BedsideTable
            | AidType::Wheelchair
            | AidType::Crutches => (0, 0, 0, 0),
        };
        AidPrice {
            aid_type,
            valid_from: PRICES_2017_FROM,
            fee_new: Decimal::from(fee_new),
            fee_used: Decimal::from(fee_used),
            refund_new: Decimal::from(refund_new),
            refund_used: Decimal::from(refund_used),
        }
    }
}

/// The price of `aid_type` in force on `on`: the row with the latest
/// `valid_from` not after `on`; `None` before the first.
pub fn price_in_force(prices: &[AidPrice], aid_type: AidType, on: Date) -> Option<AidPrice> {
    prices
        .iter()
        .filter(|p| p.aid_type == aid_type && p.valid_from <= on)
        .max_by_key(|p| p.valid_from)
        .copied()
}

/// R-FEE-10: the one-time fee paid when an item is issued: the price in
/// force on the day of issue for a new or a re-issued (used) item, rounded
/// to cents, never negative.
pub fn issue_fee(price: &AidPrice, newness: Newness) -> Decimal {
    let fee = match newness {
        Newness::New => price.fee_new,
        Newness::Used => price.fee_used,
    };
    round_money(fee.max(Decimal::ZERO))
}

/// R-FEE-11: how long a bed may be kept and still earn the refund.
pub const REFUND_WITHIN_MONTHS: u32 = 12;

/// R-FEE-11: the last day a bed issued on `issued_on` may be returned with a
/// refund: the same calendar day 12 months later (inclusive; see the
/// module's note on terms counted in months).
pub fn refund_until(issued_on: Date) -> Date {
    add_months(issued_on, REFUND_WITHIN_MONTHS)
}

/// R-FEE-11: the refund for an item of `aid_type` issued on `issued_on` as
/// `newness` under `price` (the price in force at issue), for which
/// `fee_paid` was paid, returned on `returned_on`: the bed's refund when
/// returned no later than [`refund_until`], never more than the fee paid;
/// 0 for other types and after 12 months.
pub fn refund(
    price: &AidPrice,
    newness: Newness,
    fee_paid: Decimal,
    issued_on: Date,
    returned_on: Date,
) -> Decimal {
    if !price.aid_type.is_bed() || returned_on < issued_on || returned_on > refund_until(issued_on)
    {
        return Decimal::ZERO;
    }
    let amount = match newness {
        Newness::New => price.refund_new,
        Newness::Used => price.refund_used,
    };
    round_money(amount.min(fee_paid).max(Decimal::ZERO))
}

/// R-LIM-6: days the family has to return the aids after the user's death.
pub const RETURN_AFTER_DEATH_DAYS: i64 = 30;

/// R-LIM-6: the last day the aids of a user who died on `died_on` are to be
/// returned (30 calendar days after the death).
pub fn return_due_after_death(died_on: Date) -> Date {
    died_on + Duration::days(RETURN_AFTER_DEATH_DAYS)
}

/// R-LIM-6: whether an open loan due back on `return_due_on` is overdue on
/// `today` (the due day itself is not overdue).
pub fn return_overdue(return_due_on: Option<Date>, returned_on: Option<Date>, today: Date) -> bool {
    matches!((return_due_on, returned_on), (Some(due), None) if today > due)
}

/// R-LIM-6: how long the F027/a medical extract is valid.
pub const EXTRACT_027A_VALID_MONTHS: u32 = 12;

/// R-LIM-6: the last day an F027/a extract issued on `issued_on` allows an
/// aid to be issued (12 calendar months after it, inclusive).
pub fn extract_valid_until(issued_on: Date) -> Date {
    add_months(issued_on, EXTRACT_027A_VALID_MONTHS)
}

/// Why an aid cannot be issued on a day (R-LIM-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum ExtractProblem {
    /// Issued after the day of issue.
    #[error("R-LIM-6: the F027/a medical extract cannot be issued after the aid")]
    AfterIssue,
    /// More than 12 months old on the day of issue.
    #[error(
        "R-LIM-6: the F027/a medical extract is valid 12 months; it expired before the day of issue"
    )]
    Expired,
}

/// R-LIM-6: checks that the F027/a extract issued on `extract_issued_on`
/// is valid on `issued_on` (not later than it, at most 12 months before).
pub fn check_extract(extract_issued_on: Date, issued_on: Date) -> Result<(), ExtractProblem> {
    if extract_issued_on > issued_on {
        Err(ExtractProblem::AfterIssue)
    } else if issued_on > extract_valid_until(extract_issued_on) {
        Err(ExtractProblem::Expired)
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[path = "aids_tests.rs"]
mod tests;
