//! `PUT /api/v1/applications/{id}/assessment`: the needs assessment.

use super::{ApplicationView, StepChanges, StoredAssessment, take_step, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::store;
use actix_web::{put, web};
use atvejis_domain::application::Action;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::json;
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
    let Some(assessor_id) = actor.user_id() else {
        return Err(ApiError::forbidden("A member of staff assesses needs."));
    };
    if body.submitted_on > store::today() {
        return Err(ApiError::invalid_field(
            "submitted_on",
            "in_future",
            "cannot be after today",
        ));
    }
    if let Some(hours) = body.recommended_hours_per_month
        && (hours.is_sign_negative() || hours > Decimal::from(744))
    {
        return Err(ApiError::invalid_field(
            "recommended_hours_per_month",
            "range",
            "is 0–744 hours a month",
        ));
    }
    let stored = StoredAssessment {
        assessor_id,
        submitted_on: body.submitted_on,
        conclusion: body.conclusion.trim().to_owned(),
        recommended_services: body
            .recommended_services
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        recommended_hours_per_month: body.recommended_hours_per_month,
    };
    let txn = store::begin_write(&state.db).await?;
    let changes = StepChanges {
        assessment: Some(serde_json::to_value(&stored).map_err(ApiError::internal)?),
        assessment_submitted_on: Some(body.submitted_on),
        ..Default::default()
    };
    let summary = json!({
        "submitted_on": body.submitted_on,
        "recommended_hours_per_month": body.recommended_hours_per_month.map(|h| h.to_string()),
    });
    let row = take_step(
        &txn,
        &actor,
        id.into_inner(),
        body.version,
        Action::RecordAssessment,
        changes,
        summary,
    )
    .await?;
    let result = view(&txn, &actor, row).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
