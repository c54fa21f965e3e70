//! `GET /api/v1/cases/{id}/plan`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::plan::PlanView;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// The case's help plan (R-CMP-3): the agreed version in force, the draft
/// being prepared, and the list of versions. The read is recorded
/// (`case.read`) with its purpose.
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The plan", body = PlanView),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/plan")]
pub async fn get_plan(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<PlanView>> {
    Ok(web::Json(
        app::cases::plan::get(&state, &actor, purpose.0, id.into_inner()).await?,
    ))
}
