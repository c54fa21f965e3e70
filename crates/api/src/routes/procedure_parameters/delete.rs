//! `DELETE /api/v1/procedure-parameters/{id}`.

use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

/// Withdraw parameters that are not in force yet (administrators).
#[utoipa::path(
    tag = "procedure-parameters",
    params(("id" = Uuid, Path, description = "Parameter set id")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such parameter set", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "In force or were (parameters_in_force)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/procedure-parameters/{id}")]
pub async fn delete_procedure_parameters(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::procedure_parameters::delete(&state, &actor, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
