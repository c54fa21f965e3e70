//! `POST /api/v1/signing-delegations/{id}/revoke`.

use crate::actor::Actor;
use crate::app;
use crate::app::common::VersionBody;
use crate::app::signing_delegations::DelegationView;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// End a signing delegation now: nothing can be signed under it any more.
#[utoipa::path(
    tag = "signing-delegations",
    params(("id" = Uuid, Path, description = "Delegation id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Revoked", body = DelegationView),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delegation in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict, or delegation_ended (already revoked or expired)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/signing-delegations/{id}/revoke")]
pub async fn revoke_signing_delegation(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<DelegationView>> {
    let view =
        app::signing_delegations::revoke(&state, &actor, id.into_inner(), body.version).await?;
    Ok(web::Json(view))
}
