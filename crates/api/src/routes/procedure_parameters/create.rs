//! `POST /api/v1/procedure-parameters`.

use crate::actor::Actor;
use crate::app;
use crate::app::procedure_parameters::ParameterSetView;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::cases::ProcedureParameters;
use serde::Deserialize;
use time::Date;
use utoipa::ToSchema;
use validator::Validate;

/// New parameters from a date.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateParametersRequest {
    /// In force from (today or later); cases opened before keep theirs.
    pub valid_from: Date,
    /// R-CMP-1: working days from the notice to the assignment (1–30).
    pub assignment_working_days: u32,
    /// R-CMP-2: working days from the assignment to the first meeting (1–60).
    pub first_meeting_working_days: u32,
    /// R-CMP-4: months between reviews (1–6).
    pub review_interval_months: u32,
}

/// Set the procedure parameters from a date (administrators).
#[utoipa::path(
    tag = "procedure-parameters",
    request_body = CreateParametersRequest,
    responses(
        (status = 201, description = "Set", body = ParameterSetView),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Parameters from that date exist (parameters_exist)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date before today (in_past) or a value out of its range (out_of_range)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/procedure-parameters")]
pub async fn create_procedure_parameters(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateParametersRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let view = app::procedure_parameters::create(
        &state,
        &actor,
        body.valid_from,
        ProcedureParameters {
            assignment_working_days: body.assignment_working_days,
            first_meeting_working_days: body.first_meeting_working_days,
            review_interval_months: body.review_interval_months,
        },
    )
    .await?;
    Ok(HttpResponse::Created().json(view))
}
