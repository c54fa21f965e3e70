//! `/api/v1/persons/{id}/queue-entries`: a person's places in queues.

use crate::actor::Actor;
use crate::app::places::person_entries::{self as app, PersonQueueEntries};
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// A person's queue entries: the waiting ones first, then those closed
/// (moved in or left), each with the facility, the position, the offer
/// holding a place and the position history with its causes. The read is
/// recorded (`queue.entry_read`).
#[utoipa::path(
    tag = "places",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The person's queue entries", body = PersonQueueEntries),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons/{id}/queue-entries")]
pub async fn person_queue_entries(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<PersonQueueEntries>> {
    Ok(web::Json(
        app::list(&state, &actor, id.into_inner(), purpose.0).await?,
    ))
}
