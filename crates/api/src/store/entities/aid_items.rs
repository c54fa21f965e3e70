//! An item of the technical aids inventory.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "aid_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub aid_type: String,
    pub serial: String,
    /// `new`, `used`.
    pub newness: String,
    /// `good`, `worn`, `damaged`.
    pub condition: String,
    pub condition_note: Option<String>,
    pub location: Option<String>,
    /// `available`, `on_loan`, `in_repair`, `written_off`.
    pub status: String,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
