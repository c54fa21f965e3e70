//! `POST /api/v1/service-accounts/{id}/deactivate`.

use super::ServiceAccountView;
use crate::actor::Actor;
use crate::app;
use crate::app::common::VersionBody;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Deactivate a service account: it gets no more tokens. Tokens already
/// issued work until they expire.
#[utoipa::path(
    tag = "service-accounts",
    params(("id" = Uuid, Path, description = "Service account id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Deactivated", body = ServiceAccountView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/service-accounts/{id}/deactivate")]
pub async fn deactivate_service_account(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<ServiceAccountView>> {
    let account =
        app::service_accounts::deactivate(&state, &actor, id.into_inner(), body.version).await?;
    Ok(web::Json(account.into()))
}
