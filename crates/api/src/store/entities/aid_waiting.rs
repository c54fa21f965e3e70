//! A person waiting for a technical aid of a type out of stock.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "aid_waiting")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub aid_type: String,
    pub person_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub seq: i64,
    pub joined_at: TimeDateTimeWithTimeZone,
    /// `waiting`, `served`, `left`.
    pub status: String,
    pub closed_at: Option<TimeDateTimeWithTimeZone>,
    pub loan_id: Option<Uuid>,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
