//! `/api/v1/stays/{id}/fee-terms` and `/api/v1/stays/{id}/absences`: what a
//! stay's care fee is computed from (R-FEE-8) and its absences (R-FEE-9).

use crate::actor::Actor;
use crate::app::charges::stays::{
    self as app, AbsenceChange, AbsenceRequest, AbsenceView, FeeTermsRequest, FeeTermsView,
};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, patch, post, put, web};
use uuid::Uuid;

/// The fee terms of a care stay, oldest first; each is in force from its
/// date until the next.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Stay id")),
    responses(
        (status = 200, description = "The terms", body = Vec<FeeTermsView>),
        (status = 403, description = "Cannot read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/stays/{id}/fee-terms")]
pub async fn list_fee_terms(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<Vec<FeeTermsView>>> {
    Ok(web::Json(
        app::list_terms(&state, &actor, id.into_inner()).await?,
    ))
}

/// Set a care stay's fee terms from a date (R-FEE-8): the target
/// compensation (100 % to the fee), the assets over the normative (1 % is
/// added for an adult who began long-term care after 2007-01-01), whether
/// adult, when care began. Terms of a new date are added (send no
/// `version`); terms of an existing date are replaced with their `version`.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Stay id")),
    request_body = FeeTermsRequest,
    responses(
        (status = 200, description = "The terms as stored", body = FeeTermsView),
        (status = 403, description = "Cannot record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`version_conflict`: terms of that date exist (send their version) or changed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a care stay; a date outside the stay; a negative amount", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[put("/stays/{id}/fee-terms")]
pub async fn set_fee_terms(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<FeeTermsRequest>,
) -> ApiResult<web::Json<FeeTermsView>> {
    Ok(web::Json(
        app::set_terms(&state, &actor, id.into_inner(), body.0).await?,
    ))
}

/// The absences of a stay, first first.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Stay id")),
    responses(
        (status = 200, description = "The absences", body = Vec<AbsenceView>),
        (status = 403, description = "Cannot read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/stays/{id}/absences")]
pub async fn list_absences(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<Vec<AbsenceView>>> {
    Ok(web::Json(
        app::list_absences(&state, &actor, id.into_inner()).await?,
    ))
}

/// Record an absence from care (R-FEE-9): the first 3 days are charged in
/// full, from the 4th day 30 % of the daily fee.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Stay id")),
    request_body = AbsenceRequest,
    responses(
        (status = 201, description = "Recorded", body = AbsenceView),
        (status = 403, description = "Cannot record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`absence_overlaps`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a care stay; days outside the stay or ending before they begin", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/stays/{id}/absences")]
pub async fn record_absence(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AbsenceRequest>,
) -> ApiResult<HttpResponse> {
    let absence = app::record_absence(&state, &actor, id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(absence))
}

/// Change an absence's days or reason (R-FEE-9).
#[utoipa::path(
    tag = "charges",
    params(
        ("id" = Uuid, Path, description = "Stay id"),
        ("absence_id" = Uuid, Path, description = "Absence id"),
    ),
    request_body = AbsenceChange,
    responses(
        (status = 200, description = "Changed", body = AbsenceView),
        (status = 403, description = "Cannot record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such stay or absence", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`absence_overlaps`, `version_conflict`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Days outside the stay or ending before they begin", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/stays/{id}/absences/{absence_id}")]
pub async fn change_absence(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<AbsenceChange>,
) -> ApiResult<web::Json<AbsenceView>> {
    let (id, absence_id) = path.into_inner();
    Ok(web::Json(
        app::change_absence(&state, &actor, id, absence_id, body.0).await?,
    ))
}
