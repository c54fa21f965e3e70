//! `POST /api/v1/users/{id}/password`: an administrator sets a new password.

use crate::actor::Actor;
use crate::auth::password::check_new_password;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::users::view::{UserView, find_scoped, view};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::{self, sessions, versioned};
use actix_web::{post, web};
use atvejis_domain::access::Permission;
use sea_orm::sea_query::Expr;
use serde::Deserialize;
use serde_json::json;
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
    actor.require(Permission::ManageUsers)?;
    let id = id.into_inner();
    let ValidJson(body) = body;
    let user = find_scoped(&state.db, &actor, id).await?;
    check_new_password("new_password", &body.new_password, &user.username)
        .map_err(|e| ApiError::validation(vec![e]))?;
    let hash = state.hasher.hash(body.new_password).await?;
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    versioned::expect_one(
        versioned::update::<users_table::Entity>(&actor, id, body.version, now)
            .col_expr(users_table::Column::PasswordHash, Expr::value(hash))
            .exec(&txn)
            .await?,
    )?;
    let ended = sessions::revoke_user(&txn, id, None, now).await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::UserPasswordReset, "user", id)
            .summary(json!({ "sessions_ended": ended })),
    )
    .await?;
    let user = find_scoped(&txn, &actor, id).await?;
    let result = view(&txn, user).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
