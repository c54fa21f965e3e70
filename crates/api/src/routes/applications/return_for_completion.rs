//! `POST /api/v1/applications/{id}/return`: the division sends a file back.

use super::{ApplicationView, ReasonBody};
use crate::actor::Actor;
use crate::app::applications;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use atvejis_domain::application::Action;
use uuid::Uuid;

/// Return an application for completion (with what is missing).
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = ReasonBody,
    responses(
        (status = 200, description = "Returned", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a division specialist", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or invalid_transition", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications/{id}/return")]
pub async fn return_application(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<ReasonBody>,
) -> ApiResult<web::Json<ApplicationView>> {
    let ValidJson(body) = body;
    let view = applications::step_with_reason(
        &state,
        &actor,
        id.into_inner(),
        body.version,
        &body.reason,
        Action::ReturnForCompletion,
    )
    .await?;
    Ok(web::Json(view))
}
