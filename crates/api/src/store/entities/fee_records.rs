//! A decision's monthly fee from a month on (append-only): the first is
//! stored when the decision is signed, each later one when the division
//! confirms a changed fee; the history stays.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fee_records")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub decision_id: Uuid,
    pub person_id: Uuid,
    pub service_code: String,
    /// The fee rule's name (`R-FEE-1`, …).
    pub fee_rule: String,
    /// Numbers the records of one decision: 1, 2, …
    pub version: i32,
    /// The first day of the month the fee applies from.
    pub effective_from: TimeDate,
    pub monthly_fee: Decimal,
    /// The breakdown (`app::fees::views::FeeBreakdown`).
    pub calculation: Json,
    pub confirmed_by: Option<Uuid>,
    pub confirmed_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
