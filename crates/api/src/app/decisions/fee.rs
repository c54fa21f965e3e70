//! The fee of a service for an application (R-FEE-1..3, R-FEE-12), from
//! inputs loaded in a fixed number of queries.

use super::views::FeeSnapshot;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, MissingIncomeEntry};
use crate::store::decisions as repo;
use crate::store::entities::applications;
use crate::store::rates;
use actix_web::http::StatusCode;
use atvejis_domain::catalogue::ServiceTypeSpec;
use atvejis_domain::fees::{
    FeeIncomeError, HomeHelpCaps, HomeHelpFeeInput, fee_income, home_help_fee,
};
use atvejis_domain::income::income_window;
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// The fee of a service for an application.
pub enum Fee {
    /// R-FEE-12: a free service.
    Free,
    /// R-FEE-1..3: home help and other social supervision.
    Calculated(Box<FeeSnapshot>),
    /// Set at delivery (transport, care, aids).
    AtDelivery,
}

/// Whether the service's fee is calculated from income and hours (R-FEE-1).
pub fn is_calculated(spec: &ServiceTypeSpec) -> bool {
    !spec.free && spec.fee_rule.is_some_and(|r| r.is_calculated_at_decision())
}

/// R-FEE-1..3: the monthly fee for `hours` of the service, from the income
/// of the family the person lived in on the application's date (its average
/// per member decides the tier; the share is of the person's income, or the
/// family's for a family's service) over the 3 months before it, and the
/// rates in force on that date. At most 5 queries: the family's members
/// (two), their income, every rate in force, and the names of members whose
/// income is missing (`income_incomplete`, R-FEE-1).
pub async fn fee_for<C: ConnectionTrait>(
    db: &C,
    application: &applications::Model,
    spec: &ServiceTypeSpec,
    hours: Decimal,
) -> ApiResult<Fee> {
    if spec.free {
        return Ok(Fee::Free);
    }
    if !is_calculated(spec) {
        return Ok(Fee::AtDelivery);
    }
    let on = application.received_on;
    let family = repo::fee_family(db, application.person_id, application.family_id, on).await?;
    let people: Vec<Uuid> = match &family {
        Some(members) => members.iter().map(|m| m.member).collect(),
        None => vec![application.person_id],
    };
    let records = repo::income_of(db, &people).await?;
    let income = match fee_income(
        &application.person_id,
        family.as_deref(),
        application.family_id.is_some(),
        &records,
        on,
    ) {
        Ok(income) => income,
        Err(FeeIncomeError::NoMembers) => {
            return Err(ApiError::invalid_field(
                "family_id",
                FieldCode::NoMembers,
                format!("the family had no members on {on}, the application's date"),
            ));
        }
        Err(FeeIncomeError::Incomplete(missing)) => {
            let ids: Vec<Uuid> = missing.iter().map(|m| m.member).collect();
            let names = repo::names_of(db, &ids).await?;
            return Err(ApiError::income_incomplete(
                missing
                    .into_iter()
                    .map(|m| MissingIncomeEntry {
                        person_id: m.member,
                        name: names.get(&m.member).cloned().unwrap_or_default(),
                        months: m.months.iter().map(|month| month.code()).collect(),
                    })
                    .collect(),
            ));
        }
    };
    let in_force = repo::rates_in_force(db, application.municipality_id, on).await?;
    let rate = |kind: &'static str| {
        in_force.get(kind).copied().ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::RateMissing,
                format!(
                    "No `{kind}` rate is in force on {on}; an administrator adds it under rates."
                ),
            )
        })
    };
    let input = HomeHelpFeeInput {
        income_per_member: income.income_per_member,
        members: income.members,
        fee_base_income: income.fee_base_income,
        vrp: rate(rates::VRP)?,
        hours,
        hourly_price: rate(rates::HOME_HELP_HOURLY_PRICE)?,
        caps: HomeHelpCaps {
            from_2_to_3: rate(rates::HOME_HELP_CAP_2_3)?,
            from_3_to_4: rate(rates::HOME_HELP_CAP_3_4)?,
            from_4_to_5: rate(rates::HOME_HELP_CAP_4_5)?,
            from_5: rate(rates::HOME_HELP_CAP_5)?,
        },
    };
    Ok(Fee::Calculated(Box::new(FeeSnapshot {
        reference_date: on,
        months: income_window(on).to_vec(),
        calculation: home_help_fee(input),
    })))
}
