//! `POST /api/v1/users/{id}/deactivate`.

use crate::actor::Actor;
use crate::app;
use crate::app::common::VersionBody;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::users::view::UserView;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Deactivate a user of my municipality.
///
/// The user can no longer log in and every session of theirs ends at once:
/// an access token already issued is refused from then on (401
/// `account_gone`). Records stay.
/// Deactivating a user who is already inactive changes nothing (200, same
/// `version`).
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Deactivated, or already inactive (unchanged)", body = UserView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "cannot_deactivate_self", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/users/{id}/deactivate")]
pub async fn deactivate_user(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<UserView>> {
    let user = app::users::set_active(&state, &actor, id.into_inner(), body.version, false).await?;
    Ok(web::Json(user.into()))
}
