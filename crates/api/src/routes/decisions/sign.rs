//! `POST /api/v1/decisions/{id}/sign`.

use super::get::find_scoped;
use super::{DecisionView, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::routes::applications::{StepChanges, find_scoped as find_application, take_step};
use crate::routes::common::VersionBody;
use crate::state::AppState;
use crate::store::entities::decisions;
use crate::store::{self, versioned};
use actix_web::{post, web};
use atvejis_domain::application::{Action, Outcome, service_may_start_on};
use sea_orm::sea_query::Expr;
use serde_json::json;
use uuid::Uuid;

/// Sign a prepared decision (the division head; never its preparer, R-ROLE-2).
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "Decision id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Signed; dated today", body = DecisionView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden, or preparer_cannot_sign", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or invalid_transition", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/decisions/{id}/sign")]
pub async fn sign_decision(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<DecisionView>> {
    let Some(signer) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Decisions are signed by a member of staff.",
        ));
    };
    let txn = store::begin_write(&state.db).await?;
    let decision = find_scoped(&txn, &actor, id.into_inner()).await?;
    if decision.version != body.version {
        return Err(ApiError::stale_version());
    }
    let application = find_application(&txn, &actor, decision.application_id).await?;
    let outcome = if decision.outcome == "refused" {
        Outcome::Refused
    } else {
        Outcome::Granted
    };
    let today = store::today();
    if decision
        .service_from
        .is_some_and(|from| !service_may_start_on(from, today))
    {
        return Err(ApiError::conflict(
            ErrorCode::ServiceBeforeDecision,
            "The decision lets the service start before today; the specialist must revise the start date.",
        ));
    }
    take_step(
        &txn,
        &actor,
        application.id,
        application.version,
        Action::Sign { outcome },
        StepChanges::default(),
        json!({ "decision_id": decision.id, "outcome": decision.outcome, "decided_on": today }),
    )
    .await?;
    let now = store::now();
    versioned::expect_one(
        versioned::update::<decisions::Entity>(&actor, decision.id, body.version, now)
            .col_expr(decisions::Column::Status, Expr::value("signed"))
            .col_expr(decisions::Column::SignedBy, Expr::value(signer))
            .col_expr(decisions::Column::SignedAt, Expr::value(now))
            .col_expr(decisions::Column::DecidedOn, Expr::value(today))
            .exec(&txn)
            .await?,
    )?;
    let signed = view(&txn, find_scoped(&txn, &actor, decision.id).await?).await?;
    txn.commit().await?;
    Ok(web::Json(signed))
}
