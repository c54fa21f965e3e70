//! An entry of a case's monitoring journal (šeimos stebėsena); after 24 hours corrected only by a new entry.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_journal_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub case_id: Uuid,
    pub occurred_on: TimeDate,
    pub kind: String,
    pub text: String,
    pub author_id: Uuid,
    pub written_at: TimeDateTimeWithTimeZone,
    pub edited_at: Option<TimeDateTimeWithTimeZone>,
    pub corrects_id: Option<Uuid>,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
