//! Payment for social services: income tiers against the state-supported
//! income (VRP) and the home-help fee (R-FEE-0 … R-FEE-3).
//!
//! Amounts are `Decimal`; money is rounded half-up to cents once, at the end
//! of a calculation (RULES.md, P). Rates (VRP, caps, prices) are inputs: the
//! caller looks up the ones in force on the reference date.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

#[path = "fee_rules.rs"]
mod rules;
pub use rules::*;

/// Rounds money half-up to cents (RULES.md "Money", P).
pub fn round_money(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The band of income per family member `I` against the VRP `V`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VrpBand {
    /// `I < 2V`.
    Below2,
    /// `2V ≤ I < 3V`.
    From2To3,
    /// `3V ≤ I < 4V`.
    From3To4,
    /// `4V ≤ I < 5V`.
    From4To5,
    /// `I ≥ 5V`.
    From5,
}

/// R-FEE-0: the one function that places income in a tier. Tiers are
/// half-open: a tier "from a·V to b·V" holds `a·V ≤ I < b·V`. Fee rules that
/// say "more than 2 VRP" add [`pays_above_free_limit`].
pub fn vrp_band(income_per_member: Decimal, vrp: Decimal) -> VrpBand {
    let at_least = |multiple: u32| income_per_member >= vrp * Decimal::from(multiple);
    if at_least(5) {
        VrpBand::From5
    } else if at_least(4) {
        VrpBand::From4To5
    } else if at_least(3) {
        VrpBand::From3To4
    } else if at_least(2) {
        VrpBand::From2To3
    } else {
        VrpBand::Below2
    }
}

/// R-FEE-0: paying starts only above 2 VRP (`I ≤ 2V` is free wherever S4
/// says "more than 2 VRP").
pub fn pays_above_free_limit(income_per_member: Decimal, vrp: Decimal) -> bool {
    income_per_member > vrp * Decimal::TWO
}

/// The band of a fee that pays only above 2 VRP (R-FEE-0, R-FEE-1): the
/// band shown with a fee, so that exactly 2 VRP reads "up to 2 VRP — free".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeBand {
    /// `I ≤ 2V`: free.
    UpTo2Free,
    /// `2V < I < 3V`.
    Above2Below3,
    /// `3V ≤ I < 4V`.
    From3To4,
    /// `4V ≤ I < 5V`.
    From4To5,
    /// `I ≥ 5V`.
    From5,
}

/// R-FEE-0 / R-FEE-1: the fee band of `income_per_member`: free up to and
/// including 2 VRP, then the tiers of [`vrp_band`].
pub fn fee_band(income_per_member: Decimal, vrp: Decimal) -> FeeBand {
    if !pays_above_free_limit(income_per_member, vrp) {
        return FeeBand::UpTo2Free;
    }
    match vrp_band(income_per_member, vrp) {
        VrpBand::Below2 => FeeBand::UpTo2Free,
        VrpBand::From2To3 => FeeBand::Above2Below3,
        VrpBand::From3To4 => FeeBand::From3To4,
        VrpBand::From4To5 => FeeBand::From4To5,
        VrpBand::From5 => FeeBand::From5,
    }
}

/// R-FEE-1 / R-FEE-1a: the home-help cap, a share of income by tier. The
/// defaults are Kelmė's; every value is a municipal rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeHelpCaps {
    /// `2V < I < 3V`: 5 %.
    pub from_2_to_3: Decimal,
    /// `3V ≤ I < 4V`: 10 %.
    pub from_3_to_4: Decimal,
    /// `4V ≤ I < 5V`: 15 %.
    pub from_4_to_5: Decimal,
    /// `I ≥ 5V`: 20 % (R-FEE-1a; the seed lists no tier).
    pub from_5: Decimal,
}

impl Default for HomeHelpCaps {
    fn default() -> Self {
        HomeHelpCaps {
            from_2_to_3: Decimal::new(5, 2),
            from_3_to_4: Decimal::new(10, 2),
            from_4_to_5: Decimal::new(15, 2),
            from_5: Decimal::new(20, 2),
        }
    }
}

