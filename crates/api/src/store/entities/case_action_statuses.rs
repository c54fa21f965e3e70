//! Where an action of a case's help plan stands (R-CMP-3).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_action_statuses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub case_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub action_id: Uuid,
    pub municipality_id: Uuid,
    pub status: String,
    pub reason: Option<String>,
    pub changed_on: TimeDate,
    pub changed_by: Uuid,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
