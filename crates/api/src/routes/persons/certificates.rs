//! `/api/v1/persons/{id}/certificates`: disability, working capacity,
//! special needs, permanent nursing or care need, pensioner — with validity.

use super::CertificateView;
use crate::actor::Actor;
use crate::app::persons::records;
pub use crate::app::persons::records::AddCertificateRequest;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, delete, post, web};
use uuid::Uuid;

/// Add a certificate to a person.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id")),
    request_body = AddCertificateRequest,
    responses(
        (status = 201, description = "Added", body = CertificateView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/persons/{id}/certificates")]
pub async fn add_certificate(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AddCertificateRequest>,
) -> ApiResult<HttpResponse> {
    let person_id = id.into_inner();
    let created = records::add_certificate(&state, &actor, person_id, body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/persons/{person_id}")))
        .json(created))
}

/// Remove a certificate recorded by mistake.
#[utoipa::path(
    tag = "persons",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("certificate_id" = Uuid, Path, description = "Certificate id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such certificate", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/persons/{id}/certificates/{certificate_id}")]
pub async fn delete_certificate(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (person_id, certificate_id) = path.into_inner();
    records::remove_certificate(&state, &actor, person_id, certificate_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
