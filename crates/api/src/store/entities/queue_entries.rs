//! A person in a queue for a place (R-Q-1..3).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "queue_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub place_id: Uuid,
    pub facility_id: Uuid,
    pub person_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub application_id: Option<Uuid>,
    pub place_kind: String,
    /// R-Q-2: the kind when one queue of it per person is allowed.
    pub exclusive_kind: Option<String>,
    pub decided_on: TimeDate,
    pub applied_on: TimeDate,
    pub registration: i64,
    /// `waiting`, `admitted`, `left`.
    pub status: String,
    /// The dense position while waiting (R-Q-3).
    pub position: Option<i32>,
    pub hold_until: Option<TimeDate>,
    /// Why not offered for now: `declined_keeps_place`, `no_reply`.
    pub hold_reason: Option<String>,
    pub joined_at: TimeDateTimeWithTimeZone,
    pub closed_at: Option<TimeDateTimeWithTimeZone>,
    pub close_reason: Option<String>,
    pub close_note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
