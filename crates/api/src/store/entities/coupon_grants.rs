//! A grant of meal coupons (R-LIM-5).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coupon_grants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub person_id: Uuid,
    /// `prison_return`, `commission_decision`.
    pub basis: String,
    pub commission_decision_no: Option<String>,
    pub commission_decision_on: Option<TimeDate>,
    pub coupons: i32,
    pub valid_from: TimeDate,
    pub valid_until: Option<TimeDate>,
    pub director_decision_no: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
