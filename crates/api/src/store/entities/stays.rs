//! A stay in a place: from an admission, or an arrival at the shelter
//! (R-DL-5). Occupancy is derived from the open stays.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stays")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub place_id: Uuid,
    pub facility_id: Uuid,
    pub person_id: Uuid,
    pub place_kind: String,
    pub entry_id: Option<Uuid>,
    pub offer_id: Option<Uuid>,
    pub decision_id: Option<Uuid>,
    pub started_on: TimeDate,
    pub arrived_at: Option<TimeDateTimeWithTimeZone>,
    /// `police`, `ambulance`, `self`, `other`.
    pub brought_by: Option<String>,
    pub planned_until: Option<TimeDate>,
    pub threat_reason: Option<String>,
    pub checklist: Option<Json>,
    pub extract_027a_issued_on: Option<TimeDate>,
    pub ended_on: Option<TimeDate>,
    pub end_reason: Option<String>,
    pub end_note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
