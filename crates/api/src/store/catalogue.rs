//! The service catalogue of a municipality: the domain's specification of
//! each service type, stored as JSON so an administrator can edit it.

use crate::store::entities::service_types;
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use atvejis_domain::catalogue::{ServiceTypeSpec, default_catalogue};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Deserialize;
use uuid::Uuid;

/// Seeds the default catalogue of a municipality, created at `now`.
pub async fn seed<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: time::OffsetDateTime,
) -> Result<(), DbErr> {
    let rows = default_catalogue()
        .into_iter()
        .map(|spec| -> Result<service_types::ActiveModel, DbErr> {
            Ok(service_types::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(municipality_id),
                code: Set(spec.code.clone()),
                spec: Set(serde_json::to_value(&spec).map_err(|e| DbErr::Custom(e.to_string()))?),
                active: Set(true),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
            })
        })
        .collect::<Result<Vec<_>, DbErr>>()?;
    service_types::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// The stored specification of a service type.
pub fn spec_of(row: &service_types::Model) -> Result<ServiceTypeSpec, DbErr> {
    // From the stored value in place (no copy of it): this runs for every
    // application row a list or a file shows.
    ServiceTypeSpec::deserialize(&row.spec).map_err(|e| {
        DbErr::Custom(format!(
            "service type {} has an invalid spec: {e}",
            row.code
        ))
    })
}

/// The service types `ids`, by id alone (ids the caller read from rows of
/// its scope), in one query.
pub async fn by_ids<C: ConnectionTrait>(
    db: &C,
    ids: Vec<Uuid>,
) -> Result<Vec<service_types::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    service_types::Entity::find()
        .filter(service_types::Column::Id.is_in(ids))
        .all(db)
        .await
}

/// The id and version of the service type `code` of a municipality (its
/// spec is then taken from the process's cache, `ServiceTypeCache`).
pub async fn version_by_code<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    code: &str,
) -> Result<Option<(Uuid, i32)>, DbErr> {
    service_types::Entity::find()
        .select_only()
        .column(service_types::Column::Id)
        .column(service_types::Column::Version)
        .filter(service_types::Column::MunicipalityId.eq(municipality_id))
        .filter(service_types::Column::Code.eq(code))
        .into_tuple()
        .one(db)
        .await
}

/// The service type `code` of a municipality.
pub async fn by_code<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    code: &str,
) -> Result<Option<service_types::Model>, DbErr> {
    service_types::Entity::find()
        .filter(service_types::Column::MunicipalityId.eq(municipality_id))
        .filter(service_types::Column::Code.eq(code))
        .one(db)
        .await
}

/// The service types of the actor's municipality, by code.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &crate::actor::Actor,
) -> StoreResult<Vec<service_types::Model>> {
    Ok(scoped::<service_types::Entity>(actor)
        .order_by_asc(service_types::Column::Code)
        .all(db)
        .await?)
}

/// The service type `id`. MUST return `NotFound("service type")` when it is
/// not in the actor's municipality.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &crate::actor::Actor,
    id: Uuid,
) -> StoreResult<service_types::Model> {
    scoped::<service_types::Entity>(actor)
        .filter(service_types::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("service type"))
}

/// Saves a service type's specification and `active` flag at `version`
/// (the one the caller read), within the actor's scope. MUST return
/// `StaleVersion` when the row has another version (or is out of scope).
pub async fn save<C: ConnectionTrait>(
    db: &C,
    actor: &crate::actor::Actor,
    id: Uuid,
    version: i32,
    spec: &ServiceTypeSpec,
    active: bool,
    now: time::OffsetDateTime,
) -> StoreResult<()> {
    let spec_json =
        serde_json::to_value(spec).map_err(|e| StoreError::corrupt("service type", e))?;
    let result = super::versioned::update::<service_types::Entity>(actor, id, version, now)
        .col_expr(service_types::Column::Spec, Expr::value(spec_json))
        .col_expr(service_types::Column::Active, Expr::value(active))
        .exec(db)
        .await?;
    if result.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleVersion)
    }
}

/// A stored service type, its specification parsed.
#[derive(Debug, Clone)]
pub struct ServiceType {
    /// Id.
    pub id: Uuid,
    /// Code.
    pub code: String,
    /// Offered for new applications.
    pub active: bool,
    /// The specification.
    pub spec: ServiceTypeSpec,
    /// Version.
    pub version: i32,
}

impl TryFrom<service_types::Model> for ServiceType {
    type Error = StoreError;

    fn try_from(row: service_types::Model) -> StoreResult<Self> {
        Ok(ServiceType {
            spec: serde_json::from_value(row.spec)
                .map_err(|e| StoreError::corrupt("service type", e))?,
            id: row.id,
            code: row.code,
            active: row.active,
            version: row.version,
        })
    }
}
