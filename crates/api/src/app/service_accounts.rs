//! Service accounts of the actor's municipality (admin): list, create,
//! deactivate, give a new secret. The secret is returned once, never stored.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::ApiResult;
use crate::secrets;
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::service_accounts::{self, NewServiceAccount, ServiceAccountChanges};
use atvejis_domain::access::Permission;
use atvejis_domain::scopes::ServiceScope;
use serde_json::json;
use uuid::Uuid;

pub use crate::store::service_accounts::ServiceAccount;

/// The service accounts of the actor's municipality, by name.
pub async fn list(state: &AppState, actor: &Actor) -> ApiResult<Vec<ServiceAccount>> {
    actor.require(Permission::ManageUsers)?;
    Ok(service_accounts::list(&state.db, actor).await?)
}

/// Creates a service account; returns it with its secret (shown this once).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    name: &str,
    scopes: &[ServiceScope],
) -> ApiResult<(ServiceAccount, String)> {
    actor.require(Permission::ManageUsers)?;
    let mut wanted = scopes.to_vec();
    wanted.sort();
    wanted.dedup();
    let secret = secrets::generate();
    // Hashing takes a while: before the write transaction, not in it.
    let secret_hash = state.hasher.hash(secret.clone()).await?;
    let id = Uuid::now_v7();
    let client_id = format!("svc-{}", &id.simple().to_string()[20..]);
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    let name = name.trim().to_owned();
    let new = NewServiceAccount {
        id,
        client_id: client_id.clone(),
        name: name.clone(),
        secret_hash,
        scopes: wanted.clone(),
    };
    service_accounts::insert(uow.db(), actor, new, uow.now()).await?;
    uow.audit(
        AuditEvent::new(AuditAction::ServiceAccountCreate, "service_account", id).summary(json!({
            "client_id": client_id,
            "name": name,
            "scopes": wanted,
        })),
    )
    .await?;
    let account = service_accounts::find_scoped(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok((account, secret))
}

/// Deactivates a service account: it gets no more tokens, and a token it
/// holds stops working at once.
pub async fn deactivate(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<ServiceAccount> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    service_accounts::find_scoped(uow.db(), actor, id).await?;
    let changes = ServiceAccountChanges {
        active: Some(false),
        ..ServiceAccountChanges::default()
    };
    service_accounts::save(uow.db(), actor, id, version, changes, uow.now()).await?;
    uow.ends_access_of(id);
    uow.audit(AuditEvent::new(
        AuditAction::ServiceAccountDeactivate,
        "service_account",
        id,
    ))
    .await?;
    let account = service_accounts::find_scoped(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok(account)
}

/// Gives a service account a new secret (the old one stops working);
/// returns it with the secret (shown this once).
pub async fn rotate_secret(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<(ServiceAccount, String)> {
    actor.require(Permission::ManageUsers)?;
    service_accounts::find_scoped(&state.db, actor, id).await?;
    let secret = secrets::generate();
    // Hashing takes a while: before the write transaction, not in it.
    let hash = state.hasher.hash(secret.clone()).await?;
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    let changes = ServiceAccountChanges {
        secret_hash: Some(hash),
        ..ServiceAccountChanges::default()
    };
    service_accounts::save(uow.db(), actor, id, version, changes, uow.now()).await?;
    uow.ends_access_of(id);
    uow.audit(AuditEvent::new(
        AuditAction::ServiceAccountRotateSecret,
        "service_account",
        id,
    ))
    .await?;
    let account = service_accounts::find_scoped(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok((account, secret))
}
