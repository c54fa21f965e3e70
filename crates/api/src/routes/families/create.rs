//! `POST /api/v1/families`.

use super::FamilyView;
use crate::actor::Actor;
use crate::app::families;
pub use crate::app::families::CreateFamilyRequest;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};

/// Register a family.
#[utoipa::path(
    tag = "families",
    request_body = CreateFamilyRequest,
    responses(
        (status = 201, description = "Registered", body = FamilyView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "A member is not in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/families")]
pub async fn create_family(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateFamilyRequest>,
) -> ApiResult<HttpResponse> {
    let created = families::create(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/families/{}", created.id)))
        .json(created))
}
