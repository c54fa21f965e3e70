//! `GET /api/v1/decisions/{id}`.

use super::DecisionView;
use crate::actor::Actor;
use crate::app::decisions;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// One decision, with its fee calculation.
#[utoipa::path(
    tag = "decisions",
    params(
        ("id" = Uuid, Path, description = "Decision id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The decision", body = DecisionView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/decisions/{id}")]
pub async fn get_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<DecisionView>> {
    let view = decisions::get(&state, &actor, purpose.0, id.into_inner()).await?;
    Ok(web::Json(view))
}
