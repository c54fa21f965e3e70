//! `PATCH /api/v1/users/{id}`: display name, roles, eldership.

use crate::actor::Actor;
use crate::app::common::double_option;
use crate::app::{self, users::UpdateUser};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::users::view::UserView;
use crate::state::AppState;
use actix_web::{patch, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Changes to a user; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct UpdateUserRequest {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// New name to show.
    #[validate(length(min = 1, max = 200))]
    pub display_name: Option<String>,
    /// The new full list of roles.
    #[schema(value_type = Option<Vec<atvejis_domain::access::Role>>)]
    pub roles: Option<Vec<String>>,
    /// New eldership; `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub eldership_id: Option<Option<Uuid>>,
}

/// Change a user of my municipality.
///
/// New roles take effect at the user's next token refresh (within the access
/// token lifetime). An administrator cannot take the admin role from
/// themselves.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, description = "Changed", body = UserView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed by someone else since read (version_conflict)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateUserRequest>,
) -> ApiResult<web::Json<UserView>> {
    let ValidJson(body) = body;
    let change = UpdateUser {
        version: body.version,
        display_name: body.display_name,
        roles: body.roles,
        eldership_id: body.eldership_id,
    };
    let user = app::users::update(&state, &actor, id.into_inner(), change).await?;
    Ok(web::Json(user.into()))
}
