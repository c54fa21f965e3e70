//! Logging in and out, refreshing a session, and the client-credentials
//! grant. These writes have no access token yet: they run in a
//! [`UnitOfWork::begin_as`] recorded as the account that acts.

use crate::actor::RequestMeta;
use crate::app::UnitOfWork;
use crate::auth::jwt::{PrincipalKind, Subject, unix_now};
use crate::auth::throttle;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::sessions::{self, IssuedRefresh};
use crate::store::{audit_log, service_accounts, users};
use atvejis_domain::access::Role;
use atvejis_domain::scopes::{self, ServiceScope};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// Access and refresh token, as returned by login and refresh.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenPair {
    /// Bearer token for `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// Single-use token for `POST /api/v1/auth/refresh`.
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    pub refresh_expires_in: u64,
}

/// Issues the access token that goes with a refresh token.
fn token_pair(
    state: &AppState,
    user: &users_table::Model,
    roles: Vec<Role>,
    refresh: IssuedRefresh,
    now: OffsetDateTime,
) -> ApiResult<TokenPair> {
    let subject = Subject {
        kind: PrincipalKind::User,
        id: user.id,
        name: user.username.clone(),
        municipality_id: user.municipality_id,
        eldership_id: user.eldership_id,
        roles,
        scope: None,
        session_id: Some(refresh.family_id),
        version: user.version,
        display_name: Some(user.display_name.clone()),
    };
    let access_token = state
        .jwt
        .issue(&subject, unix_now())
        .map_err(|e| ApiError::internal(format!("jwt: {e}")))?;
    Ok(TokenPair {
        access_token,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl().as_secs(),
        refresh_token: refresh.token,
        refresh_expires_in: u64::try_from((refresh.expires_at - now).whole_seconds()).unwrap_or(0),
    })
}

fn invalid_credentials() -> ApiError {
    ApiError::unauthorized(ErrorCode::InvalidCredentials, "Wrong username or password.")
}

fn refused() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidRefreshToken,
        "The session has ended; log in again.",
    )
}

fn invalid_client() -> ApiError {
    ApiError::unauthorized(ErrorCode::InvalidClient, "Unknown client or wrong secret.")
}

fn throttled(detail: &'static str, retry_after: u64) -> ApiError {
    ApiError::too_many_requests(ErrorCode::TooManyAttempts, detail, retry_after)
}

/// Logs a member of staff in. An unknown user, a wrong password and a
/// deactivated account get the same 401 after the same work; every attempt
/// is recorded; too many failures get 429.
pub async fn login(
    state: &AppState,
    meta: &RequestMeta,
    username: &str,
    password: String,
) -> ApiResult<TokenPair> {
    let key = users::canonical_username(username);
    let attempt_at = state.clock.now();
    if let Err(retry_after) =
        throttle::begin(&state.db, &key, &meta.client_addr, attempt_at).await?
    {
        tracing::warn!(username = %key, client = %meta.client_addr, "login throttled");
        return Err(throttled(
            "Too many failed logins. Wait and try again.",
            retry_after,
        ));
    }
    let user = users::find_by_username(&state.db, &key).await?;
    let password_ok = state
        .hasher
        .verify(password, user.as_ref().map(|u| u.password_hash.clone()))
        .await?;
    let who = match &user {
        Some(u) => AuditActor::user_at(u, meta),
        None => AuditActor::anonymous(&key, meta),
    };
    let mut uow = UnitOfWork::begin_as(state, who).await?;
    match user {
        Some(user) if password_ok && user.active => {
            throttle::clear(uow.db(), &key, &meta.client_addr).await?;
            let refresh = sessions::issue(
                uow.db(),
                user.id,
                Uuid::now_v7(),
                uow.now(),
                state.config.refresh_ttl,
            )
            .await?;
            let roles = users::roles_of(uow.db(), user.id).await?;
            uow.audit(
                AuditEvent::new(AuditAction::AuthLogin, "user", user.id)
                    .summary(json!({ "session_id": refresh.family_id })),
            )
            .await?;
            let pair = token_pair(state, &user, roles, refresh, uow.now())?;
            uow.commit().await?;
            Ok(pair)
        }
        user => {
            let reason = match &user {
                None => "unknown_user",
                Some(u) if !u.active && password_ok => "deactivated",
                Some(_) => "wrong_password",
            };
            let event = AuditEvent {
                action: AuditAction::AuthLoginFailed,
                entity: "user",
                entity_id: user.as_ref().map(|u| u.id.to_string()),
                summary: json!({ "reason": reason }),
            };
            // An unknown username belongs to no municipality: so that an
            // auditor sees the attempt, it is recorded for each
            // municipality whose staff recently logged in from the same
            // address (or the only one the server keeps).
            let concerned = match &user {
                Some(_) => Vec::new(),
                None => {
                    audit_log::municipalities_for_unknown_login(
                        uow.db(),
                        &meta.client_addr,
                        uow.now() - audit_log::RECENT_LOGINS,
                    )
                    .await?
                }
            };
            if concerned.is_empty() {
                uow.audit(event).await?;
            } else {
                for municipality in concerned {
                    let mut who = AuditActor::anonymous(&key, meta);
                    who.municipality_id = Some(municipality);
                    uow.audit_as(&who, event.clone()).await?;
                }
            }
            uow.commit().await?;
            tracing::info!(username = %key, client = %meta.client_addr, reason, "login failed");
            Err(invalid_credentials())
        }
    }
}

