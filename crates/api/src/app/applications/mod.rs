//! Applications (SP-8): one use case per action. Every step is the
//! application state machine's transition
//! ([`atvejis_domain::lifecycle::ApplicationLifecycle`]) taken through the
//! generic step path ([`crate::app::lifecycle`]).

pub mod export;
pub mod intake;
pub mod views;

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::common::split_staff;
use crate::app::lifecycle::{begin_step, check_version, decide};
use crate::app::read::{audited, audited_event};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::state::AppState;
pub use crate::store::applications::ListFilter;
use crate::store::applications::{self as repo, ApplicationRecord};
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::applications;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::application::{Action, ApplicationStatus, TransitionError};
use atvejis_domain::lifecycle::ApplicationLifecycle;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use time::Date;
use uuid::Uuid;
use views::{ApplicationSummary, ApplicationView, actor_facts, due_on, facts_of, spec};

impl From<TransitionError> for ApiError {
    fn from(e: TransitionError) -> Self {
        use actix_web::http::StatusCode;
        match e {
            TransitionError::NotAllowedInState { .. } => {
                ApiError::conflict(ErrorCode::InvalidTransition, e.to_string())
            }
            TransitionError::RoleMissing(_) => {
                ApiError::forbidden("Your role does not allow this step.")
            }
            TransitionError::DocumentsMissing(ref codes) => {
                let fields = codes
                    .iter()
                    .map(|c| {
                        FieldError::new(
                            format!("documents.{c}"),
                            FieldCode::Missing,
                            "the document is missing",
                        )
                    })
                    .collect();
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ErrorCode::DocumentsMissing,
                    e.to_string(),
                )
                .with_errors(fields)
            }
            TransitionError::AssessmentMissing => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::AssessmentMissing,
                "Record the needs assessment first, or record an R-CM-6 exception.",
            ),
            TransitionError::PreparerCannotSign => ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::PreparerCannotSign,
                "You prepared this decision; another person (the division head) must sign it (R-ROLE-2).",
            ),
            TransitionError::NoSigningDelegation => ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::NoSigningDelegation,
                "You hold no signing delegation in force today for this service type; an administrator grants one (R-ROLE-2).",
            ),
        }
    }
}

/// Field changes that go with a step.
#[derive(Debug, Default)]
pub struct StepChanges {
    /// New assessment.
    pub assessment: Option<Value>,
    /// When the assessment reached the municipality.
    pub assessment_submitted_on: Option<Date>,
    /// When the file reached the division.
    pub files_received_on: Option<Date>,
    /// R-CM-6 reason.
    pub exception_reason: Option<String>,
    /// Reason for a return or withdrawal.
    pub status_reason: Option<String>,
    /// The sign step's: the signer's delegation in force today that covers
    /// the application's service type, if they hold one (R-ROLE-2).
    pub signing_delegation: Option<Uuid>,
}

/// The audit action of a step.
pub fn step_action(action: Action) -> AuditAction {
    match action {
        Action::Submit => AuditAction::ApplicationSubmit,
        Action::RecordAssessment => AuditAction::ApplicationAssessment,
        Action::ForwardToDivision => AuditAction::ApplicationForward,
        Action::ReturnForCompletion => AuditAction::ApplicationReturn,
        Action::PrepareDecision => AuditAction::ApplicationPrepareDecision,
        Action::Sign { .. } => AuditAction::ApplicationSign,
        Action::RecordNotification => AuditAction::ApplicationNotification,
        Action::Withdraw => AuditAction::ApplicationWithdraw,
    }
}

/// Takes a step on a loaded application inside `uow`: checks the version
/// the client read, asks the state machine, saves the new status and fields
/// with the new due date (versioned), and records the typed audit event.
/// Returns the record as saved (version bumped).
pub async fn take_step(
    uow: &mut UnitOfWork,
    mut record: ApplicationRecord,
    version: i32,
    action: Action,
    changes: StepChanges,
    summary: Value,
) -> ApiResult<ApplicationRecord> {
    let actor = uow.actor()?.clone();
    check_version(record.application.version, version)?;
    let mut facts = facts_of(&record.application, record.decision.as_ref())?;
    if changes.exception_reason.is_some() {
        facts.exception_recorded = true;
    }
    if changes.assessment.is_some() {
        facts.has_assessment = true;
    }
    let delegated = changes.signing_delegation.is_some();
    let next = decide::<ApplicationLifecycle>(&facts, action, &actor_facts(&actor, delegated))?;
    let spec = spec(&record.service_type)?;
    let from = record.application.status.clone();
    let row = &mut record.application;
    row.status = next.as_str().to_owned();
    if changes.assessment.is_some() {
        row.assessment = changes.assessment;
    }
    if let Some(on) = changes.assessment_submitted_on {
        row.assessment_submitted_on = Some(on);
    }
    if let Some(on) = changes.files_received_on {
        row.files_received_on = Some(on);
    }
    if changes.exception_reason.is_some() {
        row.exception_reason = changes.exception_reason;
    }
    if changes.status_reason.is_some() {
        row.status_reason = changes.status_reason;
    }
    row.decision_due_on = due_on(&spec, row)?;
    repo::save(uow.db(), &actor, row, version, uow.now()).await?;
    row.version = version + 1;
    row.updated_at = uow.now();
    let mut summary = summary;
    if let Value::Object(map) = &mut summary {
        map.insert("from".into(), Value::String(from));
        map.insert("to".into(), Value::String(row.status.clone()));
        map.insert("decision_due_on".into(), json!(row.decision_due_on));
    }
    let id = row.id;
    uow.audit(AuditEvent::new(step_action(action), "application", id).summary(summary))
        .await?;
    Ok(record)
}

