//! `/api/v1/queue-entries`: people in queues, their positions and history.

use crate::actor::Actor;
use crate::app::places::queue::{
    self as app, LeaveRequest, QueueEntryDetail, RegisterRequest, Registered, VersionRequest,
};
use crate::app::places::views::QueueEntryView;
use crate::error::{ApiResult, Problem};
use crate::extract::{ReadPurpose, ValidJson};
use crate::state::AppState;
use actix_web::{get, post, web};
use atvejis_domain::access::Purpose;
use serde::Deserialize;
use time::Date;
use utoipa::IntoParams;
use uuid::Uuid;

/// Register the person of a signed decision that grants a service with
/// places in a facility's queue (R-Q-1; signing does it by itself when the
/// facility is known). The entry takes its R-Q-3 place; when a place is free
/// and nobody eligible waits ahead, it is offered at once (R-Q-4).
#[utoipa::path(
    tag = "places",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Registered", body = Registered),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision or facility", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`queue_kind_taken` (R-Q-2), `already_queued`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a signed grant of a service with places; no facility", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/queue-entries")]
pub async fn register(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<RegisterRequest>,
) -> ApiResult<actix_web::HttpResponse> {
    let registered = app::register(&state, &actor, body.0).await?;
    Ok(actix_web::HttpResponse::Created().json(registered))
}

/// The day to tell the position on.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PositionOn {
    /// Also tell the position at the end of this day (from the history).
    pub on: Option<Date>,
}

/// A queue entry with its position history: every change of its position
/// with the cause ("why did I move from 3rd to 4th?"), and where it stood on
/// a day. The read is recorded (`queue.entry_read`).
#[utoipa::path(
    tag = "places",
    params(
        ("id" = Uuid, Path, description = "Queue entry id"),
        PositionOn,
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The entry and its history", body = QueueEntryDetail),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/queue-entries/{id}")]
pub async fn get_entry(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    on: web::Query<PositionOn>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<QueueEntryDetail>> {
    Ok(web::Json(
        app::get(&state, &actor, id.into_inner(), on.on, purpose.0).await?,
    ))
}

/// Remove a person from the queue with the reason (moved elsewhere, died,
/// refused, decision revoked). Those after move one up, each move recorded;
/// an offer they held is withdrawn and the place offered to the next.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Queue entry id")),
    request_body = LeaveRequest,
    responses(
        (status = 200, description = "Left", body = QueueEntryView),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version; not waiting", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/queue-entries/{id}/leave")]
pub async fn leave(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<LeaveRequest>,
) -> ApiResult<web::Json<QueueEntryView>> {
    Ok(web::Json(
        app::leave(&state, &actor, id.into_inner(), body.0).await?,
    ))
}

/// Lift the hold of an entry (after a refusal that kept the place, or an
/// offer not answered in time): the person can be offered a place again.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Queue entry id")),
    request_body = VersionRequest,
    responses(
        (status = 200, description = "Resumed (offered at once if first and a place is free)", body = QueueEntryView),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version; not waiting; not on hold", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/queue-entries/{id}/resume")]
pub async fn resume(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionRequest>,
) -> ApiResult<web::Json<QueueEntryView>> {
    Ok(web::Json(
        app::resume(&state, &actor, id.into_inner(), body.0.version).await?,
    ))
}
