//! `POST /api/v1/cases/{id}/reviews`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::reviews::{ReviewInput, ReviewView};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

/// Record a review of the agreed plan (R-CMP-4): goal by goal what was
/// achieved and what changes, where actions stand (updated in the same
/// transaction), and the next review.
#[utoipa::path(
    tag = "cases",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = ReviewInput,
    responses(
        (status = 201, description = "Recorded", body = ReviewView, headers(("Location" = String, description = "The case's reviews"))),
        (status = 403, description = "Not allowed to work on cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No agreed plan yet (invalid_transition), or the case is closed or not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (e.g. `next_review_on` later than R-CMP-4 allows: out_of_range)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/cases/{id}/reviews")]
pub async fn add_review(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<ReviewInput>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let id = id.into_inner();
    let view = app::cases::reviews::record(&state, &actor, id, body).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/cases/{id}/reviews")))
        .json(view))
}
