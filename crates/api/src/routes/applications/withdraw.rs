//! `POST /api/v1/applications/{id}/withdraw`.

use super::{ApplicationView, StepChanges, take_step, view};
use crate::auth::Actor;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::store;
use actix_web::{post, web};
use atvejis_domain::application::Action;
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A step with a reason.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ReasonBody {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Why.
    #[validate(length(min = 1, max = 2000))]
    pub reason: String,
}

/// The applicant withdraws the application.
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = ReasonBody,
    responses(
        (status = 200, description = "Withdrawn", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict, or decided already (invalid_transition)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications/{id}/withdraw")]
pub async fn withdraw_application(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<ReasonBody>,
) -> ApiResult<web::Json<ApplicationView>> {
    let ValidJson(body) = body;
    let reason = body.reason.trim().to_owned();
    let txn = store::begin_write(&state.db).await?;
    let changes = StepChanges {
        status_reason: Some(reason.clone()),
        ..Default::default()
    };
    let row = take_step(
        &txn,
        &actor,
        id.into_inner(),
        body.version,
        Action::Withdraw,
        changes,
        json!({ "reason": reason }),
    )
    .await?;
    let result = view(&txn, &actor, row).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
