//! What a member of staff does to their own account.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::auth::password::check_new_password;
use crate::auth::throttle;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditActor, AuditEvent};
use crate::store::{sessions, users};
use serde_json::json;

/// Changes the actor's own password: the current one must be right (a
/// wrong one is recorded and counts towards the login throttle); every other
/// session of theirs ends.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current_password: String,
    new_password: String,
) -> ApiResult<()> {
    let Some(user_id) = actor.user_id() else {
        return Err(ApiError::forbidden("Service accounts have no password."));
    };
    let user = users::find_by_id(&state.db, user_id)
        .await?
        .ok_or_else(|| {
            ApiError::unauthorized(ErrorCode::AccountGone, "The account no longer exists.")
        })?;
    check_new_password("new_password", &new_password, &user.username)
        .map_err(|e| ApiError::validation(vec![e]))?;
    let key = users::canonical_username(&user.username);
    let client_addr = actor.client_addr.as_deref().unwrap_or("unknown");
    if let Err(retry_after) =
        throttle::begin(&state.db, &key, client_addr, state.clock.now()).await?
    {
        return Err(ApiError::too_many_requests(
            ErrorCode::TooManyAttempts,
            "Too many wrong passwords. Wait and try again.",
            retry_after,
        ));
    }
    if !state
        .hasher
        .verify(current_password, Some(user.password_hash.clone()))
        .await?
    {
        // The attempt's row stays as a failure.
        let mut uow = UnitOfWork::begin_as(state, AuditActor::of(actor)).await?;
        uow.audit(
            AuditEvent::new(AuditAction::UserPasswordChangeFailed, "user", user.id)
                .summary(json!({ "reason": "wrong_password" })),
        )
        .await?;
        uow.commit().await?;
        return Err(ApiError::invalid_field(
            "current_password",
            FieldCode::WrongPassword,
            "is not your current password",
        ));
    }
    // Hashing takes a while: before the write transaction, not in it.
    let hash = state.hasher.hash(new_password).await?;
    let mut uow = UnitOfWork::begin_as(state, AuditActor::of(actor)).await?;
    throttle::clear(uow.db(), &key, client_addr).await?;
    users::replace_password(uow.db(), user.id, &user.password_hash, hash, uow.now()).await?;
    uow.ends_access_of(user.id);
    let ended = sessions::revoke_user(uow.db(), user.id, actor.session_id, uow.now()).await?;
    uow.audit(
        AuditEvent::new(AuditAction::UserPasswordChange, "user", user.id)
            .summary(json!({ "other_sessions_ended": ended })),
    )
    .await?;
    uow.commit().await?;
    Ok(())
}

/// The caller's own account, as stored.
#[derive(Debug, Clone)]
pub enum Account {
    /// A member of staff.
    User(crate::store::users::UserRecord),
    /// A service account.
    Service(crate::store::service_accounts::ServiceAccount),
}

/// The caller's account and municipality (401 `account_gone` when either
/// no longer exists).
pub async fn get(
    state: &AppState,
    actor: &Actor,
) -> ApiResult<(Account, crate::store::entities::municipalities::Model)> {
    let gone = || ApiError::unauthorized(ErrorCode::AccountGone, "The account no longer exists.");
    let municipality = users::municipality(&state.db, actor.municipality_id)
        .await?
        .ok_or_else(gone)?;
    let account = match &actor.principal {
        crate::actor::Principal::User { id, .. } => {
            let user = users::find_by_id(&state.db, *id).await?.ok_or_else(gone)?;
            let record = users::load_records(&state.db, vec![user])
                .await?
                .pop()
                .ok_or_else(gone)?;
            Account::User(record)
        }
        crate::actor::Principal::Service { id, .. } => Account::Service(
            crate::store::service_accounts::find_by_id(&state.db, *id)
                .await?
                .ok_or_else(gone)?,
        ),
    };
    Ok((account, municipality))
}
