//! What the API answers about fees: one breakdown for every rule, line by
//! line, as quoted, kept with a fee record and shown in a review.

use crate::app::common::money;
use atvejis_domain::aids::{AidType, Newness};
use atvejis_domain::care_fees::{CareFee, CareFeeLimit, CareMonth};
use atvejis_domain::catalogue::FeeRule;
use atvejis_domain::fees::{
    FeeBand, FeeCalculation, FeeLimit, RateUsed, TransportMonth, TransportTier, fee_band,
};
use atvejis_domain::income::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;

/// Whose income a fee counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct IncomeBasis {
    /// The months of recorded income counted (`YYYY-MM`, the 3 months
    /// before the reference date); empty for a household given in a quote
    /// (its monthly incomes are as given).
    pub months: Vec<String>,
    /// Family members counted.
    pub members: u32,
    /// Average monthly income per member `I`.
    #[schema(value_type = String)]
    pub income_per_member: Decimal,
    /// The income a share applies to: the person's, or the family's total
    /// for a family's service.
    #[schema(value_type = String)]
    pub base_income: Decimal,
    /// The VRP in force `V`.
    #[schema(value_type = String)]
    pub vrp: Decimal,
    /// `2V`: up to and including this, free (R-FEE-0).
    #[schema(value_type = String)]
    pub free_limit: Decimal,
}

/// One trip of a transport fee (R-FEE-4 … R-FEE-7, R-FEE-2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TripLine {
    /// Km from the centre to the drop-off point.
    #[schema(value_type = String)]
    pub km_one_way: Decimal,
    /// Km charged: there and back (R-FEE-4).
    #[schema(value_type = String)]
    pub km_charged: Decimal,
    /// A free destination (R-FEE-6).
    pub destination_free: bool,
    /// The tariff per km applied.
    #[schema(value_type = String)]
    pub per_km: Decimal,
    /// The full price of the trip.
    #[schema(value_type = String)]
    pub cost: Decimal,
    /// The fare at the tariff.
    #[schema(value_type = String)]
    pub fare: Decimal,
    /// What the 2 VRP floor took off (R-FEE-2).
    #[schema(value_type = String)]
    pub reduction: Decimal,
    /// What is paid for the trip.
    #[schema(value_type = String)]
    pub charged: Decimal,
}

/// A care fee (R-FEE-8) and its month with absences (R-FEE-9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CareLine {
    /// The person's own average monthly income.
    #[schema(value_type = String)]
    pub income: Decimal,
    /// The share of income (0.8).
    #[schema(value_type = String)]
    pub income_share: Decimal,
    /// `income × income_share`.
    #[schema(value_type = String)]
    pub income_part: Decimal,
    /// The target compensation, in full.
    #[schema(value_type = String)]
    pub compensation_part: Decimal,
    /// Whether the asset part applies (an adult in long-term care that
    /// began after 2007-01-01).
    pub asset_rule_applies: bool,
    /// The assets over the normative.
    #[schema(value_type = String)]
    pub assets_over_normative: Decimal,
    /// `assets_over_normative × asset_share` (1 %), or 0.
    #[schema(value_type = String)]
    pub asset_part: Decimal,
    /// The parts together.
    #[schema(value_type = String)]
    pub uncapped: Decimal,
    /// The price of care a month (the fee never exceeds it).
    #[schema(value_type = String)]
    pub price: Decimal,
    /// Whether the price came from the request (else the rate in force).
    pub price_given: bool,
    /// What decided the monthly fee.
    pub limit: CareFeeLimit,
    /// The monthly fee, in cents.
    #[schema(value_type = String)]
    pub monthly_fee: Decimal,
    /// Days in the month of the quote's date.
    pub days_in_month: u32,
    /// Days absent charged in full (the first 3).
    pub absence_days_full: u32,
    /// Days absent charged at `absence_share` (from the 4th).
    pub absence_days_reduced: u32,
    /// The share of the daily fee paid from the 4th day away (0.3).
    #[schema(value_type = String)]
    pub absence_share: Decimal,
    /// `monthly_fee / days_in_month`, in cents (shown; the amount is
    /// computed unrounded).
    #[schema(value_type = String)]
    pub daily_fee: Decimal,
    /// What the month costs with the absences, in cents.
    #[schema(value_type = String)]
    pub month_amount: Decimal,
}

