//! `POST /api/v1/persons`.

use super::PersonView;
use crate::actor::Actor;
use crate::app::persons::write;
pub use crate::app::persons::write::CreatePersonRequest;
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};

/// Register a person.
#[utoipa::path(
    tag = "persons",
    request_body = CreatePersonRequest,
    responses(
        (status = 201, description = "Registered", body = PersonView, headers(("Location" = String, description = "The person's URL"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to register people", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A person with this personal code is registered (person_exists)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. invalid_personal_code", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/persons")]
pub async fn create_person(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<CreatePersonRequest>,
) -> ApiResult<HttpResponse> {
    let created = write::create(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/persons/{}", created.id)))
        .json(created))
}
