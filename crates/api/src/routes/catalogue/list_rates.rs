//! `GET /api/v1/rates`.

use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use crate::store::entities::rates;
use crate::store::scope::scoped;
use actix_web::{get, web};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RateFilter {
    /// Only this kind, e.g. `vrp`.
    pub kind: Option<String>,
}

/// A rate from a date.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RateView {
    /// Id.
    pub id: Uuid,
    /// `vrp`, `home_help_hourly_price`, `home_help_cap_2_3`, `home_help_cap_3_4`,
    /// `home_help_cap_4_5`, `home_help_cap_5`.
    pub kind: String,
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
    let mut query = scoped::<rates::Entity>(&actor);
    if let Some(kind) = &filter.kind {
        query = query.filter(rates::Column::Kind.eq(kind.as_str()));
    }
    let rows = query
        .order_by_asc(rates::Column::Kind)
        .order_by_desc(rates::Column::ValidFrom)
        .all(&state.db)
        .await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| RateView {
                id: r.id,
                kind: r.kind,
                valid_from: r.valid_from,
                value: r.value.normalize(),
                note: r.note,
            })
            .collect(),
    ))
}
