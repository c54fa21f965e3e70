//! A person's certificates (disability, working capacity, special needs,
//! permanent nursing or care need, pensioner) with their validity.

use crate::actor::Actor;
use crate::store::entities::person_certificates as pc;
use crate::store::scope::scoped;
use crate::store::{StoreError, StoreResult};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A certificate as stored (also as the person file reads it in JSON).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CertificateRecord {
    /// Id.
    pub id: Uuid,
    /// The kind's code.
    pub kind: String,
    /// The level or percentage.
    pub value: Option<String>,
    /// Valid from.
    pub valid_from: Date,
    /// Valid until (inclusive).
    pub valid_until: Option<Date>,
    /// Issued by.
    pub issued_by: Option<String>,
    /// Recorded.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<pc::Model> for CertificateRecord {
    fn from(c: pc::Model) -> Self {
        CertificateRecord {
            id: c.id,
            kind: c.kind,
            value: c.value,
            valid_from: c.valid_from,
            valid_until: c.valid_until,
            issued_by: c.issued_by,
            created_at: c.created_at,
        }
    }
}

/// A certificate to record.
#[derive(Debug, Clone)]
pub struct NewCertificate {
    /// The kind's code.
    pub kind: &'static str,
    /// The level or percentage.
    pub value: Option<String>,
    /// Valid from.
    pub valid_from: Date,
    /// Valid until (inclusive).
    pub valid_until: Option<Date>,
    /// Issued by.
    pub issued_by: Option<String>,
}

/// Records a certificate of `person_id` (the caller has found the person in
/// the actor's scope).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
    new: NewCertificate,
    now: OffsetDateTime,
) -> StoreResult<CertificateRecord> {
    let row = pc::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        person_id: Set(person_id),
        kind: Set(new.kind.to_owned()),
        value: Set(new.value),
        valid_from: Set(new.valid_from),
        valid_until: Set(new.valid_until),
        issued_by: Set(new.issued_by),
        created_at: Set(now),
    };
    Ok(pc::Entity::insert(row)
        .exec_with_returning(db)
        .await?
        .into())
}

/// Removes certificate `id` of `person_id`.
///
/// MUST return [`StoreError::NotFound`] when the person has no such
/// certificate in the actor's municipality.
pub async fn delete<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
    id: Uuid,
) -> StoreResult<()> {
    let removed = pc::Entity::delete_many()
        .filter(pc::Column::Id.eq(id))
        .filter(pc::Column::PersonId.eq(person_id))
        .filter(pc::Column::MunicipalityId.eq(actor.municipality_id))
        .exec(db)
        .await?;
    if removed.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound("certificate"))
    }
}

/// Every certificate of `person_id` (one query).
pub async fn of_person<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
) -> StoreResult<Vec<CertificateRecord>> {
    Ok(scoped::<pc::Entity>(actor)
        .filter(pc::Column::PersonId.eq(person_id))
        .all(db)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}
