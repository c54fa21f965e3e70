//! The service catalogue of a municipality: the domain's specification of
//! each service type, stored as JSON so an administrator can edit it.

use crate::store::entities::service_types;
use atvejis_domain::catalogue::{ServiceTypeSpec, default_catalogue};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

/// Seeds the default catalogue of a municipality.
pub async fn seed<C: ConnectionTrait>(db: &C, municipality_id: Uuid) -> Result<(), DbErr> {
    let now = super::now();
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
    serde_json::from_value(row.spec.clone()).map_err(|e| {
        DbErr::Custom(format!(
            "service type {} has an invalid spec: {e}",
            row.code
        ))
    })
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
