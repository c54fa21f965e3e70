//! A decision on an application (SP-9): prepared by a division specialist,
//! signed by the division head.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub application_id: Uuid,
    /// `granted` or `refused`.
    pub outcome: String,
    /// `prepared`, `signed`.
    pub status: String,
    pub reasoning: Option<String>,
    pub hours_per_month: Option<Decimal>,
    pub monthly_fee: Option<Decimal>,
    /// The fee calculation with every input, as calculated when prepared.
    pub fee_calculation: Option<Json>,
    pub service_from: Option<TimeDate>,
    pub prepared_by: Uuid,
    pub prepared_at: TimeDateTimeWithTimeZone,
    pub signed_by: Option<Uuid>,
    pub signed_at: Option<TimeDateTimeWithTimeZone>,
    pub decided_on: Option<TimeDate>,
    pub notified_on: Option<TimeDate>,
    pub notification_method: Option<String>,
    /// The signing delegation it was signed under (R-ROLE-2).
    pub signing_delegation_id: Option<Uuid>,
    /// That delegation's reference (the authority) when it was signed.
    pub signing_reference: Option<String>,
    /// R-DL-2: when the signed decision and the file reached the provider.
    pub handed_over_on: Option<TimeDate>,
    /// R-DL-2: to whom (the provider).
    pub handed_over_to: Option<String>,
    /// R-Q-1, R-Q-5: the facility whose place it grants (it may name
    /// another than the application preferred).
    pub facility_id: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
