//! `/api/v1/fee-reviews`: the decisions whose monthly fee would change, and
//! the confirmation of a new fee.

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::fees::reviews::{self as app, ConfirmRequest, FeeRecords, FeeReviewPage};
use crate::error::{ApiResult, Problem};
use crate::extract::{ReadPurpose, ValidJson};
use crate::state::AppState;
use actix_web::{get, post, web};
use atvejis_domain::access::Purpose;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// Which month.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthQuery {
    /// The month, `YYYY-MM`.
    #[param(example = "2026-01")]
    pub month: String,
}

/// The decisions in force in a month whose monthly fee would change under
/// the rates in force that month and the person's income as last assessed,
/// each with the fee in force and the new one (both with their breakdown).
/// Decisions whose new fee cannot be calculated are listed under
/// `problems`. The read is recorded (`fee.review_read`).
#[utoipa::path(
    tag = "fees",
    params(
        MonthQuery,
        PageParams,
        ("X-Purpose" = Purpose, Header, description = "Why you read it (it shows income; recorded)"),
    ),
    responses(
        (status = 200, description = "The fees to review", body = FeeReviewPage),
        (status = 403, description = "Not the division's charges", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a month (`YYYY-MM`), or no purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/fee-reviews")]
pub async fn list_fee_reviews(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<MonthQuery>,
    paging: web::Query<PageParams>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<FeeReviewPage>> {
    actor.require(atvejis_domain::access::Permission::RunCharges)?;
    let (page, per_page) = paging.resolve()?;
    let month = app::parse_month("month", &query.month)?;
    Ok(web::Json(
        app::list(&state, &actor, purpose.0, month, page, per_page).await?,
    ))
}

/// Confirm a decision's changed fee from a month: a new fee record; the
/// earlier ones stay. Answers the decision's records, oldest first.
#[utoipa::path(
    tag = "fees",
    request_body = ConfirmRequest,
    params(("decision_id" = Uuid, Path, description = "Decision id")),
    responses(
        (status = 200, description = "The decision's fee records", body = FeeRecords),
        (status = 403, description = "Not the division's charges", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No signed decision with a calculated fee in your municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict (another record since you read the review) or fee_unchanged", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a month, before the service starts or not after the record in force", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/fee-reviews/{decision_id}/confirm")]
pub async fn confirm_fee_review(
    state: web::Data<AppState>,
    actor: Actor,
    decision_id: web::Path<Uuid>,
    body: ValidJson<ConfirmRequest>,
) -> ApiResult<web::Json<FeeRecords>> {
    Ok(web::Json(
        app::confirm(&state, &actor, decision_id.into_inner(), body.0).await?,
    ))
}
