//! `/api/v1/deliveries`: the visits of home help and respite, one path for
//! both services (R-LIM-1..3).

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::deliveries::visits::{self as app, NewVisit, VisitFilter, VisitPage, VisitView};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, delete, get, post, web};
use uuid::Uuid;

/// The home help and respite visits of the municipality, by person, schedule or month.
#[utoipa::path(
    tag = "deliveries",
    params(VisitFilter, PageParams),
    responses(
        (status = 200, description = "A page of visits", body = VisitPage),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range or bad month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/deliveries")]
pub async fn list_visits(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<VisitFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<VisitPage>> {
    Ok(web::Json({
        let (page, per_page) = paging.resolve()?;
        app::list(&state, &actor, filter.into_inner(), page, per_page).await?
    }))
}

/// Record a visit of home help or respite (one path for both) on an approved schedule, within its dates. Respite is refused, naming the rule, above 10 hours or 2 visits in an ISO week or 208 hours in a calendar year (R-LIM-1), or within 14 days of day or short-term social care unless the person receives day care permanently and respite is organised as short-term care (R-LIM-2). Hours in day care or other paid care during respite organised as short-term care are stored apart and count neither toward the fee nor the hours (R-LIM-3). A home-help week above the schedule's hours is recorded with `over_schedule`.
#[utoipa::path(
    tag = "deliveries",
    request_body = NewVisit,
    responses(
        (status = 201, description = "Recorded", body = VisitView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such schedule", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`invalid_transition`: the schedule is not approved", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; `respite_weekly_hours_exceeded`, `respite_weekly_visits_exceeded`, `respite_yearly_hours_exceeded` (R-LIM-1), `respite_break_too_short` (R-LIM-2)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/deliveries")]
pub async fn record_visit(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<NewVisit>,
) -> ApiResult<HttpResponse> {
    let created = app::record(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(created))
}

/// A visit.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Visit id")),
    responses(
        (status = 200, description = "The visit", body = VisitView),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such visit", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/deliveries/{id}")]
pub async fn get_visit(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<VisitView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Delete a visit recorded in error (audited with what it was).
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Visit id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such visit", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/deliveries/{id}")]
pub async fn delete_visit(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::delete(&state, &actor, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
