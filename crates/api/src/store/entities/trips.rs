//! A transport trip (R-DL-4) with the facts its fare needs (R-FEE-4..7).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trips")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub person_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub requested_on: TimeDate,
    pub trip_on: TimeDate,
    pub purpose: String,
    pub destination: String,
    pub destination_kind: String,
    /// R-FEE-6.
    pub free_destination: bool,
    pub km_one_way: Decimal,
    /// R-FEE-7.
    pub full_price: bool,
    /// `requested`, `completed`, `cancelled`.
    pub status: String,
    pub km_driven: Option<Decimal>,
    pub completed_at: Option<TimeDateTimeWithTimeZone>,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
