//! `POST /api/v1/applications/{id}/decision`: prepare (or revise) the decision.

use crate::actor::Actor;
use crate::app::decisions::{self, PrepareDecisionRequest};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::applications::ApplicationView;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Prepare the decision, with the fee calculated.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = PrepareDecisionRequest,
    responses(
        (status = 200, description = "Prepared; the application waits for the signature", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a division specialist", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or invalid_transition", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, rate_missing, or income_incomplete (`missing` names each member and month without an income record)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications/{id}/decision")]
pub async fn prepare_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<PrepareDecisionRequest>,
) -> ApiResult<web::Json<ApplicationView>> {
    let ValidJson(body) = body;
    let view = decisions::prepare(&state, &actor, id.into_inner(), body).await?;
    Ok(web::Json(view))
}
