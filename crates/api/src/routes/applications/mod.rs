//! `/api/v1/applications`: applications for social services (SP-8), their
//! documents checklist, needs assessment and path to a decision. Every step
//! is a domain transition ([`atvejis_domain::application::transition`]) taken
//! in one transaction with its audit record, at the version the client read.

pub mod add_attachment;
pub mod create;
pub mod forward;
pub mod get;
pub mod inbox;
pub mod list;
pub mod record_assessment;
pub mod return_for_completion;
pub mod submit;
pub mod update;
pub mod withdraw;

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError};
use crate::routes::common::EldershipRef;
use crate::routes::decisions::DecisionView;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::catalogue::spec_of;
use crate::store::entities::{
    applications, attachments, decisions, elderships, persons, service_types, users,
};
use crate::store::scope::scoped;
use crate::store::{self, versioned};
use atvejis_domain::application::{
    Action, ActorFacts, ApplicationFacts, ApplicationStatus, DeadlineEvents, DocumentCheck,
    DocumentStatus, TransitionError, decision_due_on, is_overdue, transition,
};
use atvejis_domain::catalogue::{DecisionDeadline, ServiceTypeSpec};
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Where an application stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[schema(as = ApplicationStatus)]
pub enum ApplicationStatusSchema {
    /// Being filled in.
    Draft,
    /// Received.
    Submitted,
    /// Needs assessment recorded.
    Assessed,
    /// Sent back by the division for completion.
    ReturnedForCompletion,
    /// With the Social Support Division.
    ReadyForDecision,
    /// A decision is prepared, waiting for the signature.
    DecisionPrepared,
    /// The decision is signed.
    Decided,
    /// The person was told.
    Notified,
    /// Withdrawn.
    Withdrawn,
}

/// The state of a required document.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[schema(as = DocumentStatus)]
pub enum DocumentStatusSchema {
    /// Handed in.
    Provided,
    /// Not yet handed in.
    Missing,
    /// Not needed in this case.
    NotNeeded,
}

impl From<DocumentStatusSchema> for DocumentStatus {
    fn from(s: DocumentStatusSchema) -> Self {
        match s {
            DocumentStatusSchema::Provided => DocumentStatus::Provided,
            DocumentStatusSchema::Missing => DocumentStatus::Missing,
            DocumentStatusSchema::NotNeeded => DocumentStatus::NotNeeded,
        }
    }
}

/// How an application came in.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In person.
    InPerson,
    /// By post.
    Post,
    /// By e-mail.
    Email,
    /// Through the national e-services (SPIS, epaslaugos.lt).
    Eservices,
    /// Filed by a case manager after a case meeting (R-CM-4).
    CaseManagement,
    /// Other.
    Other,
}

impl Channel {
    /// Stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::InPerson => "in_person",
            Channel::Post => "post",
            Channel::Email => "email",
            Channel::Eservices => "eservices",
            Channel::CaseManagement => "case_management",
            Channel::Other => "other",
        }
    }
}

/// A person, briefly.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PersonRef {
    /// Id.
    pub id: Uuid,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Personal code.
    pub personal_code: Option<String>,
}

/// A member of staff, briefly.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StaffRef {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub display_name: String,
}

/// A service type, briefly.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ServiceTypeRef {
    /// Id.
    pub id: Uuid,
    /// Code, e.g. `home_help`.
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
}

/// One line of the documents checklist.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DocumentLine {
    /// The document's code.
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
    /// Provided, missing, not needed.
    pub status: DocumentStatusSchema,
    /// When provided.
    pub provided_on: Option<Date>,
}

/// The needs assessment.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Assessment {
    /// Who assessed.
    pub assessor: StaffRef,
    /// When the conclusions reached the municipality (starts R-DL-1).
    pub submitted_on: Date,
    /// The conclusion.
    pub conclusion: String,
    /// Services recommended.
    pub recommended_services: Option<String>,
    /// Hours a month recommended (home help).
    #[schema(value_type = Option<String>, example = "20")]
    pub recommended_hours_per_month: Option<Decimal>,
}

