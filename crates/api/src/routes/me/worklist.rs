//! `GET /api/v1/me/worklist`: the caller's home page.

use crate::actor::Actor;
use crate::app::worklist::{self, Worklist};
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};

/// The caller's work lists: a section per task of their roles (a stable
/// `kind`), each with how many records it holds, how many are overdue and
/// the most urgent ten, each with a link the SPA opens.
///
/// Social worker: `my_applications`, `assessments_to_record`,
/// `returned_for_completion`, `certificates_expiring` (their eldership
/// only). Division specialist: `inbox`, `decisions_due_soon`,
/// `notifications_due` (R-DL-3), `handovers_due` (R-DL-2). Division head:
/// `decisions_to_sign`, `overdue_decisions`, `overdue_notifications`,
/// `overdue_handovers`. Case manager (their cases) and the unit's head (all
/// cases): `cases_awaiting_assignment` (head), `reviews_due`,
/// `plan_actions_due`, `meetings_due`. Admin: `inactive_accounts`,
/// `service_accounts`, `rates_changing_soon` (no case content). Auditor and
/// data protection officer: none.
///
/// Sections that name people are a read of case content, recorded once per
/// request (`worklist.read`, with each section's count, never who is in
/// it), with the purpose of the caller's work.
#[utoipa::path(
    tag = "me",
    responses(
        (status = 200, description = "The caller's sections", body = Worklist),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/me/worklist")]
pub async fn get_worklist(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<Worklist>> {
    Ok(web::Json(worklist::worklist(&state, &actor).await?))
}
