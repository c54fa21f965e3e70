//! `POST /api/v1/auth/login`: username and password for a token pair.

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
    app::auth::login(&state, &meta, &username, password)
        .await
        .map(web::Json)
}
