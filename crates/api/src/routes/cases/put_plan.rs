//! `PUT /api/v1/cases/{id}/plan`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::plan::{PlanInput, PlanVersionView};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use uuid::Uuid;

/// Save the draft of the help plan (R-CMP-3) with its full content: creates
/// the draft when there is none (send no `version`), else replaces it at
/// the draft's `version`. A case meeting agrees it.
#[utoipa::path(
    tag = "cases",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = PlanInput,
    responses(
        (status = 200, description = "The saved draft", body = PlanVersionView),
        (status = 403, description = "Not allowed to work on cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A stale version of the plan (version_conflict), or the case is closed or not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid goals or actions (e.g. an action without a responsible: `goals[i].actions[j].responsible`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[put("/cases/{id}/plan")]
pub async fn put_plan(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<PlanInput>,
) -> ApiResult<web::Json<PlanVersionView>> {
    let ValidJson(body) = body;
    Ok(web::Json(
        app::cases::plan::save_draft(&state, &actor, id.into_inner(), body).await?,
    ))
}
