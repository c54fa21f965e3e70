//! `PUT /api/v1/cases/{id}/team`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::{CaseView, Team};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// The case's team.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AssignTeamRequest {
    /// The case manager (role `case_manager` or `case_management_head`).
    pub case_manager_id: Uuid,
    /// The social worker working with the family (role `social_worker`).
    pub social_worker_id: Uuid,
    /// The director's order that assigns them.
    #[validate(length(max = 200))]
    pub order_reference: Option<String>,
    /// The case's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
}

/// Assign (or replace) the case manager and the family social worker
/// (R-CM-1; due by R-CMP-1).
#[utoipa::path(
    tag = "cases",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = AssignTeamRequest,
    responses(
        (status = 200, description = "Assigned", body = CaseView),
        (status = 403, description = "Not the head of the case managers' unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version, or the case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A user who cannot hold the role", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[put("/cases/{id}/team")]
pub async fn assign_team(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AssignTeamRequest>,
) -> ApiResult<web::Json<CaseView>> {
    let ValidJson(body) = body;
    let team = Team {
        case_manager_id: body.case_manager_id,
        social_worker_id: body.social_worker_id,
        order_reference: body.order_reference,
        version: body.version,
    };
    Ok(web::Json(
        app::cases::assign(&state, &actor, id.into_inner(), team).await?,
    ))
}
