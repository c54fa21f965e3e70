//! The Lithuanian personal code (asmens kodas), `G YYMMDD NNN K`.
//!
//! RULES.md "Reference data": G = 1/2 for the 1800s (male/female), 3/4 for
//! the 1900s, 5/6 for the 2000s; K is a check digit. Month or day `00` occurs
//! for people whose birth date is unknown and is accepted. People without a
//! code (foreigners, newborns not yet registered) are recorded without one:
//! that is an `Option<PersonalCode>` at the caller.

use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

/// A valid personal code: parsed once at the edge ([`PersonalCode::parse`],
/// or deserialised, which parses), never re-checked after.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "39001010000"))]
#[serde(transparent)]
pub struct PersonalCode(String);

/// Why a text is not a valid personal code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PersonalCodeError {
    /// Not 11 characters.
    #[error("a personal code has 11 digits")]
    WrongLength,
    /// A character other than a digit.
    #[error("a personal code has digits only")]
    NotDigits,
    /// The first digit is not 1–6.
    #[error("the first digit must be 1–6")]
    BadCenturyDigit,
    /// Month over 12, day over 31, or a day that month does not have.
    #[error("the birth date in the code does not exist")]
    BadDate,
    /// The last digit does not match the check digit.
    #[error("the check digit does not match")]
    BadCheckDigit,
}

/// Sex as encoded in the first digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Odd first digit.
    Male,
    /// Even first digit.
    Female,
}

/// The check digit of the first ten digits (RULES.md "Reference data"):
/// weights 1..9,1 mod 11; if 10, weights 3..9,1,2,3 mod 11; if again 10, 0.
pub fn check_digit(digits: &[u8; 10]) -> u8 {
    const FIRST: [u32; 10] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
    const SECOND: [u32; 10] = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];
    let weighted = |weights: &[u32; 10]| -> u32 {
        digits
            .iter()
            .zip(weights)
            .map(|(d, w)| u32::from(*d) * w)
            .sum::<u32>()
            % 11
    };
    let first = weighted(&FIRST);
    let k = if first < 10 {
        first
    } else {
        let second = weighted(&SECOND);
        if second < 10 { second } else { 0 }
    };
    // k < 10 by construction.
    u8::try_from(k).unwrap_or(0)
}

impl PersonalCode {
    /// Parses and validates a personal code (surrounding spaces are ignored).
    pub fn parse(raw: &str) -> Result<Self, PersonalCodeError> {
        let s = raw.trim();
        if s.chars().count() != 11 {
            return Err(PersonalCodeError::WrongLength);
        }
        let mut d = [0u8; 11];
        for (i, c) in s.chars().enumerate() {
            let v = c.to_digit(10).ok_or(PersonalCodeError::NotDigits)?;
            d[i] = u8::try_from(v).map_err(|_| PersonalCodeError::NotDigits)?;
        }
        if !(1..=6).contains(&d[0]) {
            return Err(PersonalCodeError::BadCenturyDigit);
        }
        let code = PersonalCode(s.to_owned());
        let (year, month, day) = code.date_parts();
        if month > 12 || day > 31 {
            return Err(PersonalCodeError::BadDate);
        }
        if month != 0 && day != 0 {
            let m = Month::try_from(month).map_err(|_| PersonalCodeError::BadDate)?;
            Date::from_calendar_date(year, m, day).map_err(|_| PersonalCodeError::BadDate)?;
        }
        let mut first_ten = [0u8; 10];
        first_ten.copy_from_slice(&d[..10]);
        if check_digit(&first_ten) != d[10] {
            return Err(PersonalCodeError::BadCheckDigit);
        }
        Ok(code)
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn digit(&self, i: usize) -> u8 {
        self.0.as_bytes().get(i).map_or(0, |b| b - b'0')
    }

    fn two(&self, i: usize) -> u8 {
        self.digit(i) * 10 + self.digit(i + 1)
    }

    /// (year, month, day) as encoded; month or day may be 0.
    fn date_parts(&self) -> (i32, u8, u8) {
        let century = match self.digit(0) {
            1 | 2 => 1800,
            3 | 4 => 1900,
            _ => 2000,
        };
        (century + i32::from(self.two(1)), self.two(3), self.two(5))
    }

    /// The year of birth.
    pub fn birth_year(&self) -> i32 {
        self.date_parts().0
    }

    /// The birth date; `None` when the month or day is unknown (`00`).
    pub fn birth_date(&self) -> Option<Date> {
        let (year, month, day) = self.date_parts();
        let month = Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day).ok()
    }

