//! `POST /api/v1/auth/refresh`: a refresh token for a new pair (rotation).

use crate::actor::RequestMeta;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::routes::common::{TokenPair, token_pair};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::{self, sessions, users};
use actix_web::{post, web};
use sea_orm::EntityTrait;
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use validator::Validate;

/// A refresh token.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    /// The refresh token from login or the previous refresh.
    #[validate(length(min = 1, max = 256))]
    pub refresh_token: String,
}

fn refused() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidRefreshToken,
        "The session has ended; log in again.",
    )
}

/// Exchange a refresh token for a new pair.
///
/// The presented token stops working. Presenting an already exchanged token
/// again revokes the whole session (every token of that login): one of the
/// two holders is not who they claim to be.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new pair", body = TokenPair),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown, expired, revoked or reused token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing field", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    meta: RequestMeta,
    body: ValidJson<RefreshRequest>,
) -> ApiResult<web::Json<TokenPair>> {
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    let Some(token) = sessions::find(&txn, &body.refresh_token).await? else {
        return Err(refused());
    };
    let user = users_table::Entity::find_by_id(token.user_id)
        .one(&txn)
        .await?
        .ok_or_else(refused)?;
    let who = AuditActor::user_at(&user, &meta);

    if token.revoked_at.is_some() {
        return Err(refused());
    }
    let reused = token.used_at.is_some() || !sessions::mark_used(&txn, token.id, now).await?;
    if reused {
        let revoked = sessions::revoke_family(&txn, token.family_id, now).await?;
        audit::record(
            &txn,
            &who,
            crate::store::now(),
            AuditEvent::new(AuditAction::AuthRefreshReuse, "session", token.family_id)
                .summary(json!({ "revoked_tokens": revoked })),
        )
        .await?;
        txn.commit().await?;
        tracing::warn!(user = %user.username, session = %token.family_id, "refresh token reused; session revoked");
        return Err(refused());
    }
    if token.expires_at <= now || !user.active {
        // Nothing to record: the token simply no longer works.
        return Err(refused());
    }

    let next = sessions::issue(
        &txn,
        user.id,
        token.family_id,
        now,
        state.config.refresh_ttl,
    )
    .await?;
    let roles = users::roles_of(&txn, user.id).await?;
    audit::record(
        &txn,
        &who,
        crate::store::now(),
        AuditEvent::new(AuditAction::AuthRefresh, "session", token.family_id),
    )
    .await?;
    let pair = token_pair(&state, &user, roles, next, now)?;
    txn.commit().await?;
    Ok(web::Json(pair))
}
