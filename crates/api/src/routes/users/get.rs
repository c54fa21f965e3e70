//! `GET /api/v1/users/{id}`.

use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::routes::users::view::UserView;
use crate::state::AppState;
use actix_web::{get, web};
use uuid::Uuid;

/// One user of my municipality.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = UserView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user in my municipality", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<UserView>> {
    let user = app::users::get(&state, &actor, id.into_inner()).await?;
    Ok(web::Json(user.into()))
}
