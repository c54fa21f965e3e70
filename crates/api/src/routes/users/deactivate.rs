//! `POST /api/v1/users/{id}/deactivate`.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::common::VersionBody;
use crate::routes::users::view::{UserView, find_scoped, view};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::users as users_table;
use crate::store::{self, sessions, versioned};
use actix_web::{post, web};
use atvejis_domain::access::Permission;
use sea_orm::sea_query::Expr;
use serde_json::json;
use uuid::Uuid;

/// Deactivate a user of my municipality.
///
/// The user can no longer log in and every session of theirs ends at once;
/// an access token already issued works until it expires. Records stay.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Deactivated", body = UserView),
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
    actor.require(Permission::ManageUsers)?;
    let id = id.into_inner();
    if actor.user_id() == Some(id) {
        return Err(ApiError::invalid_field(
            "id",
            "cannot_deactivate_self",
            "you cannot deactivate yourself; ask another administrator",
        ));
    }
    set_active(&state, &actor, id, body.version, false)
        .await
        .map(web::Json)
}

/// Sets `active`, ends the sessions when deactivating, records it.
pub async fn set_active(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
    active: bool,
) -> ApiResult<UserView> {
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    find_scoped(&txn, actor, id).await?;
    versioned::expect_one(
        versioned::update::<users_table::Entity>(actor, id, version, now)
            .col_expr(users_table::Column::Active, Expr::value(active))
            .exec(&txn)
            .await?,
    )?;
    let (action, summary) = if active {
        (AuditAction::UserActivate, json!({}))
    } else {
        let ended = sessions::revoke_user(&txn, id, None, now).await?;
        (
            AuditAction::UserDeactivate,
            json!({ "sessions_ended": ended }),
        )
    };
    audit::record(
        &txn,
        &AuditActor::of(actor),
        crate::store::now(),
        AuditEvent::new(action, "user", id).summary(summary),
    )
    .await?;
    let user = find_scoped(&txn, actor, id).await?;
    let result = view(&txn, user).await?;
    txn.commit().await?;
    Ok(result)
}
