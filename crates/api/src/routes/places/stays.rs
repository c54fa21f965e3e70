//! `/api/v1/stays`: people in places, arrivals at the overnight shelter
//! (R-DL-5), extensions and the end of a stay (which frees the place, R-Q-4).

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::places::stays::{
    self as app, ArrivalRequest, EndRequest, ExtensionRequest, StayDetail, StayEnded, StayFilter,
    StayPage,
};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{get, post, web};
use uuid::Uuid;

/// A page of the stays of the municipality, newest first, with the person's
/// name; a shelter stay shows when its SP-8 is due (48 h after the arrival),
/// the application once filed, and whether it is overdue (R-DL-5).
#[utoipa::path(
    tag = "places",
    params(StayFilter, PageParams),
    responses(
        (status = 200, description = "A page of stays", body = StayPage),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/stays")]
pub async fn list_stays(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<StayFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<StayPage>> {
    let (page, per_page) = paging.resolve()?;
    Ok(web::Json(
        app::list(&state, &actor, filter.into_inner(), page, per_page).await?,
    ))
}

/// A stay.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Stay id")),
    responses(
        (status = 200, description = "The stay", body = StayDetail),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/stays/{id}")]
pub async fn get_stay(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<StayDetail>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Record an arrival at the overnight shelter (R-DL-5): before any
/// application, given once (another stay only with a recorded threat to
/// health or life), for 7 nights, only while a place is free. The SP-8 is
/// due within 48 hours.
#[utoipa::path(
    tag = "places",
    request_body = ArrivalRequest,
    responses(
        (status = 201, description = "Arrived", body = StayDetail),
        (status = 403, description = "Neither a social worker nor the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such facility or person", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`shelter_given_once`, `no_free_place`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a shelter; arrival in the future or more than 7 days back", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/stays")]
pub async fn arrive(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<ArrivalRequest>,
) -> ApiResult<actix_web::HttpResponse> {
    let stay = app::arrive(&state, &actor, body.0).await?;
    Ok(actix_web::HttpResponse::Created().json(stay))
}

/// Extend a shelter stay (R-DL-5): past 7 nights only while a recorded
/// threat to health or life remains.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Stay id")),
    request_body = ExtensionRequest,
    responses(
        (status = 200, description = "Extended", body = StayDetail),
        (status = 403, description = "Neither a social worker nor the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version; `stay_ended`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`shelter_needs_threat`; not a shelter stay; not later than the current end", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/stays/{id}/extensions")]
pub async fn extend_stay(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<ExtensionRequest>,
) -> ApiResult<web::Json<StayDetail>> {
    Ok(web::Json(
        app::extend(&state, &actor, id.into_inner(), body.0).await?,
    ))
}

/// End a stay with the reason: the place frees and is offered at once to
/// the first eligible person waiting (R-Q-4).
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Stay id")),
    request_body = EndRequest,
    responses(
        (status = 200, description = "Ended, with the offers of the freed place", body = StayEnded),
        (status = 403, description = "Not the division (social workers end shelter stays)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version; `stay_ended`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Ends before it started or after today", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/stays/{id}/end")]
pub async fn end_stay(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<EndRequest>,
) -> ApiResult<web::Json<StayEnded>> {
    Ok(web::Json(
        app::end(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
