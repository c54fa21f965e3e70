//! `GET /api/v1/applications`.

use super::ApplicationSummary;
use crate::actor::Actor;
use crate::app::applications::{self, ListFilter};
use crate::app::common::PageParams;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use atvejis_domain::application::ApplicationStatus;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationFilter {
    /// Only in this state.
    pub status: Option<ApplicationStatus>,
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
///
/// The lines name people and their services, so a list is a read of case
/// content: it needs a purpose (`X-Purpose`, 422 without one) and is
/// recorded (`application.list_read`: of the person with `person_id`,
/// otherwise with the names of the filters used and the number of lines).
#[utoipa::path(
    tag = "applications",
    params(
        ApplicationFilter,
        PageParams,
        ("X-Purpose" = Purpose, Header, description = "Why you read them (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "A page, newest first", body = ApplicationPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range, or no or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/applications")]
pub async fn list_applications(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<ApplicationFilter>,
    paging: web::Query<PageParams>,
    purpose: Option<ReadPurpose>,
) -> ApiResult<web::Json<ApplicationPage>> {
    let (page, per_page) = paging.resolve()?;
    let filter = filter.into_inner();
    let (items, total) = applications::list(
        &state,
        &actor,
        ListFilter {
            status: filter.status.map(ApplicationStatus::as_str),
            service_code: filter.service_code,
            eldership_id: filter.eldership_id,
            person_id: filter.person_id,
        },
        purpose.map(|p| p.0),
        page,
        per_page,
    )
    .await?;
    Ok(web::Json(ApplicationPage {
        items,
        total,
        page,
        per_page,
    }))
}
