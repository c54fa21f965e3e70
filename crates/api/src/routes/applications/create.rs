//! `POST /api/v1/applications`: receive an application (SP-8).

use super::ApplicationView;
use crate::actor::Actor;
use crate::app::applications::intake::{self, CreateApplicationRequest};
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};

/// Receive an application (SP-8).
#[utoipa::path(
    tag = "applications",
    request_body = CreateApplicationRequest,
    responses(
        (status = 201, description = "Received", body = ApplicationView, headers(("Location" = String, description = "The application's URL"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to receive applications", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. unknown_service_type, unknown_document", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications")]
pub async fn create_application(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<CreateApplicationRequest>,
) -> ApiResult<HttpResponse> {
    let JsonBody(body) = body;
    let created = intake::create(&state, &actor, body).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/applications/{}", created.id),
        ))
        .json(created))
}
