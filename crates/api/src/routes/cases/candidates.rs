//! `GET /api/v1/cases/team-candidates`.

use crate::actor::Actor;
use crate::app::cases::candidates::{self, TeamCandidates};
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};

/// Whom a case's team can be made of: the municipality's active case
/// managers and social workers (for the head of the case managers' unit).
#[utoipa::path(
    tag = "cases",
    responses(
        (status = 200, description = "The candidates", body = TeamCandidates),
        (status = 403, description = "Not the head of the case managers' unit", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/team-candidates")]
pub async fn team_candidates(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<TeamCandidates>> {
    Ok(web::Json(candidates::candidates(&state, &actor).await?))
}
