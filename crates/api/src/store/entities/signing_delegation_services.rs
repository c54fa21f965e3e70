//! A service type a signing delegation covers.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signing_delegation_services")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub delegation_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_type_id: Uuid,
}

impl ActiveModelBehavior for ActiveModel {}