impl CareLine {
    /// From the domain's fee and month.
    pub fn new(
        fee: &CareFee,
        m: &CareMonth,
        income_share: Decimal,
        assets_over_normative: Decimal,
        price_given: bool,
    ) -> Self {
        CareLine {
            income: money(fee.income),
            income_share: income_share.normalize(),
            income_part: money(fee.income_part),
            compensation_part: money(fee.compensation_part),
            asset_rule_applies: fee.asset_rule_applies,
            assets_over_normative: money(assets_over_normative),
            asset_part: money(fee.asset_part),
            uncapped: money(fee.uncapped),
            price: money(fee.price),
            price_given,
            limit: fee.limit,
            monthly_fee: money(fee.monthly_fee),
            days_in_month: m.days_in_month,
            absence_days_full: m.absence_days_full,
            absence_days_reduced: m.absence_days_reduced,
            absence_share: m.absence_share.normalize(),
            daily_fee: money(atvejis_domain::fees::round_money(m.daily_fee)),
            month_amount: money(m.amount),
        }
    }
}

/// A technical aid's one-time fee (R-FEE-10) and its refund (R-FEE-11).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AidLine {
    /// The aid type.
    pub aid_type: AidType,
    /// A new or a re-issued item.
    pub newness: Newness,
    /// The price table's row in force on the date, from this day.
    pub price_valid_from: Date,
    /// The one-time fee paid at issue.
    #[schema(value_type = String)]
    pub fee: Decimal,
    /// R-FEE-11: refunded when a bed is returned by `refund_until` (0 for
    /// other types).
    #[schema(value_type = String)]
    pub refund: Decimal,
    /// The last day of return with the refund (12 months after issue).
    pub refund_until: Date,
}

/// A fee with every step, for display and to keep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FeeBreakdown {
    /// The service type's code.
    pub service_type: String,
    /// The rule that sets the fee; `None`: free (R-FEE-12).
    pub fee_rule: Option<FeeRule>,
    /// The date whose rates were used.
    pub reference_date: Date,
    /// Whose income counted; `None` when no income is needed (free
    /// service, full-price transport).
    pub income: Option<IncomeBasis>,
    /// The band of `I` (home help).
    pub band: Option<FeeBand>,
    /// The tier of a transport fare.
    pub transport_tier: Option<TransportTier>,
    /// The cap as a share of income (home help).
    #[schema(value_type = Option<String>)]
    pub cap_rate: Option<Decimal>,
    /// `cap_rate × base_income`.
    #[schema(value_type = Option<String>)]
    pub cap_amount: Option<Decimal>,
    /// `(I − 2V) × members`: the most the fee may take (R-FEE-2).
    #[schema(value_type = Option<String>)]
    pub floor_room: Option<Decimal>,
    /// Hours a month (home help).
    #[schema(value_type = Option<String>)]
    pub hours: Option<Decimal>,
    /// The hourly price (home help).
    #[schema(value_type = Option<String>)]
    pub hourly_price: Option<Decimal>,
    /// The cost of the service (its full price).
    #[schema(value_type = String)]
    pub cost: Decimal,
    /// The fee, rounded half-up to cents.
    #[schema(value_type = String)]
    pub fee: Decimal,
    /// What decided the fee.
    pub limited_by: FeeLimit,
    /// Transport: each trip.
    pub trips: Vec<TripLine>,
    /// The rate values used, with the dates they are in force from.
    pub rates_used: Vec<RateUsed>,
    /// Care (R-FEE-8, R-FEE-9): each part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care: Option<CareLine>,
    /// A technical aid (R-FEE-10, R-FEE-11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aid: Option<AidLine>,
}

/// R-FEE-8 / R-FEE-9: a care fee for the month of `on`.
pub fn care_breakdown(
    service_type: &str,
    on: Date,
    income: Option<IncomeBasis>,
    line: CareLine,
    rates_used: Vec<RateUsed>,
) -> FeeBreakdown {
    FeeBreakdown {
        service_type: service_type.to_owned(),
        fee_rule: Some(FeeRule::Rfee8),
        reference_date: on,
        income,
        band: None,
        transport_tier: None,
        cap_rate: Some(line.income_share),
        cap_amount: None,
        floor_room: None,
        hours: None,
        hourly_price: None,
        cost: line.price,
        fee: line.month_amount,
        limited_by: match line.limit {
            CareFeeLimit::Price => FeeLimit::Cost,
            CareFeeLimit::IncomeShare => FeeLimit::Cap,
        },
        trips: Vec::new(),
        rates_used,
        care: Some(line),
        aid: None,
    }
}

