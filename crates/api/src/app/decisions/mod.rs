//! Decisions (SP-9): prepared by a division specialist with the fee
//! calculated by the domain and kept as a snapshot with its inputs; signed by
//! the division head, never by the preparer (R-ROLE-2); the notification is
//! recorded (R-DL-3). Each is a step of the application's state machine,
//! taken through [`crate::app::applications::take_step`].

pub mod document;
pub mod fee;
pub mod views;

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::views::ApplicationView;
use crate::app::applications::{StepChanges, take_step, view_in};
use crate::app::lifecycle::{begin_step, check_version};
use crate::app::read::audited;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::applications::{self as applications_repo, staff_names};
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::decisions as repo;
use crate::store::entities::decisions;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::application::{Action, Outcome, service_may_start_on};
use atvejis_domain::hours::{HoursError, HoursPerMonth};
use fee::{Fee, fee_for, is_calculated};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use views::{
    DecisionStatus, DecisionView, FeeCalculationView, NotificationMethod, decision_view,
    outcome_code, outcome_of,
};

/// `value` as hours a month, or 422 on `field`.
pub fn hours(field: &'static str, value: Decimal) -> ApiResult<HoursPerMonth> {
    HoursPerMonth::parse(value).map_err(|e| {
        let code = match e {
            HoursError::Range => FieldCode::Range,
            HoursError::Precision => FieldCode::Precision,
        };
        ApiError::invalid_field(field, code, e.to_string())
    })
}

/// A decision to prepare.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct PrepareDecisionRequest {
    /// The application's `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Grant or refuse.
    pub outcome: Outcome,
    /// Reasoning.
    #[validate(length(min = 1, max = 8000))]
    pub reasoning: String,
    /// Hours a month granted (required to grant home help), 0–744, at most
    /// two decimals.
    #[schema(value_type = Option<String>, example = "20")]
    pub hours_per_month: Option<Decimal>,
    /// The service starts on (not before the decision; R-DL-2).
    pub service_from: Option<Date>,
    /// R-Q-1, R-Q-5: for a service with places, the facility whose place is
    /// granted — the application's preferred one by default; the division
    /// may name another (e.g. a day centre with a free place).
    pub facility_id: Option<Uuid>,
}

/// Prepare (or revise) the decision of application `id`, with the fee
/// calculated. The application's version the client sent guards both the
/// application and the decision row. At most 12 statements.
pub async fn prepare(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: PrepareDecisionRequest,
) -> ApiResult<ApplicationView> {
    let mut uow = begin_step(state, actor, Action::PrepareDecision.permissions()).await?;
    let Some(preparer) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Decisions are prepared by a member of staff.",
        ));
    };
    let granted_hours = body
        .hours_per_month
        .map(|h| hours("hours_per_month", h))
        .transpose()?;
    // The decision is signed today at the earliest.
    if body
        .service_from
        .is_some_and(|from| !service_may_start_on(from, uow.today()))
    {
        return Err(ApiError::invalid_field(
            "service_from",
            FieldCode::BeforeDecision,
            "the service cannot start before the decision is signed",
        ));
    }
    let record = applications_repo::load_scoped(uow.db(), actor, id).await?;
    check_version(record.application.version, body.version)?;
    let existing = record.decision.clone();
    let summary = json!({
        "outcome": body.outcome,
        "hours_per_month": body.hours_per_month.map(|h| h.to_string()),
    });
    let mut record = take_step(
        &mut uow,
        record,
        body.version,
        Action::PrepareDecision,
        StepChanges::default(),
        summary,
    )
    .await?;
    if let (Some(facility_id), Outcome::Granted) = (body.facility_id, body.outcome) {
        crate::app::places::check_facility_for_service(
            uow.db(),
            actor,
            facility_id,
            &record.application.service_code,
            "facility_id",
        )
        .await?;
    }
    let spec = views_spec(&record.service_type)?;
    let (monthly_fee, snapshot) = match body.outcome {
        Outcome::Refused => (None, None),
        Outcome::Granted => {
            if granted_hours.is_none() && is_calculated(&spec) {
                return Err(ApiError::invalid_field(
                    "hours_per_month",
                    FieldCode::Required,
                    "give the hours a month to grant; the fee depends on them",
                ));
            }
            let hours = granted_hours.map_or(Decimal::ZERO, HoursPerMonth::value);
            match fee_for(uow.db(), &record.application, &spec, hours).await? {
                Fee::Free => (Some(Decimal::ZERO), None),
                Fee::AtDelivery => (None, None),
                Fee::Calculated(snapshot) => (
                    Some(snapshot.calculation.fee),
                    Some(serde_json::to_value(&snapshot).map_err(ApiError::internal)?),
                ),
            }
        }
    };
    let now = uow.now();
    let decision = decisions::Model {
        id: existing.as_ref().map_or_else(Uuid::now_v7, |d| d.id),
        municipality_id: actor.municipality_id,
        application_id: id,
        outcome: outcome_code(body.outcome).to_owned(),
        status: DecisionStatus::Prepared.as_str().to_owned(),
        reasoning: Some(body.reasoning.trim().to_owned()),
        hours_per_month: body.hours_per_month,
        monthly_fee,
        fee_calculation: snapshot,
        service_from: body.service_from,
        prepared_by: preparer,
        prepared_at: now,
        signed_by: None,
        signed_at: None,
        decided_on: None,
        notified_on: None,
        notification_method: None,
        signing_delegation_id: None,
        signing_reference: None,
        handed_over_on: None,
        handed_over_to: None,
        facility_id: match body.outcome {
            Outcome::Granted => body.facility_id,
            Outcome::Refused => None,
        },
        created_at: existing.as_ref().map_or(now, |d| d.created_at),
        updated_at: now,
        version: existing.as_ref().map_or(1, |d| d.version + 1),
    };
    repo::save_prepared(uow.db(), actor, existing.as_ref(), decision.clone(), now).await?;
    record.decision = Some(decision);
    let view = view_in(uow.db(), actor, record, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}

