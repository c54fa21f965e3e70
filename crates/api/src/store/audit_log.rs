//! Reading the audit log (the writer is [`super::audit`]).

use crate::actor::Actor;
use crate::store::audit::AuditAction;
use crate::store::entities::audit_log;
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};
use time::OffsetDateTime;
use uuid::Uuid;

/// One stored audit record, its action parsed.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    /// The row.
    pub row: audit_log::Model,
    /// What was done.
    pub action: AuditAction,
}

/// Filters of the audit log.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// Entity type.
    pub entity: Option<String>,
    /// Entity id.
    pub entity_id: Option<String>,
    /// A user or service account id, or a username / client id.
    pub actor: Option<String>,
    /// Action.
    pub action: Option<AuditAction>,
    /// From this time on.
    pub from: Option<OffsetDateTime>,
    /// Before this time.
    pub to: Option<OffsetDateTime>,
    /// Only records older than this one.
    pub before: Option<Uuid>,
}

/// At most `limit` records of the actor's municipality matching `q`, newest
/// first, in one query.
pub async fn page<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    q: &AuditQuery,
    limit: u64,
) -> StoreResult<Vec<AuditEntry>> {
    let mut query = scoped::<audit_log::Entity>(actor);
    if let Some(entity) = &q.entity {
        query = query.filter(audit_log::Column::Entity.eq(entity.as_str()));
    }
    if let Some(entity_id) = &q.entity_id {
        query = query.filter(audit_log::Column::EntityId.eq(entity_id.as_str()));
    }
    if let Some(action) = q.action {
        query = query.filter(audit_log::Column::Action.eq(action.as_str()));
    }
    if let Some(who) = q.actor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        query = match who.parse::<Uuid>() {
            Ok(id) => query.filter(audit_log::Column::ActorId.eq(id)),
            Err(_) => query.filter(audit_log::Column::ActorName.eq(who.to_lowercase())),
        };
    }
    if let Some(from) = q.from {
        query = query.filter(audit_log::Column::At.gte(from));
    }
    if let Some(to) = q.to {
        query = query.filter(audit_log::Column::At.lt(to));
    }
    if let Some(cursor) = q.before {
        query = query.filter(audit_log::Column::Id.lt(cursor));
    }
    query
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let action = AuditAction::parse(&row.action)
                .ok_or_else(|| StoreError::corrupt("audit record", &row.action))?;
            Ok(AuditEntry { row, action })
        })
        .collect()
}

/// How far back a client address's successful logins tie it to a
/// municipality (for failed logins of unknown usernames).
pub const RECENT_LOGINS: time::Duration = time::Duration::days(30);

/// Where a failed login of an unknown username from `client_addr` is
/// recorded, so that an auditor sees it: the municipalities whose staff
/// logged in successfully from that address since `since` (at most 5, most
/// recent first); when there are none and the server keeps a single
/// municipality, that one; otherwise none (recorded without a
/// municipality, in the server's log only).
pub async fn municipalities_for_unknown_login<C: ConnectionTrait>(
    db: &C,
    client_addr: &str,
    since: OffsetDateTime,
) -> StoreResult<Vec<Uuid>> {
    use crate::store::entities::municipalities;
    use sea_orm::EntityTrait;
    let rows: Vec<(Option<Uuid>, OffsetDateTime)> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::MunicipalityId)
        .column(audit_log::Column::At)
        .filter(audit_log::Column::ClientAddr.eq(client_addr))
        .filter(audit_log::Column::At.gte(since))
        .filter(audit_log::Column::Action.eq(AuditAction::AuthLogin.as_str()))
        .filter(audit_log::Column::MunicipalityId.is_not_null())
        .order_by_desc(audit_log::Column::At)
        .limit(200)
        .into_tuple()
        .all(db)
        .await?;
    let mut found: Vec<Uuid> = Vec::new();
    for id in rows.into_iter().filter_map(|(m, _)| m) {
        if !found.contains(&id) {
            found.push(id);
        }
        if found.len() == 5 {
            break;
        }
    }
    if found.is_empty() {
        let all: Vec<Uuid> = municipalities::Entity::find()
            .select_only()
            .column(municipalities::Column::Id)
            .limit(2)
            .into_tuple()
            .all(db)
            .await?;
        if all.len() == 1 {
            found = all;
        }
    }
    Ok(found)
}
