//! `POST /api/v1/applications/{id}/forward`: send the file to the Social
//! Support Division (ready for decision).

use super::ApplicationView;
use crate::actor::Actor;
use crate::app::applications;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Forward a file.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ForwardRequest {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// R-CM-6: where the person suffers violence or their safety is
    /// threatened, the reason to decide without an assessment or with
    /// documents missing (the assessment follows).
    #[validate(length(min = 10, max = 2000))]
    pub exception_reason: Option<String>,
}

/// Send the file to the division.
///
/// R-EL-6: every required document must be provided or marked not needed,
/// and the needs assessment recorded — unless an R-CM-6 exception is given.
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = ForwardRequest,
    responses(
        (status = 200, description = "With the division", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a social worker", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or invalid_transition", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "documents_missing (each in errors) or assessment_missing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications/{id}/forward")]
pub async fn forward_application(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<ForwardRequest>,
) -> ApiResult<web::Json<ApplicationView>> {
    let ValidJson(body) = body;
    let view = applications::forward(
        &state,
        &actor,
        id.into_inner(),
        body.version,
        body.exception_reason,
    )
    .await?;
    Ok(web::Json(view))
}
