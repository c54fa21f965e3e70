//! `GET /api/v1/cases/caseloads`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::caseloads::Caseloads;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};

/// How many open cases each case manager has and how many are overdue, and
/// how many cases wait for their team (the head of the case managers' unit
/// and the division head).
#[utoipa::path(
    tag = "cases",
    responses(
        (status = 200, description = "The caseloads", body = Caseloads),
        (status = 403, description = "Not the head of the case managers' unit or the division head", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/caseloads")]
pub async fn caseloads(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<Caseloads>> {
    Ok(web::Json(
        app::cases::caseloads::caseloads(&state, &actor).await?,
    ))
}
