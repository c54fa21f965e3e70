//! `GET /api/v1/applications/inbox`: the Social Support Division's inbox.

use super::ApplicationSummary;
use crate::actor::Actor;
use crate::app::applications;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};
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
    /// Signed decisions whose notification (R-DL-3, with
    /// `notification_due_on` and `notification_overdue`) or hand-over to the
    /// provider (R-DL-2, `handover_due_on`, `handover_overdue`) is still to
    /// be recorded, by the decision's date.
    pub follow_ups: Vec<ApplicationSummary>,
}

/// The division's inbox: applications waiting for a decision.
///
/// Each look is recorded (`application.list_read`, `view` `inbox`, purpose
/// `decision`).
#[utoipa::path(
    tag = "applications",
    params(InboxFilter),
    responses(
        (status = 200, description = "Waiting applications, most urgent first, and signed ones with a notification or hand-over to record", body = Inbox),
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
    let inbox = applications::inbox(
        &state,
        &actor,
        filter.service_code.as_deref(),
        filter.eldership_id,
    )
    .await?;
    Ok(web::Json(Inbox {
        items: inbox.items,
        overdue: inbox.overdue,
        follow_ups: inbox.follow_ups,
    }))
}
