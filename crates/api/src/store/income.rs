//! Income records as the domain reads them.

use crate::store::entities::income_records;
use atvejis_domain::income::{IncomeRecord, IncomeSource, YearMonth};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

/// The monthly income records of `people`, keyed by person.
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
            let source = match r.source.as_str() {
                "sodra" => IncomeSource::Sodra,
                "declared" => IncomeSource::Declared,
                _ => IncomeSource::Other,
            };
            Some(IncomeRecord {
                member: r.person_id,
                month: YearMonth {
                    year: r.year,
                    month: u8::try_from(r.month).ok()?,
                },
                amount: r.amount,
                source,
            })
        })
        .collect())
}
