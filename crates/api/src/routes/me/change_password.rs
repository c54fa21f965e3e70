//! `POST /api/v1/me/password`: a member of staff changes their own password.

use crate::actor::Actor;
use crate::auth::password::check_new_password;
use crate::auth::throttle;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::{self, sessions, users};
use actix_web::{HttpResponse, post, web};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, ExprTrait, QueryFilter};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use validator::Validate;

/// Current and new password.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ChangePasswordRequest {
    /// The current password.
    #[validate(length(min = 1, max = 1024))]
    pub current_password: String,
    /// The new password: at least 10 characters, not containing the username.
    #[validate(length(min = 1, max = 1024))]
    pub new_password: String,
}

/// Change my password.
///
/// Ends every other session of the account; this one stays. A wrong current
/// password counts as a failed login (the same throttle: after 10 within 15
/// minutes, 429 with `Retry-After`), so a session left open cannot be used
/// to guess the password.
#[utoipa::path(
    tag = "me",
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of staff", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong current password or weak new one", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong passwords; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let Some(user_id) = actor.user_id() else {
        return Err(ApiError::forbidden("Service accounts have no password."));
    };
    let user = users_table::Entity::find_by_id(user_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| {
            ApiError::unauthorized(ErrorCode::AccountGone, "The account no longer exists.")
        })?;
    let ValidJson(ChangePasswordRequest {
        current_password,
        new_password,
    }) = body;
    check_new_password("new_password", &new_password, &user.username)
        .map_err(|e| ApiError::validation(vec![e]))?;
    let now = store::now();
    let key = users::canonical_username(&user.username);
    let client_addr = actor.client_addr.as_deref().unwrap_or("unknown");
    if let Err(retry_after) = throttle::begin(&state.db, &key, client_addr, now).await? {
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
        let txn = store::begin_write(&state.db).await?;
        audit::record(
            &txn,
            &AuditActor::of(&actor),
            crate::store::now(),
            AuditEvent::new(AuditAction::UserPasswordChangeFailed, "user", user.id)
                .summary(json!({ "reason": "wrong_password" })),
        )
        .await?;
        txn.commit().await?;
        return Err(ApiError::invalid_field(
            "current_password",
            "wrong_password",
            "is not your current password",
        ));
    }
    let hash = state.hasher.hash(new_password).await?;
    let txn = store::begin_write(&state.db).await?;
    throttle::clear(&txn, &key, client_addr).await?;
    let updated = users_table::Entity::update_many()
        .col_expr(users_table::Column::PasswordHash, Expr::value(hash))
        .col_expr(users_table::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            users_table::Column::Version,
            Expr::col(users_table::Column::Version).add(1),
        )
        .filter(users_table::Column::Id.eq(user.id))
        .filter(users_table::Column::PasswordHash.eq(user.password_hash))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(ApiError::stale_version());
    }
    let ended = sessions::revoke_user(&txn, user.id, actor.session_id, now).await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::UserPasswordChange, "user", user.id)
            .summary(json!({ "other_sessions_ended": ended })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
