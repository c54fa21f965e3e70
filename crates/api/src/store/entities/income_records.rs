//! One month's income of a person from one source.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "income_records")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub person_id: Uuid,
    pub year: i32,
    pub month: i32,
    pub amount: Decimal,
    /// `sodra`, `other`, `declared`.
    pub source: String,
    pub note: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub created_by: Option<Uuid>,
}

impl ActiveModelBehavior for ActiveModel {}