/// R-FEE-1: the share of income the home-help fee may not exceed.
pub fn home_help_cap_rate(
    income_per_member: Decimal,
    vrp: Decimal,
    caps: &HomeHelpCaps,
) -> Decimal {
    if !pays_above_free_limit(income_per_member, vrp) {
        return Decimal::ZERO;
    }
    match vrp_band(income_per_member, vrp) {
        VrpBand::Below2 => Decimal::ZERO,
        VrpBand::From2To3 => caps.from_2_to_3,
        VrpBand::From3To4 => caps.from_3_to_4,
        VrpBand::From4To5 => caps.from_4_to_5,
        VrpBand::From5 => caps.from_5,
    }
}

/// What the home-help fee is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeHelpFeeInput {
    /// `I`: average monthly income per family member over the 3 months
    /// before the application.
    pub income_per_member: Decimal,
    /// Family members counted in `I` (1 for a person living alone).
    pub members: u32,
    /// The income the cap applies to: the person's, or the family's total
    /// when the service is given to the family (R-FEE-1).
    pub fee_base_income: Decimal,
    /// `V`: the VRP in force on the reference date.
    pub vrp: Decimal,
    /// Hours of home help in the month.
    pub hours: Decimal,
    /// The hourly price set by the council.
    pub hourly_price: Decimal,
    /// The caps in force.
    pub caps: HomeHelpCaps,
}

/// Which limit decided the fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeLimit {
    /// Income per member at most 2 VRP: free (R-FEE-0, R-FEE-1).
    Free,
    /// The cost of the service (R-FEE-3).
    Cost,
    /// The share of income by tier (R-FEE-1).
    Cap,
    /// The 2 VRP floor after the fee (R-FEE-2).
    Floor,
    /// The per-km tariff of the income tier (R-FEE-5).
    Tariff,
}

/// The home-help fee with every input and every step, kept with the
/// decision so that it can be shown line by line and checked later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeCalculation {
    /// The inputs.
    pub input: HomeHelpFeeInput,
    /// `2V`: income per member up to this is free.
    pub free_limit: Decimal,
    /// The band of `I`.
    pub band: VrpBand,
    /// The cap share of income (0 when free).
    pub cap_rate: Decimal,
    /// `cap_rate × fee_base_income`.
    pub cap_amount: Decimal,
    /// `hours × hourly_price`.
    pub cost: Decimal,
    /// `(I − 2V) × members`, at least 0: the most the fee may take before
    /// income per member falls below 2 VRP.
    pub floor_room: Decimal,
    /// The monthly fee, rounded half-up to cents.
    pub fee: Decimal,
    /// The limit that decided it.
    pub limited_by: FeeLimit,
}

/// R-FEE-1, R-FEE-2, R-FEE-3: the monthly home-help fee is
/// `min(cost, cap, room above the 2 VRP floor)`, never negative; free when
/// income per member is at most 2 VRP.
pub fn home_help_fee(input: HomeHelpFeeInput) -> FeeCalculation {
    let i = input.income_per_member;
    let v = input.vrp;
    let free_limit = v * Decimal::TWO;
    let band = vrp_band(i, v);
    let cap_rate = home_help_cap_rate(i, v, &input.caps);
    let cap_amount = (cap_rate * input.fee_base_income).max(Decimal::ZERO);
    let cost = (input.hours * input.hourly_price).max(Decimal::ZERO);
    let floor_room = ((i - free_limit) * Decimal::from(input.members.max(1))).max(Decimal::ZERO);

    let (raw, limited_by) = if !pays_above_free_limit(i, v) {
        (Decimal::ZERO, FeeLimit::Free)
    } else {
        // Ties go to the first: cost, then cap, then floor.
        [
            (cost, FeeLimit::Cost),
            (cap_amount, FeeLimit::Cap),
            (floor_room, FeeLimit::Floor),
        ]
        .into_iter()
        .fold((cost, FeeLimit::Cost), |best, next| {
            if next.0 < best.0 { next } else { best }
        })
    };
    let mut fee = round_money(raw.max(Decimal::ZERO));
    // Rounding up a half cent must not push income per member below 2 VRP.
    if fee > floor_room {
        fee = floor_room.round_dp_with_strategy(2, RoundingStrategy::ToZero);
    }
    FeeCalculation {
        input,
        free_limit,
        band,
        cap_rate,
        cap_amount,
        cost,
        floor_room,
        fee,
        limited_by,
    }
}

