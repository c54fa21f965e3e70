//! `POST /api/v1/decisions/{id}/notification`: how and when the person was
//! told (R-DL-3).

use super::get::find_scoped;
use super::{DecisionView, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::applications::{StepChanges, find_scoped as find_application, take_step};
use crate::routes::common::serde_code;
use crate::state::AppState;
use crate::store::entities::decisions;
use crate::store::{self, versioned};
use actix_web::{post, web};
use atvejis_domain::application::Action;
use sea_orm::sea_query::Expr;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// How the person was told.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NotificationMethod {
    /// A letter.
    Letter,
    /// E-mail.
    Email,
    /// In person.
    InPerson,
    /// Through the e-services.
    Eservices,
    /// By phone.
    Phone,
}

/// The notification.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct NotificationRequest {
    /// The decision's `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// When (not before the decision, not after today).
    pub notified_on: Date,
    /// How.
    pub method: NotificationMethod,
}

/// Record the notification of a signed decision.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Decision id")),
    request_body = NotificationRequest,
    responses(
        (status = 200, description = "Recorded", body = DecisionView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not in the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict, or not signed yet (invalid_transition)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Date before the decision or in the future", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/decisions/{id}/notification")]
pub async fn record_notification(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<NotificationRequest>,
) -> ApiResult<web::Json<DecisionView>> {
    let ValidJson(body) = body;
    let txn = store::begin_write(&state.db).await?;
    let decision = find_scoped(&txn, &actor, id.into_inner()).await?;
    if decision.version != body.version {
        return Err(ApiError::stale_version());
    }
    if body.notified_on > store::today()
        || decision.decided_on.is_some_and(|d| body.notified_on < d)
    {
        return Err(ApiError::invalid_field(
            "notified_on",
            "out_of_range",
            "is between the decision's date and today",
        ));
    }
    let method = serde_code(&body.method);
    let application = find_application(&txn, &actor, decision.application_id).await?;
    take_step(
        &txn,
        &actor,
        application.id,
        application.version,
        Action::RecordNotification,
        StepChanges::default(),
        json!({ "decision_id": decision.id, "notified_on": body.notified_on, "method": method }),
    )
    .await?;
    versioned::expect_one(
        versioned::update::<decisions::Entity>(&actor, decision.id, body.version, store::now())
            .col_expr(decisions::Column::NotifiedOn, Expr::value(body.notified_on))
            .col_expr(decisions::Column::NotificationMethod, Expr::value(method))
            .exec(&txn)
            .await?,
    )?;
    let result = view(&txn, find_scoped(&txn, &actor, decision.id).await?).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