/// An application in a list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApplicationSummary {
    /// Id.
    pub id: Uuid,
    /// Where it stands.
    pub status: ApplicationStatusSchema,
    /// The person.
    pub person: PersonRef,
    /// The service.
    pub service_type: ServiceTypeRef,
    /// Received.
    pub received_on: Date,
    /// The decision is due (R-DL-*); none before its deadline starts.
    pub decision_due_on: Option<Date>,
    /// The decision is late.
    pub overdue: bool,
    /// The eldership that received it.
    pub eldership: Option<EldershipRef>,
    /// Version.
    pub version: i32,
}

/// An application.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApplicationView {
    /// Id.
    pub id: Uuid,
    /// Where it stands.
    pub status: ApplicationStatusSchema,
    /// The person the service is for.
    pub person: PersonRef,
    /// The family, for a service given to a family.
    pub family_id: Option<Uuid>,
    /// The service.
    pub service_type: ServiceTypeRef,
    /// Received.
    pub received_on: Date,
    /// How.
    pub channel: Channel,
    /// Who received it.
    pub received_by: StaffRef,
    /// The applicant's representative, if any.
    pub representative: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// The documents checklist (R-EL-6).
    pub documents: Vec<DocumentLine>,
    /// The R-CM-6 reason for deciding without an assessment or documents.
    pub exception_reason: Option<String>,
    /// The needs assessment.
    pub assessment: Option<Assessment>,
    /// When the file reached the division.
    pub files_received_on: Option<Date>,
    /// The decision is due (R-DL-*).
    pub decision_due_on: Option<Date>,
    /// The decision is late.
    pub overdue: bool,
    /// Why it was returned or withdrawn.
    pub status_reason: Option<String>,
    /// The eldership that received it.
    pub eldership: Option<EldershipRef>,
    /// The decision, once prepared.
    pub decision: Option<DecisionView>,
    /// Attached files (metadata).
    pub attachments: Vec<add_attachment::AttachmentView>,
    /// Steps the caller may take now.
    pub allowed_actions: Vec<String>,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Send back with a step or change.
    pub version: i32,
}

/// The stored assessment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredAssessment {
    pub assessor_id: Uuid,
    pub submitted_on: Date,
    pub conclusion: String,
    pub recommended_services: Option<String>,
    pub recommended_hours_per_month: Option<Decimal>,
}

/// The status of a stored application.
pub fn status_of(row: &applications::Model) -> ApiResult<ApplicationStatus> {
    ApplicationStatus::parse(&row.status).ok_or_else(|| {
        ApiError::internal(format!("application {} has status {}", row.id, row.status))
    })
}

fn status_schema(status: ApplicationStatus) -> ApplicationStatusSchema {
    use ApplicationStatus as S;
    use ApplicationStatusSchema as X;
    match status {
        S::Draft => X::Draft,
        S::Submitted => X::Submitted,
        S::Assessed => X::Assessed,
        S::ReturnedForCompletion => X::ReturnedForCompletion,
        S::ReadyForDecision => X::ReadyForDecision,
        S::DecisionPrepared => X::DecisionPrepared,
        S::Decided => X::Decided,
        S::Notified => X::Notified,
        S::Withdrawn => X::Withdrawn,
    }
}

/// The documents checklist as stored.
pub fn documents_of(row: &applications::Model) -> ApiResult<Vec<DocumentCheck>> {
    serde_json::from_value(row.documents.clone())
        .map_err(|e| ApiError::internal(format!("application {} documents: {e}", row.id)))
}

/// The assessment as stored.
pub fn assessment_of(row: &applications::Model) -> ApiResult<Option<StoredAssessment>> {
    row.assessment
        .clone()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| ApiError::internal(format!("application {} assessment: {e}", row.id)))
}

/// The application `id` within the actor's scope, or 404.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<applications::Model> {
    scoped::<applications::Entity>(actor)
        .filter(applications::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("No such application."))
}

/// The domain's view of an application.
pub async fn facts_of<C: ConnectionTrait>(
    db: &C,
    row: &applications::Model,
) -> ApiResult<ApplicationFacts> {
    let decision = decisions::Entity::find()
        .filter(decisions::Column::ApplicationId.eq(row.id))
        .one(db)
        .await?;
    Ok(ApplicationFacts {
        status: status_of(row)?,
        documents: documents_of(row)?,
        has_assessment: row.assessment.is_some(),
        exception_recorded: row.exception_reason.is_some(),
        decision_prepared_by: decision.map(|d| d.prepared_by.as_u128()),
    })
}