    /// The sex encoded in the first digit.
    pub fn sex(&self) -> Sex {
        if self.digit(0) % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }
}

impl fmt::Display for PersonalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PersonalCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        PersonalCode::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// Why a birth date cannot be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BirthDateError {
    /// After today.
    #[error("cannot be in the future")]
    InFuture,
    /// Before 1900-01-01.
    #[error("cannot be before 1900")]
    Before1900,
}

/// A birth date that can be: not after `today`, not before 1900 (whether
/// given or read from a personal code).
pub fn check_birth_date(born: Date, today: Date) -> Result<(), BirthDateError> {
    if born > today {
        Err(BirthDateError::InFuture)
    } else if born.year() < 1900 {
        Err(BirthDateError::Before1900)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn ref_birth_date_not_in_the_future_nor_before_1900() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(check_birth_date(date!(1900 - 01 - 01), today), Ok(()));
        assert_eq!(check_birth_date(today, today), Ok(()));
        assert_eq!(
            check_birth_date(date!(2026 - 12 - 03), today),
            Err(BirthDateError::InFuture)
        );
        assert_eq!(
            check_birth_date(date!(1899 - 12 - 31), today),
            Err(BirthDateError::Before1900)
        );
    }

    #[test]
    fn ref_personal_code_valid_examples() {
        let a = PersonalCode::parse("33309240064").unwrap();
        assert_eq!(a.birth_date(), Some(date!(1933 - 09 - 24)));
        assert_eq!(a.sex(), Sex::Male);
        let b = PersonalCode::parse("39001010000").unwrap();
        assert_eq!(b.birth_date(), Some(date!(1990 - 01 - 01)));
        let c = PersonalCode::parse(" 36805280109 ").unwrap();
        assert_eq!(c.birth_date(), Some(date!(1968 - 05 - 28)));
        assert_eq!(c.as_str(), "36805280109");
    }

    #[test]
    fn ref_personal_code_errors_are_named() {
        use PersonalCodeError::*;
        assert_eq!(PersonalCode::parse("3330924006"), Err(WrongLength));
        assert_eq!(PersonalCode::parse("3330924006a"), Err(NotDigits));
        assert_eq!(PersonalCode::parse("73309240064"), Err(BadCenturyDigit));
        assert_eq!(PersonalCode::parse("33313240064").map(|_| ()), Err(BadDate));
        assert_eq!(PersonalCode::parse("33302300064").map(|_| ()), Err(BadDate));
        assert_eq!(PersonalCode::parse("33309240065"), Err(BadCheckDigit));
    }

    fn with_check(first_ten: &str) -> String {
        let mut d = [0u8; 10];
        for (i, c) in first_ten.chars().enumerate() {
            d[i] = u8::try_from(c.to_digit(10).unwrap()).unwrap();
        }
        format!("{first_ten}{}", check_digit(&d))
    }

    #[test]
    fn ref_personal_code_unknown_month_or_day_is_accepted() {
        let unknown_day = PersonalCode::parse(&with_check("4500500123")).unwrap();
        assert_eq!(unknown_day.birth_date(), None);
        assert_eq!(unknown_day.birth_year(), 1950);
        assert_eq!(unknown_day.sex(), Sex::Female);
        let unknown_both = PersonalCode::parse(&with_check("5100000777")).unwrap();
        assert_eq!(unknown_both.birth_year(), 2010);
        assert_eq!(unknown_both.birth_date(), None);
    }

    #[test]
    fn ref_personal_code_leap_days() {
        assert!(PersonalCode::parse(&with_check("5000229001")).is_ok());
        assert_eq!(
            PersonalCode::parse(&with_check("3000229001")).map(|_| ()),
            Err(PersonalCodeError::BadDate),
            "1900 was not a leap year"
        );
    }

    proptest! {
        #[test]
        fn ref_personal_code_valid_codes_parse_and_a_wrong_check_digit_fails(
            g in 1u8..=6, yy in 0u8..100, mm in 1u8..=12, dd in 1u8..=28, nnn in 0u16..1000,
            delta in 1u8..10
        ) {
            let code = with_check(&format!("{g}{yy:02}{mm:02}{dd:02}{nnn:03}"));
            let parsed = PersonalCode::parse(&code).unwrap();
            prop_assert_eq!(parsed.birth_date().map(|d| d.day()), Some(dd));
            let mut bytes = code.into_bytes();
            bytes[10] = b'0' + (bytes[10] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(PersonalCode::parse(&changed), Err(PersonalCodeError::BadCheckDigit));
        }
    }
}
