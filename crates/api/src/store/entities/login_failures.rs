//! One failed login, kept for the throttling window.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub username: String,
    pub client_addr: String,
    pub failed_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
