//! `PATCH /api/v1/cases/{id}/plan/actions/{action_id}`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::plan::ActionView;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{patch, web};
use atvejis_domain::cases::ActionStatus;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Where the action stands now.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ActionStatusRequest {
    /// The new status.
    pub status: ActionStatus,
    /// Why it was not done (required for `not_done`).
    #[validate(length(max = 2000))]
    pub reason: Option<String>,
}

/// Record where an action of the agreed plan stands (R-CMP-3: not done only
/// with a reason).
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("action_id" = Uuid, Path, description = "An action of the latest agreed version"),
    ),
    request_body = ActionStatusRequest,
    responses(
        (status = 200, description = "The action", body = ActionView),
        (status = 403, description = "Not allowed to work on cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope, or no such action in the agreed plan", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed or not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`not_done` without a reason", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/cases/{id}/plan/actions/{action_id}")]
pub async fn action_status(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<ActionStatusRequest>,
) -> ApiResult<web::Json<ActionView>> {
    let (id, action_id) = path.into_inner();
    let ValidJson(body) = body;
    Ok(web::Json(
        app::cases::plan::set_action_status(
            &state,
            &actor,
            id,
            action_id,
            body.status,
            body.reason,
        )
        .await?,
    ))
}
