//! `/api/v1/persons/{id}/income`: monthly income records (Decimal, with
//! source), the basis of fees and eligibility.

use super::IncomeRecordView;
use crate::actor::Actor;
use crate::app::persons::records;
pub use crate::app::persons::records::AddIncomeRequest;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, delete, post, web};
use uuid::Uuid;

/// Record a month's income of a person.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id")),
    request_body = AddIncomeRequest,
    responses(
        (status = 201, description = "Recorded", body = IncomeRecordView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "That month and source is recorded already (income_exists)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Negative, non-numeric or over-precise amount, bad month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/persons/{id}/income")]
pub async fn add_income(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AddIncomeRequest>,
) -> ApiResult<HttpResponse> {
    let person_id = id.into_inner();
    let created = records::add_income(&state, &actor, person_id, body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/persons/{person_id}")))
        .json(created))
}

/// Remove an income record entered by mistake.
#[utoipa::path(
    tag = "persons",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("income_id" = Uuid, Path, description = "Income record id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/persons/{id}/income/{income_id}")]
pub async fn delete_income(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (person_id, income_id) = path.into_inner();
    records::remove_income(&state, &actor, person_id, income_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