/// The actor as the domain sees it.
pub fn actor_facts(actor: &Actor) -> ActorFacts {
    ActorFacts {
        id: actor.user_id().map_or(0, |id| id.as_u128()),
        roles: actor.roles.clone(),
    }
}

/// Maps a refused step to its answer.
pub fn transition_error(e: TransitionError) -> ApiError {
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
                        "missing",
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
    }
}

/// The steps `actor` may take on the application now.
pub fn allowed_actions(facts: &ApplicationFacts, actor: &Actor) -> Vec<String> {
    use atvejis_domain::application::Outcome;
    let who = actor_facts(actor);
    [
        Action::Submit,
        Action::RecordAssessment,
        Action::ForwardToDivision,
        Action::ReturnForCompletion,
        Action::PrepareDecision,
        Action::Sign {
            outcome: Outcome::Granted,
        },
        Action::RecordNotification,
        Action::Withdraw,
    ]
    .into_iter()
    .filter(|action| match action {
        // Checks of documents and assessment are the step's own answer.
        Action::ForwardToDivision => matches!(
            transition(facts, *action, &who),
            Ok(_) | Err(TransitionError::DocumentsMissing(_) | TransitionError::AssessmentMissing)
        ),
        _ => transition(facts, *action, &who).is_ok(),
    })
    .map(|action| action.as_str().to_owned())
    .collect()
}

/// Recomputes the due date (R-DL-1, R-DL-2) by the deadline rule the
/// application was received under; the catalogue's current rule only for
/// rows received before applications kept their rule.
pub fn due_on(spec: &ServiceTypeSpec, row: &applications::Model) -> ApiResult<Option<Date>> {
    let rule: DecisionDeadline = match &row.decision_deadline {
        Some(value) => serde_json::from_value(value.clone()).map_err(ApiError::internal)?,
        None => spec.decision_deadline,
    };
    Ok(decision_due_on(
        &rule,
        &DeadlineEvents {
            received_on: row.received_on,
            assessment_submitted_on: row.assessment_submitted_on,
            files_received_on: row.files_received_on,
        },
    ))
}

/// Whether the decision of `row` is late today.
pub fn overdue(row: &applications::Model, decided_on: Option<Date>) -> bool {
    let status = ApplicationStatus::parse(&row.status);
    if status == Some(ApplicationStatus::Withdrawn) || status == Some(ApplicationStatus::Draft) {
        return false;
    }
    is_overdue(row.decision_due_on, store::today(), decided_on)
}