/// Whose income a fee counts and on what base (R-FEE-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeIncome {
    /// Average monthly income per member `I`.
    pub income_per_member: Decimal,
    /// Members counted.
    pub members: u32,
    /// The income the cap applies to.
    pub fee_base_income: Decimal,
}

/// Why the income of a fee cannot be known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeeIncomeError<K> {
    /// A family's service, but the family had no members on the reference
    /// date.
    NoMembers,
    /// R-FEE-1: some counted members lack a record for some months of the
    /// window (missing income is not zero).
    Incomplete(Vec<crate::income::MissingIncome<K>>),
}

/// R-FEE-1: the [`FeeIncome`] of an application by `applicant`.
///
/// `family` is the membership of the family the applicant lives in (or the
/// family the service is for), `None` for a person living alone. The tier
/// is decided by the family's average income per member, counting the
/// members on `reference` (a member who joined later or left earlier does
/// not count), whether the service is for the person or for the family;
/// the cap applies to the person's own income, or to the family's total
/// when `family_service`. An applicant who was not a member on `reference`
/// lives alone for a person's service. Every counted member needs a record
/// (possibly "no income") for each month of the window.
pub fn fee_income<K: PartialEq + Clone>(
    applicant: &K,
    family: Option<&[crate::income::Membership<K>]>,
    family_service: bool,
    records: &[crate::income::IncomeRecord<K>],
    reference: time::Date,
) -> Result<FeeIncome, FeeIncomeError<K>> {
    use crate::income::{average_income_per_member, members_on, missing_income};
    let alone = vec![applicant.clone()];
    let on_reference = family.map(|f| members_on(f, reference));
    let counted = match on_reference {
        Some(members) if family_service => members,
        Some(members) if members.contains(applicant) => members,
        _ => alone.clone(),
    };
    if counted.is_empty() {
        return Err(FeeIncomeError::NoMembers);
    }
    let missing = missing_income(&counted, records, reference);
    if !missing.is_empty() {
        return Err(FeeIncomeError::Incomplete(missing));
    }
    let average = average_income_per_member(&counted, records, reference)
        .map_err(|_| FeeIncomeError::NoMembers)?;
    let fee_base_income = if family_service {
        average.monthly_total
    } else {
        average_income_per_member(&alone, records, reference)
            .map_err(|_| FeeIncomeError::NoMembers)?
            .monthly_total
    };
    Ok(FeeIncome {
        income_per_member: average.per_member,
        members: average.members,
        fee_base_income,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    const VRP_2025: Decimal = dec!(221);

    fn input(i: Decimal, hours: Decimal) -> HomeHelpFeeInput {
        HomeHelpFeeInput {
            income_per_member: i,
            members: 1,
            fee_base_income: i,
            vrp: VRP_2025,
            hours,
            hourly_price: dec!(7.00),
            caps: HomeHelpCaps::default(),
        }
    }

    #[test]
    fn r_fee_0_tier_boundaries_with_the_2025_vrp() {
        let v = VRP_2025;
        assert_eq!(vrp_band(dec!(441.99), v), VrpBand::Below2);
        assert_eq!(vrp_band(dec!(442.00), v), VrpBand::From2To3);
        assert!(
            !pays_above_free_limit(dec!(442.00), v),
            "exactly 2 VRP is free"
        );
        assert!(pays_above_free_limit(dec!(442.01), v));
        assert_eq!(vrp_band(dec!(662.99), v), VrpBand::From2To3);
        assert_eq!(vrp_band(dec!(663.00), v), VrpBand::From3To4);
        assert_eq!(vrp_band(dec!(883.99), v), VrpBand::From3To4);
        assert_eq!(vrp_band(dec!(884.00), v), VrpBand::From4To5);
        assert_eq!(vrp_band(dec!(1104.99), v), VrpBand::From4To5);
        assert_eq!(vrp_band(dec!(1105.00), v), VrpBand::From5);
    }

    #[test]
    fn r_fee_0_exactly_two_vrp_is_the_free_band() {
        let v = VRP_2025;
        assert_eq!(fee_band(dec!(441.99), v), FeeBand::UpTo2Free);
        assert_eq!(fee_band(dec!(442.00), v), FeeBand::UpTo2Free);
        assert_eq!(fee_band(dec!(442.01), v), FeeBand::Above2Below3);
        assert_eq!(fee_band(dec!(663.00), v), FeeBand::From3To4);
        assert_eq!(fee_band(dec!(884.00), v), FeeBand::From4To5);
        assert_eq!(fee_band(dec!(1105.00), v), FeeBand::From5);
        let calc = home_help_fee(input(dec!(442.00), dec!(100)));
        assert_eq!(calc.fee, dec!(0));
        assert_eq!(calc.limited_by, FeeLimit::Free);
    }

    #[test]
    fn r_fee_1_cap_rates_at_the_boundaries() {
        let caps = HomeHelpCaps::default();
        let rate = |i| home_help_cap_rate(i, VRP_2025, &caps);
        assert_eq!(rate(dec!(441.99)), dec!(0));
        assert_eq!(rate(dec!(442.00)), dec!(0));
        assert_eq!(rate(dec!(442.01)), dec!(0.05));
        assert_eq!(rate(dec!(662.99)), dec!(0.05));
        assert_eq!(rate(dec!(663.00)), dec!(0.10));
        assert_eq!(rate(dec!(663.01)), dec!(0.10));
        assert_eq!(rate(dec!(883.99)), dec!(0.10));
        assert_eq!(rate(dec!(884.00)), dec!(0.15));
        assert_eq!(rate(dec!(1104.99)), dec!(0.15));
        assert_eq!(rate(dec!(1105.00)), dec!(0.20));
        assert_eq!(rate(dec!(1105.01)), dec!(0.20));
    }

    #[test]
    fn r_fee_1_fee_at_exactly_2_3_4_5_vrp() {
        // Many hours, so that the cost does not bind.
        let fee = |i| home_help_fee(input(i, dec!(100))).fee;
        assert_eq!(fee(dec!(442.00)), dec!(0), "2 VRP: free");
        // 3 VRP: 10 % of 663 = 66.30; room above the floor 221 → cap binds.
        assert_eq!(fee(dec!(663.00)), dec!(66.30));
        // 4 VRP: 15 % of 884 = 132.60.
        assert_eq!(fee(dec!(884.00)), dec!(132.60));
        // 5 VRP: 20 % of 1105 = 221.00.
        assert_eq!(fee(dec!(1105.00)), dec!(221.00));
    }

    #[test]
    fn r_fee_1a_the_cap_above_five_vrp_is_a_rate() {
        let caps = HomeHelpCaps {
            from_5: dec!(0.25),
            ..HomeHelpCaps::default()
        };
        assert_eq!(
            home_help_cap_rate(dec!(1105.00), VRP_2025, &caps),
            dec!(0.25)
        );
        assert_eq!(
            home_help_cap_rate(dec!(1104.99), VRP_2025, &caps),
            dec!(0.15)
        );
        assert_eq!(
            HomeHelpCaps::default().from_5,
            dec!(0.20),
            "the default is the general 20 % cap"
        );
    }

    #[test]
    fn r_fee_2_floor_keeps_two_vrp_per_member() {
        // 450 EUR alone: cap 5 % = 22.50, but only 8.00 above 2 VRP remains.
        let calc = home_help_fee(input(dec!(450.00), dec!(20)));
        assert_eq!(calc.cap_amount, dec!(22.5000));
        assert_eq!(calc.floor_room, dec!(8.00));
        assert_eq!(calc.fee, dec!(8.00));
        assert_eq!(calc.limited_by, FeeLimit::Floor);
    }

    #[test]
    fn r_fee_3_fee_is_the_least_of_cost_cap_and_floor() {
        // 700 EUR alone, 4 hours at 7.00 = 28.00; cap 10 % = 70.00; room 258.
        let calc = home_help_fee(input(dec!(700.00), dec!(4)));
        assert_eq!(calc.cost, dec!(28.00));
        assert_eq!(calc.fee, dec!(28.00));
        assert_eq!(calc.limited_by, FeeLimit::Cost);
        // 40 hours = 280.00: the cap binds.
        let calc = home_help_fee(input(dec!(700.00), dec!(40)));
        assert_eq!(calc.fee, dec!(70.00));
        assert_eq!(calc.limited_by, FeeLimit::Cap);
    }

    #[test]
    fn r_fee_1_family_service_caps_the_family_total() {
        // A family of 3 with 1,500 EUR in total: I = 500 (2V < I < 3V → 5 %),
        // the cap applies to the family's total income: 75.00; room (500−442)×3 = 174.
        let calc = home_help_fee(HomeHelpFeeInput {
            income_per_member: dec!(500),
            members: 3,
            fee_base_income: dec!(1500),
            vrp: VRP_2025,
            hours: dec!(30),
            hourly_price: dec!(7),
            caps: HomeHelpCaps::default(),
        });
        assert_eq!(calc.cap_amount, dec!(75.00));
        assert_eq!(calc.floor_room, dec!(174));
        assert_eq!(calc.fee, dec!(75.00));
    }

    #[test]
    fn r_fee_0_money_rounds_half_up_once() {
        assert_eq!(round_money(dec!(0.005)), dec!(0.01));
        assert_eq!(round_money(dec!(2.344999)), dec!(2.34));
        assert_eq!(round_money(dec!(2.345)), dec!(2.35));
        // 10 % of 663.35 = 66.335 → 66.34, rounded once at the end.
        let calc = home_help_fee(input(dec!(663.35), dec!(100)));
        assert_eq!(calc.cap_amount, dec!(66.3350));
        assert_eq!(calc.fee, dec!(66.34));
    }

    mod family_income {
        use super::super::*;
        use crate::income::{IncomeRecord, IncomeSource, Membership, MissingIncome, YearMonth};
        use rust_decimal_macros::dec;
        use time::Date;
        use time::macros::date;

        // Application received 2025-09-15: the window is June, July, August 2025.
        const RECEIVED: Date = date!(2025 - 09 - 15);
        const WINDOW: [YearMonth; 3] = [
            YearMonth {
                year: 2025,
                month: 6,
            },
            YearMonth {
                year: 2025,
                month: 7,
            },
            YearMonth {
                year: 2025,
                month: 8,
            },
        ];

        fn months(member: &'static str, amount: Decimal) -> Vec<IncomeRecord<&'static str>> {
            WINDOW
                .iter()
                .map(|&month| IncomeRecord {
                    member,
                    month,
                    amount,
                    source: if amount.is_zero() {
                        IncomeSource::NoIncome
                    } else {
                        IncomeSource::Sodra
                    },
                })
                .collect()
        }

        fn member(who: &'static str, joined_on: Date) -> Membership<&'static str> {
            Membership {
                member: who,
                joined_on,
                left_on: None,
            }
        }

        fn home_help(income: &FeeIncome, hours: Decimal) -> FeeCalculation {
            home_help_fee(HomeHelpFeeInput {
                income_per_member: income.income_per_member,
                members: income.members,
                fee_base_income: income.fee_base_income,
                vrp: dec!(221),
                hours,
                hourly_price: dec!(7),
                caps: HomeHelpCaps::default(),
            })
        }

        #[test]
        fn r_fee_1_person_in_family_uses_average_per_member() {
            // S4: "Asmens, kurio pajamos (vidutinės šeimos pajamos, tenkančios
            // vienam šeimos nariui)". Ona earns 900 a month; her husband has no
            // income. Alone she would be in 4–5 VRP (900 ≥ 4 × 221); the family's
            // average per member is 450: just above 2 VRP, 5 % of HER income.
            let family = [
                member("ona", date!(2010 - 01 - 01)),
                member("jonas", date!(2010 - 01 - 01)),
            ];
            let mut records = months("ona", dec!(900));
            records.extend(months("jonas", dec!(0)));
            let income = fee_income(&"ona", Some(&family), false, &records, RECEIVED).unwrap();
            assert_eq!(income.income_per_member, dec!(450));
            assert_eq!(income.members, 2);
            assert_eq!(
                income.fee_base_income,
                dec!(900),
                "the share is of the person's income"
            );
            let calc = home_help(&income, dec!(100));
            assert_eq!(calc.cap_rate, dec!(0.05));
            assert_eq!(calc.cap_amount, dec!(45.00));
            // R-FEE-2: (450 − 442) × 2 = 16 is all the fee may take.
            assert_eq!(calc.fee, dec!(16.00));
            assert_eq!(calc.limited_by, FeeLimit::Floor);
            // Without the family she pays 15 % of 900 = 135.
            let alone =
                fee_income(&"ona", None, false, &months("ona", dec!(900)), RECEIVED).unwrap();
            assert_eq!(home_help(&alone, dec!(100)).fee, dec!(135.00));
        }

        #[test]
        fn r_fee_1_family_service_takes_the_share_of_the_family_total() {
            let family = [
                member("ona", date!(2010 - 01 - 01)),
                member("jonas", date!(2010 - 01 - 01)),
                member("vaikas", date!(2015 - 05 - 05)),
            ];
            let mut records = months("ona", dec!(1000));
            records.extend(months("jonas", dec!(500)));
            records.extend(months("vaikas", dec!(0)));
            let income = fee_income(&"ona", Some(&family), true, &records, RECEIVED).unwrap();
            assert_eq!(income.income_per_member, dec!(500));
            assert_eq!(income.members, 3);
            assert_eq!(income.fee_base_income, dec!(1500));
        }

        #[test]
        fn r_fee_1_member_who_joined_after_the_reference_date_does_not_count() {
            let family = [
                member("ona", date!(2010 - 01 - 01)),
                // Joined the day after the application was received.
                member("jonas", date!(2025 - 09 - 16)),
            ];
            let records = months("ona", dec!(900));
            let income = fee_income(&"ona", Some(&family), false, &records, RECEIVED).unwrap();
            assert_eq!(
                income.members, 1,
                "Jonas does not count and needs no income"
            );
            assert_eq!(income.income_per_member, dec!(900));
            // Joined on the reference date itself: counts.
            let family = [
                member("ona", date!(2010 - 01 - 01)),
                member("jonas", RECEIVED),
            ];
            let mut records = months("ona", dec!(900));
            records.extend(months("jonas", dec!(0)));
            let income = fee_income(&"ona", Some(&family), false, &records, RECEIVED).unwrap();
            assert_eq!(income.members, 2);
        }

        #[test]
        fn r_fee_1_member_who_left_before_the_reference_date_does_not_count() {
            let family = [
                member("ona", date!(2010 - 01 - 01)),
                Membership {
                    member: "jonas",
                    joined_on: date!(2010 - 01 - 01),
                    left_on: Some(date!(2025 - 09 - 01)),
                },
            ];
            let records = months("ona", dec!(900));
            let income = fee_income(&"ona", Some(&family), false, &records, RECEIVED).unwrap();
            assert_eq!(income.members, 1);
            // Left on a later day: still a member on the reference date.
            let family = [
                member("ona", date!(2010 - 01 - 01)),
                Membership {
                    member: "jonas",
                    joined_on: date!(2010 - 01 - 01),
                    left_on: Some(date!(2025 - 09 - 16)),
                },
            ];
            assert!(matches!(
                fee_income(&"ona", Some(&family), false, &records, RECEIVED),
                Err(FeeIncomeError::Incomplete(_))
            ));
        }

        #[test]
        fn r_fee_1_a_person_not_yet_in_the_family_lives_alone() {
            let family = [
                member("ona", date!(2026 - 01 - 01)),
                member("jonas", date!(2010 - 01 - 01)),
            ];
            let records = months("ona", dec!(900));
            let income = fee_income(&"ona", Some(&family), false, &records, RECEIVED).unwrap();
            assert_eq!(income.members, 1);
            assert_eq!(income.fee_base_income, dec!(900));
        }

        #[test]
        fn r_fee_1_missing_income_is_not_zero() {
            // One recorded month of three: the fee cannot be calculated.
            let records = vec![IncomeRecord {
                member: "ona",
                month: WINDOW[1],
                amount: dec!(900),
                source: IncomeSource::Sodra,
            }];
            assert_eq!(
                fee_income(&"ona", None, false, &records, RECEIVED),
                Err(FeeIncomeError::Incomplete(vec![MissingIncome {
                    member: "ona",
                    months: vec![WINDOW[0], WINDOW[2]],
                }]))
            );
            // A family member without records is named with every month.
            let family = [
                member("ona", date!(2010 - 01 - 01)),
                member("jonas", date!(2010 - 01 - 01)),
            ];
            let Err(FeeIncomeError::Incomplete(missing)) = fee_income(
                &"ona",
                Some(&family),
                false,
                &months("ona", dec!(900)),
                RECEIVED,
            ) else {
                panic!("incomplete expected");
            };
            assert_eq!(
                missing,
                vec![MissingIncome {
                    member: "jonas",
                    months: WINDOW.to_vec(),
                }]
            );
        }

        #[test]
        fn r_fee_1_an_explicit_no_income_month_counts_as_zero() {
            let mut records = months("ona", dec!(900));
            records[2] = IncomeRecord {
                member: "ona",
                month: WINDOW[2],
                amount: dec!(0),
                source: IncomeSource::NoIncome,
            };
            let income = fee_income(&"ona", None, false, &records, RECEIVED).unwrap();
            assert_eq!(income.income_per_member, dec!(600));
        }

        #[test]
        fn r_fee_1_a_family_without_members_on_the_date_has_no_fee() {
            let family = [member("jonas", date!(2026 - 01 - 01))];
            assert_eq!(
                fee_income(&"ona", Some(&family), true, &[], RECEIVED),
                Err(FeeIncomeError::NoMembers)
            );
        }
    }

    fn money() -> impl Strategy<Value = Decimal> {
        (0i64..500_000).prop_map(|cents| Decimal::new(cents, 2))
    }

    proptest! {
        #[test]
        fn r_fee_3_fee_is_bounded(i in money(), members in 1u32..8, hours in 0u32..200, price in 0i64..3000) {
            let calc = home_help_fee(HomeHelpFeeInput {
                income_per_member: i,
                members,
                fee_base_income: i * Decimal::from(members),
                vrp: VRP_2025,
                hours: Decimal::from(hours),
                hourly_price: Decimal::new(price, 2),
                caps: HomeHelpCaps::default(),
            });
            prop_assert!(calc.fee >= Decimal::ZERO);
            prop_assert!(calc.fee <= round_money(calc.cost));
            prop_assert!(calc.fee <= round_money(calc.cap_amount));
            prop_assert_eq!(calc.fee, round_money(calc.fee), "whole cents");
            if calc.fee > Decimal::ZERO {
                // R-FEE-2: after the fee, income per member stays ≥ 2 VRP.
                let after = (i * Decimal::from(members) - calc.fee) / Decimal::from(members);
                prop_assert!(after >= VRP_2025 * Decimal::TWO);
            }
            if i <= VRP_2025 * Decimal::TWO {
                prop_assert_eq!(calc.fee, Decimal::ZERO);
            }
        }

        #[test]
        fn r_fee_3_fee_grows_with_hours(i in money(), hours in 0u32..199) {
            let fee = |h: u32| home_help_fee(input(i, Decimal::from(h))).fee;
            prop_assert!(fee(hours + 1) >= fee(hours));
        }

        #[test]
        fn r_fee_0_bands_are_ordered_by_income(a in money(), b in money()) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(vrp_band(lo, VRP_2025) <= vrp_band(hi, VRP_2025));
        }
    }
}
