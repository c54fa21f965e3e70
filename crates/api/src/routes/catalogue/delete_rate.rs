//! `DELETE /api/v1/rates/{id}`: withdraw a planned rate entered by mistake.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::state::AppState;
use crate::store;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::rates;
use crate::store::scope::scoped;
use actix_web::{HttpResponse, delete, web};
use atvejis_domain::access::Permission;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// Withdraw a rate value that is not yet in force.
///
/// A value in force today or earlier is history: fees were calculated
/// with it, so it cannot be removed; add a newer value instead.
#[utoipa::path(
    tag = "catalogue",
    params(("id" = Uuid, Path, description = "Rate id")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such rate", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The value is already in force (rate_in_force)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/rates/{id}")]
pub async fn delete_rate(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::ManageReferenceData)?;
    let id = id.into_inner();
    let txn = store::begin_write(&state.db).await?;
    let row = scoped::<rates::Entity>(&actor)
        .filter(rates::Column::Id.eq(id))
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::not_found("No such rate."))?;
    if row.valid_from <= store::today() {
        return Err(ApiError::conflict(
            ErrorCode::RateInForce,
            "This value is already in force and may have been used; add a newer value instead.",
        ));
    }
    rates::Entity::delete_by_id(row.id).exec(&txn).await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::RateDelete, "rate", row.id).summary(json!({
            "kind": row.kind,
            "valid_from": row.valid_from,
            "value": row.value.normalize().to_string(),
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
