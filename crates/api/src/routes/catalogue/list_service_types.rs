//! `GET /api/v1/service-types`.

use super::{ServiceTypeView, view};
use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};

/// The service catalogue of my municipality.
#[utoipa::path(
    tag = "catalogue",
    responses(
        (status = 200, description = "Service types, by code", body = Vec<ServiceTypeView>),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/service-types")]
pub async fn list_service_types(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<Vec<ServiceTypeView>>> {
    app::catalogue::service_types(&state, &actor)
        .await?
        .into_iter()
        .map(view)
        .collect::<ApiResult<Vec<_>>>()
        .map(web::Json)
}
