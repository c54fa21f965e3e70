//! The fee rules beyond home help: transport (R-FEE-4 … R-FEE-7), day care
//! (R-FEE-13), and the rate values a calculation used (shown with every
//! fee). Re-exported from [`crate::fees`].

use super::{FeeBand, FeeLimit, VrpBand, fee_band, pays_above_free_limit, round_money, vrp_band};
use crate::rates::RateKind;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A rate value a calculation used, with the date it is in force from (the
/// caller reads it from the municipality's rate table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RateUsed {
    /// The kind of rate.
    pub kind: RateKind,
    /// Its value.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub value: Decimal,
    /// In force from.
    pub effective_from: time::Date,
}

/// `(I − 2V) × members`, at least 0, cut down to whole cents: the most a
/// fee may take before income per member falls below 2 VRP (R-FEE-2).
pub fn floor_room(income_per_member: Decimal, members: u32, vrp: Decimal) -> Decimal {
    ((income_per_member - vrp * Decimal::TWO) * Decimal::from(members.max(1)))
        .max(Decimal::ZERO)
        .round_dp_with_strategy(2, RoundingStrategy::ToZero)
}

/// R-FEE-4 / R-FEE-5: the transport price and the tariffs per km, municipal
/// rates; the defaults are the seed's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransportRates {
    /// R-FEE-4: the full price, 0.32 EUR per km.
    pub km_price: Decimal,
    /// R-FEE-5: `2V < I < 3V`, 15 % = 0.05 EUR per km.
    pub tariff_2_3: Decimal,
    /// R-FEE-5: `3V ≤ I < 4V`, 25 % = 0.08 EUR per km.
    pub tariff_3_4: Decimal,
    /// R-FEE-5: `I ≥ 4V`, 50 % = 0.16 EUR per km.
    pub tariff_4: Decimal,
}

impl Default for TransportRates {
    fn default() -> Self {
        TransportRates {
            km_price: Decimal::new(32, 2),
            tariff_2_3: Decimal::new(5, 2),
            tariff_3_4: Decimal::new(8, 2),
            tariff_4: Decimal::new(16, 2),
        }
    }
}

/// The tier a transport fare is charged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransportTier {
    /// `I ≤ 2V`: free (R-FEE-5).
    UpTo2Free,
    /// `2V < I < 3V`: 0.05 EUR per km.
    Above2Below3,
    /// `3V ≤ I < 4V`: 0.08 EUR per km.
    From3To4,
    /// `I ≥ 4V` ("4 VRP ir daugiau"): 0.16 EUR per km.
    From4,
    /// R-FEE-7: the person chose the full price, 0.32 EUR per km, without
    /// proving income.
    FullPrice,
}

/// How a person pays for transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransportPayer {
    /// R-FEE-5: by the tier of the family's income per member.
    ByIncome {
        /// `I`.
        income_per_member: Decimal,
        /// Members counted in `I`.
        members: u32,
        /// `V` in force.
        vrp: Decimal,
    },
    /// R-FEE-7: the full price, no income needed.
    FullPrice,
}

/// R-FEE-5: the tier and the per-km tariff of income per member `I`: free
/// up to and including 2 VRP, then 0.05 / 0.08 / 0.16 EUR from 2 / 3 / 4
/// VRP (exactly 4 VRP pays 0.16, R-FEE-0).
pub fn transport_tariff(
    income_per_member: Decimal,
    vrp: Decimal,
    rates: &TransportRates,
) -> (TransportTier, Decimal) {
    match fee_band(income_per_member, vrp) {
        FeeBand::UpTo2Free => (TransportTier::UpTo2Free, Decimal::ZERO),
        FeeBand::Above2Below3 => (TransportTier::Above2Below3, rates.tariff_2_3),
        FeeBand::From3To4 => (TransportTier::From3To4, rates.tariff_3_4),
        FeeBand::From4To5 | FeeBand::From5 => (TransportTier::From4, rates.tariff_4),
    }
}

/// One trip as charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trip {
    /// The odometer km from the centre to the drop-off point, one way.
    pub km_one_way: Decimal,
    /// R-FEE-6: a free destination (treatment, care or nursing institution,
    /// a district institution; or free by the director's decision).
    pub destination_free: bool,
}

