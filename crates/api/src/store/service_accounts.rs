//! Service accounts: other municipal systems that call the API with client
//! credentials. Their scopes are stored as a space-separated list.

use crate::actor::Actor;
use crate::store::entities::service_accounts as sa;
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use atvejis_domain::scopes::{self, ServiceScope};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// A stored service account, its scopes parsed.
#[derive(Debug, Clone)]
pub struct ServiceAccount {
    /// Id.
    pub id: Uuid,
    /// Its municipality.
    pub municipality_id: Uuid,
    /// Client id for `POST /api/v1/auth/token`.
    pub client_id: String,
    /// Which system it is.
    pub name: String,
    /// The secret's hash.
    pub secret_hash: String,
    /// Scopes it may ask for.
    pub scopes: Vec<ServiceScope>,
    /// Whether it can get tokens.
    pub active: bool,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Version.
    pub version: i32,
}

impl TryFrom<sa::Model> for ServiceAccount {
    type Error = StoreError;

    fn try_from(m: sa::Model) -> StoreResult<Self> {
        Ok(ServiceAccount {
            scopes: scopes::parse_list(&m.scopes)
                .map_err(|e| StoreError::corrupt("service account", e))?,
            id: m.id,
            municipality_id: m.municipality_id,
            client_id: m.client_id,
            name: m.name,
            secret_hash: m.secret_hash,
            active: m.active,
            created_at: m.created_at,
            version: m.version,
        })
    }
}

/// The service accounts of the actor's municipality, by name.
pub async fn list<C: ConnectionTrait>(db: &C, actor: &Actor) -> StoreResult<Vec<ServiceAccount>> {
    scoped::<sa::Entity>(actor)
        .order_by_asc(sa::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(ServiceAccount::try_from)
        .collect()
}

/// The service account `id`. MUST return `NotFound("service account")` when
/// it is outside the actor's municipality, as if it did not exist.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<ServiceAccount> {
    scoped::<sa::Entity>(actor)
        .filter(sa::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("service account"))?
        .try_into()
}

/// The service account with `client_id`, in any municipality (for the
/// client-credentials grant, which has no actor yet).
pub async fn find_by_client_id<C: ConnectionTrait>(
    db: &C,
    client_id: &str,
) -> StoreResult<Option<ServiceAccount>> {
    sa::Entity::find()
        .filter(sa::Column::ClientId.eq(client_id))
        .one(db)
        .await?
        .map(ServiceAccount::try_from)
        .transpose()
}

/// A new service account.
#[derive(Debug, Clone)]
pub struct NewServiceAccount {
    /// Id (the client id is derived from it).
    pub id: Uuid,
    /// Client id.
    pub client_id: String,
    /// Which system it is.
    pub name: String,
    /// The secret's hash.
    pub secret_hash: String,
    /// Scopes, sorted, without repeats.
    pub scopes: Vec<ServiceScope>,
}

/// Inserts a service account of the actor's municipality.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    new: NewServiceAccount,
    now: OffsetDateTime,
) -> StoreResult<()> {
    sa::Entity::insert(sa::ActiveModel {
        id: Set(new.id),
        municipality_id: Set(actor.municipality_id),
        client_id: Set(new.client_id),
        name: Set(new.name),
        secret_hash: Set(new.secret_hash),
        scopes: Set(scopes::format_list(&new.scopes)),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Changes to a service account (`None`: unchanged).
#[derive(Debug, Clone, Default)]
pub struct ServiceAccountChanges {
    /// Whether it can get tokens.
    pub active: Option<bool>,
    /// A new secret's hash.
    pub secret_hash: Option<String>,
}

/// Saves `changes` to account `id` at `version`, within the actor's scope,
/// bumping the version. MUST return `StaleVersion` when the row has another
/// version.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    changes: ServiceAccountChanges,
    now: OffsetDateTime,
) -> StoreResult<()> {
    let mut update = super::versioned::update::<sa::Entity>(actor, id, version, now);
    if let Some(active) = changes.active {
        update = update.col_expr(sa::Column::Active, Expr::value(active));
    }
    if let Some(hash) = changes.secret_hash {
        update = update.col_expr(sa::Column::SecretHash, Expr::value(hash));
    }
    if update.exec(db).await?.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleVersion)
    }
}

/// The service account `id`, in any municipality (for the account's own
/// view, where the actor is the account).
pub async fn find_by_id<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> StoreResult<Option<ServiceAccount>> {
    sa::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(ServiceAccount::try_from)
        .transpose()
}
