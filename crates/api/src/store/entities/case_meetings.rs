//! A case meeting (atvejo nagrinėjimo posėdis): who took part, the agenda and what it decided.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub case_id: Uuid,
    pub held_on: TimeDate,
    pub agenda: String,
    pub participants: Json,
    pub decisions: Json,
    pub notes: String,
    pub plan_version_id: Option<Uuid>,
    pub application_id: Option<Uuid>,
    pub review_on: Option<TimeDate>,
    pub created_by: Uuid,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
