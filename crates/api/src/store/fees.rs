//! Fee records of decisions (append-only): the fee in force in a month, the
//! history of a decision, and the decisions whose fee a month's review
//! looks at.

use crate::actor::Actor;
use crate::store::entities::{applications, decisions, fee_records};
use crate::store::error::StoreResult;
use crate::store::scope::scoped;
use atvejis_domain::income::YearMonth;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use time::{Date, Month, OffsetDateTime};
use uuid::Uuid;

/// The first day of `month` (`None` for an impossible month).
pub fn first_day(month: YearMonth) -> Option<Date> {
    Date::from_calendar_date(month.year, Month::try_from(month.month).ok()?, 1).ok()
}

/// The last day of `month`.
pub fn last_day(month: YearMonth) -> Option<Date> {
    let first = first_day(month)?;
    Some(
        first
            .replace_day(first.month().length(first.year()))
            .unwrap_or(first),
    )
}

/// The fee record of decision `decision_id` in force in `month`: the one
/// from the latest month not after it (the latest confirmed, if two start
/// the same month — never: one a month). `None` before the first record.
/// Not scoped: the caller found the decision in its municipality.
pub async fn fee_record_in_force<C: ConnectionTrait>(
    db: &C,
    decision_id: Uuid,
    month: YearMonth,
) -> StoreResult<Option<fee_records::Model>> {
    let Some(first) = first_day(month) else {
        return Ok(None);
    };
    Ok(fee_records::Entity::find()
        .filter(fee_records::Column::DecisionId.eq(decision_id))
        .filter(fee_records::Column::EffectiveFrom.lte(first))
        .order_by_desc(fee_records::Column::EffectiveFrom)
        .order_by_desc(fee_records::Column::Version)
        .one(db)
        .await?)
}

/// Every record of `decisions`, oldest first, by decision (one query).
pub async fn records_of<C: ConnectionTrait>(
    db: &C,
    decisions: &[Uuid],
) -> StoreResult<HashMap<Uuid, Vec<fee_records::Model>>> {
    let mut out: HashMap<Uuid, Vec<fee_records::Model>> = HashMap::new();
    for row in fee_records::Entity::find()
        .filter(fee_records::Column::DecisionId.is_in(decisions.iter().copied()))
        .order_by_asc(fee_records::Column::Version)
        .all(db)
        .await?
    {
        out.entry(row.decision_id).or_default().push(row);
    }
    Ok(out)
}

/// The latest record of a decision (highest version).
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    decision_id: Uuid,
) -> StoreResult<Option<fee_records::Model>> {
    Ok(fee_records::Entity::find()
        .filter(fee_records::Column::DecisionId.eq(decision_id))
        .order_by_desc(fee_records::Column::Version)
        .one(db)
        .await?)
}

/// A new fee record.
#[derive(Debug, Clone)]
pub struct NewFeeRecord {
    /// Municipality.
    pub municipality_id: Uuid,
    /// The decision.
    pub decision_id: Uuid,
    /// Its person.
    pub person_id: Uuid,
    /// Its service type's code.
    pub service_code: String,
    /// The fee rule (`R-FEE-1`).
    pub fee_rule: String,
    /// 1 for the first record, then the latest + 1.
    pub version: i32,
    /// The first day of the month it applies from.
    pub effective_from: Date,
    /// The monthly fee.
    pub monthly_fee: Decimal,
    /// The breakdown.
    pub calculation: serde_json::Value,
    /// Who confirmed it (the signer for the first).
    pub confirmed_by: Option<Uuid>,
}

/// Inserts a record. Another record of the same version or month of the
/// decision answers a unique violation ([`crate::store::StoreError::is_unique_violation`]).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    new: NewFeeRecord,
    now: OffsetDateTime,
) -> StoreResult<fee_records::Model> {
    Ok(fee_records::Entity::insert(fee_records::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(new.municipality_id),
        decision_id: Set(new.decision_id),
        person_id: Set(new.person_id),
        service_code: Set(new.service_code),
        fee_rule: Set(new.fee_rule),
        version: Set(new.version),
        effective_from: Set(new.effective_from),
        monthly_fee: Set(new.monthly_fee),
        calculation: Set(new.calculation),
        confirmed_by: Set(new.confirmed_by),
        confirmed_at: Set(now),
    })
    .exec_with_returning(db)
    .await?)
}

/// The signed, granted decisions of the actor's municipality with a
/// calculated fee whose service has begun by `until` (the last day of a
/// month), with their applications, oldest decision first (two queries).
pub async fn decisions_with_fee<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    until: Date,
) -> StoreResult<Vec<(decisions::Model, applications::Model)>> {
    let rows = scoped::<decisions::Entity>(actor)
        .filter(decisions::Column::Status.eq("signed"))
        .filter(decisions::Column::Outcome.eq("granted"))
        .filter(decisions::Column::FeeCalculation.is_not_null())
        .filter(decisions::Column::DecidedOn.lte(until))
        .filter(
            Condition::any()
                .add(decisions::Column::ServiceFrom.is_null())
                .add(decisions::Column::ServiceFrom.lte(until)),
        )
        .order_by_asc(decisions::Column::DecidedOn)
        .order_by_asc(decisions::Column::Id)
        .all(db)
        .await?;
    let apps: HashMap<Uuid, applications::Model> = scoped::<applications::Entity>(actor)
        .filter(applications::Column::Id.is_in(rows.iter().map(|d| d.application_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|d| {
            let app = apps.get(&d.application_id)?.clone();
            Some((d, app))
        })
        .collect())
}

/// The decision `id` of the actor's municipality with a calculated fee,
/// signed and granted, with its application.
pub async fn decision_with_fee<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<Option<(decisions::Model, applications::Model)>> {
    let Some(decision) = scoped::<decisions::Entity>(actor)
        .filter(decisions::Column::Id.eq(id))
        .filter(decisions::Column::Status.eq("signed"))
        .filter(decisions::Column::Outcome.eq("granted"))
        .filter(decisions::Column::FeeCalculation.is_not_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(scoped::<applications::Entity>(actor)
        .filter(applications::Column::Id.eq(decision.application_id))
        .one(db)
        .await?
        .map(|a| (decision, a)))
}
