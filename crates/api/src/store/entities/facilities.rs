//! A facility with places (group living home, children's day centre,
//! overnight shelter).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "facilities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub institution_id: Option<Uuid>,
    pub code: String,
    pub name: String,
    /// `group_living_home`, `children_day_centre`, `overnight_shelter`.
    pub kind: String,
    pub address: Option<String>,
    /// Calendar days a person has to answer an offer of a place.
    pub offer_reply_days: i32,
    /// The admission checklist's items (R-LIM-7 and the facility's own).
    pub admission_checklist: Json,
    pub active: bool,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
