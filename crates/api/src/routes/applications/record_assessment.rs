//! `PUT /api/v1/applications/{id}/assessment`: the needs assessment.

use super::ApplicationView;
use crate::actor::Actor;
use crate::app::applications::{self, AssessmentInput};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use rust_decimal::Decimal;
use serde::Deserialize;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A needs assessment.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AssessmentRequest {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The day the conclusions are submitted to the municipality (starts the
    /// home-help deadline, R-DL-1); not in the future.
    pub submitted_on: Date,
    /// The conclusion.
    #[validate(length(min = 1, max = 8000))]
    pub conclusion: String,
    /// Services recommended.
    #[validate(length(max = 2000))]
    pub recommended_services: Option<String>,
    /// Hours a month recommended (home help), 0–744.
    #[schema(value_type = Option<String>, example = "20")]
    pub recommended_hours_per_month: Option<Decimal>,
}

/// Record the needs assessment (the assessor is the caller).
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = AssessmentRequest,
    responses(
        (status = 200, description = "Recorded", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a social worker", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or invalid_transition", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[put("/applications/{id}/assessment")]
pub async fn record_assessment(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AssessmentRequest>,
) -> ApiResult<web::Json<ApplicationView>> {
    let ValidJson(body) = body;
    let view = applications::record_assessment(
        &state,
        &actor,
        id.into_inner(),
        AssessmentInput {
            version: body.version,
            submitted_on: body.submitted_on,
            conclusion: body.conclusion,
            recommended_services: body.recommended_services,
            recommended_hours_per_month: body.recommended_hours_per_month,
        },
    )
    .await?;
    Ok(web::Json(view))
}
