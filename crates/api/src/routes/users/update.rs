//! `PATCH /api/v1/users/{id}`: display name, roles, eldership.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::common::{RoleSchema, double_option};
use crate::routes::users::view::{UserView, check_eldership, find_scoped, parse_roles, view};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::{self, users, versioned};
use actix_web::{patch, web};
use atvejis_domain::access::{Permission, Role};
use sea_orm::sea_query::Expr;
use serde::Deserialize;
use serde_json::{Map, Value, json};
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
    #[schema(value_type = Option<Vec<RoleSchema>>)]
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
    actor.require(Permission::ManageUsers)?;
    let ValidJson(body) = body;
    let id = id.into_inner();
    let roles = match &body.roles {
        Some(codes) => {
            Some(parse_roles("roles", codes).map_err(|e| ApiError::validation(vec![e]))?)
        }
        None => None,
    };
    if let Some(roles) = &roles
        && actor.user_id() == Some(id)
        && !roles.contains(&Role::Admin)
    {
        return Err(ApiError::invalid_field(
            "roles",
            "cannot_remove_own_admin",
            "you cannot take the admin role from yourself; ask another administrator",
        ));
    }
    if let Some(Some(eldership)) = body.eldership_id {
        check_eldership(&state.db, &actor, eldership).await?;
    }

    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    let current = find_scoped(&txn, &actor, id).await?;
    let mut update = versioned::update::<users_table::Entity>(&actor, id, body.version, now);
    let mut changes = Map::new();
    if let Some(name) = &body.display_name {
        let name = name.trim().to_owned();
        changes.insert(
            "display_name".into(),
            json!({ "from": current.display_name, "to": name }),
        );
        update = update.col_expr(users_table::Column::DisplayName, Expr::value(name));
    }
    if let Some(eldership) = body.eldership_id {
        changes.insert(
            "eldership_id".into(),
            json!({ "from": current.eldership_id, "to": eldership }),
        );
        update = update.col_expr(users_table::Column::EldershipId, Expr::value(eldership));
    }
    versioned::expect_one(update.exec(&txn).await?)?;
    if let Some(roles) = &roles {
        let before = users::roles_of(&txn, id).await?;
        users::set_roles(&txn, id, roles).await?;
        changes.insert("roles".into(), json!({ "from": before, "to": roles }));
    }
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::UserUpdate, "user", id).summary(Value::Object(changes)),
    )
    .await?;
    let user = find_scoped(&txn, &actor, id).await?;
    let updated = view(&txn, user).await?;
    txn.commit().await?;
    Ok(web::Json(updated))
}
