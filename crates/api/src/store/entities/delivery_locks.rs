//! The lock row of a person's limited records (visits, meals, coupons).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "delivery_locks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: Uuid,
    pub municipality_id: Uuid,
    pub bumps: i64,
}

impl ActiveModelBehavior for ActiveModel {}
