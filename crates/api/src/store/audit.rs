//! The audit writer. Call [`record`] with the write's own transaction: no write
//! without its record, no record without its write (R-ROLE-3).

use crate::auth::{Actor, Principal, RequestMeta};
use crate::store::entities::audit_log;
use crate::store::entities::users;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde_json::Value;
use uuid::Uuid;

/// Who did it, as recorded.
#[derive(Debug, Clone)]
pub struct AuditActor {
    /// `user`, `service`, `anonymous` or `system`.
    pub kind: &'static str,
    /// The user's or service account's id.
    pub id: Option<Uuid>,
    /// Username, client id, the attempted username, or the system task.
    pub name: String,
    /// The municipality the record belongs to; `None` only for attempts that
    /// name no known account.
    pub municipality_id: Option<Uuid>,
    /// The request, if the write came from one.
    pub request_id: Option<String>,
    /// The client's address.
    pub client_addr: Option<String>,
}

impl AuditActor {
    /// The authenticated actor of a request.
    pub fn of(actor: &Actor) -> Self {
        let (kind, id, name) = match &actor.principal {
            Principal::User { id, username } => ("user", *id, username.clone()),
            Principal::Service { id, client_id } => ("service", *id, client_id.clone()),
        };
        AuditActor {
            kind,
            id: Some(id),
            name,
            municipality_id: Some(actor.municipality_id),
            request_id: actor.request_id.clone(),
            client_addr: actor.client_addr.clone(),
        }
    }

    /// A member of staff acting before they hold an access token (login,
    /// refresh, logout).
    pub fn user_at(user: &users::Model, meta: &RequestMeta) -> Self {
        AuditActor {
            kind: "user",
            id: Some(user.id),
            name: user.username.clone(),
            municipality_id: Some(user.municipality_id),
            request_id: meta.request_id.clone(),
            client_addr: Some(meta.client_addr.clone()),
        }
    }

    /// Someone who named no known account (`name` is what they typed).
    pub fn anonymous(name: &str, meta: &RequestMeta) -> Self {
        AuditActor {
            kind: "anonymous",
            id: None,
            name: name.to_owned(),
            municipality_id: None,
            request_id: meta.request_id.clone(),
            client_addr: Some(meta.client_addr.clone()),
        }
    }

    /// A command-line or start-up task.
    pub fn system(task: &str, municipality_id: Option<Uuid>) -> Self {
        AuditActor {
            kind: "system",
            id: None,
            name: task.to_owned(),
            municipality_id,
            request_id: None,
            client_addr: None,
        }
    }
}

/// What happened.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    /// Dotted action, e.g. `user.create`, `auth.login`.
    pub action: &'static str,
    /// The entity type, e.g. `user`.
    pub entity: &'static str,
    /// The entity's id.
    pub entity_id: Option<String>,
    /// A summary of the change: the fields set, never secrets.
    pub summary: Value,
}

impl AuditEvent {
    /// An event about one entity.
    pub fn new(action: &'static str, entity: &'static str, entity_id: impl ToString) -> Self {
        AuditEvent {
            action,
            entity,
            entity_id: Some(entity_id.to_string()),
            summary: Value::Object(Default::default()),
        }
    }

    /// Sets the summary.
    pub fn summary(mut self, summary: Value) -> Self {
        self.summary = summary;
        self
    }
}

/// R-ROLE-3: records that `who` read a person's or a case's file, and why
/// (`purpose`, from the client's `X-Purpose` header or the route).
///
/// Reads must not be capped by the rate of synchronous commits, so this
/// commits asynchronously on PostgreSQL (`synchronous_commit = off` for this
/// transaction only): a crash of the database server can lose the read
/// records of its last moments (up to three `wal_writer_delay`s, 600 ms by
/// default), never a write's record, which commits with the write. SQLite in
/// WAL mode with `synchronous = NORMAL` behaves alike (a power loss can lose
/// the last commits). The read is refused if its record cannot be written.
pub async fn record_read(
    db: &sea_orm::DatabaseConnection,
    who: &AuditActor,
    entity: &'static str,
    entity_id: impl ToString,
    purpose: &str,
) -> Result<(), DbErr> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await?;
    if txn.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        txn.execute_unprepared("SET LOCAL synchronous_commit = off")
            .await?;
    }
    let action = match entity {
        "person" => "person.read",
        "family" => "family.read",
        "application" => "application.read",
        "decision" => "decision.read",
        _ => "record.read",
    };
    record(
        &txn,
        who,
        AuditEvent::new(action, entity, entity_id.to_string())
            .summary(serde_json::json!({ "purpose": purpose })),
    )
    .await?;
    txn.commit().await
}

/// Appends one record, in the caller's transaction.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    who: &AuditActor,
    event: AuditEvent,
) -> Result<(), DbErr> {
    let at = super::now();
    let ts = uuid::Timestamp::from_unix(
        uuid::NoContext,
        u64::try_from(at.unix_timestamp()).unwrap_or(0),
        at.nanosecond(),
    );
    let row = audit_log::ActiveModel {
        id: Set(Uuid::new_v7(ts)),
        at: Set(at),
        municipality_id: Set(who.municipality_id),
        actor_kind: Set(who.kind.to_owned()),
        actor_id: Set(who.id),
        actor_name: Set(who.name.clone()),
        action: Set(event.action.to_owned()),
        entity: Set(event.entity.to_owned()),
        entity_id: Set(event.entity_id),
        request_id: Set(who.request_id.clone()),
        client_addr: Set(who.client_addr.clone()),
        summary: Set(event.summary),
    };
    audit_log::Entity::insert(row).exec(db).await?;
    Ok(())
}
