//! `GET /api/v1/service-accounts`.

use super::ServiceAccountView;
use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use crate::store::entities::service_accounts as sa;
use crate::store::scope::scoped;
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use sea_orm::QueryOrder;

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
    actor.require(Permission::ManageUsers)?;
    let rows = scoped::<sa::Entity>(&actor)
        .order_by_asc(sa::Column::Name)
        .all(&state.db)
        .await?;
    rows.into_iter()
        .map(ServiceAccountView::try_from)
        .collect::<ApiResult<Vec<_>>>()
        .map(web::Json)
}
