//! A signing delegation (R-ROLE-2): `user_id` may sign decisions on the
//! service types of [`super::signing_delegation_services`] from
//! `valid_from` to `valid_until` (inclusive; open-ended when null), on the
//! authority of `reference`, unless revoked.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signing_delegations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub user_id: Uuid,
    pub valid_from: TimeDate,
    pub valid_until: Option<TimeDate>,
    pub reference: String,
    pub granted_by: Uuid,
    pub granted_at: TimeDateTimeWithTimeZone,
    pub revoked_at: Option<TimeDateTimeWithTimeZone>,
    pub revoked_by: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
