//! `GET /api/v1/cases/{id}/timeline`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::timeline::TimelineItem;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A case's timeline.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Timeline {
    /// What happened, newest first.
    pub items: Vec<TimelineItem>,
}

/// What happened in a case, newest first. The read is recorded
/// (`case.read`).
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The timeline", body = Timeline),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/timeline")]
pub async fn case_timeline(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<Timeline>> {
    let items = app::cases::timeline::timeline(&state, &actor, purpose.0, id.into_inner()).await?;
    Ok(web::Json(Timeline { items }))
}
