//! The kinds of effective-dated rates a municipality keeps (the VRP, the
//! hourly price of home help and the fee caps of R-FEE-1 / R-FEE-1a).

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
}

impl RateKind {
    /// Every kind, in a stable order.
    pub const ALL: [RateKind; 6] = [
        RateKind::Vrp,
        RateKind::HomeHelpHourlyPrice,
        RateKind::HomeHelpCap2To3,
        RateKind::HomeHelpCap3To4,
        RateKind::HomeHelpCap4To5,
        RateKind::HomeHelpCap5,
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
        }
    }

    /// Whether the value is a share of income (0–1) rather than an amount.
    pub const fn is_share(self) -> bool {
        matches!(
            self,
            RateKind::HomeHelpCap2To3
                | RateKind::HomeHelpCap3To4
                | RateKind::HomeHelpCap4To5
                | RateKind::HomeHelpCap5
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
    fn only_the_caps_are_shares() {
        let shares: Vec<_> = RateKind::ALL.into_iter().filter(|k| k.is_share()).collect();
        assert_eq!(shares.len(), 4);
        assert!(!RateKind::Vrp.is_share());
    }
}
