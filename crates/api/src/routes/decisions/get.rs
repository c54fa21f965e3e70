//! `GET /api/v1/decisions/{id}`.

use super::{DecisionView, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::routes::applications::find_scoped as find_application;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor};
use crate::store::entities::decisions;
use crate::store::scope::scoped;
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use uuid::Uuid;

/// The decision `id` whose application is in the actor's scope, or 404.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<decisions::Model> {
    let decision = scoped::<decisions::Entity>(actor)
        .filter(decisions::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("No such decision."))?;
    find_application(db, actor, decision.application_id)
        .await
        .map_err(|_| ApiError::not_found("No such decision."))?;
    Ok(decision)
}

/// One decision, with its fee calculation.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Decision id")),
    responses(
        (status = 200, description = "The decision", body = DecisionView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/decisions/{id}")]
pub async fn get_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<DecisionView>> {
    actor.require(Permission::ReadCaseContent)?;
    let decision = find_scoped(&state.db, &actor, id.into_inner()).await?;
    audit::record_read(
        &state.db,
        &AuditActor::of(&actor),
        state.clock.now(),
        AuditAction::DecisionRead,
        "decision",
        decision.id,
        purpose.0,
    )
    .await?;
    Ok(web::Json(view(&state.db, decision).await?))
}
