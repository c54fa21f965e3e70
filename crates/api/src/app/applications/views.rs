//! What the API answers about applications, built from what the
//! repository loaded (no queries here).

use crate::actor::Actor;
use crate::app::common::EldershipRef;
use crate::app::decisions::views::{DecisionView, decision_view};
use crate::error::{ApiError, ApiResult};
use crate::store::applications::{ApplicationRecord, SummaryParts, ViewParts};
use crate::store::entities::{applications, attachments, decisions, persons, service_types};
use atvejis_domain::application::{
    ActorFacts, ApplicationFacts, ApplicationStatus, DeadlineEvents, DocumentCheck, DocumentStatus,
    Outcome, deadline_met_on, decision_due_on, handover_due_on, is_overdue, notification_due_on,
};
use atvejis_domain::calendar::lithuanian_date;
use atvejis_domain::catalogue::{DecisionDeadline, ServiceTypeSpec};
use atvejis_domain::lifecycle::{ApplicationAction, application_actions};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

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
    pub status: DocumentStatus,
    /// When provided.
    pub provided_on: Option<Date>,
}

/// A document checked at moving in.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MovingInDocument {
    /// The document's code.
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
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
    pub status: ApplicationStatus,
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
    /// R-DL-3: the person must be told of the decision by (group living
    /// home); none for other services and before the signature.
    pub notification_due_on: Option<Date>,
    /// R-DL-3: the person was told late, or not yet and the date has passed.
    pub notification_overdue: bool,
    /// R-DL-2: the signed decision and the file must reach the provider by
    /// (children's day care, granted); none otherwise.
    pub handover_due_on: Option<Date>,
    /// R-DL-2: handed over late, or not yet and the date has passed.
    pub handover_overdue: bool,
    /// The eldership that received it.
    pub eldership: Option<EldershipRef>,
    /// Version.
    pub version: i32,
}

/// An attachment.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AttachmentView {
    /// Id.
    pub id: Uuid,
    /// File name.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// The document it provides.
    pub document_code: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub uploaded_at: OffsetDateTime,
}

impl From<attachments::Model> for AttachmentView {
    fn from(row: attachments::Model) -> Self {
        AttachmentView {
            id: row.id,
            file_name: row.file_name,
            media_type: row.media_type,
            size_bytes: row.size_bytes,
            document_code: row.document_code,
            description: row.description,
            uploaded_at: row.uploaded_at,
        }
    }
}

/// An application.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApplicationView {
    /// Id.
    pub id: Uuid,
    /// Where it stands.
    pub status: ApplicationStatus,
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
    /// The decision is late (for children's day care, R-DL-2: not submitted
    /// for signature in time).
    pub overdue: bool,
    /// R-DL-3: the person must be told of the decision by (group living
    /// home); none for other services and before the signature.
    pub notification_due_on: Option<Date>,
    /// R-DL-3: the person was told late, or not yet and the date has passed.
    pub notification_overdue: bool,
    /// R-DL-2: the signed decision and the file must reach the provider by
    /// (children's day care, granted); none otherwise.
    pub handover_due_on: Option<Date>,
    /// R-DL-2: handed over late, or not yet and the date has passed.
    pub handover_overdue: bool,
    /// R-CM-6: decided before the needs assessment, which is still to be
    /// recorded.
    pub assessment_outstanding: bool,
    /// Documents checked when the person moves in, not at application
    /// (e.g. the 027/a extract of at most 3 months, group living home).
    pub moving_in_documents: Vec<MovingInDocument>,
    /// Why it was returned or withdrawn.
    pub status_reason: Option<String>,
    /// The case whose meeting filed it (R-CM-4).
    pub case_id: Option<Uuid>,
    /// The case manager's recommendation filed with it (R-CM-4).
    pub case_recommendation: Option<String>,
    /// R-Q-5: the institution (facility) the SP-8 names.
    pub preferred_facility_id: Option<Uuid>,
    /// The eldership that received it.
    pub eldership: Option<EldershipRef>,
    /// The decision, once prepared.
    pub decision: Option<DecisionView>,
    /// Attached files (metadata).
    pub attachments: Vec<AttachmentView>,
    /// What the caller may do now (computed by the server from the domain).
    pub allowed_actions: Vec<ApplicationAction>,
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
    /// Who assessed.
    pub assessor_id: Uuid,
    /// When submitted.
    pub submitted_on: Date,
    /// The conclusion.
    pub conclusion: String,
    /// Services recommended.
    pub recommended_services: Option<String>,
    /// Hours recommended.
    pub recommended_hours_per_month: Option<Decimal>,
}

