//! An offer of a free place to the first in a queue (R-Q-4).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "place_offers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub place_id: Uuid,
    pub facility_id: Uuid,
    pub entry_id: Uuid,
    pub person_id: Uuid,
    /// `pending`, `accepted`, `declined`, `expired`, `admitted`, `withdrawn`.
    pub status: String,
    pub offered_on: TimeDate,
    pub reply_by: TimeDate,
    /// Who made it; `None` when made automatically as a place freed.
    pub offered_by: Option<Uuid>,
    /// The visit before moving in (S4), if arranged.
    pub visit_on: Option<TimeDate>,
    pub answered_on: Option<TimeDate>,
    pub decline_reason: Option<String>,
    pub answer_note: Option<String>,
    pub answered_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
