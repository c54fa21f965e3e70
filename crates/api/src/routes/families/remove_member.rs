//! `DELETE /api/v1/families/{id}/members/{person_id}`.

use super::FamilyView;
use crate::actor::Actor;
use crate::app::families;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{delete, web};
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
    let (family_id, person_id) = path.into_inner();
    Ok(web::Json(
        families::remove_member(&state, &actor, family_id, person_id).await?,
    ))
}
