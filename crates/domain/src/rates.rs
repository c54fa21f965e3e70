//! The kinds of effective-dated rates a municipality keeps: the VRP, the
//! hourly price of home help and the fee caps of R-FEE-1 / R-FEE-1a, the
//! transport price and tariffs (R-FEE-4, R-FEE-5), the care shares, asset
//! normative and prices (R-FEE-8, R-FEE-9) and the day-care caps (R-FEE-13).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A kind of rate. Stored and sent as its code (`vrp`, `home_help_cap_2_3`, …);
/// a code is never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RateKind {
    /// State-supported income (VRP), EUR a month.
    Vrp,
    /// Home help: the council's hourly price, EUR.
    HomeHelpHourlyPrice,
    /// R-FEE-1: fee cap for `2V < I < 3V`, a share of income.
    #[serde(rename = "home_help_cap_2_3")]
    HomeHelpCap2To3,
    /// R-FEE-1: fee cap for `3V ≤ I < 4V`, a share of income.
    #[serde(rename = "home_help_cap_3_4")]
    HomeHelpCap3To4,
    /// R-FEE-1: fee cap for `4V ≤ I < 5V`, a share of income.
    #[serde(rename = "home_help_cap_4_5")]
    HomeHelpCap4To5,
    /// R-FEE-1a: fee cap for `I ≥ 5V`, a share of income.
    #[serde(rename = "home_help_cap_5")]
    HomeHelpCap5,
    /// R-FEE-4: transport, the full price per km, EUR (0.32).
    TransportKmPrice,
    /// R-FEE-5: transport tariff per km for `2V < I < 3V`, EUR (0.05).
    #[serde(rename = "transport_tariff_2_3")]
    TransportTariff2To3,
    /// R-FEE-5: transport tariff per km for `3V ≤ I < 4V`, EUR (0.08).
    #[serde(rename = "transport_tariff_3_4")]
    TransportTariff3To4,
    /// R-FEE-5: transport tariff per km for `I ≥ 4V`, EUR (0.16).
    #[serde(rename = "transport_tariff_4")]
    TransportTariff4,
    /// R-FEE-8: the largest share of income a care fee takes (0.80).
    CareIncomeShare,
    /// R-FEE-9: the share of the daily fee paid from the 4th day of an
    /// absence (0.30).
    CareAbsenceShare,
    /// R-FEE-8: the monthly share of the assets over the normative (0.01).
    CareAssetShare,
    /// R-FEE-8: the municipality's asset value normative, EUR (P default).
    CareAssetNormative,
    /// R-FEE-8: the monthly price of short-term care in the group living
    /// home, EUR (P default).
    GroupLivingShortTermMonthlyPrice,
    /// R-FEE-8: the monthly price of long-term care in the group living
    /// home, EUR (P default).
    GroupLivingLongTermMonthlyPrice,
    /// R-FEE-13: day care, a person living alone, `I < 2V` (0.10).
    #[serde(rename = "day_care_alone_cap_below_2")]
    DayCareAloneCapBelow2,
    /// R-FEE-13: day care, a person living alone, `2V ≤ I < 3V` (0.15).
    #[serde(rename = "day_care_alone_cap_2_3")]
    DayCareAloneCap2To3,
    /// R-FEE-13: day care, a person living alone, `I ≥ 3V` (0.20).
    #[serde(rename = "day_care_alone_cap_3")]
    DayCareAloneCap3,
    /// R-FEE-13: day care, a family, `I < 2V` (0.10).
    #[serde(rename = "day_care_family_cap_below_2")]
    DayCareFamilyCapBelow2,
    /// R-FEE-13: day care, a family, `2V ≤ I < 3V` (0.20).
    #[serde(rename = "day_care_family_cap_2_3")]
    DayCareFamilyCap2To3,
    /// R-FEE-13: day care, a family, `3V ≤ I < 4V` (0.30).
    #[serde(rename = "day_care_family_cap_3_4")]
    DayCareFamilyCap3To4,
    /// R-FEE-13: day care, a family, `4V ≤ I < 5V` (0.40).
    #[serde(rename = "day_care_family_cap_4_5")]
    DayCareFamilyCap4To5,
    /// R-FEE-13: day care, a family, `I ≥ 5V` (0.50).
    #[serde(rename = "day_care_family_cap_5")]
    DayCareFamilyCap5,
}