/// Loads the names that lists show, with one query per kind.
pub async fn summaries<C: ConnectionTrait>(
    db: &C,
    rows: Vec<applications::Model>,
) -> ApiResult<Vec<ApplicationSummary>> {
    let ids = |f: &dyn Fn(&applications::Model) -> Option<Uuid>| -> Vec<Uuid> {
        rows.iter().filter_map(f).collect()
    };
    let people: HashMap<Uuid, persons::Model> = persons::Entity::find()
        .filter(persons::Column::Id.is_in(ids(&|r| Some(r.person_id))))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let types: HashMap<Uuid, service_types::Model> = service_types::Entity::find()
        .filter(service_types::Column::Id.is_in(ids(&|r| Some(r.service_type_id))))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let places: HashMap<Uuid, elderships::Model> = elderships::Entity::find()
        .filter(elderships::Column::Id.is_in(ids(&|r| r.eldership_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let decided: HashMap<Uuid, Option<Date>> = decisions::Entity::find()
        .filter(decisions::Column::ApplicationId.is_in(ids(&|r| Some(r.id))))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.application_id, d.decided_on))
        .collect();
    rows.into_iter()
        .map(|row| {
            let person = people
                .get(&row.person_id)
                .ok_or_else(|| ApiError::internal("application without its person"))?;
            let service = types
                .get(&row.service_type_id)
                .ok_or_else(|| ApiError::internal("application without its service type"))?;
            Ok(ApplicationSummary {
                id: row.id,
                status: status_schema(status_of(&row)?),
                person: person_ref(person),
                service_type: service_ref(service)?,
                received_on: row.received_on,
                decision_due_on: row.decision_due_on,
                overdue: overdue(&row, decided.get(&row.id).copied().flatten()),
                eldership: row
                    .eldership_id
                    .and_then(|e| places.get(&e).cloned())
                    .map(Into::into),
                version: row.version,
            })
        })
        .collect()
}

/// A person, briefly.
pub fn person_ref(p: &persons::Model) -> PersonRef {
    PersonRef {
        id: p.id,
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        personal_code: p.personal_code.clone(),
    }
}

/// A service type, briefly.
pub fn service_ref(t: &service_types::Model) -> ApiResult<ServiceTypeRef> {
    let spec = spec_of(t)?;
    Ok(ServiceTypeRef {
        id: t.id,
        code: t.code.clone(),
        name_lt: spec.name_lt,
        name_en: spec.name_en,
    })
}

/// A member of staff, briefly.
pub async fn staff_ref<C: ConnectionTrait>(db: &C, id: Uuid) -> ApiResult<StaffRef> {
    let user = users::Entity::find_by_id(id).one(db).await?;
    Ok(StaffRef {
        id,
        display_name: user.map_or_else(|| "—".to_owned(), |u| u.display_name),
    })
}

/// The full view of an application for `actor`.
pub async fn view<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    row: applications::Model,
) -> ApiResult<ApplicationView> {
    let person = persons::Entity::find_by_id(row.person_id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::internal("application without its person"))?;
    let service = service_types::Entity::find_by_id(row.service_type_id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::internal("application without its service type"))?;
    let spec = spec_of(&service)?;
    let facts = facts_of(db, &row).await?;
    let names: HashMap<&str, (&str, &str)> = spec
        .required_documents
        .iter()
        .map(|d| (d.code.as_str(), (d.name_lt.as_str(), d.name_en.as_str())))
        .collect();
    let documents = facts
        .documents
        .iter()
        .map(|d| {
            let (lt, en) = names
                .get(d.code.as_str())
                .copied()
                .unwrap_or((d.code.as_str(), d.code.as_str()));
            DocumentLine {
                code: d.code.clone(),
                name_lt: lt.to_owned(),
                name_en: en.to_owned(),
                status: match d.status {
                    DocumentStatus::Provided => DocumentStatusSchema::Provided,
                    DocumentStatus::Missing => DocumentStatusSchema::Missing,
                    DocumentStatus::NotNeeded => DocumentStatusSchema::NotNeeded,
                },
                provided_on: d.provided_on,
            }
        })
        .collect();
    let assessment = match assessment_of(&row)? {
        Some(a) => Some(Assessment {
            assessor: staff_ref(db, a.assessor_id).await?,
            submitted_on: a.submitted_on,
            conclusion: a.conclusion,
            recommended_services: a.recommended_services,
            recommended_hours_per_month: a.recommended_hours_per_month,
        }),
        None => None,
    };
    let decision = match decisions::Entity::find()
        .filter(decisions::Column::ApplicationId.eq(row.id))
        .one(db)
        .await?
    {
        Some(d) => Some(crate::routes::decisions::view(db, d).await?),
        None => None,
    };
    let eldership = match row.eldership_id {
        Some(e) => elderships::Entity::find_by_id(e)
            .one(db)
            .await?
            .map(Into::into),
        None => None,
    };
    let attachments = attachments::Entity::find()
        .filter(attachments::Column::ApplicationId.eq(row.id))
        .order_by_asc(attachments::Column::UploadedAt)
        .all(db)
        .await?
        .into_iter()
        .map(add_attachment::AttachmentView::from)
        .collect();
    let channel: Channel =
        serde_json::from_value(Value::String(row.channel.clone())).unwrap_or(Channel::Other);
    Ok(ApplicationView {
        id: row.id,
        status: status_schema(facts.status),
        person: person_ref(&person),
        family_id: row.family_id,
        service_type: service_ref(&service)?,
        received_on: row.received_on,
        channel,
        received_by: staff_ref(db, row.received_by).await?,
        representative: row.representative.clone(),
        notes: row.notes.clone(),
        documents,
        exception_reason: row.exception_reason.clone(),
        assessment,
        files_received_on: row.files_received_on,
        decision_due_on: row.decision_due_on,
        overdue: overdue(&row, decision.as_ref().and_then(|d| d.decided_on)),
        status_reason: row.status_reason.clone(),
        eldership,
        allowed_actions: allowed_actions(&facts, actor),
        decision,
        attachments,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    })
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
}

