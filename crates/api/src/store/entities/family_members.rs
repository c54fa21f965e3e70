//! A person's membership of a family, with the relation.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "family_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub family_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: Uuid,
    pub relation: String,
    pub joined_on: Option<TimeDate>,
    pub left_on: Option<TimeDate>,
}

impl ActiveModelBehavior for ActiveModel {}