impl RateKind {
    /// Every kind, in a stable order.
    pub const ALL: [RateKind; 24] = [
        RateKind::Vrp,
        RateKind::HomeHelpHourlyPrice,
        RateKind::HomeHelpCap2To3,
        RateKind::HomeHelpCap3To4,
        RateKind::HomeHelpCap4To5,
        RateKind::HomeHelpCap5,
        RateKind::TransportKmPrice,
        RateKind::TransportTariff2To3,
        RateKind::TransportTariff3To4,
        RateKind::TransportTariff4,
        RateKind::CareIncomeShare,
        RateKind::CareAbsenceShare,
        RateKind::CareAssetShare,
        RateKind::CareAssetNormative,
        RateKind::GroupLivingShortTermMonthlyPrice,
        RateKind::GroupLivingLongTermMonthlyPrice,
        RateKind::DayCareAloneCapBelow2,
        RateKind::DayCareAloneCap2To3,
        RateKind::DayCareAloneCap3,
        RateKind::DayCareFamilyCapBelow2,
        RateKind::DayCareFamilyCap2To3,
        RateKind::DayCareFamilyCap3To4,
        RateKind::DayCareFamilyCap4To5,
        RateKind::DayCareFamilyCap5,
    ];

    /// The code as stored and sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            RateKind::Vrp => "vrp",
            RateKind::HomeHelpHourlyPrice => "home_help_hourly_price",
            RateKind::HomeHelpCap2To3 => "home_help_cap_2_3",
            RateKind::HomeHelpCap3To4 => "home_help_cap_3_4",
            RateKind::HomeHelpCap4To5 => "home_help_cap_4_5",
            RateKind::HomeHelpCap5 => "home_help_cap_5",
            RateKind::TransportKmPrice => "transport_km_price",
            RateKind::TransportTariff2To3 => "transport_tariff_2_3",
            RateKind::TransportTariff3To4 => "transport_tariff_3_4",
            RateKind::TransportTariff4 => "transport_tariff_4",
            RateKind::CareIncomeShare => "care_income_share",
            RateKind::CareAbsenceShare => "care_absence_share",
            RateKind::CareAssetShare => "care_asset_share",
            RateKind::CareAssetNormative => "care_asset_normative",
            RateKind::GroupLivingShortTermMonthlyPrice => "group_living_short_term_monthly_price",
            RateKind::GroupLivingLongTermMonthlyPrice => "group_living_long_term_monthly_price",
            RateKind::DayCareAloneCapBelow2 => "day_care_alone_cap_below_2",
            RateKind::DayCareAloneCap2To3 => "day_care_alone_cap_2_3",
            RateKind::DayCareAloneCap3 => "day_care_alone_cap_3",
            RateKind::DayCareFamilyCapBelow2 => "day_care_family_cap_below_2",
            RateKind::DayCareFamilyCap2To3 => "day_care_family_cap_2_3",
            RateKind::DayCareFamilyCap3To4 => "day_care_family_cap_3_4",
            RateKind::DayCareFamilyCap4To5 => "day_care_family_cap_4_5",
            RateKind::DayCareFamilyCap5 => "day_care_family_cap_5",
        }
    }

    /// What it is, for people.
    pub const fn doc(self) -> &'static str {
        match self {
            RateKind::Vrp => "state-supported income (VRP), EUR a month",
            RateKind::HomeHelpHourlyPrice => "home help hourly price, EUR",
            RateKind::HomeHelpCap2To3 => "home help fee cap for 2–3 VRP, a share of income",
            RateKind::HomeHelpCap3To4 => "home help fee cap for 3–4 VRP, a share of income",
            RateKind::HomeHelpCap4To5 => "home help fee cap for 4–5 VRP, a share of income",
            RateKind::HomeHelpCap5 => "home help fee cap from 5 VRP, a share of income",
            RateKind::TransportKmPrice => "transport full price per km, EUR",
            RateKind::TransportTariff2To3 => "transport tariff per km for 2–3 VRP, EUR",
            RateKind::TransportTariff3To4 => "transport tariff per km for 3–4 VRP, EUR",
            RateKind::TransportTariff4 => "transport tariff per km from 4 VRP, EUR",
            RateKind::CareIncomeShare => "care fee: the largest share of income",
            RateKind::CareAbsenceShare => {
                "care fee: share of the daily fee paid from the 4th day of an absence"
            }
            RateKind::CareAssetShare => "care fee: monthly share of assets over the normative",
            RateKind::CareAssetNormative => "care fee: the asset value normative, EUR",
            RateKind::GroupLivingShortTermMonthlyPrice => {
                "group living home, short-term care price, EUR a month"
            }
            RateKind::GroupLivingLongTermMonthlyPrice => {
                "group living home, long-term care price, EUR a month"
            }
            RateKind::DayCareAloneCapBelow2 => "day care cap, living alone, below 2 VRP, a share",
            RateKind::DayCareAloneCap2To3 => "day care cap, living alone, 2–3 VRP, a share",
            RateKind::DayCareAloneCap3 => "day care cap, living alone, from 3 VRP, a share",
            RateKind::DayCareFamilyCapBelow2 => "day care cap, family, below 2 VRP, a share",
            RateKind::DayCareFamilyCap2To3 => "day care cap, family, 2–3 VRP, a share",
            RateKind::DayCareFamilyCap3To4 => "day care cap, family, 3–4 VRP, a share",
            RateKind::DayCareFamilyCap4To5 => "day care cap, family, 4–5 VRP, a share",
            RateKind::DayCareFamilyCap5 => "day care cap, family, from 5 VRP, a share",
        }
    }

    /// Whether the value is a share (0–1) rather than an amount.
    pub const fn is_share(self) -> bool {
        matches!(
            self,
            RateKind::HomeHelpCap2To3
                | RateKind::HomeHelpCap3To4
                | RateKind::HomeHelpCap4To5
                | RateKind::HomeHelpCap5
                | RateKind::CareIncomeShare
                | RateKind::CareAbsenceShare
                | RateKind::CareAssetShare
                | RateKind::DayCareAloneCapBelow2
                | RateKind::DayCareAloneCap2To3
                | RateKind::DayCareAloneCap3
                | RateKind::DayCareFamilyCapBelow2
                | RateKind::DayCareFamilyCap2To3
                | RateKind::DayCareFamilyCap3To4
                | RateKind::DayCareFamilyCap4To5
                | RateKind::DayCareFamilyCap5
        )
    }
}

impl fmt::Display for RateKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code that names no kind of rate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rate kind `{0}`")]
pub struct UnknownRateKind(pub String);

impl FromStr for RateKind {
    type Err = UnknownRateKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RateKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownRateKind(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_and_from_str() {
        for kind in RateKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, serde_json::Value::String(kind.as_str().into()));
            assert_eq!(kind.as_str().parse::<RateKind>().unwrap(), kind);
        }
        assert!("home_help_cap".parse::<RateKind>().is_err());
    }

    #[test]
    fn only_the_caps_and_care_shares_are_shares() {
        let shares: Vec<_> = RateKind::ALL.into_iter().filter(|k| k.is_share()).collect();
        assert_eq!(shares.len(), 15);
        assert!(!RateKind::Vrp.is_share());
        assert!(!RateKind::TransportKmPrice.is_share());
        assert!(!RateKind::TransportTariff4.is_share());
        assert!(!RateKind::CareAssetNormative.is_share());
        assert!(RateKind::CareIncomeShare.is_share());
    }
}
