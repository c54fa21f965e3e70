//! One audit record. The table is append-only (database triggers refuse
//! UPDATE and DELETE).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    /// UUIDv7: ordered by time.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub at: TimeDateTimeWithTimeZone,
    pub municipality_id: Option<Uuid>,
    /// `user`, `service`, `anonymous` or `system`.
    pub actor_kind: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub request_id: Option<String>,
    /// The client's own `X-Request-Id`, sanitised.
    pub client_request_id: Option<String>,
    pub client_addr: Option<String>,
    pub summary: Json,
}

impl ActiveModelBehavior for ActiveModel {}
