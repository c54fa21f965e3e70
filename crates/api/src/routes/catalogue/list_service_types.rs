//! `GET /api/v1/service-types`.

use super::ServiceTypeView;
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
    let types = app::catalogue::service_types(&state, &actor).await?;
    Ok(web::Json(
        types.into_iter().map(ServiceTypeView::from).collect(),
    ))
}
