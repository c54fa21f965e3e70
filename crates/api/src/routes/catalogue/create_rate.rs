//! `POST /api/v1/rates`: a new value from a date (e.g. next year's VRP).

use super::list_rates::RateView;
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::rates as rates_table;
use crate::store::{self, is_unique_violation, rates};
use actix_web::{HttpResponse, post, web};
use atvejis_domain::access::Permission;
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde::Deserialize;
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A new rate value.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateRateRequest {
    /// The kind (see `GET /api/v1/rates`).
    pub kind: String,
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
        (status = 422, description = "Unknown kind or invalid value", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/rates")]
pub async fn create_rate(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateRateRequest>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::ManageReferenceData)?;
    let ValidJson(body) = body;
    if !rates::is_kind(&body.kind) {
        return Err(ApiError::invalid_field(
            "kind",
            "unknown_kind",
            "is not a kind of rate",
        ));
    }
    let is_share = body.kind.starts_with("home_help_cap");
    if body.value.is_sign_negative()
        || (is_share && body.value > Decimal::ONE)
        || body.value.scale() > 4
    {
        return Err(ApiError::invalid_field(
            "value",
            "range",
            if is_share {
                "is a share between 0 and 1"
            } else {
                "is a non-negative amount"
            },
        ));
    }
    let txn = store::begin_write(&state.db).await?;
    let inserted = rates_table::Entity::insert(rates_table::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        kind: Set(body.kind.clone()),
        valid_from: Set(body.valid_from),
        value: Set(body.value),
        note: Set(body.note.clone()),
        created_at: Set(store::now()),
        created_by: Set(actor.user_id()),
    })
    .exec_with_returning(&txn)
    .await;
    let row = match inserted {
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::conflict(
                ErrorCode::RateExists,
                "A value of this kind from that date exists.",
            ));
        }
        other => other?,
    };
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::RateCreate, "rate", row.id).summary(json!({
            "kind": row.kind,
            "valid_from": row.valid_from,
            "value": body.value.to_string(),
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(RateView {
        id: row.id,
        kind: row.kind,
        valid_from: row.valid_from,
        value: row.value.normalize(),
        note: row.note,
    }))
}
