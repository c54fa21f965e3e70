//! A home help or respite schedule (R-LIM-1), approved by the Centre's director.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "delivery_schedules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub person_id: Uuid,
    pub decision_id: Uuid,
    /// `home_help` or `respite`.
    pub service_code: String,
    /// `at_home`, `short_term_care`; None for home help.
    pub respite_organisation: Option<String>,
    pub hours_per_week: Decimal,
    pub visits_per_week: i32,
    pub valid_from: TimeDate,
    pub valid_until: TimeDate,
    pub notes: Option<String>,
    /// `draft`, `approved`.
    pub status: String,
    pub approved_by: Option<Uuid>,
    pub approved_at: Option<TimeDateTimeWithTimeZone>,
    pub created_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
