//! `POST /api/v1/rates`: a new value from a date (e.g. next year's VRP).

use super::list_rates::RateView;
use crate::actor::Actor;
use crate::app;
use crate::app::catalogue::NewRate;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use serde::Deserialize;
use time::Date;
use utoipa::ToSchema;
use validator::Validate;

/// A new rate value.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateRateRequest {
    /// The kind.
    pub kind: RateKind,
    /// In force from.
    pub valid_from: Date,
    /// The value: EUR, or a share 0–1 for caps.
    #[schema(value_type = String, example = "245")]
    pub value: Decimal,
    /// Note, e.g. the council decision.
    #[validate(length(max = 500))]
    pub note: Option<String>,
}

/// Add a rate value from a date.
#[utoipa::path(
    tag = "catalogue",
    request_body = CreateRateRequest,
    responses(
        (status = 201, description = "Added", body = RateView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A value from that date exists (rate_exists)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown kind or invalid value, or `valid_from` before today when a decision's fee used the value it would replace (used_by_fee)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/rates")]
pub async fn create_rate(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateRateRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let new = NewRate {
        kind: body.kind,
        valid_from: body.valid_from,
        value: body.value,
        note: body.note,
    };
    let rate = app::catalogue::create_rate(&state, &actor, new).await?;
    Ok(HttpResponse::Created().json(RateView::from(rate)))
}
