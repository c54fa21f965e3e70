//! An institution or one of its units (department, facility).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "institutions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub code: String,
    pub name: String,
    /// `centre`, `department`, `facility`, `external`.
    pub kind: String,
    pub address: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
