//! `GET /api/v1/cases/{id}/assessments`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::assessments::AssessmentList;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// The case's needs assessments (R-CM-2), newest first. The read is
/// recorded (`case.read`) with its purpose.
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The assessments", body = AssessmentList),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/assessments")]
pub async fn list_assessments(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<AssessmentList>> {
    Ok(web::Json(
        app::cases::assessments::list(&state, &actor, purpose.0, id.into_inner()).await?,
    ))
}
