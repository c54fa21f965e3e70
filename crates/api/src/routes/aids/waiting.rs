//! `/api/v1/aids/waiting`: the waiting lists of the aid types out of stock
//! (first come, first served).

use crate::actor::Actor;
use crate::app::aids::WaitingView;
use crate::app::aids::waiting::{
    self as app, JoinWaitingRequest, LeaveWaitingRequest, WaitingFilter, WaitingPage,
};
use crate::app::common::PageParams;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// The people waiting, by type and position (1 = next).
#[utoipa::path(
    tag = "aids",
    params(WaitingFilter, PageParams),
    responses(
        (status = 200, description = "A page of people waiting", body = WaitingPage),
        (status = 403, description = "No access to deliveries", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/aids/waiting")]
pub async fn list_waiting(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<WaitingFilter>,
    page: web::Query<PageParams>,
) -> ApiResult<web::Json<WaitingPage>> {
    Ok(web::Json(
        app::list(&state, &actor, filter.into_inner(), page.into_inner()).await?,
    ))
}

/// Put a person on the waiting list of a type (last); `POST /aid-loans`
/// answers `aid_out_of_stock` when no item of the type is available.
#[utoipa::path(
    tag = "aids",
    request_body = JoinWaitingRequest,
    responses(
        (status = 201, description = "On the list, with the position", body = WaitingView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`aid_already_waiting`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; no such person or decision", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/aids/waiting")]
pub async fn join_waiting(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<JoinWaitingRequest>,
) -> ApiResult<HttpResponse> {
    let view = app::join(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Take a person off the waiting list.
#[utoipa::path(
    tag = "aids",
    params(("id" = Uuid, Path, description = "Waiting entry id")),
    request_body = LeaveWaitingRequest,
    responses(
        (status = 200, description = "Off the list", body = WaitingView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`aid_not_waiting`, stale version", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/aids/waiting/{id}/leave")]
pub async fn leave_waiting(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<LeaveWaitingRequest>,
) -> ApiResult<web::Json<WaitingView>> {
    Ok(web::Json(
        app::leave(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
