//! `GET /api/v1/applications`.

use super::{ApplicationStatusSchema, ApplicationSummary, summaries};
use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::routes::common::{PageParams, serde_code};
use crate::state::AppState;
use crate::store::entities::applications;
use crate::store::scope::scoped;
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationFilter {
    /// Only in this state.
    pub status: Option<ApplicationStatusSchema>,
    /// Only of this service type.
    pub service_code: Option<String>,
    /// Only of this eldership.
    pub eldership_id: Option<Uuid>,
    /// Only for this person.
    pub person_id: Option<Uuid>,
}

/// A page of applications.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApplicationPage {
    /// Applications, newest first.
    pub items: Vec<ApplicationSummary>,
    /// All matches.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// List applications.
#[utoipa::path(
    tag = "applications",
    params(ApplicationFilter, PageParams),
    responses(
        (status = 200, description = "A page, newest first", body = ApplicationPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/applications")]
pub async fn list_applications(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<ApplicationFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<ApplicationPage>> {
    actor.require(Permission::ReadCaseContent)?;
    let (page, per_page) = paging.resolve()?;
    let mut query = scoped::<applications::Entity>(&actor);
    if let Some(status) = filter.status {
        query = query.filter(applications::Column::Status.eq(serde_code(&status)));
    }
    if let Some(code) = &filter.service_code {
        query = query.filter(applications::Column::ServiceCode.eq(code.as_str()));
    }
    if let Some(eldership) = filter.eldership_id {
        query = query.filter(applications::Column::EldershipId.eq(eldership));
    }
    if let Some(person) = filter.person_id {
        query = query.filter(applications::Column::PersonId.eq(person));
    }
    let paginator = query
        .order_by_desc(applications::Column::ReceivedOn)
        .order_by_desc(applications::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    Ok(web::Json(ApplicationPage {
        items: summaries(&state.db, rows).await?,
        total,
        page,
        per_page,
    }))
}
