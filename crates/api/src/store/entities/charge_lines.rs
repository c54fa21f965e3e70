//! A charge a run computed for a person from one source.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "charge_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub run_id: Uuid,
    pub municipality_id: Uuid,
    pub person_id: Uuid,
    pub service_code: String,
    /// `stay`, `visit_month`, `trip`, `aid_loan`.
    pub source: String,
    pub source_id: Uuid,
    pub period_from: TimeDate,
    pub period_to: TimeDate,
    pub quantity: Decimal,
    pub unit: String,
    pub amount: Decimal,
    pub breakdown: Json,
    /// Rule IDs, comma-separated (`R-FEE-8,R-FEE-9`).
    pub rules: String,
}

impl ActiveModelBehavior for ActiveModel {}
