//! The stable codes of field errors: what is wrong with one field of a
//! request (`errors[].code` of a 422). One enum, so the OpenAPI document
//! lists every code and a client can have a text for each (the SPA's test
//! fails when one lacks a translation).

use serde::Serialize;
use utoipa::ToSchema;

/// What is wrong with a field (`errors[].code`). Integrators match on these;
/// a code is never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// The field is required.
    Required,
    /// The text is too short or too long.
    Length,
    /// The number or date is out of its range.
    Range,
    /// The value cannot be read or is not allowed.
    Invalid,
    /// Not an e-mail address.
    Email,
    /// Text with a control character other than tab and newline.
    ControlCharacter,
    /// The password is too short.
    TooShort,
    /// The password is too long.
    TooLong,
    /// The password contains the username.
    ContainsUsername,
    /// The password repeats a single character.
    TooSimple,
    /// The value cannot change once set.
    Immutable,
    /// Nobody changes their own roles.
    CannotChangeOwnRoles,
    /// An administrator never holds a case role at the same time.
    AdminWithCaseRole,
    /// A user cannot deactivate themself.
    CannotDeactivateSelf,
    /// No such role.
    UnknownRole,
    /// The value is listed twice.
    Duplicate,
    /// No such eldership in the caller's municipality.
    UnknownEldership,
    /// The eldership is not the caller's own.
    OutsideYourEldership,
    /// No such service type in the catalogue.
    UnknownServiceType,
    /// The document is not on the list.
    UnknownDocument,
    /// No such family in the caller's scope.
    UnknownFamily,
    /// The person is not a member of the family.
    NotAMember,
    /// The family has no members.
    NoMembers,
    /// The end of validity is before its start.
    BeforeValidFrom,
    /// The date is before the decision.
    BeforeDecision,
    /// The date is after today.
    InFuture,
    /// The date is outside the allowed period.
    OutOfRange,
    /// The amount is negative.
    Negative,
    /// The number has more decimals than allowed.
    Precision,
    /// The value differs from what the personal code says.
    Mismatch,
    /// The personal code is not valid (length, digits, check digit, date).
    InvalidPersonalCode,
    /// The given password is not the caller's current one.
    WrongPassword,
    /// A required document is missing.
    Missing,
    /// The option does not apply here (e.g. an R-CM-6 exception for a service that allows none).
    NotApplicable,
    /// The date is before the application was received.
    BeforeReceived,
    /// A saved fee used the value this date would replace.
    UsedByFee,
    /// "No income" is recorded with the amount 0.
    NotZero,
    /// The user's roles cannot sign decisions.
    CannotSign,
    /// The date is before today.
    InPast,
    /// The date is before 1900.
    #[serde(rename = "before_1900")]
    Before1900,
}

impl FieldCode {
    /// Every code. A new variant goes here too.
    pub const ALL: [FieldCode; 40] = [
        FieldCode::Required,
        FieldCode::Length,
        FieldCode::Range,
        FieldCode::Invalid,
        FieldCode::Email,
        FieldCode::ControlCharacter,
        FieldCode::TooShort,
        FieldCode::TooLong,
        FieldCode::ContainsUsername,
        FieldCode::TooSimple,
        FieldCode::Immutable,
        FieldCode::CannotChangeOwnRoles,
        FieldCode::AdminWithCaseRole,
        FieldCode::CannotDeactivateSelf,
        FieldCode::UnknownRole,
        FieldCode::Duplicate,
        FieldCode::UnknownEldership,
        FieldCode::OutsideYourEldership,
        FieldCode::UnknownServiceType,
        FieldCode::UnknownDocument,
        FieldCode::UnknownFamily,
        FieldCode::NotAMember,
        FieldCode::NoMembers,
        FieldCode::BeforeValidFrom,
        FieldCode::BeforeDecision,
        FieldCode::InFuture,
        FieldCode::OutOfRange,
        FieldCode::Negative,
        FieldCode::Precision,
        FieldCode::Mismatch,
        FieldCode::InvalidPersonalCode,
        FieldCode::WrongPassword,
        FieldCode::Missing,
        FieldCode::NotApplicable,
        FieldCode::BeforeReceived,
        FieldCode::UsedByFee,
        FieldCode::NotZero,
        FieldCode::CannotSign,
        FieldCode::InPast,
        FieldCode::Before1900,
    ];

    /// The code of a `validator` rule (`length`, `range`, `email`,
    /// `required`); any other rule is `invalid`.
    pub fn from_validator(code: &str) -> FieldCode {
        match code {
            "length" => FieldCode::Length,
            "range" => FieldCode::Range,
            "email" => FieldCode::Email,
            "required" => FieldCode::Required,
            _ => FieldCode::Invalid,
        }
    }

    /// The code as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldCode::Required => "required",
            FieldCode::Length => "length",
            FieldCode::Range => "range",
            FieldCode::Invalid => "invalid",
            FieldCode::Email => "email",
            FieldCode::ControlCharacter => "control_character",
            FieldCode::TooShort => "too_short",
            FieldCode::TooLong => "too_long",
            FieldCode::ContainsUsername => "contains_username",
            FieldCode::TooSimple => "too_simple",
            FieldCode::Immutable => "immutable",
            FieldCode::CannotChangeOwnRoles => "cannot_change_own_roles",
            FieldCode::AdminWithCaseRole => "admin_with_case_role",
            FieldCode::CannotDeactivateSelf => "cannot_deactivate_self",
            FieldCode::UnknownRole => "unknown_role",
            FieldCode::Duplicate => "duplicate",
            FieldCode::UnknownEldership => "unknown_eldership",
            FieldCode::OutsideYourEldership => "outside_your_eldership",
            FieldCode::UnknownServiceType => "unknown_service_type",
            FieldCode::UnknownDocument => "unknown_document",
            FieldCode::UnknownFamily => "unknown_family",
            FieldCode::NotAMember => "not_a_member",
            FieldCode::NoMembers => "no_members",
            FieldCode::BeforeValidFrom => "before_valid_from",
            FieldCode::BeforeDecision => "before_decision",
            FieldCode::InFuture => "in_future",
            FieldCode::OutOfRange => "out_of_range",
            FieldCode::Negative => "negative",
            FieldCode::Precision => "precision",
            FieldCode::Mismatch => "mismatch",
            FieldCode::InvalidPersonalCode => "invalid_personal_code",
            FieldCode::WrongPassword => "wrong_password",
            FieldCode::Missing => "missing",
            FieldCode::NotApplicable => "not_applicable",
            FieldCode::BeforeReceived => "before_received",
            FieldCode::UsedByFee => "used_by_fee",
            FieldCode::NotZero => "not_zero",
            FieldCode::CannotSign => "cannot_sign",
            FieldCode::InPast => "in_past",
            FieldCode::Before1900 => "before_1900",
        }
    }
}

impl std::fmt::Display for FieldCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::FieldCode;
    use std::collections::HashSet;

    #[test]
    fn every_code_is_listed_once_and_serialises_as_its_name() {
        let names: HashSet<&str> = FieldCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), FieldCode::ALL.len());
        for code in FieldCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::String(code.as_str().to_owned())
            );
        }
    }

    #[test]
    fn validator_rules_map_to_their_codes() {
        assert_eq!(FieldCode::from_validator("length"), FieldCode::Length);
        assert_eq!(FieldCode::from_validator("range"), FieldCode::Range);
        assert_eq!(FieldCode::from_validator("email"), FieldCode::Email);
        assert_eq!(FieldCode::from_validator("custom_rule"), FieldCode::Invalid);
    }
}
