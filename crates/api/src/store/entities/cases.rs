//! A case (atvejo vadyba) of a family (R-CM-1); closed by a meeting's decision (R-CMP-5).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub number: String,
    pub family_id: Uuid,
    pub origin: String,
    pub notice_date: TimeDate,
    pub notice_reference: Option<String>,
    pub referred_by: Option<String>,
    pub reason: String,
    pub opened_on: TimeDate,
    pub opened_at: TimeDateTimeWithTimeZone,
    pub opened_by: Option<Uuid>,
    pub opened_by_service: Option<Uuid>,
    /// The procedure parameters in force on `opened_on`.
    pub parameters: Json,
    pub assigned_on: Option<TimeDate>,
    pub closed_on: Option<TimeDate>,
    pub closed_at: Option<TimeDateTimeWithTimeZone>,
    pub closing_reason: Option<String>,
    pub closing_note: Option<String>,
    pub closed_by_meeting: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
