//! The signing delegations repository (R-ROLE-2): a user's delegations with
//! the service types they cover, the administrator's list, the insert and
//! the versioned revocation.

use crate::actor::Actor;
use crate::store::entities::{service_types, signing_delegation_services, signing_delegations};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use crate::store::versioned;
use atvejis_domain::signing::SigningDelegation;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

impl sea_orm::Related<service_types::Entity> for signing_delegation_services::Entity {
    fn to() -> sea_orm::RelationDef {
        use sea_orm::EntityTrait as _;
        signing_delegation_services::Entity::belongs_to(service_types::Entity)
            .from(signing_delegation_services::Column::ServiceTypeId)
            .to(service_types::Column::Id)
            .into()
    }
}

/// A delegation with the service types it covers.
#[derive(Debug, Clone)]
pub struct DelegationRecord {
    /// The row.
    pub delegation: signing_delegations::Model,
    /// The service types it covers, by code.
    pub services: Vec<service_types::Model>,
}

impl DelegationRecord {
    /// The domain's view of it (service types by id).
    pub fn domain(&self) -> SigningDelegation<Uuid, Uuid> {
        SigningDelegation {
            id: self.delegation.id,
            services: self.services.iter().map(|s| s.id).collect(),
            valid_from: self.delegation.valid_from,
            valid_until: self.delegation.valid_until,
            revoked: self.delegation.revoked_at.is_some(),
        }
    }
}

/// The service types of `rows`, in one query; keeps their order.
async fn with_services<C: ConnectionTrait>(
    db: &C,
    rows: Vec<signing_delegations::Model>,
) -> StoreResult<Vec<DelegationRecord>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|d| d.id).collect();
    let mut covered: HashMap<Uuid, Vec<service_types::Model>> = HashMap::new();
    for (link, service) in signing_delegation_services::Entity::find()
        .filter(signing_delegation_services::Column::DelegationId.is_in(ids))
        .find_also_related(service_types::Entity)
        .order_by_asc(service_types::Column::Code)
        .all(db)
        .await?
    {
        let service = service.ok_or_else(|| {
            StoreError::corrupt("signing delegation", "a service type that does not exist")
        })?;
        covered.entry(link.delegation_id).or_default().push(service);
    }
    Ok(rows
        .into_iter()
        .map(|delegation| DelegationRecord {
            services: covered.remove(&delegation.id).unwrap_or_default(),
            delegation,
        })
        .collect())
}

/// The delegations of user `user_id` (of the actor's municipality) that may
/// be in force on `on`: not revoked and not ended before it (two queries).
/// Which of them covers a service is the domain's to say.
pub async fn current_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    user_id: Uuid,
    on: Date,
) -> StoreResult<Vec<DelegationRecord>> {
    use signing_delegations::Column as C;
    let rows = scoped::<signing_delegations::Entity>(actor)
        .filter(C::UserId.eq(user_id))
        .filter(C::RevokedAt.is_null())
        .filter(C::ValidFrom.lte(on))
        .filter(
            Condition::any()
                .add(C::ValidUntil.is_null())
                .add(C::ValidUntil.gte(on)),
        )
        .order_by_asc(C::ValidFrom)
        .all(db)
        .await?;
    with_services(db, rows).await
}

/// Filters of the administrator's list.
#[derive(Debug, Clone, Default)]
pub struct DelegationQuery {
    /// Only the delegations of this user.
    pub user_id: Option<Uuid>,
    /// Only those not ended on this day (scheduled or in force): not revoked,
    /// not expired.
    pub current_on: Option<Date>,
}

/// A page (from 1) of the delegations of the actor's municipality matching
/// `filter`, newest first, with the total (three queries).
pub async fn page<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &DelegationQuery,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<DelegationRecord>, u64)> {
    use signing_delegations::Column as C;
    let mut query = scoped::<signing_delegations::Entity>(actor);
    if let Some(user) = filter.user_id {
        query = query.filter(C::UserId.eq(user));
    }
    if let Some(on) = filter.current_on {
        query = query.filter(C::RevokedAt.is_null()).filter(
            Condition::any()
                .add(C::ValidUntil.is_null())
                .add(C::ValidUntil.gte(on)),
        );
    }
    let paginator = query
        .order_by_desc(C::GrantedAt)
        .order_by_desc(C::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(crate::store::page_index(page)).await?;
    Ok((with_services(db, rows).await?, total))
}

/// The delegation `id` with its service types. MUST return
/// `NotFound("signing delegation")` when it is not of the actor's
/// municipality.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<DelegationRecord> {
    let row = scoped::<signing_delegations::Entity>(actor)
        .filter(signing_delegations::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("signing delegation"))?;
    with_services(db, vec![row])
        .await?
        .pop()
        .ok_or(StoreError::NotFound("signing delegation"))
}

/// Inserts a delegation and the service types it covers (two statements).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: signing_delegations::Model,
    service_type_ids: &[Uuid],
) -> StoreResult<()> {
    let id = row.id;
    signing_delegations::Entity::insert(row.into_active_model())
        .exec(db)
        .await?;
    signing_delegation_services::Entity::insert_many(service_type_ids.iter().map(|s| {
        signing_delegation_services::ActiveModel {
            delegation_id: Set(id),
            service_type_id: Set(*s),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// Marks delegation `id` revoked by `by` at `now`, at `version`; MUST
/// return `StaleVersion` when the row is no longer at `version` (or was
/// revoked meanwhile).
pub async fn save_revoked<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    by: Uuid,
    now: OffsetDateTime,
) -> StoreResult<()> {
    use signing_delegations::Column as C;
    versioned::expect_one(
        versioned::update::<signing_delegations::Entity>(actor, id, version, now)
            .col_expr(C::RevokedAt, Expr::value(now))
            .col_expr(C::RevokedBy, Expr::value(by))
            .filter(C::RevokedAt.is_null())
            .exec(db)
            .await?,
    )
}
