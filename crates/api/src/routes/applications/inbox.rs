//! `GET /api/v1/applications/inbox`: the Social Support Division's inbox.

use super::{ApplicationSummary, summaries};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::state::AppState;
use crate::store::entities::applications;
use crate::store::scope::scoped;
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use atvejis_domain::application::ApplicationStatus;
use sea_orm::ExprTrait;
use sea_orm::sea_query::{Expr, Order};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filters of the inbox.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxFilter {
    /// Only of this service type.
    pub service_code: Option<String>,
    /// Only of this eldership.
    pub eldership_id: Option<Uuid>,
}

/// The inbox.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Inbox {
    /// Waiting for a decision or a signature, by due date: overdue first,
    /// those without a due date last.
    pub items: Vec<ApplicationSummary>,
    /// How many are overdue.
    pub overdue: u64,
}

/// Most items the inbox lists at once.
const INBOX_LIMIT: u64 = 500;

/// The division's inbox: applications waiting for a decision.
#[utoipa::path(
    tag = "applications",
    params(InboxFilter),
    responses(
        (status = 200, description = "Waiting applications, most urgent first", body = Inbox),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not in the Social Support Division", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/applications/inbox")]
pub async fn inbox(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<InboxFilter>,
) -> ApiResult<web::Json<Inbox>> {
    if !(actor.can(Permission::PrepareDecisions) || actor.can(Permission::SignDecisions)) {
        return Err(ApiError::forbidden(
            "The inbox is the Social Support Division's.",
        ));
    }
    let waiting = [
        ApplicationStatus::ReadyForDecision,
        ApplicationStatus::DecisionPrepared,
    ]
    .map(|s| s.as_str());
    let mut query =
        scoped::<applications::Entity>(&actor).filter(applications::Column::Status.is_in(waiting));
    if let Some(code) = &filter.service_code {
        query = query.filter(applications::Column::ServiceCode.eq(code.as_str()));
    }
    if let Some(eldership) = filter.eldership_id {
        query = query.filter(applications::Column::EldershipId.eq(eldership));
    }
    let rows = query
        // NULL due dates last on both databases.
        .order_by(
            Expr::col(applications::Column::DecisionDueOn).is_null(),
            Order::Asc,
        )
        .order_by_asc(applications::Column::DecisionDueOn)
        .order_by_asc(applications::Column::ReceivedOn)
        .order_by_asc(applications::Column::Id)
        .limit(INBOX_LIMIT)
        .all(&state.db)
        .await?;
    let items = summaries(&state.db, rows).await?;
    let overdue = items.iter().filter(|i| i.overdue).count() as u64;
    Ok(web::Json(Inbox { items, overdue }))
}
