//! `POST /api/v1/decisions/{id}/handover`: when and to whom the signed
//! decision and the file were handed (R-DL-2, children's day care).

use super::DecisionView;
use crate::actor::Actor;
use crate::app::decisions::{self, HandoverRequest};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Record the hand-over of a signed decision and its file to the provider.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Decision id")),
    request_body = HandoverRequest,
    responses(
        (status = 200, description = "Recorded", body = DecisionView),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not in the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict, or not signed, refused or without a hand-over (invalid_transition)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Date before the decision or in the future; no provider", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/decisions/{id}/handover")]
pub async fn record_handover(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<HandoverRequest>,
) -> ApiResult<web::Json<DecisionView>> {
    let ValidJson(body) = body;
    let view = decisions::record_handover(&state, &actor, id.into_inner(), body).await?;
    Ok(web::Json(view))
}
