//! `GET /api/v1/cases/{id}/plan/versions/{number}`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::plan::PlanVersionDetail;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// A version of the help plan with what changed from the previous one
/// (R-CMP-3). The read is recorded (`case.read`) with its purpose.
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("number" = i32, Path, description = "Version number (1, 2, …)"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The version and its changes", body = PlanVersionDetail),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope, or no such version", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/plan/versions/{number}")]
pub async fn plan_version(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, i32)>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<PlanVersionDetail>> {
    let (id, number) = path.into_inner();
    Ok(web::Json(
        app::cases::plan::get_version(&state, &actor, purpose.0, id, number).await?,
    ))
}
