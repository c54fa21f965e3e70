//! `POST /api/v1/users`.

use crate::actor::Actor;
use crate::app::{self, users::CreateUser};
use crate::error::{ApiResult, Problem};
use crate::extract::{JsonBody, validation_errors};
use crate::routes::users::view::UserView;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A new member of staff.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateUserRequest {
    /// Login name: 3–64 latin letters, digits, `.`, `_`, `-` (stored lower case).
    #[schema(example = "jonas.jonaitis")]
    pub username: String,
    /// Name to show.
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Jonas Jonaitis")]
    pub display_name: String,
    /// Initial password: at least 10 characters, not containing the username.
    pub password: String,
    /// Roles, at least one.
    #[schema(value_type = Vec<atvejis_domain::access::Role>)]
    pub roles: Vec<String>,
    /// The eldership of an eldership specialist; limits what they see to it.
    pub eldership_id: Option<Uuid>,
}

/// Create a user in my municipality.
#[utoipa::path(
    tag = "users",
    request_body = CreateUserRequest,
    responses(
        (status = 201, description = "Created", body = UserView, headers(("Location" = String, description = "The user's URL"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The username is taken (code username_taken)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<CreateUserRequest>,
) -> ApiResult<HttpResponse> {
    let JsonBody(body) = body;
    let errors = validation_errors(&body);
    let new = CreateUser {
        username: body.username,
        display_name: body.display_name,
        password: body.password,
        roles: body.roles,
        eldership_id: body.eldership_id,
    };
    let created = app::users::create(&state, &actor, new, errors).await?;
    let id = created.user.id;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/users/{id}")))
        .json(UserView::from(created)))
}
