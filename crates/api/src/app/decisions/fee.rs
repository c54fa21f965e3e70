//! The fee of a service for an application (R-FEE-1..3, R-FEE-12), from
//! inputs loaded in a fixed number of queries.

use super::views::FeeSnapshot;
use crate::app::fees::RateBook;
use crate::error::{ApiError, ApiResult, FieldCode, MissingIncomeEntry};
use crate::store::decisions as repo;
use crate::store::entities::applications;
use atvejis_domain::catalogue::ServiceTypeSpec;
use atvejis_domain::fees::{
    FeeIncome, FeeIncomeError, HomeHelpCaps, HomeHelpFeeInput, fee_income, home_help_fee,
};
use atvejis_domain::income::income_window;
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use time::Date;
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
    let income = fee_income_of(
        db,
        application.person_id,
        application.family_id,
        application.family_id.is_some(),
        on,
    )
    .await?;
    let mut rates = RateBook::load(db, application.municipality_id, on).await?;
    let input = home_help_input(&income, &mut rates, hours)?;
    Ok(Fee::Calculated(Box::new(FeeSnapshot {
        reference_date: on,
        months: income_window(on).to_vec(),
        calculation: home_help_fee(input),
    })))
}

/// R-FEE-1: the income a fee counts for `person_id` on `on`: the family the
/// person lived in then (`family_id` when given, else the one they belonged
/// to on `on`), its average income per member over the 3 months before
/// `on`; the share applies to the person's income, or the family's total
/// when `family_service`. At most 4 queries: the family's members (two),
/// their income, and the names of members whose income is missing (422
/// `income_incomplete`). The one way a fee reads recorded income: decisions,
/// quotes and reviews.
pub async fn fee_income_of<C: ConnectionTrait>(
    db: &C,
    person_id: Uuid,
    family_id: Option<Uuid>,
    family_service: bool,
    on: Date,
) -> ApiResult<FeeIncome> {
    let family = repo::fee_family(db, person_id, family_id, on).await?;
    let people: Vec<Uuid> = match &family {
        Some(members) => members.iter().map(|m| m.member).collect(),
        None => vec![person_id],
    };
    let records = repo::income_of(db, &people).await?;
    match fee_income(&person_id, family.as_deref(), family_service, &records, on) {
        Ok(income) => Ok(income),
        Err(FeeIncomeError::NoMembers) => Err(ApiError::invalid_field(
            "family_id",
            FieldCode::NoMembers,
            format!("the family had no members on {on}, the application's date"),
        )),
        Err(FeeIncomeError::Incomplete(missing)) => {
            let ids: Vec<Uuid> = missing.iter().map(|m| m.member).collect();
            let names = repo::names_of(db, &ids).await?;
            Err(ApiError::income_incomplete(
                missing
                    .into_iter()
                    .map(|m| MissingIncomeEntry {
                        person_id: m.member,
                        name: names.get(&m.member).cloned().unwrap_or_default(),
                        months: m.months.iter().map(|month| month.code()).collect(),
                    })
                    .collect(),
            ))
        }
    }
}

/// R-FEE-1..3: the home-help input for `hours` a month from `income` and
/// the rates of `rates` (the VRP, the hourly price and the four caps).
pub fn home_help_input(
    income: &FeeIncome,
    rates: &mut RateBook,
    hours: Decimal,
) -> ApiResult<HomeHelpFeeInput> {
    Ok(HomeHelpFeeInput {
        income_per_member: income.income_per_member,
        members: income.members,
        fee_base_income: income.fee_base_income,
        vrp: rates.get(RateKind::Vrp)?,
        hours,
        hourly_price: rates.get(RateKind::HomeHelpHourlyPrice)?,
        caps: HomeHelpCaps {
            from_2_to_3: rates.get(RateKind::HomeHelpCap2To3)?,
            from_3_to_4: rates.get(RateKind::HomeHelpCap3To4)?,
            from_4_to_5: rates.get(RateKind::HomeHelpCap4To5)?,
            from_5: rates.get(RateKind::HomeHelpCap5)?,
        },
    })
}
