//! `POST /api/v1/auth/login`: username and password for a token pair.

use crate::actor::RequestMeta;
use crate::auth::throttle;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::routes::common::{TokenPair, token_pair};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::{self, sessions, users};
use actix_web::{post, web};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Login credentials.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct LoginRequest {
    /// Username (case-insensitive).
    #[validate(length(min = 1, max = 64))]
    #[schema(example = "social_worker")]
    pub username: String,
    /// Password.
    #[validate(length(min = 1, max = 1024))]
    #[schema(example = "Demo-2026!")]
    pub password: String,
}

/// The answer to every wrong login, whatever was wrong.
fn invalid_credentials() -> ApiError {
    ApiError::unauthorized(ErrorCode::InvalidCredentials, "Wrong username or password.")
}

/// Log in.
///
/// The same 401 answers an unknown user, a wrong password and a deactivated
/// account, after the same amount of work. After 10 failed attempts for one
/// username from one address within 15 minutes, attempts get 429 with
/// `Retry-After`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = TokenPair),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Wrong username or password", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    meta: RequestMeta,
    body: ValidJson<LoginRequest>,
) -> ApiResult<web::Json<TokenPair>> {
    let ValidJson(LoginRequest { username, password }) = body;
    let key = users::canonical_username(&username);
    let now = store::now();

    if let Err(retry_after) = throttle::begin(&state.db, &key, &meta.client_addr, now).await? {
        tracing::warn!(username = %key, client = %meta.client_addr, "login throttled");
        return Err(ApiError::too_many_requests(
            ErrorCode::TooManyAttempts,
            "Too many failed logins. Wait and try again.",
            retry_after,
        ));
    }

    let user = users::find_by_username(&state.db, &key).await?;
    let password_ok = state
        .hasher
        .verify(password, user.as_ref().map(|u| u.password_hash.clone()))
        .await?;

    let txn = store::begin_write(&state.db).await?;
    match user {
        Some(user) if password_ok && user.active => {
            throttle::clear(&txn, &key, &meta.client_addr).await?;
            let refresh =
                sessions::issue(&txn, user.id, Uuid::now_v7(), now, state.config.refresh_ttl)
                    .await?;
            let roles = users::roles_of(&txn, user.id).await?;
            audit::record(
                &txn,
                &AuditActor::user_at(&user, &meta),
                crate::store::now(),
                AuditEvent::new(AuditAction::AuthLogin, "user", user.id)
                    .summary(json!({ "session_id": refresh.family_id })),
            )
            .await?;
            let pair = token_pair(&state, &user, roles, refresh, now)?;
            txn.commit().await?;
            Ok(web::Json(pair))
        }
        user => {
            let reason = match &user {
                None => "unknown_user",
                Some(u) if !u.active && password_ok => "deactivated",
                Some(_) => "wrong_password",
            };
            let (who, entity_id) = match &user {
                Some(u) => (AuditActor::user_at(u, &meta), Some(u.id.to_string())),
                None => (AuditActor::anonymous(&key, &meta), None),
            };
            audit::record(
                &txn,
                &who,
                crate::store::now(),
                AuditEvent {
                    action: AuditAction::AuthLoginFailed,
                    entity: "user",
                    entity_id,
                    summary: json!({ "reason": reason }),
                },
            )
            .await?;
            txn.commit().await?;
            tracing::info!(username = %key, client = %meta.client_addr, reason, "login failed");
            Err(invalid_credentials())
        }
    }
}