/// Exchanges a refresh token for a new pair. A used token shown again
/// revokes its whole session (recorded); an expired, revoked or unknown
/// token, or a deactivated account, gets 401.
pub async fn refresh(state: &AppState, meta: &RequestMeta, token: &str) -> ApiResult<TokenPair> {
    let Some(row) = sessions::find(&state.db, token).await? else {
        return Err(refused());
    };
    let Some(user) = users::find_by_id(&state.db, row.user_id).await? else {
        return Err(refused());
    };
    if row.revoked_at.is_some() {
        return Err(refused());
    }
    let mut uow = UnitOfWork::begin_as(state, AuditActor::user_at(&user, meta)).await?;
    let now = uow.now();
    let reused = row.used_at.is_some() || !sessions::mark_used(uow.db(), row.id, now).await?;
    if reused {
        let revoked = sessions::revoke_family(uow.db(), row.family_id, now).await?;
        uow.ends_access_of(row.user_id);
        uow.audit(
            AuditEvent::new(AuditAction::AuthRefreshReuse, "session", row.family_id)
                .summary(json!({ "revoked_tokens": revoked })),
        )
        .await?;
        uow.commit().await?;
        tracing::warn!(user = %user.username, session = %row.family_id, "refresh token reused; session revoked");
        return Err(refused());
    }
    if row.expires_at <= now || !user.active {
        // Nothing to record: the token simply no longer works (the unit of
        // work rolls back).
        return Err(refused());
    }
    let next = sessions::issue(
        uow.db(),
        user.id,
        row.family_id,
        now,
        state.config.refresh_ttl,
    )
    .await?;
    let roles = users::roles_of(uow.db(), user.id).await?;
    uow.audit(AuditEvent::new(
        AuditAction::AuthRefresh,
        "session",
        row.family_id,
    ))
    .await?;
    let pair = token_pair(state, &user, roles, next, now)?;
    uow.commit().await?;
    Ok(pair)
}

/// Ends the session of a refresh token (recorded when it was still open).
/// An unknown token is no error.
pub async fn logout(state: &AppState, meta: &RequestMeta, token: &str) -> ApiResult<()> {
    let Some(row) = sessions::find(&state.db, token).await? else {
        return Ok(());
    };
    let Some(user) = users::find_by_id(&state.db, row.user_id).await? else {
        return Ok(());
    };
    let mut uow = UnitOfWork::begin_as(state, AuditActor::user_at(&user, meta)).await?;
    let revoked = sessions::revoke_family(uow.db(), row.family_id, uow.now()).await?;
    if revoked == 0 {
        // Already ended: nothing changed, nothing to record.
        return Ok(());
    }
    uow.ends_access_of(row.user_id);
    uow.audit(
        AuditEvent::new(AuditAction::AuthLogout, "session", row.family_id)
            .summary(json!({ "revoked_tokens": revoked })),
    )
    .await?;
    uow.commit().await?;
    Ok(())
}

/// An access token for a service account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ClientToken {
    /// Bearer token.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until it expires.
    pub expires_in: u64,
    /// The scopes granted, space-separated.
    pub scope: String,
}

/// The client-credentials grant: a scoped access token for a service
/// account (`scope`: the space-separated scopes wanted, default all held).
pub async fn client_token(
    state: &AppState,
    meta: &RequestMeta,
    client_id: &str,
    secret: String,
    scope: Option<&str>,
) -> ApiResult<ClientToken> {
    let key = format!("client:{client_id}");
    let attempt_at = state.clock.now();
    if let Err(retry_after) =
        throttle::begin(&state.db, &key, &meta.client_addr, attempt_at).await?
    {
        return Err(throttled(
            "Too many failed attempts. Wait and try again.",
            retry_after,
        ));
    }
    let account = service_accounts::find_by_client_id(&state.db, client_id).await?;
    let secret_ok = state
        .hasher
        .verify(secret, account.as_ref().map(|a| a.secret_hash.clone()))
        .await?;
    let account = match account {
        Some(account) if secret_ok && account.active => account,
        _ => return Err(invalid_client()),
    };
    let granted: Vec<ServiceScope> = match scope.map(str::trim).filter(|s| !s.is_empty()) {
        None => account.scopes.clone(),
        Some(wanted) => {
            let wanted = scopes::parse_list(wanted)
                .map_err(|e| ApiError::bad_request(ErrorCode::InvalidScope, e))?;
            if let Some(extra) = wanted.iter().find(|s| !account.scopes.contains(s)) {
                return Err(ApiError::bad_request(
                    ErrorCode::InvalidScope,
                    format!("The account does not hold the scope `{}`.", extra.as_str()),
                ));
            }
            wanted
        }
    };
    let scope = scopes::format_list(&granted);
    let subject = Subject {
        kind: PrincipalKind::Service,
        id: account.id,
        name: account.client_id.clone(),
        municipality_id: account.municipality_id,
        eldership_id: None,
        roles: Vec::new(),
        scope: Some(scope.clone()),
        session_id: None,
        version: account.version,
        display_name: None,
    };
    let access_token = state
        .jwt
        .issue(&subject, unix_now())
        .map_err(|e| ApiError::internal(format!("jwt: {e}")))?;
    let who = AuditActor {
        kind: "service",
        id: Some(account.id),
        name: account.client_id.clone(),
        municipality_id: Some(account.municipality_id),
        request_id: meta.request_id.clone(),
        client_request_id: meta.client_request_id.clone(),
        client_addr: Some(meta.client_addr.clone()),
    };
    let mut uow = UnitOfWork::begin_as(state, who).await?;
    throttle::clear(uow.db(), &key, &meta.client_addr).await?;
    uow.audit(
        AuditEvent::new(AuditAction::AuthClientToken, "service_account", account.id)
            .summary(json!({ "scope": scope })),
    )
    .await?;
    uow.commit().await?;
    Ok(ClientToken {
        access_token,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl().as_secs(),
        scope,
    })
}
