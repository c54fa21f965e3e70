//! A loan of a technical aid: the fee paid at issue (R-FEE-10), the refund
//! at return (R-FEE-11), the return due after the user's death (R-LIM-6).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "aid_loans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub item_id: Uuid,
    pub aid_type: String,
    pub person_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub issued_on: TimeDate,
    /// `new`, `used`: the item at issue.
    pub newness: String,
    pub fee: Decimal,
    pub price_valid_from: TimeDate,
    pub extract_027a_issued_on: TimeDate,
    pub refund_until: TimeDate,
    pub died_on: Option<TimeDate>,
    pub return_due_on: Option<TimeDate>,
    pub returned_on: Option<TimeDate>,
    pub refund: Option<Decimal>,
    pub return_condition: Option<String>,
    pub note: Option<String>,
    pub issued_by: Option<Uuid>,
    pub returned_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
