//! An effective-dated rate of a municipality (VRP, prices, fee caps).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub kind: String,
    pub valid_from: TimeDate,
    pub value: Decimal,
    pub note: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub created_by: Option<Uuid>,
}

impl ActiveModelBehavior for ActiveModel {}
