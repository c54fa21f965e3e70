//! `POST /api/v1/users/{id}/password`: an administrator sets a new password.

use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::users::view::UserView;
use crate::state::AppState;
use actix_web::{post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A new password for a user.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ResetPasswordRequest {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The new password: at least 10 characters, not containing the username.
    pub new_password: String,
}

/// Set a new password for a user of my municipality.
///
/// Every session of the user ends.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = ResetPasswordRequest,
    responses(
        (status = 200, description = "Password set", body = UserView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Weak password", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/users/{id}/password")]
pub async fn reset_password(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<ResetPasswordRequest>,
) -> ApiResult<web::Json<UserView>> {
    let ValidJson(body) = body;
    let user = app::users::reset_password(
        &state,
        &actor,
        id.into_inner(),
        body.version,
        body.new_password,
    )
    .await?;
    Ok(web::Json(user.into()))
}
