//! `POST /api/v1/decisions/{id}/notification`: how and when the person was
//! told (R-DL-3).

use super::DecisionView;
use crate::actor::Actor;
use crate::app::decisions::{self, NotificationRequest};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Record the notification of a signed decision.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Decision id")),
    request_body = NotificationRequest,
    responses(
        (status = 200, description = "Recorded", body = DecisionView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not in the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict, or not signed yet (invalid_transition)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Date before the decision or in the future", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/decisions/{id}/notification")]
pub async fn record_notification(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<NotificationRequest>,
) -> ApiResult<web::Json<DecisionView>> {
    let ValidJson(body) = body;
    let view = decisions::record_notification(&state, &actor, id.into_inner(), body).await?;
    Ok(web::Json(view))
}