/// The view of `record` for the unit of work's actor, loaded in its
/// transaction (at most 4 queries; 2 more when a signer reads a decision
/// waiting for the signature, to offer signing only under a delegation).
pub async fn view_in<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    record: ApplicationRecord,
    today: Date,
) -> ApiResult<ApplicationView> {
    let delegated = views::status_of(&record.application)? == ApplicationStatus::DecisionPrepared
        && actor.can(Permission::SignDecisions)
        && crate::app::signing_delegations::covering(db, actor, record.service_type.id, today)
            .await?
            .is_some();
    let (own, others) = split_staff(actor, views::staff_of(&record)?);
    let mut parts = repo::view_parts(db, &record, others).await?;
    parts.staff.extend(own);
    let spec = views::spec(&record.service_type)?;
    views::application_view(actor, record, &spec, parts, today, delegated)
}

/// One step with its field changes, whole: permission → load → step → view
/// → commit.
pub async fn step(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
    action: Action,
    changes: impl FnOnce(&UnitOfWork) -> StepChanges,
    summary: Value,
) -> ApiResult<ApplicationView> {
    let mut uow = begin_step(state, actor, action.permissions()).await?;
    let record = repo::load_scoped(uow.db(), actor, id).await?;
    let changes = changes(&uow);
    let record = take_step(&mut uow, record, version, action, changes, summary).await?;
    let view = view_in(uow.db(), actor, record, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}

/// Submit a draft.
pub async fn submit(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<ApplicationView> {
    step(
        state,
        actor,
        id,
        version,
        Action::Submit,
        |_| StepChanges::default(),
        json!({}),
    )
    .await
}

/// Return the file for completion, or withdraw the application, with a
/// reason.
pub async fn step_with_reason(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
    reason: &str,
    action: Action,
) -> ApiResult<ApplicationView> {
    let reason = reason.trim().to_owned();
    let summary = json!({ "reason": reason });
    step(
        state,
        actor,
        id,
        version,
        action,
        |_| StepChanges {
            status_reason: Some(reason),
            ..Default::default()
        },
        summary,
    )
    .await
}

/// Send the file to the division, with an R-CM-6 exception if given.
pub async fn forward(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
    exception_reason: Option<String>,
) -> ApiResult<ApplicationView> {
    let exception = exception_reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    let summary = json!({ "exception": exception.is_some() });
    let mut uow = begin_step(state, actor, Action::ForwardToDivision.permissions()).await?;
    let record = repo::load_scoped(uow.db(), actor, id).await?;
    // R-CM-6 lets a decision precede the needs assessment only where the
    // catalogue says so (accredited social supervision).
    if exception.is_some() && !spec(&record.service_type)?.decision_before_assessment {
        return Err(ApiError::invalid_field(
            "exception_reason",
            FieldCode::NotApplicable,
            "this service is not decided before the needs assessment (R-CM-6)",
        ));
    }
    let changes = StepChanges {
        files_received_on: Some(uow.today()),
        exception_reason: exception,
        ..Default::default()
    };
    let record = take_step(
        &mut uow,
        record,
        version,
        Action::ForwardToDivision,
        changes,
        summary,
    )
    .await?;
    let view = view_in(uow.db(), actor, record, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}

/// A needs assessment to record.
#[derive(Debug)]
pub struct AssessmentInput {
    /// The application's version the client read.
    pub version: i32,
    /// When the conclusions reached the municipality (not in the future).
    pub submitted_on: Date,
    /// The conclusion.
    pub conclusion: String,
    /// Services recommended.
    pub recommended_services: Option<String>,
    /// Hours a month recommended (0–744, two decimals).
    pub recommended_hours_per_month: Option<rust_decimal::Decimal>,
}

/// Record the needs assessment; the assessor is the caller.
pub async fn record_assessment(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    input: AssessmentInput,
) -> ApiResult<ApplicationView> {
    let mut uow = begin_step(state, actor, Action::RecordAssessment.permissions()).await?;
    let Some(assessor_id) = actor.user_id() else {
        return Err(ApiError::forbidden("A member of staff assesses needs."));
    };
    if input.submitted_on > uow.today() {
        return Err(ApiError::invalid_field(
            "submitted_on",
            FieldCode::InFuture,
            "cannot be after today",
        ));
    }
    input
        .recommended_hours_per_month
        .map(|h| crate::app::decisions::hours("recommended_hours_per_month", h))
        .transpose()?;
    let stored = views::StoredAssessment {
        assessor_id,
        submitted_on: input.submitted_on,
        conclusion: input.conclusion.trim().to_owned(),
        recommended_services: input
            .recommended_services
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        recommended_hours_per_month: input.recommended_hours_per_month,
    };
    let changes = StepChanges {
        assessment: Some(serde_json::to_value(&stored).map_err(ApiError::internal)?),
        assessment_submitted_on: Some(input.submitted_on),
        ..Default::default()
    };
    let summary = json!({
        "submitted_on": input.submitted_on,
        "recommended_hours_per_month": input.recommended_hours_per_month.map(|h| h.to_string()),
    });
    let record = repo::load_scoped(uow.db(), actor, id).await?;
    if input.submitted_on < record.application.received_on {
        return Err(ApiError::invalid_field(
            "submitted_on",
            FieldCode::BeforeReceived,
            format!(
                "cannot be before the application was received ({})",
                record.application.received_on
            ),
        ));
    }
    let record = take_step(
        &mut uow,
        record,
        input.version,
        Action::RecordAssessment,
        changes,
        summary,
    )
    .await?;
    let view = view_in(uow.db(), actor, record, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}

/// One application, its read recorded with `purpose`.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<ApplicationView> {
    audited(
        state,
        actor,
        purpose,
        AuditAction::ApplicationRead,
        "application",
        || async {
            let record = repo::load_scoped(&state.db, actor, id).await?;
            let view = view_in(&state.db, actor, record, state.clock.today()).await?;
            Ok((view, id.to_string()))
        },
    )
    .await
}

/// The list lines of `rows` (4 queries whatever their number), on `today`.
pub async fn summaries<C: ConnectionTrait>(
    db: &C,
    rows: Vec<applications::Model>,
    today: Date,
) -> ApiResult<Vec<ApplicationSummary>> {
    let parts = repo::summary_parts(db, &rows).await?;
    views::summaries_of(rows, &parts, today)
}

/// A page of applications. The lines name people and their services (case
/// content), so every list is a recorded read with its `purpose` (422
/// without one): filtered by person, `application.list_read` of that
/// person; otherwise one `application.list_read` record saying which
/// filters were used (never their values) and how many lines it showed.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: ListFilter,
    purpose: Option<Purpose>,
    page: u64,
    per_page: u64,
) -> ApiResult<(Vec<ApplicationSummary>, u64)> {
    let load = || async {
        let (rows, total) = repo::list(&state.db, actor, &filter, page, per_page).await?;
        let items = summaries(&state.db, rows, state.clock.today()).await?;
        ApiResult::Ok((items, total))
    };
    // The role first: 403 before a missing purpose's 422.
    actor.require(Permission::ReadCaseContent)?;
    let purpose = purpose.ok_or_else(|| {
        ApiError::invalid_field(
            "X-Purpose",
            FieldCode::Required,
            "say why you read these applications",
        )
    })?;
    match filter.person_id {
        Some(person) => {
            audited(
                state,
                actor,
                purpose,
                AuditAction::ApplicationListRead,
                "person",
                || async { Ok((load().await?, person.to_string())) },
            )
            .await
        }
        None => {
            let mut filters = Vec::new();
            if filter.status.is_some() {
                filters.push("status");
            }
            if filter.service_code.is_some() {
                filters.push("service_code");
            }
            if filter.eldership_id.is_some() {
                filters.push("eldership_id");
            }
            audited_event(state, actor, purpose, || async {
                let (items, total) = load().await?;
                let event = list_event("list", &filters, items.len());
                Ok(((items, total), event))
            })
            .await
        }
    }
}

/// The record of a read of application lines that names no one person: the
/// list (`view` `list`) or the inbox (`inbox`), which filters were used
/// (their names, not their values) and how many lines were shown.
fn list_event(view: &str, filters: &[&str], shown: usize) -> AuditEvent {
    AuditEvent {
        action: AuditAction::ApplicationListRead,
        entity: "application",
        entity_id: None,
        summary: json!({ "view": view, "filters": filters, "results": shown }),
    }
}

/// Most items the inbox lists at once.
const INBOX_LIMIT: u64 = 500;

/// The division's inbox.
#[derive(Debug)]
pub struct InboxItems {
    /// Waiting for a decision or a signature, most urgent first.
    pub items: Vec<ApplicationSummary>,
    /// How many of them are overdue.
    pub overdue: u64,
    /// Signed, with a notification (R-DL-3) or hand-over (R-DL-2) still to
    /// record, by the decision's date.
    pub follow_ups: Vec<ApplicationSummary>,
}

/// The division's inbox: applications waiting for a decision or a
/// signature, most urgent first, and how many are overdue; and signed ones
/// whose notification or hand-over is still to be recorded. Its lines are
/// case content: each look is recorded (`application.list_read`, `view`
/// `inbox`) with the purpose `decision`, which is what the inbox is for.
pub async fn inbox(
    state: &AppState,
    actor: &Actor,
    service_code: Option<&str>,
    eldership_id: Option<Uuid>,
) -> ApiResult<InboxItems> {
    require_inbox(actor)?;
    let filters = inbox_filters(service_code, eldership_id);
    audited_event(state, actor, Purpose::Decision, || async {
        let inbox = inbox_items(state, actor, service_code, eldership_id).await?;
        let event = list_event(
            "inbox",
            &filters,
            inbox.items.len() + inbox.follow_ups.len(),
        );
        Ok((inbox, event))
    })
    .await
}

/// 403 unless the actor prepares or signs decisions.
fn require_inbox(actor: &Actor) -> ApiResult<()> {
    if !(actor.can(Permission::PrepareDecisions) || actor.can(Permission::SignDecisions)) {
        return Err(ApiError::forbidden(
            "The inbox is the Social Support Division's.",
        ));
    }
    Ok(())
}

/// The names of the inbox's filters in use, for its record.
fn inbox_filters(service_code: Option<&str>, eldership_id: Option<Uuid>) -> Vec<&'static str> {
    let mut filters = Vec::new();
    if service_code.is_some() {
        filters.push("service_code");
    }
    if eldership_id.is_some() {
        filters.push("eldership_id");
    }
    filters
}

/// The lines of the division's inbox in the actor's scope, as [`inbox`]
/// shows them, unrecorded: for callers that record their own read (the
/// work lists).
pub async fn inbox_items(
    state: &AppState,
    actor: &Actor,
    service_code: Option<&str>,
    eldership_id: Option<Uuid>,
) -> ApiResult<InboxItems> {
    let waiting = [
        ApplicationStatus::ReadyForDecision,
        ApplicationStatus::DecisionPrepared,
    ]
    .map(|s| s.as_str());
    let rows = repo::waiting(
        &state.db,
        actor,
        &waiting,
        service_code,
        eldership_id,
        INBOX_LIMIT,
    )
    .await?;
    let today = state.clock.today();
    let items = summaries(&state.db, rows, today).await?;
    let overdue = items.iter().filter(|i| i.overdue).count() as u64;
    let follow_ups = follow_ups(state, actor, service_code, eldership_id, today).await?;
    Ok(InboxItems {
        items,
        overdue,
        follow_ups,
    })
}

/// Signed decisions whose notification (R-DL-3) or hand-over (R-DL-2) is
/// still to be recorded, by the decision's date: only service types whose
/// catalogue entry has a term after the decision.
async fn follow_ups(
    state: &AppState,
    actor: &Actor,
    service_code: Option<&str>,
    eldership_id: Option<Uuid>,
    today: time::Date,
) -> ApiResult<Vec<ApplicationSummary>> {
    let mut codes = Vec::new();
    for row in crate::store::catalogue::list(&state.db, actor).await? {
        let spec = spec(&row)?;
        if spec.notification_deadline.is_some() || spec.handover_deadline.is_some() {
            codes.push(row.code);
        }
    }
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let rows = repo::with_open_terms(
        &state.db,
        actor,
        &codes,
        service_code,
        eldership_id,
        INBOX_LIMIT,
    )
    .await?;
    let parts = repo::summary_parts(&state.db, &rows).await?;
    let mut open = Vec::new();
    for row in rows {
        let (Some(service), Some(decision)) = (
            parts.types.get(&row.service_type_id),
            parts.decisions.get(&row.id),
        ) else {
            continue;
        };
        if views::term_open(&spec(service)?, decision.into()) {
            open.push(row);
        }
    }
    views::summaries_of(open, &parts, today)
}
