//! `GET /api/v1/service-types`.

use super::{ServiceTypeView, view};
use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use crate::store::entities::service_types;
use crate::store::scope::scoped;
use actix_web::{get, web};
use sea_orm::QueryOrder;

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
    let rows = scoped::<service_types::Entity>(&actor)
        .order_by_asc(service_types::Column::Code)
        .all(&state.db)
        .await?;
    rows.into_iter()
        .map(view)
        .collect::<ApiResult<Vec<_>>>()
        .map(web::Json)
}
