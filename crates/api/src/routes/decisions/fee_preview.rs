//! `GET /api/v1/applications/{id}/fee`: the fee a decision would set.

use super::FeePreview;
use crate::actor::Actor;
use crate::app::decisions;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use rust_decimal::Decimal;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// For how many hours.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeeQuery {
    /// Hours of service a month (0–744, at most two decimals).
    #[param(value_type = String, example = "20")]
    pub hours_per_month: Decimal,
}

/// Preview the monthly fee for a number of hours.
#[utoipa::path(
    tag = "decisions",
    params(
        ("id" = Uuid, Path, description = "Application id"),
        FeeQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you read it (it shows income; recorded)"),
    ),
    responses(
        (status = 200, description = "The fee", body = FeePreview),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a division specialist", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Hours out of range, rate_missing, or income_incomplete (`missing` names each member and month without an income record)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/applications/{id}/fee")]
pub async fn fee_preview(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    query: web::Query<FeeQuery>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<FeePreview>> {
    let preview = decisions::fee_preview(
        &state,
        &actor,
        purpose.0,
        id.into_inner(),
        query.hours_per_month,
    )
    .await?;
    Ok(web::Json(preview))
}
