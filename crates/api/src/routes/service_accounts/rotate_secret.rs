//! `POST /api/v1/service-accounts/{id}/secret`: a new secret; the old one
//! stops working at once.

use super::ServiceAccountWithSecret;
use crate::actor::Actor;
use crate::app;
use crate::app::common::VersionBody;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Rotate a service account's secret.
#[utoipa::path(
    tag = "service-accounts",
    params(("id" = Uuid, Path, description = "Service account id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "The new secret, this once", body = ServiceAccountWithSecret),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/service-accounts/{id}/secret")]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<ServiceAccountWithSecret>> {
    let (account, secret) =
        app::service_accounts::rotate_secret(&state, &actor, id.into_inner(), body.version).await?;
    Ok(web::Json(ServiceAccountWithSecret {
        account: account.into(),
        client_secret: secret,
    }))
}
