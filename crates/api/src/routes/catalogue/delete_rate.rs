//! `DELETE /api/v1/rates/{id}`: withdraw a planned rate entered by mistake.

use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, web};
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
    app::catalogue::delete_rate(&state, &actor, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
