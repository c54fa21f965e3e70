//! A needs assessment of the child and the family (R-CM-2).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_assessments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub case_id: Uuid,
    pub assessed_on: TimeDate,
    pub risk_factors: Json,
    pub child_protective_factors: Json,
    pub family_protective_factors: Json,
    pub summary: String,
    pub signed_by: Uuid,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
