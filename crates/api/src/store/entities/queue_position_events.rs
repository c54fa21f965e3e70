//! One change of a queue entry's position, with its cause (append-only).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "queue_position_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub place_id: Uuid,
    pub entry_id: Uuid,
    /// Orders the events of one queue.
    pub seq: i64,
    pub at: TimeDateTimeWithTimeZone,
    pub on_date: TimeDate,
    pub from_position: Option<i32>,
    pub to_position: Option<i32>,
    pub cause: String,
    /// The entry whose change caused this one.
    pub cause_entry_id: Option<Uuid>,
    pub cause_detail: Option<String>,
    pub recorded_by: Option<Uuid>,
}

impl ActiveModelBehavior for ActiveModel {}
