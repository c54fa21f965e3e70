//! `/api/v1/offers`: offers of places (R-Q-4), their answers, and the
//! admission that turns an accepted offer into a stay (R-LIM-7).

use crate::actor::Actor;
use crate::app::places::offers::{
    self as app, AdmitRequest, AnswerRequest, Answered, OfferRequest,
};
use crate::app::places::views::{OfferView, StayView};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// Offer a free place to the first eligible person in a queue (R-Q-4).
/// Offers nobody answered in time expire first; places also freed are
/// offered to the next eligible people at once.
#[utoipa::path(
    tag = "places",
    request_body = OfferRequest,
    responses(
        (status = 201, description = "Offered", body = OfferView),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such queue entry", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`offer_not_first`, `no_free_place`, `already_offered` (R-Q-4); `not_in_queue`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Reply date in the past", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/offers")]
pub async fn make_offer(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<OfferRequest>,
) -> ApiResult<HttpResponse> {
    let offer = app::make(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(offer))
}

/// An offer of a place.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The offer", body = OfferView),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/offers/{id}")]
pub async fn get_offer(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<OfferView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Record the answer to an offer (R-Q-4): accepted (the place is held for
/// the admission); declined for a reason that keeps the place (on hold
/// until `hold_until`, nobody moves); declined otherwise (the person leaves
/// the queue, those after move up); no reply (only after the reply date;
/// on hold until resumed). A freed place is offered to the next eligible.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Offer id")),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "Answered; the offers of the freed place", body = Answered),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version; `offer_not_pending`; `reply_date_not_passed`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No decline reason; no or past `hold_until` for a reason that keeps the place", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/offers/{id}/answer")]
pub async fn answer_offer(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AnswerRequest>,
) -> ApiResult<web::Json<Answered>> {
    Ok(web::Json(
        app::answer(&state, &actor, id.into_inner(), body.0).await?,
    ))
}

/// Move the person of an accepted offer in: every required item of the
/// facility's admission checklist done and, for the group living home,
/// R-LIM-7 (the F027/a extract at most 3 months old on the moving-in day,
/// no acute infectious disease, no acute psychosis). The entry leaves the
/// queue as admitted (those after move up); the place becomes a stay.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Offer id")),
    request_body = AdmitRequest,
    responses(
        (status = 201, description = "Moved in", body = StayView),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version; `offer_not_accepted`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`admission_refused` (checklist, R-LIM-7) with `errors`; moving-in day out of range; unknown checklist item", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/offers/{id}/admit")]
pub async fn admit(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AdmitRequest>,
) -> ApiResult<HttpResponse> {
    let stay = app::admit(&state, &actor, id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(stay))
}