/// The status of a stored application.
pub fn status_of(row: &applications::Model) -> ApiResult<ApplicationStatus> {
    ApplicationStatus::parse(&row.status).ok_or_else(|| {
        ApiError::internal(format!("application {} has status {}", row.id, row.status))
    })
}

/// The documents checklist as stored.
pub fn documents_of(row: &applications::Model) -> ApiResult<Vec<DocumentCheck>> {
    Vec::<DocumentCheck>::deserialize(&row.documents)
        .map_err(|e| ApiError::internal(format!("application {} documents: {e}", row.id)))
}

/// The assessment as stored.
pub fn assessment_of(row: &applications::Model) -> ApiResult<Option<StoredAssessment>> {
    row.assessment
        .as_ref()
        .map(StoredAssessment::deserialize)
        .transpose()
        .map_err(|e| ApiError::internal(format!("application {} assessment: {e}", row.id)))
}

/// The service type's spec.
pub fn spec(service: &service_types::Model) -> ApiResult<ServiceTypeSpec> {
    Ok(crate::store::catalogue::spec_of(service)?)
}

/// The domain's view of an application.
pub fn facts_of(
    row: &applications::Model,
    decision: Option<&decisions::Model>,
) -> ApiResult<ApplicationFacts> {
    Ok(ApplicationFacts {
        status: status_of(row)?,
        documents: documents_of(row)?,
        has_assessment: row.assessment.is_some(),
        exception_recorded: row.exception_reason.is_some(),
        decision_prepared_by: decision.map(|d| d.prepared_by.as_u128()),
    })
}

/// The actor as the domain sees it; `delegated_to_sign`: a signing
/// delegation of theirs in force today covers the application's service type
/// (R-ROLE-2).
pub fn actor_facts(actor: &Actor, delegated_to_sign: bool) -> ActorFacts {
    ActorFacts {
        id: actor.user_id().map_or(0, |id| id.as_u128()),
        roles: actor.roles.clone(),
        delegated_to_sign,
    }
}

/// The decision deadline the application was received under; the
/// catalogue's current rule only for rows received before applications kept
/// their rule.
pub fn rule_of(spec: &ServiceTypeSpec, row: &applications::Model) -> ApiResult<DecisionDeadline> {
    rule_from(spec, row.decision_deadline.as_ref())
}

/// [`rule_of`] from the stored rule alone.
pub fn rule_from(spec: &ServiceTypeSpec, stored: Option<&Value>) -> ApiResult<DecisionDeadline> {
    Ok(match stored {
        Some(value) => DecisionDeadline::deserialize(value).map_err(ApiError::internal)?,
        None => spec.decision_deadline,
    })
}

/// Recomputes the due date (R-DL-1, R-DL-2) by the deadline rule the
/// application was received under.
pub fn due_on(spec: &ServiceTypeSpec, row: &applications::Model) -> ApiResult<Option<Date>> {
    let rule = rule_of(spec, row)?;
    Ok(decision_due_on(
        &rule,
        &DeadlineEvents {
            received_on: row.received_on,
            assessment_submitted_on: row.assessment_submitted_on,
            files_received_on: row.files_received_on,
        },
    ))
}

/// What is known of an application's decision for its terms.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecisionDates {
    /// Granted or refused, once prepared.
    pub outcome: Option<Outcome>,
    /// When it was prepared (submitted for signature).
    pub prepared_at: Option<OffsetDateTime>,
    /// When it was signed.
    pub decided_on: Option<Date>,
    /// When the person was told.
    pub notified_on: Option<Date>,
    /// When it reached the provider (R-DL-2).
    pub handed_over_on: Option<Date>,
}

impl From<&decisions::Model> for DecisionDates {
    fn from(d: &decisions::Model) -> Self {
        DecisionDates {
            outcome: Some(crate::app::decisions::views::outcome_of(d)),
            prepared_at: Some(d.prepared_at),
            decided_on: d.decided_on,
            notified_on: d.notified_on,
            handed_over_on: d.handed_over_on,
        }
    }
}

/// Whether a term after the decision is still open: the notification
/// (R-DL-3) or the hand-over (R-DL-2) is due and not recorded.
pub fn term_open(spec: &ServiceTypeSpec, decision: DecisionDates) -> bool {
    let notification = notification_due_on(spec.notification_deadline, decision.decided_on)
        .is_some()
        && decision.notified_on.is_none();
    let handover = handover_due_on(
        spec.handover_deadline,
        decision.outcome,
        decision.decided_on,
    )
    .is_some()
        && decision.handed_over_on.is_none();
    notification || handover
}

