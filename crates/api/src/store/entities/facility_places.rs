//! One queue: a kind of place at a facility. Every change of the queue
//! first bumps its `version` (the lock that serialises them).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "facility_places")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub facility_id: Uuid,
    pub place_kind: String,
    /// Registrations so far (R-Q-3's last tie-break numbers them).
    pub registrations: i64,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
