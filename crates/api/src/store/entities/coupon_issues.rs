//! An issue of meal coupons in the coupon journal (R-LIM-5).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coupon_issues")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub grant_id: Uuid,
    pub person_id: Uuid,
    pub issued_on: TimeDate,
    pub coupons: i32,
    /// `person`, `authorised_person`.
    pub received_by: String,
    pub authorised_name: Option<String>,
    pub signed: bool,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
