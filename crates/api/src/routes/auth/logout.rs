//! `POST /api/v1/auth/logout`: ends the session of a refresh token.

use crate::actor::RequestMeta;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::auth::refresh::RefreshRequest;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::{self, sessions};
use actix_web::{HttpResponse, post, web};
use sea_orm::EntityTrait;
use serde_json::json;

/// Log out.
///
/// Revokes the refresh token and every other token of its session. Answers
/// 204 whether or not the token was still valid, so that logging out twice is
/// harmless. The access token stays valid until it expires (at most its
/// lifetime); clients discard it.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Logged out"),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing field", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    meta: RequestMeta,
    body: ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    if let Some(token) = sessions::find(&txn, &body.refresh_token).await? {
        let revoked = sessions::revoke_family(&txn, token.family_id, now).await?;
        if revoked > 0
            && let Some(user) = users_table::Entity::find_by_id(token.user_id)
                .one(&txn)
                .await?
        {
            audit::record(
                &txn,
                &AuditActor::user_at(&user, &meta),
                crate::store::now(),
                AuditEvent::new(AuditAction::AuthLogout, "session", token.family_id)
                    .summary(json!({ "revoked_tokens": revoked })),
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