/// The fare of one trip, with every step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripFare {
    /// The trip.
    pub trip: Trip,
    /// `km_one_way × 2` (R-FEE-4: always there and back).
    pub km_charged: Decimal,
    /// The tier.
    pub tier: TransportTier,
    /// The tariff per km applied (0 when free).
    pub per_km: Decimal,
    /// The full price of the trip, `km_charged × 0.32`, in cents.
    pub cost: Decimal,
    /// The fare, `km_charged × per_km`, in cents (0 for a free
    /// destination).
    pub fare: Decimal,
}

/// R-FEE-4, R-FEE-5, R-FEE-6, R-FEE-7: the fare of one trip: the km from
/// the centre to the drop-off point counted there and back, times the
/// tariff of the person's tier (or the full 0.32 EUR when they chose to pay
/// it without proving income); nothing for a free destination. Negative km
/// count as none (the caller refuses them first).
pub fn transport_fare(trip: Trip, payer: &TransportPayer, rates: &TransportRates) -> TripFare {
    let km_charged = trip.km_one_way.max(Decimal::ZERO) * Decimal::TWO;
    let (tier, per_km) = match payer {
        TransportPayer::FullPrice => (TransportTier::FullPrice, rates.km_price),
        TransportPayer::ByIncome {
            income_per_member,
            vrp,
            ..
        } => transport_tariff(*income_per_member, *vrp, rates),
    };
    let per_km = if trip.destination_free {
        Decimal::ZERO
    } else {
        per_km
    };
    let cost = round_money(km_charged * rates.km_price);
    let fare = round_money(km_charged * per_km).min(cost);
    TripFare {
        trip,
        km_charged,
        tier,
        per_km,
        cost,
        fare,
    }
}

/// One trip of a month: its fare and what R-FEE-2 took off it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripCharge {
    /// The fare.
    pub fare: TripFare,
    /// What the 2 VRP floor took off the fare.
    pub reduction: Decimal,
    /// `fare − reduction`.
    pub charged: Decimal,
}

/// A month of transport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransportMonth {
    /// Each trip, in the order given.
    pub trips: Vec<TripCharge>,
    /// The full price of every trip together.
    pub cost: Decimal,
    /// The fares together, before the floor.
    pub fares: Decimal,
    /// R-FEE-2: the most the month's payments may take (`None` for the
    /// full-price choice: no income is known).
    pub floor_room: Option<Decimal>,
    /// What the month costs the person.
    pub total: Decimal,
    /// What decided it.
    pub limited_by: FeeLimit,
}

/// R-FEE-5 with R-FEE-2 over a month: each trip's fare (see
/// [`transport_fare`]), then the month's income after all transport
/// payments must leave at least 2 VRP per member, so the fares together
/// take at most `(I − 2V) × members`; the trips are charged in order until
/// that room is used, the rest reduced (each with its reduction). The
/// full-price choice (R-FEE-7) proves no income and has no floor.
pub fn transport_month(
    trips: &[Trip],
    payer: &TransportPayer,
    rates: &TransportRates,
) -> TransportMonth {
    let fares: Vec<TripFare> = trips
        .iter()
        .map(|t| transport_fare(*t, payer, rates))
        .collect();
    let cost: Decimal = fares.iter().map(|f| f.cost).sum();
    let sum: Decimal = fares.iter().map(|f| f.fare).sum();
    let room = match payer {
        TransportPayer::FullPrice => None,
        TransportPayer::ByIncome {
            income_per_member,
            members,
            vrp,
        } => Some(floor_room(*income_per_member, *members, *vrp)),
    };
    let mut left = room.unwrap_or(sum);
    let charges: Vec<TripCharge> = fares
        .into_iter()
        .map(|fare| {
            let charged = fare.fare.min(left).max(Decimal::ZERO);
            left -= charged;
            TripCharge {
                fare,
                reduction: fare.fare - charged,
                charged,
            }
        })
        .collect();
    let total: Decimal = charges.iter().map(|c| c.charged).sum();
    let free = match payer {
        TransportPayer::FullPrice => false,
        TransportPayer::ByIncome {
            income_per_member,
            vrp,
            ..
        } => !pays_above_free_limit(*income_per_member, *vrp),
    };
    let limited_by = if free {
        FeeLimit::Free
    } else if total < sum {
        FeeLimit::Floor
    } else if matches!(payer, TransportPayer::FullPrice) {
        FeeLimit::Cost
    } else {
        FeeLimit::Tariff
    };
    TransportMonth {
        trips: charges,
        cost,
        fares: sum,
        floor_room: room,
        total,
        limited_by,
    }
}

