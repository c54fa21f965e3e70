//! The organisation of a municipality: its elderships and institutions.

use crate::actor::Actor;
use crate::store::entities::{elderships, institutions, municipalities};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

/// A municipality with its elderships (by name) and institutions (by code).
#[derive(Debug, Clone)]
pub struct OrganisationRecord {
    /// The municipality.
    pub municipality: municipalities::Model,
    /// Its elderships.
    pub elderships: Vec<elderships::Model>,
    /// Its institutions and units.
    pub institutions: Vec<institutions::Model>,
}

/// The actor's municipality and its organisation, in three queries. MUST
/// return `NotFound("municipality")` when the municipality no longer exists.
pub async fn of_actor<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> StoreResult<OrganisationRecord> {
    let municipality = municipalities::Entity::find_by_id(actor.municipality_id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("municipality"))?;
    let elderships = scoped::<elderships::Entity>(actor)
        .order_by_asc(elderships::Column::Name)
        .all(db)
        .await?;
    let institutions = scoped::<institutions::Entity>(actor)
        .order_by_asc(institutions::Column::Code)
        .all(db)
        .await?;
    Ok(OrganisationRecord {
        municipality,
        elderships,
        institutions,
    })
}
