//! `POST /api/v1/users/{id}/activate`.

use crate::actor::Actor;
use crate::app;
use crate::app::common::VersionBody;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::users::view::UserView;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Reactivate a user of my municipality.
///
/// Activating a user who is already active changes nothing: 200 with the
/// user as they are (same `version`), their sessions go on, nothing is
/// recorded.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Active again, or already active (unchanged)", body = UserView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/users/{id}/activate")]
pub async fn activate_user(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<UserView>> {
    let user = app::users::set_active(&state, &actor, id.into_inner(), body.version, true).await?;
    Ok(web::Json(user.into()))
}
