//! `/api/v1/persons/{id}/income`: monthly income records (Decimal, with
//! source), the basis of fees and eligibility.

use super::IncomeRecordView;
use crate::actor::Actor;
use crate::app::persons::records;
pub use crate::app::persons::records::{AddIncomeMonthsRequest, AddIncomeRequest};
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
        (status = 409, description = "That month and source is recorded already, or the month is both \"no income\" and an amount (income_exists)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Negative, non-numeric or over-precise amount, bad month, \"no income\" with an amount", body = Problem, content_type = "application/problem+json"),
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

/// Record several months' income of a person at once (e.g. the three months
/// of a fee's window), in one transaction: all or none.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id")),
    request_body = AddIncomeMonthsRequest,
    responses(
        (status = 201, description = "Recorded, in the order given", body = Vec<IncomeRecordView>),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A month and source is recorded already, or a month is both \"no income\" and an amount (income_exists)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid month or amount (`months[i].field`), a month given twice, or \"no income\" with an amount", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/persons/{id}/income/months")]
pub async fn add_income_months(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AddIncomeMonthsRequest>,
) -> ApiResult<HttpResponse> {
    let person_id = id.into_inner();
    let created = records::add_income_months(&state, &actor, person_id, body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/persons/{person_id}")))
        .json(created))
}
