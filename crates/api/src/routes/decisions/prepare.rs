//! `POST /api/v1/applications/{id}/decision`: prepare (or revise) the decision.

use super::{Fee, OutcomeSchema, fee_for};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::applications::{ApplicationView, StepChanges, take_step, view};
use crate::state::AppState;
use crate::store::catalogue::spec_of;
use crate::store::entities::{decisions, service_types};
use crate::store::{self};
use actix_web::{post, web};
use atvejis_domain::application::{Action, service_may_start_on};
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A decision to prepare.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct PrepareDecisionRequest {
    /// The application's `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Grant or refuse.
    pub outcome: OutcomeSchema,
    /// Reasoning.
    #[validate(length(min = 1, max = 8000))]
    pub reasoning: String,
    /// Hours a month granted (required to grant home help), 0–744.
    #[schema(value_type = Option<String>, example = "20")]
    pub hours_per_month: Option<Decimal>,
    /// The service starts on (not before the decision; R-DL-2).
    pub service_from: Option<Date>,
}

/// Prepare the decision, with the fee calculated.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = PrepareDecisionRequest,
    responses(
        (status = 200, description = "Prepared; the application waits for the signature", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a division specialist", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or invalid_transition", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or rate_missing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications/{id}/decision")]
pub async fn prepare_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<PrepareDecisionRequest>,
) -> ApiResult<web::Json<ApplicationView>> {
    let ValidJson(body) = body;
    let Some(preparer) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Decisions are prepared by a member of staff.",
        ));
    };
    if let Some(hours) = body.hours_per_month
        && (hours.is_sign_negative() || hours > Decimal::from(744))
    {
        return Err(ApiError::invalid_field(
            "hours_per_month",
            "range",
            "is 0–744 hours a month",
        ));
    }
    // The decision is signed today at the earliest.
    if body
        .service_from
        .is_some_and(|from| !service_may_start_on(from, store::today()))
    {
        return Err(ApiError::invalid_field(
            "service_from",
            "before_decision",
            "the service cannot start before the decision is signed",
        ));
    }
    let id = id.into_inner();
    let txn = store::begin_write(&state.db).await?;
    let summary = json!({ "outcome": body.outcome, "hours_per_month": body.hours_per_month.map(|h| h.to_string()) });
    let application = take_step(
        &txn,
        &actor,
        id,
        body.version,
        Action::PrepareDecision,
        StepChanges::default(),
        summary,
    )
    .await?;
    let service = service_types::Entity::find_by_id(application.service_type_id)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::internal("application without its service type"))?;
    let spec = spec_of(&service)?;
    let (monthly_fee, snapshot) = match body.outcome {
        OutcomeSchema::Refused => (None, None),
        OutcomeSchema::Granted => {
            let hours = match (spec.fee_rule.as_deref(), body.hours_per_month) {
                (Some("R-FEE-1"), None) if !spec.free => {
                    return Err(ApiError::invalid_field(
                        "hours_per_month",
                        "required",
                        "give the hours a month to grant; the fee depends on them",
                    ));
                }
                (_, hours) => hours.unwrap_or_default(),
            };
            match fee_for(&txn, &application, &spec, hours).await? {
                Fee::Free => (Some(Decimal::ZERO), None),
                Fee::AtDelivery => (None, None),
                Fee::Calculated(snapshot) => (
                    Some(snapshot.calculation.fee),
                    Some(serde_json::to_value(&snapshot).map_err(ApiError::internal)?),
                ),
            }
        }
    };
    let now = store::now();
    let outcome = match body.outcome {
        OutcomeSchema::Granted => "granted",
        OutcomeSchema::Refused => "refused",
    };
    let existing = decisions::Entity::find()
        .filter(decisions::Column::ApplicationId.eq(id))
        .one(&txn)
        .await?;
    let row = decisions::ActiveModel {
        id: Set(existing.as_ref().map_or_else(Uuid::now_v7, |d| d.id)),
        municipality_id: Set(actor.municipality_id),
        application_id: Set(id),
        outcome: Set(outcome.to_owned()),
        status: Set("prepared".to_owned()),
        reasoning: Set(Some(body.reasoning.trim().to_owned())),
        hours_per_month: Set(body.hours_per_month),
        monthly_fee: Set(monthly_fee),
        fee_calculation: Set(snapshot),
        service_from: Set(body.service_from),
        prepared_by: Set(preparer),
        prepared_at: Set(now),
        signed_by: Set(None),
        signed_at: Set(None),
        decided_on: Set(None),
        notified_on: Set(None),
        notification_method: Set(None),
        created_at: Set(existing.as_ref().map_or(now, |d| d.created_at)),
        updated_at: Set(now),
        version: Set(existing.as_ref().map_or(1, |d| d.version + 1)),
    };
    match existing {
        Some(_) => {
            decisions::Entity::update(row).exec(&txn).await?;
        }
        None => {
            decisions::Entity::insert(row).exec(&txn).await?;
        }
    }
    let result = view(&txn, &actor, application).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
