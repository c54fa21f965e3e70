//! `POST /api/v1/auth/refresh`: a refresh token for a new pair (rotation).

use crate::actor::RequestMeta;
use crate::app;
use crate::app::common::TokenPair;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// A refresh token.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    /// The refresh token from login or the previous refresh.
    #[validate(length(min = 1, max = 256))]
    pub refresh_token: String,
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
    app::auth::refresh(&state, &meta, &body.refresh_token)
        .await
        .map(web::Json)
}