/// Takes a step on an application: checks the version the client read,
/// asks the domain, writes the new status and fields with the new due date,
/// and records it — in one transaction. Returns the updated row.
pub async fn take_step<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    action: Action,
    changes: StepChanges,
    summary: Value,
) -> ApiResult<applications::Model> {
    let row = find_scoped(txn, actor, id).await?;
    if row.version != version {
        return Err(ApiError::stale_version());
    }
    let mut facts = facts_of(txn, &row).await?;
    if changes.exception_reason.is_some() {
        facts.exception_recorded = true;
    }
    if changes.assessment.is_some() {
        facts.has_assessment = true;
    }
    let next = transition(&facts, action, &actor_facts(actor)).map_err(transition_error)?;
    let service = service_types::Entity::find_by_id(row.service_type_id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::internal("application without its service type"))?;
    let spec = spec_of(&service)?;
    let mut merged = row.clone();
    merged.status = next.as_str().to_owned();
    if changes.assessment.is_some() {
        merged.assessment = changes.assessment.clone();
    }
    if let Some(on) = changes.assessment_submitted_on {
        merged.assessment_submitted_on = Some(on);
    }
    if let Some(on) = changes.files_received_on {
        merged.files_received_on = Some(on);
    }
    if changes.exception_reason.is_some() {
        merged.exception_reason = changes.exception_reason.clone();
    }
    if changes.status_reason.is_some() {
        merged.status_reason = changes.status_reason.clone();
    }
    merged.decision_due_on = due_on(&spec, &merged)?;
    let now = store::now();
    versioned::expect_one(
        versioned::update::<applications::Entity>(actor, id, version, now)
            .col_expr(
                applications::Column::Status,
                Expr::value(merged.status.clone()),
            )
            .col_expr(
                applications::Column::Assessment,
                Expr::value(merged.assessment.clone()),
            )
            .col_expr(
                applications::Column::AssessmentSubmittedOn,
                Expr::value(merged.assessment_submitted_on),
            )
            .col_expr(
                applications::Column::FilesReceivedOn,
                Expr::value(merged.files_received_on),
            )
            .col_expr(
                applications::Column::ExceptionReason,
                Expr::value(merged.exception_reason.clone()),
            )
            .col_expr(
                applications::Column::StatusReason,
                Expr::value(merged.status_reason.clone()),
            )
            .col_expr(
                applications::Column::DecisionDueOn,
                Expr::value(merged.decision_due_on),
            )
            .exec(txn)
            .await?,
    )?;
    let mut summary = summary;
    if let Value::Object(map) = &mut summary {
        map.insert("from".into(), Value::String(row.status.clone()));
        map.insert("to".into(), Value::String(merged.status.clone()));
        map.insert(
            "decision_due_on".into(),
            serde_json::json!(merged.decision_due_on),
        );
    }
    audit::record(
        txn,
        &AuditActor::of(actor),
        crate::store::now(),
        AuditEvent::new(step_action(action), "application", id).summary(summary),
    )
    .await?;
    find_scoped(txn, actor, id).await
}

/// A step with a reason.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ReasonBody {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Why.
    #[validate(length(min = 1, max = 2000))]
    pub reason: String,
}

/// A step that records a reason (return for completion, withdrawal).
pub async fn step_with_reason(
    state: &crate::state::AppState,
    actor: &Actor,
    id: Uuid,
    body: ReasonBody,
    action: Action,
) -> ApiResult<actix_web::web::Json<ApplicationView>> {
    let reason = body.reason.trim().to_owned();
    let txn = store::begin_write(&state.db).await?;
    let changes = StepChanges {
        status_reason: Some(reason.clone()),
        ..Default::default()
    };
    let row = take_step(
        &txn,
        actor,
        id,
        body.version,
        action,
        changes,
        serde_json::json!({ "reason": reason }),
    )
    .await?;
    let result = view(&txn, actor, row).await?;
    txn.commit().await?;
    Ok(actix_web::web::Json(result))
}

fn step_action(action: Action) -> AuditAction {
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
