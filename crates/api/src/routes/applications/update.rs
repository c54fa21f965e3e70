//! `PATCH /api/v1/applications/{id}`: notes, representative and the
//! documents checklist, until a decision is prepared.

use super::ApplicationView;
use crate::actor::Actor;
use crate::app::applications::intake::{self, UpdateApplicationRequest};
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::{patch, web};
use uuid::Uuid;

/// Change notes, representative or documents of an application.
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = UpdateApplicationRequest,
    responses(
        (status = 200, description = "Changed", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict, or decided already (invalid_transition)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/applications/{id}")]
pub async fn update_application(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateApplicationRequest>,
) -> ApiResult<web::Json<ApplicationView>> {
    let JsonBody(body) = body;
    let view = intake::update(&state, &actor, id.into_inner(), body).await?;
    Ok(web::Json(view))
}
