//! A visit of home help or respite (R-LIM-1..3).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "delivery_visits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub schedule_id: Uuid,
    pub person_id: Uuid,
    pub decision_id: Uuid,
    pub service_code: String,
    pub visit_on: TimeDate,
    pub hours: Decimal,
    /// R-LIM-3: hours in day care or other paid care, not counted.
    pub other_paid_care_hours: Decimal,
    /// R-LIM-3: hours − other paid care hours.
    pub countable_hours: Decimal,
    pub worker_id: Uuid,
    pub over_schedule: bool,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