fn views_spec(
    service: &crate::store::entities::service_types::Model,
) -> ApiResult<atvejis_domain::catalogue::ServiceTypeSpec> {
    crate::app::applications::views::spec(service)
}

/// The decision `id` and its view (3 queries at most).
async fn decision_of<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<DecisionView> {
    let record = applications_repo::load_by_decision(db, actor, id).await?;
    let decision = record
        .decision
        .ok_or(crate::store::StoreError::NotFound("decision"))?;
    let mut staff = vec![decision.prepared_by];
    staff.extend(decision.signed_by);
    let names = staff_names(db, staff).await?;
    decision_view(decision, &names)
}

/// Sign a prepared decision, dated today, under the signer's delegation in
/// force today for the application's service type (403
/// `no_signing_delegation` without one); never by its preparer (403
/// `preparer_cannot_sign`, R-ROLE-2). The decision records the delegation.
pub async fn sign(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<DecisionView> {
    let mut uow = begin_step(
        state,
        actor,
        Action::Sign {
            outcome: Outcome::Granted,
        }
        .permissions(),
    )
    .await?;
    let Some(signer) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Decisions are signed by a member of staff.",
        ));
    };
    let record = applications_repo::load_by_decision(uow.db(), actor, id).await?;
    let decision = record
        .decision
        .clone()
        .ok_or(crate::store::StoreError::NotFound("decision"))?;
    check_version(decision.version, version)?;
    let today = uow.today();
    if decision
        .service_from
        .is_some_and(|from| !service_may_start_on(from, today))
    {
        return Err(ApiError::conflict(
            ErrorCode::ServiceBeforeDecision,
            "The decision lets the service start before today; the specialist must revise the start date.",
        ));
    }
    let delegation =
        crate::app::signing_delegations::covering(uow.db(), actor, record.service_type.id, today)
            .await?;
    let application_version = record.application.version;
    let application = record.application.clone();
    take_step(
        &mut uow,
        record,
        application_version,
        Action::Sign {
            outcome: outcome_of(&decision),
        },
        StepChanges {
            signing_delegation: delegation.as_ref().map(|d| d.id),
            ..StepChanges::default()
        },
        json!({
            "decision_id": decision.id,
            "outcome": decision.outcome,
            "decided_on": today,
            "signing_delegation_id": delegation.as_ref().map(|d| d.id),
            "signing_reference": delegation.as_ref().map(|d| d.reference.as_str()),
        }),
    )
    .await?;
    // `take_step` refused the step without a delegation.
    let delegation = delegation.ok_or_else(|| ApiError::internal("signed without a delegation"))?;
    repo::save_signed(
        uow.db(),
        actor,
        repo::Signature {
            decision_id: decision.id,
            version,
            signer,
            delegation_id: delegation.id,
            reference: delegation.reference,
        },
        uow.now(),
        today,
    )
    .await?;
    // R-Q-1: a granted place joins its facility's queue (or is offered).
    crate::app::places::queue::register_signed(&mut uow, actor, &application, &decision, today)
        .await?;
    // Issue 11: the decision's first fee record.
    crate::app::fees::records::record_signed(&mut uow, &application, &decision, signer, today)
        .await?;
    let view = decision_of(uow.db(), actor, decision.id).await?;
    uow.commit().await?;
    Ok(view)
}

/// The notification.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NotificationRequest {
    /// The decision's `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// When (not before the decision, not after today).
    pub notified_on: Date,
    /// How.
    pub method: NotificationMethod,
}

