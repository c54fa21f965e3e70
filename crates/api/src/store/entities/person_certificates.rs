//! A certificate of a person (disability, working capacity, special needs,
//! permanent nursing or care need, pensioner) with its validity.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person_certificates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub person_id: Uuid,
    pub kind: String,
    /// The level or percentage, as the kind needs.
    pub value: Option<String>,
    pub valid_from: TimeDate,
    pub valid_until: Option<TimeDate>,
    pub issued_by: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
