//! `/api/v1/schedules`: home help and respite schedules (R-LIM-1), approved by
//! the Centre's director.

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::common::VersionBody;
use crate::app::deliveries::schedules::{
    self as app, NewSchedule, ScheduleFilter, SchedulePage, ScheduleView,
};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// The home help and respite schedules of the municipality.
#[utoipa::path(
    tag = "deliveries",
    params(ScheduleFilter, PageParams),
    responses(
        (status = 200, description = "A page of schedules", body = SchedulePage),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range or bad month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/schedules")]
pub async fn list_schedules(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<ScheduleFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<SchedulePage>> {
    Ok(web::Json({
        let (page, per_page) = paging.resolve()?;
        app::list(&state, &actor, filter.into_inner(), page, per_page).await?
    }))
}

/// Draw up a schedule from a signed decision granting home help or respite: hours and visits a week, dates. A respite schedule at home has 1–10 hours and at most 2 visits a week (R-LIM-1). It waits for the Centre's director's approval.
#[utoipa::path(
    tag = "deliveries",
    request_body = NewSchedule,
    responses(
        (status = 201, description = "Drawn up", body = ScheduleView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; not a signed granting decision on home help or respite; `respite_schedule_out_of_limits` (R-LIM-1)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/schedules")]
pub async fn create_schedule(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<NewSchedule>,
) -> ApiResult<HttpResponse> {
    let created = app::create(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(created))
}

/// A schedule.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Schedule id")),
    responses(
        (status = 200, description = "The schedule", body = ScheduleView),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such schedule", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/schedules/{id}")]
pub async fn get_schedule(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ScheduleView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// The Centre's director (the division head) approves a draft schedule; visits are recorded only on approved schedules.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Schedule id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Approved", body = ScheduleView),
        (status = 403, description = "Not the Centre's director", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such schedule", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`version_conflict`; `invalid_transition` (already approved)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/schedules/{id}/approve")]
pub async fn approve_schedule(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<ScheduleView>> {
    Ok(web::Json(
        app::approve(&state, &actor, id.into_inner(), body.version).await?,
    ))
}