/// R-FEE-10 / R-FEE-11: a technical aid's fee.
pub fn aid_breakdown(service_type: &str, on: Date, line: AidLine) -> FeeBreakdown {
    FeeBreakdown {
        service_type: service_type.to_owned(),
        fee_rule: Some(FeeRule::Rfee10),
        reference_date: on,
        income: None,
        band: None,
        transport_tier: None,
        cap_rate: None,
        cap_amount: None,
        floor_room: None,
        hours: None,
        hourly_price: None,
        cost: line.fee,
        fee: line.fee,
        limited_by: FeeLimit::Cost,
        trips: Vec::new(),
        rates_used: Vec::new(),
        care: None,
        aid: Some(line),
    }
}

fn months(window: &[YearMonth]) -> Vec<String> {
    window.iter().map(|m| m.code()).collect()
}

impl FeeBreakdown {
    /// R-FEE-12: a free service.
    pub fn free(service_type: &str, on: Date) -> Self {
        FeeBreakdown {
            service_type: service_type.to_owned(),
            fee_rule: None,
            reference_date: on,
            income: None,
            band: None,
            transport_tier: None,
            cap_rate: None,
            cap_amount: None,
            floor_room: None,
            hours: None,
            hourly_price: None,
            cost: money(Decimal::ZERO),
            fee: money(Decimal::ZERO),
            limited_by: FeeLimit::Free,
            trips: Vec::new(),
            rates_used: Vec::new(),
            care: None,
            aid: None,
        }
    }

    /// R-FEE-1..3: a home-help fee (home help and respite).
    pub fn home_help(
        service_type: &str,
        on: Date,
        window: &[YearMonth],
        c: &FeeCalculation,
        rates_used: Vec<RateUsed>,
    ) -> Self {
        FeeBreakdown {
            service_type: service_type.to_owned(),
            fee_rule: Some(FeeRule::Rfee1),
            reference_date: on,
            income: Some(IncomeBasis {
                months: months(window),
                members: c.input.members,
                income_per_member: money(c.input.income_per_member),
                base_income: money(c.input.fee_base_income),
                vrp: money(c.input.vrp),
                free_limit: money(c.free_limit),
            }),
            band: Some(fee_band(c.input.income_per_member, c.input.vrp)),
            transport_tier: None,
            cap_rate: Some(c.cap_rate.normalize()),
            cap_amount: Some(money(c.cap_amount)),
            floor_room: Some(money(c.floor_room)),
            hours: Some(c.input.hours.normalize()),
            hourly_price: Some(money(c.input.hourly_price)),
            cost: money(c.cost),
            fee: money(c.fee),
            limited_by: c.limited_by,
            trips: Vec::new(),
            rates_used,
            care: None,
            aid: None,
        }
    }

    /// R-FEE-4 … R-FEE-7: a month of transport.
    pub fn transport(
        service_type: &str,
        on: Date,
        income: Option<IncomeBasis>,
        m: &TransportMonth,
        rates_used: Vec<RateUsed>,
    ) -> Self {
        FeeBreakdown {
            service_type: service_type.to_owned(),
            fee_rule: Some(FeeRule::Rfee5),
            reference_date: on,
            income,
            band: None,
            transport_tier: m.trips.first().map(|t| t.fare.tier),
            cap_rate: None,
            cap_amount: None,
            floor_room: m.floor_room.map(money),
            hours: None,
            hourly_price: None,
            cost: money(m.cost),
            fee: money(m.total),
            limited_by: m.limited_by,
            trips: m
                .trips
                .iter()
                .map(|t| TripLine {
                    km_one_way: t.fare.trip.km_one_way.normalize(),
                    km_charged: t.fare.km_charged.normalize(),
                    destination_free: t.fare.trip.destination_free,
                    per_km: money(t.fare.per_km),
                    cost: money(t.fare.cost),
                    fare: money(t.fare.fare),
                    reduction: money(t.reduction),
                    charged: money(t.charged),
                })
                .collect(),
            rates_used,
            care: None,
            aid: None,
        }
    }
}
