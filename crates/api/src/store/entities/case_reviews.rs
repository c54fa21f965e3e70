//! A review of a case's help plan (R-CMP-4), goal by goal.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_reviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub case_id: Uuid,
    pub reviewed_on: TimeDate,
    pub plan_version_id: Option<Uuid>,
    pub goals: Json,
    pub summary: String,
    pub next_review_on: TimeDate,
    pub meeting_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
