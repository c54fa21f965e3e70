//! Hours of service a month: parsed once, valid everywhere after.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Hours of a service in a month: 0–744 (31 days × 24 h), at most two
/// decimals. Made only by [`HoursPerMonth::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct HoursPerMonth(Decimal);

/// Why a number is not hours a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// Below 0 or above 744.
    #[error("is 0–744 hours a month")]
    Range,
    /// More than two decimals.
    #[error("has at most two decimals")]
    Precision,
}

impl HoursError {
    /// The problem code of a field with this error.
    pub fn code(self) -> &'static str {
        match self {
            HoursError::Range => "range",
            HoursError::Precision => "precision",
        }
    }
}

impl HoursPerMonth {
    /// Most hours in a month.
    pub const MAX: Decimal = Decimal::from_parts(744, 0, 0, false, 0);

    /// `value` as hours a month, or why not.
    pub fn parse(value: Decimal) -> Result<Self, HoursError> {
        if value.is_sign_negative() && !value.is_zero() || value > Self::MAX {
            return Err(HoursError::Range);
        }
        if value.normalize().scale() > 2 {
            return Err(HoursError::Precision);
        }
        Ok(HoursPerMonth(value.normalize()))
    }

    /// The number.
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl<'de> Deserialize<'de> for HoursPerMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = <Decimal as Deserialize>::deserialize(d)?;
        HoursPerMonth::parse(value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn zero_to_744_with_two_decimals() {
        assert_eq!(
            HoursPerMonth::parse(dec!(0)).map(|h| h.value()),
            Ok(dec!(0))
        );
        assert_eq!(
            HoursPerMonth::parse(dec!(20.50)).map(|h| h.value()),
            Ok(dec!(20.5))
        );
        assert!(HoursPerMonth::parse(dec!(744)).is_ok());
        assert_eq!(HoursPerMonth::parse(dec!(744.01)), Err(HoursError::Range));
        assert_eq!(HoursPerMonth::parse(dec!(-1)), Err(HoursError::Range));
        assert_eq!(
            HoursPerMonth::parse(dec!(1.125)),
            Err(HoursError::Precision)
        );
    }
}
