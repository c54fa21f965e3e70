//! `GET /api/v1/applications/{id}/fee`: the fee a decision would set.

use super::{Fee, FeeCalculationView, fee_for};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::routes::applications::find_scoped;
use crate::state::AppState;
use crate::store::catalogue::spec_of;
use crate::store::entities::service_types;
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use rust_decimal::Decimal;
use sea_orm::EntityTrait;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// For how many hours.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeeQuery {
    /// Hours of service a month (0–744).
    #[param(value_type = String, example = "20")]
    pub hours_per_month: Decimal,
}

/// A fee preview.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FeePreview {
    /// `free` (R-FEE-12), `calculated` (R-FEE-1..3), or `at_delivery`.
    pub kind: String,
    /// The calculation, when calculated.
    pub calculation: Option<FeeCalculationView>,
}

/// Preview the monthly fee for a number of hours.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Application id"), FeeQuery),
    responses(
        (status = 200, description = "The fee", body = FeePreview),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a division specialist", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Hours out of range, or rate_missing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/applications/{id}/fee")]
pub async fn fee_preview(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    query: web::Query<FeeQuery>,
) -> ApiResult<web::Json<FeePreview>> {
    if !(actor.can(Permission::PrepareDecisions) || actor.can(Permission::SignDecisions)) {
        return Err(ApiError::forbidden(
            "Fees are the Social Support Division's.",
        ));
    }
    let hours = query.hours_per_month;
    if hours.is_sign_negative() || hours > Decimal::from(744) {
        return Err(ApiError::invalid_field(
            "hours_per_month",
            "range",
            "is 0–744 hours a month",
        ));
    }
    let application = find_scoped(&state.db, &actor, id.into_inner()).await?;
    let service = service_types::Entity::find_by_id(application.service_type_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::internal("application without its service type"))?;
    let preview = match fee_for(&state.db, &application, &spec_of(&service)?, hours).await? {
        Fee::Free => FeePreview {
            kind: "free".into(),
            calculation: None,
        },
        Fee::AtDelivery => FeePreview {
            kind: "at_delivery".into(),
            calculation: None,
        },
        Fee::Calculated(snapshot) => FeePreview {
            kind: "calculated".into(),
            calculation: Some(FeeCalculationView::from(snapshot.as_ref())),
        },
    };
    Ok(web::Json(preview))
}
