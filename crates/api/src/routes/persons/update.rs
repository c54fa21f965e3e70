//! `PATCH /api/v1/persons/{id}`.

use super::PersonView;
use crate::actor::Actor;
use crate::app::persons::write;
pub use crate::app::persons::write::UpdatePersonRequest;
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::{patch, web};
use uuid::Uuid;

/// Change a person's data.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id")),
    request_body = UpdatePersonRequest,
    responses(
        (status = 200, description = "Changed", body = PersonView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to change people", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or person_exists", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/persons/{id}")]
pub async fn update_person(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<UpdatePersonRequest>,
) -> ApiResult<web::Json<PersonView>> {
    Ok(web::Json(
        write::update(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
