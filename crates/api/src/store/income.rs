//! Income records: a person's monthly income by source, as the views show
//! them and as the domain reads them.

use crate::actor::Actor;
use crate::store::entities::income_records;
use crate::store::scope::scoped;
use crate::store::{StoreError, StoreResult};
use atvejis_domain::income::{IncomeRecord, IncomeSource, YearMonth};
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use time::OffsetDateTime;
use uuid::Uuid;

/// One month's income from one source, as stored (also as the person file
/// reads it in JSON, the amount a decimal string).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct IncomeEntry {
    /// Id.
    pub id: Uuid,
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: i32,
    /// Amount, EUR.
    pub amount: Decimal,
    /// The source's code.
    pub source: String,
    /// Note.
    pub note: Option<String>,
}

impl From<income_records::Model> for IncomeEntry {
    fn from(r: income_records::Model) -> Self {
        IncomeEntry {
            id: r.id,
            year: r.year,
            month: r.month,
            amount: r.amount,
            source: r.source,
            note: r.note,
        }
    }
}

/// The stored code of a source.
pub fn source_code(source: IncomeSource) -> &'static str {
    match source {
        IncomeSource::Sodra => "sodra",
        IncomeSource::Other => "other",
        IncomeSource::Declared => "declared",
        IncomeSource::NoIncome => "no_income",
    }
}

/// The source of a stored code (unknown codes count as `other`).
pub fn source_of(code: &str) -> IncomeSource {
    match code {
        "sodra" => IncomeSource::Sodra,
        "declared" => IncomeSource::Declared,
        "no_income" => IncomeSource::NoIncome,
        _ => IncomeSource::Other,
    }
}

/// A month's income to record.
#[derive(Debug, Clone)]
pub struct NewIncome {
    /// The month.
    pub month: YearMonth,
    /// Amount, EUR (checked by the caller: not negative, cents).
    pub amount: Decimal,
    /// Source.
    pub source: IncomeSource,
    /// Note.
    pub note: Option<String>,
}

/// Records a month's income of `person_id` (the caller has found the
/// person in the actor's scope).
///
/// MUST return a unique violation ([`StoreError::is_unique_violation`]) when
/// that month and source is recorded already.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
    new: NewIncome,
    now: OffsetDateTime,
) -> StoreResult<IncomeEntry> {
    let row = income_records::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        person_id: Set(person_id),
        year: Set(new.month.year),
        month: Set(i32::from(new.month.month)),
        amount: Set(new.amount),
        source: Set(source_code(new.source).to_owned()),
        note: Set(new.note),
        created_at: Set(now),
        created_by: Set(actor.user_id()),
    };
    Ok(income_records::Entity::insert(row)
        .exec_with_returning(db)
        .await?
        .into())
}

/// Removes income record `id` of `person_id` and returns it.
///
/// MUST return [`StoreError::NotFound`] when the person has no such record
/// in the actor's municipality.
pub async fn delete<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
    id: Uuid,
) -> StoreResult<IncomeEntry> {
    let row = scoped::<income_records::Entity>(actor)
        .filter(income_records::Column::Id.eq(id))
        .filter(income_records::Column::PersonId.eq(person_id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("income record"))?;
    income_records::Entity::delete_by_id(row.id)
        .exec(db)
        .await?;
    Ok(row.into())
}

/// The source codes recorded for `person_id` in `month` (one query).
pub async fn sources_of_month<C: ConnectionTrait>(
    db: &C,
    person_id: Uuid,
    month: YearMonth,
) -> StoreResult<Vec<String>> {
    Ok(income_records::Entity::find()
        .filter(income_records::Column::PersonId.eq(person_id))
        .filter(income_records::Column::Year.eq(month.year))
        .filter(income_records::Column::Month.eq(i32::from(month.month)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.source)
        .collect())
}

/// The monthly income records of `people`, keyed by person (one query).
pub async fn records_of<C: ConnectionTrait>(
    db: &C,
    people: &[Uuid],
) -> Result<Vec<IncomeRecord<Uuid>>, DbErr> {
    Ok(income_records::Entity::find()
        .filter(income_records::Column::PersonId.is_in(people.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(IncomeRecord {
                member: r.person_id,
                month: YearMonth {
                    year: r.year,
                    month: u8::try_from(r.month).ok()?,
                },
                amount: r.amount,
                source: source_of(&r.source),
            })
        })
        .collect())
}
