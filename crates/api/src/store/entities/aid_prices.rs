//! The technical aids' prices of a municipality in force from a day
//! (R-FEE-10, R-FEE-11).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "aid_prices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub aid_type: String,
    pub valid_from: TimeDate,
    pub fee_new: Decimal,
    pub fee_used: Decimal,
    pub refund_new: Decimal,
    pub refund_used: Decimal,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
