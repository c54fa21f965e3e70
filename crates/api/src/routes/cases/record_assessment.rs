//! `POST /api/v1/cases/{id}/assessments`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::assessments::{AssessmentView, NewAssessment};
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

/// Record a needs assessment of the child and the family (R-CM-2), signed
/// by the caller.
#[utoipa::path(
    tag = "cases",
    operation_id = "record_case_assessment",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = NewAssessment,
    responses(
        (status = 201, description = "Recorded", body = AssessmentView, headers(("Location" = String, description = "The case's assessments"))),
        (status = 403, description = "Not allowed to work on cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (case_closed) or not assigned yet (case_not_assigned)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (no risk factor, a date after today)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/cases/{id}/assessments")]
pub async fn record_assessment(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<NewAssessment>,
) -> ApiResult<HttpResponse> {
    let JsonBody(body) = body;
    let id = id.into_inner();
    let view = app::cases::assessments::record(&state, &actor, id, body).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/cases/{id}/assessments")))
        .json(view))
}
