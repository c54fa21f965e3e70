//! `GET /api/v1/cases`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::CaseSummary;
use crate::app::common::PageParams;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use crate::store::cases::{CaseListStatus, CaseQuery};
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filters of the case list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseFilter {
    /// By status (`active`: not closed).
    #[param(inline)]
    pub status: Option<CaseListStatus>,
    /// Only the cases whose current team includes this user (`me` is not
    /// accepted: send your own id).
    pub assigned_to: Option<Uuid>,
    /// Only the cases of this family.
    pub family_id: Option<Uuid>,
}

/// A page of cases.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CasePage {
    /// The cases, opened last first.
    pub items: Vec<CaseSummary>,
    /// All matching that you may see.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// List the cases I may see, each with what is due next. The read is
/// recorded (`case.list_read`: how many, never which).
#[utoipa::path(
    tag = "cases",
    params(
        CaseFilter,
        PageParams,
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "A page of cases", body = CasePage),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases")]
pub async fn list_cases(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<CaseFilter>,
    paging: web::Query<PageParams>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<CasePage>> {
    let (page, per_page) = paging.resolve()?;
    let query = CaseQuery {
        status: filter.status,
        assigned_to: filter.assigned_to,
        family_id: filter.family_id,
    };
    let (items, total) =
        app::cases::list(&state, &actor, purpose.0, &query, page, per_page).await?;
    Ok(web::Json(CasePage {
        items,
        total,
        page,
        per_page,
    }))
}
