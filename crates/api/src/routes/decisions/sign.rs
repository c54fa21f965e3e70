//! `POST /api/v1/decisions/{id}/sign`.

use super::DecisionView;
use crate::actor::Actor;
use crate::app::common::VersionBody;
use crate::app::decisions;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Sign a prepared decision under my signing delegation in force today for
/// its service type; never its preparer (R-ROLE-2).
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Decision id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Signed; dated today", body = DecisionView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden (a role that never signs), no_signing_delegation, or preparer_cannot_sign", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or invalid_transition", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/decisions/{id}/sign")]
pub async fn sign_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<DecisionView>> {
    let view = decisions::sign(&state, &actor, id.into_inner(), body.version).await?;
    Ok(web::Json(view))
}