/// R-FEE-13: the day-care caps, municipal rates; the defaults are the
/// seeded ones (municipal practice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCareCaps {
    /// Alone, `I < 2V`: 10 %.
    pub alone_below_2: Decimal,
    /// Alone, `2V ≤ I < 3V`: 15 %.
    pub alone_2_3: Decimal,
    /// Alone, `I ≥ 3V`: 20 %.
    pub alone_3: Decimal,
    /// Family, `I < 2V`: 10 %.
    pub family_below_2: Decimal,
    /// Family, `2V ≤ I < 3V`: 20 %.
    pub family_2_3: Decimal,
    /// Family, `3V ≤ I < 4V`: 30 %.
    pub family_3_4: Decimal,
    /// Family, `4V ≤ I < 5V`: 40 %.
    pub family_4_5: Decimal,
    /// Family, `I ≥ 5V`: 50 %.
    pub family_5: Decimal,
}

impl Default for DayCareCaps {
    fn default() -> Self {
        let pct = |p: i64| Decimal::new(p, 2);
        DayCareCaps {
            alone_below_2: pct(10),
            alone_2_3: pct(15),
            alone_3: pct(20),
            family_below_2: pct(10),
            family_2_3: pct(20),
            family_3_4: pct(30),
            family_4_5: pct(40),
            family_5: pct(50),
        }
    }
}

/// R-FEE-13: the day-care cap, a share of income: a person living alone
/// 10 / 15 / 20 % for `I < 2V` / `2V ≤ I < 3V` / `I ≥ 3V`; a person in a
/// family 10 / 20 / 30 / 40 / 50 % of the family's income for `I < 2V`,
/// `2V ≤ I < 3V`, `3V ≤ I < 4V`, `4V ≤ I < 5V`, `I ≥ 5V` (half-open tiers,
/// R-FEE-0; the rule has no free band).
pub fn day_care_cap_rate(
    income_per_member: Decimal,
    vrp: Decimal,
    lives_alone: bool,
    caps: &DayCareCaps,
) -> Decimal {
    match (lives_alone, vrp_band(income_per_member, vrp)) {
        (true, VrpBand::Below2) => caps.alone_below_2,
        (true, VrpBand::From2To3) => caps.alone_2_3,
        (true, _) => caps.alone_3,
        (false, VrpBand::Below2) => caps.family_below_2,
        (false, VrpBand::From2To3) => caps.family_2_3,
        (false, VrpBand::From3To4) => caps.family_3_4,
        (false, VrpBand::From4To5) => caps.family_4_5,
        (false, VrpBand::From5) => caps.family_5,
    }
}

/// What a day-care fee is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCareFeeInput {
    /// `I`.
    pub income_per_member: Decimal,
    /// Members counted (1: the person lives alone).
    pub members: u32,
    /// The income the cap applies to: the person's when alone, the
    /// family's total otherwise.
    pub fee_base_income: Decimal,
    /// `V`.
    pub vrp: Decimal,
    /// The month's cost of the care.
    pub cost: Decimal,
    /// The caps in force.
    pub caps: DayCareCaps,
}

/// A day-care fee with its steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCareCalculation {
    /// The inputs.
    pub input: DayCareFeeInput,
    /// The band of `I`.
    pub band: VrpBand,
    /// The cap share.
    pub cap_rate: Decimal,
    /// `cap_rate × fee_base_income`.
    pub cap_amount: Decimal,
    /// The fee, in cents.
    pub fee: Decimal,
    /// What decided it.
    pub limited_by: FeeLimit,
}

/// R-FEE-13: the monthly day-care fee, `min(cost, cap)`, never negative.
pub fn day_care_fee(input: DayCareFeeInput) -> DayCareCalculation {
    let i = input.income_per_member;
    let cap_rate = day_care_cap_rate(i, input.vrp, input.members <= 1, &input.caps);
    let cap_amount = (cap_rate * input.fee_base_income).max(Decimal::ZERO);
    let cost = input.cost.max(Decimal::ZERO);
    let (raw, limited_by) = if cost <= cap_amount {
        (cost, FeeLimit::Cost)
    } else {
        (cap_amount, FeeLimit::Cap)
    };
    DayCareCalculation {
        input,
        band: vrp_band(i, input.vrp),
        cap_rate,
        cap_amount,
        fee: round_money(raw),
        limited_by,
    }
}

#[cfg(test)]
#[path = "fees_tests.rs"]
mod tests;
