//! What a stay's care fee is computed from (R-FEE-8), effective from a date.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stay_fee_terms")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub stay_id: Uuid,
    pub effective_from: TimeDate,
    pub target_compensation: Decimal,
    pub assets_over_normative: Decimal,
    pub adult: bool,
    pub care_started_on: TimeDate,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
