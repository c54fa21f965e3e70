//! `GET /api/v1/rates`.

use crate::actor::Actor;
use crate::app;
use crate::app::catalogue::Rate;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RateFilter {
    /// Only this kind.
    pub kind: Option<RateKind>,
}

/// A rate from a date.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RateView {
    /// Id.
    pub id: Uuid,
    /// The kind.
    pub kind: RateKind,
    /// In force from.
    pub valid_from: Date,
    /// The value (EUR, or a share for caps).
    #[schema(value_type = String)]
    pub value: Decimal,
    /// Note.
    pub note: Option<String>,
}

/// The rates of my municipality.
#[utoipa::path(
    tag = "catalogue",
    params(RateFilter),
    responses(
        (status = 200, description = "Rates by kind, newest first", body = Vec<RateView>),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/rates")]
pub async fn list_rates(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<RateFilter>,
) -> ApiResult<web::Json<Vec<RateView>>> {
    let rates = app::catalogue::rates(&state, &actor, filter.kind).await?;
    Ok(web::Json(rates.into_iter().map(RateView::from).collect()))
}

impl From<Rate> for RateView {
    fn from(r: Rate) -> Self {
        RateView {
            id: r.id,
            kind: r.kind,
            valid_from: r.valid_from,
            value: r.value.normalize(),
            note: r.note,
        }
    }
}
