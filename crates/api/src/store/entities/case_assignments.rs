//! A member of a case's team (R-CM-1): its case manager or family social worker, until `ended_at`.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_assignments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub case_id: Uuid,
    pub user_id: Uuid,
    pub role: String,
    pub order_reference: Option<String>,
    pub assigned_at: TimeDateTimeWithTimeZone,
    pub assigned_by: Uuid,
    pub ended_at: Option<TimeDateTimeWithTimeZone>,
}

impl ActiveModelBehavior for ActiveModel {}
