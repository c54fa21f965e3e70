//! `POST /api/v1/applications/{id}/attachments`: metadata of an attached
//! file (the file itself stays in the document management system).

use super::AttachmentView;
use crate::actor::Actor;
use crate::app::applications::intake::{self, AttachmentRequest};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

/// Record an attachment of an application.
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = AttachmentRequest,
    responses(
        (status = 201, description = "Recorded", body = AttachmentView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications/{id}/attachments")]
pub async fn add_attachment(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AttachmentRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let view = intake::add_attachment(&state, &actor, id.into_inner(), body).await?;
    Ok(HttpResponse::Created().json(view))
}
