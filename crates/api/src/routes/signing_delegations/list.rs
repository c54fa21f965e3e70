//! `GET /api/v1/signing-delegations`.

use crate::actor::Actor;
use crate::app;
use crate::app::common::PageParams;
use crate::app::signing_delegations::{DelegationQuery, DelegationView};
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filters of the delegation list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DelegationFilter {
    /// Only the delegations of this user.
    pub user_id: Option<Uuid>,
    /// Only those not ended (`true`): in force or scheduled, neither
    /// revoked nor expired.
    pub current: Option<bool>,
}

/// A page of signing delegations.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DelegationPage {
    /// The delegations, newest first.
    pub items: Vec<DelegationView>,
    /// All matching.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// List the signing delegations of my municipality.
#[utoipa::path(
    tag = "signing-delegations",
    params(DelegationFilter, PageParams),
    responses(
        (status = 200, description = "A page of delegations", body = DelegationPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/signing-delegations")]
pub async fn list_signing_delegations(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<DelegationFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<DelegationPage>> {
    let (page, per_page) = paging.resolve()?;
    let filter = filter.into_inner();
    let query = DelegationQuery {
        user_id: filter.user_id,
        current_on: filter.current.unwrap_or(false).then(|| state.clock.today()),
    };
    let (items, total) =
        app::signing_delegations::list(&state, &actor, &query, page, per_page).await?;
    Ok(web::Json(DelegationPage {
        items,
        total,
        page,
        per_page,
    }))
}
