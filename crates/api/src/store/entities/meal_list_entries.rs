//! A recipient on a meal list, with their signature (R-LIM-4).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meal_list_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub list_id: Uuid,
    pub person_id: Uuid,
    pub decision_id: Uuid,
    pub served_on: TimeDate,
    pub signed: bool,
    pub signed_by_name: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