/// An application's terms on `today`: the decision (R-DL-1, R-DL-2), the
/// hand-over to the provider (R-DL-2) and the notification (R-DL-3).
#[derive(Debug, Clone, Copy)]
pub struct Terms {
    /// The decision is late.
    pub overdue: bool,
    /// The notification is due.
    pub notification_due_on: Option<Date>,
    /// The notification is late.
    pub notification_overdue: bool,
    /// The hand-over is due.
    pub handover_due_on: Option<Date>,
    /// The hand-over is late.
    pub handover_overdue: bool,
}

/// The terms of `row` (of service `spec`) with its decision, on `today`.
pub fn terms_of(
    spec: &ServiceTypeSpec,
    row: &applications::Model,
    decision: DecisionDates,
    today: Date,
) -> ApiResult<Terms> {
    Ok(terms(
        spec,
        &row.status,
        &rule_of(spec, row)?,
        row.decision_due_on,
        decision,
        today,
    ))
}

/// The terms of an application in `status` (of service `spec`, received
/// under the decision deadline `rule`, due on `decision_due_on`) with its
/// decision, on `today`: the decision overdue (R-DL-1, R-DL-2: met once
/// submitted for signature where the rule says so), the notification due
/// and late (R-DL-3), the hand-over due and late (R-DL-2).
pub fn terms(
    spec: &ServiceTypeSpec,
    status: &str,
    rule: &DecisionDeadline,
    decision_due_on: Option<Date>,
    decision: DecisionDates,
    today: Date,
) -> Terms {
    let status = ApplicationStatus::parse(status);
    let counts = !matches!(
        status,
        None | Some(ApplicationStatus::Withdrawn | ApplicationStatus::Draft)
    );
    // The decision counts as submitted for signature only while the file
    // is not back with the eldership.
    let submitted = matches!(
        status,
        Some(
            ApplicationStatus::DecisionPrepared
                | ApplicationStatus::Decided
                | ApplicationStatus::Notified
        )
    )
    .then(|| decision.prepared_at.map(lithuanian_date))
    .flatten();
    let met = deadline_met_on(rule, submitted, decision.decided_on);
    let notification_due_on = notification_due_on(spec.notification_deadline, decision.decided_on);
    let handover_due_on = handover_due_on(
        spec.handover_deadline,
        decision.outcome,
        decision.decided_on,
    );
    Terms {
        overdue: counts && is_overdue(decision_due_on, today, met),
        notification_due_on,
        notification_overdue: is_overdue(notification_due_on, today, decision.notified_on),
        handover_due_on,
        handover_overdue: is_overdue(handover_due_on, today, decision.handed_over_on),
    }
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

/// A service type, briefly, named from its parsed `spec` (parsed once by
/// the caller: a spec is a kilobyte of JSON).
pub fn service_ref(t: &service_types::Model, spec: &ServiceTypeSpec) -> ServiceTypeRef {
    ServiceTypeRef {
        id: t.id,
        code: t.code.clone(),
        name_lt: spec.name_lt.clone(),
        name_en: spec.name_en.clone(),
    }
}

/// A member of staff by id, named from `names` ("—" when unknown).
pub fn staff_ref(names: &HashMap<Uuid, String>, id: Uuid) -> StaffRef {
    StaffRef {
        id,
        display_name: names.get(&id).cloned().unwrap_or_else(|| "—".to_owned()),
    }
}

/// The staff a view of `record` names (for one batched lookup).
pub fn staff_of(record: &ApplicationRecord) -> ApiResult<Vec<Uuid>> {
    let mut ids = vec![record.application.received_by];
    if let Some(a) = assessment_of(&record.application)? {
        ids.push(a.assessor_id);
    }
    if let Some(d) = &record.decision {
        ids.push(d.prepared_by);
        ids.extend(d.signed_by);
    }
    Ok(ids)
}

/// The full view of an application for `actor`, on `today`, with its
/// service type's parsed `spec`; `delegated_to_sign` as in [`actor_facts`].
pub fn application_view(
    actor: &Actor,
    record: ApplicationRecord,
    spec: &ServiceTypeSpec,
    parts: ViewParts,
    today: Date,
    delegated_to_sign: bool,
) -> ApiResult<ApplicationView> {
    let ApplicationRecord {
        application: row,
        service_type: service,
        decision,
    } = record;
    let facts = facts_of(&row, decision.as_ref())?;
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
                status: d.status,
                provided_on: d.provided_on,
            }
        })
        .collect();
    let assessment = assessment_of(&row)?.map(|a| Assessment {
        assessor: staff_ref(&parts.staff, a.assessor_id),
        submitted_on: a.submitted_on,
        conclusion: a.conclusion,
        recommended_services: a.recommended_services,
        recommended_hours_per_month: a.recommended_hours_per_month,
    });
    let terms = terms_of(
        spec,
        &row,
        decision
            .as_ref()
            .map(DecisionDates::from)
            .unwrap_or_default(),
        today,
    )?;
    let mut allowed_actions = application_actions(&facts, &actor_facts(actor, delegated_to_sign));
    // R-CM-6: only where the catalogue allows a decision before the assessment.
    if !spec.decision_before_assessment {
        allowed_actions.retain(|a| *a != ApplicationAction::ForwardWithException);
    }
    let assessment_outstanding = row.exception_reason.is_some()
        && row.assessment.is_none()
        && facts.status != ApplicationStatus::Withdrawn;
    let moving_in_documents = spec
        .moving_in_documents
        .iter()
        .map(|d| MovingInDocument {
            code: d.code.clone(),
            name_lt: d.name_lt.clone(),
            name_en: d.name_en.clone(),
        })
        .collect();
    let decision = decision
        .map(|d| decision_view(d, &parts.staff))
        .transpose()?;
    let channel: Channel =
        serde_json::from_value(Value::String(row.channel.clone())).unwrap_or(Channel::Other);
    Ok(ApplicationView {
        id: row.id,
        status: facts.status,
        person: person_ref(&parts.person),
        family_id: row.family_id,
        service_type: service_ref(&service, spec),
        received_on: row.received_on,
        channel,
        received_by: staff_ref(&parts.staff, row.received_by),
        representative: row.representative.clone(),
        notes: row.notes.clone(),
        documents,
        exception_reason: row.exception_reason.clone(),
        assessment,
        files_received_on: row.files_received_on,
        decision_due_on: row.decision_due_on,
        overdue: terms.overdue,
        notification_due_on: terms.notification_due_on,
        notification_overdue: terms.notification_overdue,
        handover_due_on: terms.handover_due_on,
        handover_overdue: terms.handover_overdue,
        assessment_outstanding,
        moving_in_documents,
        status_reason: row.status_reason.clone(),
        case_id: row.case_id,
        case_recommendation: row.case_recommendation.clone(),
        preferred_facility_id: row.preferred_facility_id,
        eldership: parts.eldership.map(Into::into),
        allowed_actions,
        decision,
        attachments: parts.attachments.into_iter().map(Into::into).collect(),
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    })
}

