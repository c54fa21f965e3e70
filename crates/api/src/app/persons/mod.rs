//! People: search, the person's file, registration and changes,
//! certificates, income and eligibility hints. Case roles read them (an
//! eldership specialist only the people of their eldership); social
//! workers, case managers and division specialists change them.

pub mod file;
pub mod records;
pub mod search;
pub mod write;

use crate::actor::Actor;
use crate::app::common::{EldershipRef, money};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use crate::store::certificates::CertificateRecord;
use crate::store::entities::{elderships, persons as person_rows};
use crate::store::income::{IncomeEntry, source_of};
use crate::store::persons::sex_of;
use crate::store::{StoreError, users};
use atvejis_domain::access::RecordScope;
use atvejis_domain::eligibility::CertificateKind;
use atvejis_domain::income::IncomeSource;
use atvejis_domain::personal_code::{BirthDateError, PersonalCode, Sex, check_birth_date};
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// A person.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonView {
    /// Id.
    pub id: Uuid,
    /// Lithuanian personal code, when the person has one.
    #[schema(value_type = Option<String>, example = "39001010000")]
    pub personal_code: Option<PersonalCode>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Birth date.
    pub birth_date: Option<Date>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Declared address.
    pub declared_address: Option<String>,
    /// The eldership of the declared address.
    pub eldership: Option<EldershipRef>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Send back with a change.
    pub version: i32,
}

impl PersonView {
    /// The view of a stored person and their eldership.
    pub fn of(
        p: person_rows::Model,
        eldership: Option<elderships::Model>,
    ) -> Result<Self, StoreError> {
        let personal_code = p
            .personal_code
            .as_deref()
            .map(PersonalCode::parse)
            .transpose()
            .map_err(|e| StoreError::corrupt("person", e))?;
        Ok(PersonView {
            id: p.id,
            personal_code,
            sex: sex_of(p.sex.as_deref()),
            first_name: p.first_name,
            last_name: p.last_name,
            birth_date: p.birth_date,
            declared_address: p.declared_address,
            eldership: eldership.map(Into::into),
            phone: p.phone,
            email: p.email,
            created_at: p.created_at,
            updated_at: p.updated_at,
            version: p.version,
        })
    }
}

/// A certificate of a person.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CertificateView {
    /// Id.
    pub id: Uuid,
    /// What it certifies.
    pub kind: CertificateKind,
    /// The level or percentage.
    pub value: Option<String>,
    /// Valid from.
    pub valid_from: Date,
    /// Valid until (inclusive); none: indefinitely.
    pub valid_until: Option<Date>,
    /// Issued by (e.g. NDNT).
    pub issued_by: Option<String>,
    /// Recorded.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl TryFrom<CertificateRecord> for CertificateView {
    type Error = StoreError;
    fn try_from(c: CertificateRecord) -> Result<Self, StoreError> {
        Ok(CertificateView {
            id: c.id,
            kind: CertificateKind::parse(&c.kind)
                .ok_or_else(|| StoreError::corrupt("person_certificate", &c.kind))?,
            value: c.value,
            valid_from: c.valid_from,
            valid_until: c.valid_until,
            issued_by: c.issued_by,
            created_at: c.created_at,
        })
    }
}

/// One month's income from one source.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct IncomeRecordView {
    /// Id.
    pub id: Uuid,
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: i32,
    /// Amount, EUR (a decimal string).
    #[schema(value_type = String, example = "512.40")]
    pub amount: Decimal,
    /// Source.
    pub source: IncomeSource,
    /// Note.
    pub note: Option<String>,
}

impl From<IncomeEntry> for IncomeRecordView {
    fn from(r: IncomeEntry) -> Self {
        IncomeRecordView {
            id: r.id,
            year: r.year,
            month: r.month,
            amount: money(r.amount),
            source: source_of(&r.source),
            note: r.note,
        }
    }
}

/// The identity fields of a person, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The code.
    pub personal_code: Option<PersonalCode>,
    /// Birth date (from the code when it has one).
    pub birth_date: Option<Date>,
    /// Sex (from the code when it has one).
    pub sex: Option<Sex>,
}

/// Checks a personal code (parsed at the edge) against a given birth date
/// and sex; the code decides both when they are not given.
pub fn identity(
    code: Option<PersonalCode>,
    birth_date: Option<Date>,
    sex: Option<Sex>,
    today: Date,
    errors: &mut Vec<FieldError>,
) -> Option<Identity> {
    // A birth date that cannot be, given or read from the code.
    if let Some(born) = birth_date.or_else(|| code.as_ref().and_then(PersonalCode::birth_date))
        && let Err(e) = check_birth_date(born, today)
    {
        let code = match e {
            BirthDateError::InFuture => FieldCode::InFuture,
            BirthDateError::Before1900 => FieldCode::Before1900,
        };
        errors.push(FieldError::new("birth_date", code, e.to_string()));
        return None;
    }
    let Some(code) = code else {
        return Some(Identity {
            personal_code: None,
            birth_date,
            sex,
        });
    };
    if let (Some(given), Some(coded)) = (birth_date, code.birth_date())
        && given != coded
    {
        errors.push(FieldError::new(
            "birth_date",
            FieldCode::Mismatch,
            "differs from the birth date in the personal code",
        ));
        return None;
    }
    if sex.is_some_and(|s| s != code.sex()) {
        errors.push(FieldError::new(
            "sex",
            FieldCode::Mismatch,
            "differs from the sex in the personal code",
        ));
        return None;
    }
    Some(Identity {
        birth_date: code.birth_date().or(birth_date),
        sex: Some(code.sex()),
        personal_code: Some(code),
    })
}

/// Parses an optional personal code at the edge: blank is no code
/// (`Some(None)`); an invalid one adds the field error
/// `invalid_personal_code` and gives `None`.
pub fn parse_code(raw: Option<&str>, errors: &mut Vec<FieldError>) -> Option<Option<PersonalCode>> {
    match raw.map(str::trim).filter(|c| !c.is_empty()) {
        None => Some(None),
        Some(raw) => match PersonalCode::parse(raw) {
            Ok(code) => Some(Some(code)),
            Err(e) => {
                errors.push(FieldError::new(
                    "personal_code",
                    FieldCode::InvalidPersonalCode,
                    e.to_string(),
                ));
                None
            }
        },
    }
}

/// The eldership a person (or family) goes into: the one given (of the
/// actor's municipality), and for an eldership specialist only their own
/// (the default when none is given).
pub async fn eldership_for<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    given: Option<Uuid>,
) -> ApiResult<Option<Uuid>> {
    if actor.record_scope() == RecordScope::OwnEldership {
        return match given {
            None => Ok(actor.eldership_id),
            Some(id) if Some(id) == actor.eldership_id => Ok(Some(id)),
            Some(_) => Err(ApiError::invalid_field(
                "eldership_id",
                FieldCode::OutsideYourEldership,
                "you register people of your own eldership only",
            )),
        };
    }
    match given {
        None => Ok(None),
        Some(id) => users::eldership_in(db, actor.municipality_id, id)
            .await?
            .map(|e| Some(e.id))
            .ok_or_else(|| {
                ApiError::invalid_field(
                    "eldership_id",
                    FieldCode::UnknownEldership,
                    "is not an eldership of your municipality",
                )
            }),
    }
}

/// A trimmed text; blank is none.
pub fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}
