//! `DELETE /api/v1/families/{id}/members/{person_id}`.

use super::{FamilyView, find_scoped, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::family_members;
use crate::store::{self};
use actix_web::{delete, web};
use atvejis_domain::access::Permission;
use sea_orm::EntityTrait;
use serde_json::json;
use uuid::Uuid;

/// Remove a member from a family (recorded; earlier income stays).
#[utoipa::path(
    tag = "families",
    params(("id" = Uuid, Path, description = "Family id"), ("person_id" = Uuid, Path, description = "Person id")),
    responses(
        (status = 200, description = "Removed", body = FamilyView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such family or member", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/families/{id}/members/{person_id}")]
pub async fn remove_member(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<web::Json<FamilyView>> {
    actor.require(Permission::WritePersons)?;
    let (family_id, person_id) = path.into_inner();
    let txn = store::begin_write(&state.db).await?;
    let family = find_scoped(&txn, &actor, family_id).await?;
    let removed = family_members::Entity::delete_by_id((family.id, person_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected != 1 {
        return Err(ApiError::not_found(
            "The person is not a member of this family.",
        ));
    }
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::FamilyMemberRemove, "family", family.id)
            .summary(json!({ "person_id": person_id })),
    )
    .await?;
    let result = view(&txn, family).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
