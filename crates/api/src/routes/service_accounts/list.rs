//! `GET /api/v1/service-accounts`.

use super::ServiceAccountView;
use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};

/// List the service accounts of my municipality.
#[utoipa::path(
    tag = "service-accounts",
    responses(
        (status = 200, description = "The accounts, by name", body = Vec<ServiceAccountView>),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/service-accounts")]
pub async fn list_service_accounts(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<Vec<ServiceAccountView>>> {
    let accounts = app::service_accounts::list(&state, &actor).await?;
    Ok(web::Json(accounts.into_iter().map(Into::into).collect()))
}
