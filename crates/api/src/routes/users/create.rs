//! `POST /api/v1/users`.

use crate::actor::Actor;
use crate::auth::password::check_new_password;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{JsonBody, validation_errors};
use crate::routes::common::RoleSchema;
use crate::routes::users::view::{UserView, check_eldership, check_username, parse_roles, view};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::{self, is_unique_violation, users};
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::access::Permission;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde::Deserialize;
use serde_json::json;
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
    #[schema(value_type = Vec<RoleSchema>)]
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
    actor.require(Permission::ManageUsers)?;
    let JsonBody(body) = body;
    let mut errors = validation_errors(&body);
    let username = check_username(&body.username)
        .map_err(|e| errors.push(e))
        .ok();
    let roles = parse_roles("roles", &body.roles)
        .map_err(|e| errors.push(e))
        .ok();
    if let Err(e) = check_new_password(
        "password",
        &body.password,
        username.as_deref().unwrap_or(""),
    ) {
        errors.push(e);
    }
    let (Some(username), Some(roles), true) = (username, roles, errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    if let Some(eldership) = body.eldership_id {
        check_eldership(&state.db, &actor, eldership).await?;
    }

    let password_hash = state.hasher.hash(body.password).await?;
    let now = store::now();
    let id = Uuid::now_v7();
    let txn = store::begin_write(&state.db).await?;
    let inserted = users_table::Entity::insert(users_table::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        eldership_id: Set(body.eldership_id),
        username: Set(username.clone()),
        display_name: Set(body.display_name.trim().to_owned()),
        password_hash: Set(password_hash),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(&txn)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::conflict(
                ErrorCode::UsernameTaken,
                format!("The username `{username}` is taken."),
            ));
        }
        other => {
            other?;
        }
    }
    users::set_roles(&txn, id, &roles).await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::UserCreate, "user", id).summary(json!({
            "username": username,
            "display_name": body.display_name.trim(),
            "roles": roles,
            "eldership_id": body.eldership_id,
        })),
    )
    .await?;
    let user = users_table::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::internal("created user not found"))?;
    let created = view(&txn, user).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/users/{id}")))
        .json(created))
}
