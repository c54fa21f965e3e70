//! `PATCH /api/v1/cases/{id}`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::CaseView;
use crate::app::cases::edit::CaseChanges;
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::{patch, web};
use uuid::Uuid;

/// Correct the case's notice, reason or children. A case is closed only by
/// a case meeting's decision (R-CMP-5): asking to close it here answers 409
/// `closing_needs_meeting`.
#[utoipa::path(
    tag = "cases",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = CaseChanges,
    responses(
        (status = 200, description = "Changed", body = CaseView),
        (status = 403, description = "Not allowed to work on cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closing without a meeting (closing_needs_meeting), a closed case (case_closed), a stale version (version_conflict)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a child not of the family, a date after today)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/cases/{id}")]
pub async fn update_case(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<CaseChanges>,
) -> ApiResult<web::Json<CaseView>> {
    let JsonBody(body) = body;
    Ok(web::Json(
        app::cases::edit::update(&state, &actor, id.into_inner(), body).await?,
    ))
}