/// The list lines of `rows`, named from `parts`.
pub fn summaries_of(
    rows: Vec<applications::Model>,
    parts: &SummaryParts,
    today: Date,
) -> ApiResult<Vec<ApplicationSummary>> {
    // Each service type's spec parsed once, not once a row.
    let specs = parts
        .types
        .iter()
        .map(|(id, t)| Ok((*id, spec(t)?)))
        .collect::<ApiResult<HashMap<_, _>>>()?;
    rows.into_iter()
        .map(|row| {
            let person = parts
                .people
                .get(&row.person_id)
                .ok_or_else(|| ApiError::internal("application without its person"))?;
            let (Some(service), Some(spec)) = (
                parts.types.get(&row.service_type_id),
                specs.get(&row.service_type_id),
            ) else {
                return Err(ApiError::internal("application without its service type"));
            };
            let terms = terms_of(
                spec,
                &row,
                parts
                    .decisions
                    .get(&row.id)
                    .map(DecisionDates::from)
                    .unwrap_or_default(),
                today,
            )?;
            Ok(ApplicationSummary {
                id: row.id,
                status: status_of(&row)?,
                person: person_ref(person),
                service_type: service_ref(service, spec),
                received_on: row.received_on,
                decision_due_on: row.decision_due_on,
                overdue: terms.overdue,
                notification_due_on: terms.notification_due_on,
                notification_overdue: terms.notification_overdue,
                handover_due_on: terms.handover_due_on,
                handover_overdue: terms.handover_overdue,
                eldership: row
                    .eldership_id
                    .and_then(|e| parts.places.get(&e).cloned())
                    .map(Into::into),
                version: row.version,
            })
        })
        .collect()
}
