//! `POST /api/v1/cases/{id}/meetings`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::meetings::{MeetingView, NewMeeting};
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

/// Record a case meeting and take its decisions, all or nothing: agree the
/// plan's draft (R-CM-2, R-CMP-3), file an SP-8 application for the family
/// (R-CM-4), set the next review (R-CMP-4), close the case (R-CMP-5).
#[utoipa::path(
    tag = "cases",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = NewMeeting,
    responses(
        (status = 201, description = "Recorded", body = MeetingView, headers(("Location" = String, description = "The case's meetings"))),
        (status = 403, description = "Not allowed to work on cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (case_closed) or not assigned (case_not_assigned); the plan's draft changed since read (version_conflict)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; a plan before any assessment (plan_before_assessment); an empty plan (plan_empty); closing without a reason", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/cases/{id}/meetings")]
pub async fn record_meeting(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<NewMeeting>,
) -> ApiResult<HttpResponse> {
    let JsonBody(body) = body;
    let id = id.into_inner();
    let view = app::cases::meetings::record(&state, &actor, id, body).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/cases/{id}/meetings")))
        .json(view))
}
