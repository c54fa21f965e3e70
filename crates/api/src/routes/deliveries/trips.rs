//! `/api/v1/trips`: transport trips, requested at least 5 working days ahead
//! (R-DL-4), with the facts the fare needs (R-FEE-4..7).

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::deliveries::trips::{
    self as app, CancelTrip, CompleteTrip, NewTrip, TripFilter, TripPage, TripView,
};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// The trips of the municipality, by person, month or state.
#[utoipa::path(
    tag = "deliveries",
    params(TripFilter, PageParams),
    responses(
        (status = 200, description = "A page of trips", body = TripPage),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range or bad month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/trips")]
pub async fn list_trips(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<TripFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<TripPage>> {
    Ok(web::Json({
        let (page, per_page) = paging.resolve()?;
        app::list(&state, &actor, filter.into_inner(), page, per_page).await?
    }))
}

/// Request a trip: at least 5 working days ahead (R-DL-4), with S4's purpose, the destination and its kind (R-FEE-6 decides the free ones), odometer km one way, and the full-price choice without income proof (R-FEE-7; then no decision is needed).
#[utoipa::path(
    tag = "deliveries",
    request_body = NewTrip,
    responses(
        (status = 201, description = "Requested", body = TripView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person or decision", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (km not above 0, no decision without the full price); `trip_too_late` (R-DL-4)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/trips")]
pub async fn request_trip(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<NewTrip>,
) -> ApiResult<HttpResponse> {
    let created = app::request(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(created))
}

/// A trip.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Trip id")),
    responses(
        (status = 200, description = "The trip", body = TripView),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/trips/{id}")]
pub async fn get_trip(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TripView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// The trip was done: the odometer km actually driven.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Trip id")),
    request_body = CompleteTrip,
    responses(
        (status = 200, description = "Done", body = TripView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`version_conflict`; `invalid_transition` (not requested)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "km not above 0; before the trip's day", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/trips/{id}/complete")]
pub async fn complete_trip(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<CompleteTrip>,
) -> ApiResult<web::Json<TripView>> {
    Ok(web::Json(
        app::complete(&state, &actor, id.into_inner(), body.0).await?,
    ))
}

/// Cancel a requested trip.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Trip id")),
    request_body = CancelTrip,
    responses(
        (status = 200, description = "Cancelled", body = TripView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`version_conflict`; `invalid_transition` (not requested)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/trips/{id}/cancel")]
pub async fn cancel_trip(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<CancelTrip>,
) -> ApiResult<web::Json<TripView>> {
    Ok(web::Json(
        app::cancel(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
