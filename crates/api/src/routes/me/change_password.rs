//! `POST /api/v1/me/password`: a member of staff changes their own password.

use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
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
    let ValidJson(ChangePasswordRequest {
        current_password,
        new_password,
    }) = body;
    app::me::change_password(&state, &actor, current_password, new_password).await?;
    Ok(HttpResponse::NoContent().finish())
}