/// Record how and when the person was told of a signed decision (R-DL-3).
pub async fn record_notification(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: NotificationRequest,
) -> ApiResult<DecisionView> {
    let mut uow = begin_step(state, actor, Action::RecordNotification.permissions()).await?;
    let record = applications_repo::load_by_decision(uow.db(), actor, id).await?;
    let decision = record
        .decision
        .clone()
        .ok_or(crate::store::StoreError::NotFound("decision"))?;
    check_version(decision.version, body.version)?;
    if body.notified_on > uow.today() || decision.decided_on.is_some_and(|d| body.notified_on < d) {
        return Err(ApiError::invalid_field(
            "notified_on",
            FieldCode::OutOfRange,
            "is between the decision's date and today",
        ));
    }
    let method = body.method.as_str();
    let application_version = record.application.version;
    take_step(
        &mut uow,
        record,
        application_version,
        Action::RecordNotification,
        StepChanges::default(),
        json!({ "decision_id": decision.id, "notified_on": body.notified_on, "method": method }),
    )
    .await?;
    repo::save_notification(
        uow.db(),
        actor,
        decision.id,
        body.version,
        body.notified_on,
        method,
        uow.now(),
    )
    .await?;
    let view = decision_of(uow.db(), actor, decision.id).await?;
    uow.commit().await?;
    Ok(view)
}

/// R-DL-2: the hand-over of a signed decision and its file to the provider.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct HandoverRequest {
    /// The decision's `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// When (not before the decision, not after today).
    pub handed_over_on: Date,
    /// To whom: the provider (the accredited institution).
    #[validate(length(min = 1, max = 200))]
    pub handed_over_to: String,
}

/// R-DL-2: record when and to whom a signed, granted decision and its file
/// were handed (services whose catalogue entry has a hand-over term:
/// children's day care). A correction records the new values.
pub async fn record_handover(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: HandoverRequest,
) -> ApiResult<DecisionView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::PrepareDecisions).await?;
    let record = applications_repo::load_by_decision(uow.db(), actor, id).await?;
    let decision = record
        .decision
        .clone()
        .ok_or(crate::store::StoreError::NotFound("decision"))?;
    check_version(decision.version, body.version)?;
    let spec = views_spec(&record.service_type)?;
    let Some(decided_on) = decision.decided_on else {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "The decision is not signed yet; it is handed over once signed.",
        ));
    };
    if spec.handover_deadline.is_none() || outcome_of(&decision) != Outcome::Granted {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "Only a granted decision of a service with a provider hand-over (R-DL-2) is handed over.",
        ));
    }
    let to = body.handed_over_to.trim().to_owned();
    if to.is_empty() {
        return Err(ApiError::invalid_field(
            "handed_over_to",
            FieldCode::Required,
            "name the provider",
        ));
    }
    if body.handed_over_on > uow.today() || body.handed_over_on < decided_on {
        return Err(ApiError::invalid_field(
            "handed_over_on",
            FieldCode::OutOfRange,
            "is between the decision's date and today",
        ));
    }
    repo::save_handover(
        uow.db(),
        actor,
        decision.id,
        body.version,
        body.handed_over_on,
        &to,
        uow.now(),
    )
    .await?;
    uow.audit(
        AuditEvent::new(AuditAction::DecisionHandover, "decision", decision.id).summary(json!({
            "application_id": decision.application_id,
            "handed_over_on": body.handed_over_on,
            "handed_over_to": to,
        })),
    )
    .await?;
    let view = decision_of(uow.db(), actor, decision.id).await?;
    uow.commit().await?;
    Ok(view)
}

/// One decision, its read recorded with `purpose`.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<DecisionView> {
    audited(
        state,
        actor,
        purpose,
        AuditAction::DecisionRead,
        "decision",
        || async {
            let view = decision_of(&state.db, actor, id).await?;
            Ok((view, id.to_string()))
        },
    )
    .await
}

/// What kind of fee a service has.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// R-FEE-12: free.
    Free,
    /// R-FEE-1..3: calculated from income and hours.
    Calculated,
    /// Set at delivery.
    AtDelivery,
}

/// A fee preview.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FeePreview {
    /// Free, calculated or set at delivery.
    pub kind: FeeKind,
    /// The calculation, when calculated.
    pub calculation: Option<FeeCalculationView>,
}

/// The fee a decision on application `id` would set for `hours` a month;
/// the read (it shows income) is recorded with `purpose`.
pub async fn fee_preview(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
    hours_per_month: Decimal,
) -> ApiResult<FeePreview> {
    if !(actor.can(Permission::PrepareDecisions) || actor.can(Permission::SignDecisions)) {
        return Err(ApiError::forbidden(
            "Fees are the Social Support Division's.",
        ));
    }
    let hours = hours("hours_per_month", hours_per_month)?;
    audited(
        state,
        actor,
        purpose,
        AuditAction::DecisionFeePreview,
        "application",
        || async {
            let record = applications_repo::load_scoped(&state.db, actor, id).await?;
            let spec = views_spec(&record.service_type)?;
            let preview =
                match fee_for(&state.db, &record.application, &spec, hours.value()).await? {
                    Fee::Free => FeePreview {
                        kind: FeeKind::Free,
                        calculation: None,
                    },
                    Fee::AtDelivery => FeePreview {
                        kind: FeeKind::AtDelivery,
                        calculation: None,
                    },
                    Fee::Calculated(snapshot) => FeePreview {
                        kind: FeeKind::Calculated,
                        calculation: Some(FeeCalculationView::from(snapshot.as_ref())),
                    },
                };
            Ok((preview, id.to_string()))
        },
    )
    .await
}
