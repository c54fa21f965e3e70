//! `/api/v1/persons`: people, their certificates and income. Case roles
//! read them (an eldership specialist only the people of their eldership);
//! social workers, case managers and division specialists change them.

pub mod certificates;
pub mod create;
pub mod eligibility;
pub mod get;
pub mod income;
pub mod list;
pub mod update;

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::routes::common::EldershipRef;
use crate::store::entities::{elderships, persons};
use crate::store::users;
use atvejis_domain::access::RecordScope;
use atvejis_domain::personal_code::PersonalCode;
use sea_orm::{ConnectionTrait, EntityTrait};
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
    pub personal_code: Option<String>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Birth date.
    pub birth_date: Option<Date>,
    /// `male` or `female`.
    pub sex: Option<String>,
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

/// Builds the view of a person.
pub async fn view<C: ConnectionTrait>(db: &C, p: persons::Model) -> ApiResult<PersonView> {
    let eldership = match p.eldership_id {
        Some(id) => elderships::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(Into::into),
        None => None,
    };
    Ok(PersonView {
        id: p.id,
        personal_code: p.personal_code,
        first_name: p.first_name,
        last_name: p.last_name,
        birth_date: p.birth_date,
        sex: p.sex,
        declared_address: p.declared_address,
        eldership,
        phone: p.phone,
        email: p.email,
        created_at: p.created_at,
        updated_at: p.updated_at,
        version: p.version,
    })
}

/// The identity fields of a person, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The code.
    pub personal_code: Option<PersonalCode>,
    /// Birth date (from the code when it has one).
    pub birth_date: Option<Date>,
    /// Sex (from the code when it has one).
    pub sex: Option<String>,
}

/// Checks a personal code against a given birth date and sex.
pub fn identity(
    code: Option<&str>,
    birth_date: Option<Date>,
    sex: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<Identity> {
    let code = match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(raw) => match PersonalCode::parse(raw) {
            Ok(code) => Some(code),
            Err(e) => {
                errors.push(FieldError::new(
                    "personal_code",
                    "invalid_personal_code",
                    e.to_string(),
                ));
                return None;
            }
        },
    };
    if let Some(s) = sex
        && s != "male"
        && s != "female"
    {
        errors.push(FieldError::new("sex", "invalid", "is male or female"));
        return None;
    }
    let Some(code) = code else {
        return Some(Identity {
            personal_code: None,
            birth_date,
            sex: sex.map(str::to_owned),
        });
    };
    let coded_sex = match code.sex() {
        atvejis_domain::personal_code::Sex::Male => "male",
        atvejis_domain::personal_code::Sex::Female => "female",
    };
    if let (Some(given), Some(coded)) = (birth_date, code.birth_date())
        && given != coded
    {
        errors.push(FieldError::new(
            "birth_date",
            "mismatch",
            "differs from the birth date in the personal code",
        ));
        return None;
    }
    if sex.is_some_and(|s| s != coded_sex) {
        errors.push(FieldError::new(
            "sex",
            "mismatch",
            "differs from the sex in the personal code",
        ));
        return None;
    }
    Some(Identity {
        birth_date: code.birth_date().or(birth_date),
        sex: Some(coded_sex.to_owned()),
        personal_code: Some(code),
    })
}

/// The eldership a person goes into: the one given (of the actor's
/// municipality), and for an eldership specialist only their own (the
/// default when none is given).
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
                "outside_your_eldership",
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
                    "unknown_eldership",
                    "is not an eldership of your municipality",
                )
            }),
    }
}
