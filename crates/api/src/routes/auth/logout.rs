//! `POST /api/v1/auth/logout`: ends the session of a refresh token.

use crate::actor::RequestMeta;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::auth::refresh::RefreshRequest;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};

/// Log out.
///
/// Revokes the refresh token and every other token of its session. Answers
/// 204 whether or not the token was still valid, so that logging out twice is
/// harmless. The session's access tokens are refused from then on (401
/// `session_ended`), by every API process.
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
    app::auth::logout(&state, &meta, &body.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}
