//! The application for social services (SP-8) and its path to a decision
//! (SP-9): the states, who may move an application from one to the next,
//! the documents check (R-EL-6), the needs assessment a decision may
//! precede (R-CM-6), the decision's due date (R-DL-1, R-DL-2) and the terms
//! after it (R-DL-2 hand-over, R-DL-3 notification).
//!
//! ```text
//! draft → submitted → assessed → ready_for_decision → decision_prepared → decided → notified
//!                 ↘ (R-CM-6, documents still required) ↗        ↓ return ↑ forward
//!                           returned_for_completion
//! any state before decided → withdrawn
//! ```

use crate::access::{Permission, Role, allows};
use crate::calendar::DeadlineRule;
use crate::catalogue::{DeadlineEnd, DeadlineStart, DecisionDeadline};
use serde::{Deserialize, Serialize};
use time::Date;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Being filled in; nothing is due yet.
    Draft,
    /// Received (registered).
    Submitted,
    /// The needs assessment is recorded.
    Assessed,
    /// The division sent it back for missing information.
    ReturnedForCompletion,
    /// The file is with the Social Support Division.
    ReadyForDecision,
    /// A decision is prepared and waits for the signature.
    DecisionPrepared,
    /// The decision is signed (granted or refused).
    Decided,
    /// The person was told of the decision (R-DL-3).
    Notified,
    /// Withdrawn by the applicant.
    Withdrawn,
}

impl ApplicationStatus {
    /// Every status.
    pub const ALL: [ApplicationStatus; 9] = [
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        ApplicationStatus::Assessed,
        ApplicationStatus::ReturnedForCompletion,
        ApplicationStatus::ReadyForDecision,
        ApplicationStatus::DecisionPrepared,
        ApplicationStatus::Decided,
        ApplicationStatus::Notified,
        ApplicationStatus::Withdrawn,
    ];

    /// The status code as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "draft",
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::Assessed => "assessed",
            ApplicationStatus::ReturnedForCompletion => "returned_for_completion",
            ApplicationStatus::ReadyForDecision => "ready_for_decision",
            ApplicationStatus::DecisionPrepared => "decision_prepared",
            ApplicationStatus::Decided => "decided",
            ApplicationStatus::Notified => "notified",
            ApplicationStatus::Withdrawn => "withdrawn",
        }
    }

    /// Parses a status code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// Whether a decision is still to be made (the deadline runs).
    pub fn awaits_decision(self) -> bool {
        !matches!(
            self,
            ApplicationStatus::Draft
                | ApplicationStatus::Decided
                | ApplicationStatus::Notified
                | ApplicationStatus::Withdrawn
        )
    }
}

/// A decision's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The service is granted.
    Granted,
    /// The service is refused.
    Refused,
}

/// The state of one required document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Handed in.
    Provided,
    /// Not yet handed in.
    Missing,
    /// Not needed in this case (e.g. the data is in a register).
    NotNeeded,
}

/// One line of the documents checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCheck {
    /// The document's code in the catalogue.
    pub code: String,
    /// Its state.
    pub status: DocumentStatus,
    /// When it was provided.
    pub provided_on: Option<Date>,
}

/// R-EL-6: the required documents that are neither provided nor marked not
/// needed.
pub fn missing_documents(checklist: &[DocumentCheck]) -> Vec<String> {
    checklist
        .iter()
        .filter(|d| d.status == DocumentStatus::Missing)
        .map(|d| d.code.clone())
        .collect()
}

/// A step on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Action {
    /// Register a drafted application as received.
    Submit,
    /// Record (or correct) the needs assessment.
    RecordAssessment,
    /// Send the file to the Social Support Division.
    ForwardToDivision,
    /// The division sends the file back for completion.
    ReturnForCompletion,
    /// Prepare (or revise) the decision.
    PrepareDecision,
    /// Sign the prepared decision.
    Sign {
        /// Granted or refused.
        outcome: Outcome,
    },
    /// Record how and when the person was told.
    RecordNotification,
    /// The applicant withdraws the application.
    Withdraw,
}

/// Who acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorFacts {
    /// The member of staff (an opaque id).
    pub id: u128,
    /// Their roles.
    pub roles: Vec<Role>,
    /// R-ROLE-2: a signing delegation of theirs in force today covers the
    /// application's service type ([`crate::signing::covering`]).
    pub delegated_to_sign: bool,
}

/// What the state machine needs to know about an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationFacts {
    /// Where it stands.
    pub status: ApplicationStatus,
    /// The documents checklist.
    pub documents: Vec<DocumentCheck>,
    /// Whether a needs assessment is recorded.
    pub has_assessment: bool,
    /// R-CM-6: the recorded reason (violence, threatened safety) for deciding
    /// before the needs assessment. It never waives the documents.
    pub exception_recorded: bool,
    /// Who prepared the decision, once prepared.
    pub decision_prepared_by: Option<u128>,
}

/// Why a step is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The step does not apply in this state.
    #[error("`{action}` is not possible while the application is {from}")]
    NotAllowedInState {
        /// The current state.
        from: &'static str,
        /// The step.
        action: &'static str,
    },
    /// The actor's roles do not allow the step.
    #[error("the step needs a role with the permission {0:?}")]
    RoleMissing(Permission),
    /// R-EL-6: required documents are missing and no exception is recorded.
    #[error("required documents are missing: {}", .0.join(", "))]
    DocumentsMissing(Vec<String>),
    /// No needs assessment and no R-CM-6 exception.
    #[error("the needs assessment is not recorded")]
    AssessmentMissing,
    /// R-ROLE-2: the person who prepared a decision cannot sign it.
    #[error("the person who prepared the decision cannot sign it")]
    PreparerCannotSign,
    /// R-ROLE-2: the signer holds no delegation in force today for the
    /// application's service type.
    #[error("no signing delegation in force today covers this service type")]
    NoSigningDelegation,
}

impl Action {
    /// The step's code.
    pub fn as_str(&self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::RecordAssessment => "record_assessment",
            Action::ForwardToDivision => "forward_to_division",
            Action::ReturnForCompletion => "return_for_completion",
            Action::PrepareDecision => "prepare_decision",
            Action::Sign { .. } => "sign",
            Action::RecordNotification => "record_notification",
            Action::Withdraw => "withdraw",
        }
    }

    /// Who may take the step (R-ROLE-1, R-ROLE-2): the permissions, any of which suffices.
    pub fn permissions(&self) -> &'static [Permission] {
        use Permission as P;
        match self {
            Action::Submit => &[P::ReceiveApplications],
            Action::RecordAssessment | Action::ForwardToDivision => &[P::AssessNeeds],
            Action::ReturnForCompletion | Action::PrepareDecision => &[P::PrepareDecisions],
            Action::Sign { .. } => &[P::SignDecisions],
            Action::RecordNotification => &[P::PrepareDecisions, P::SignDecisions],
            Action::Withdraw => &[P::ReceiveApplications, P::PrepareDecisions],
        }
    }
}

/// Takes one step: the next status, or why not.
///
/// R-ROLE-1: social workers receive applications and assess needs (a case
/// manager may file an application for a family, R-CM-4). R-ROLE-2: division
/// specialists prepare decisions; a signer signs them under a delegation in
/// force for the service type ([`crate::signing`]), and the preparer never
/// signs the same decision, delegation or not. R-EL-6: a file goes to the
/// division only with every required document provided or not needed.
/// R-CM-6: it also needs its needs assessment, unless an exception is
/// recorded (the caller allows one only where the catalogue says so); the
/// assessment then follows the decision, and the documents are required
/// all the same.
pub fn transition(
    facts: &ApplicationFacts,
    action: Action,
    actor: &ActorFacts,
) -> Result<ApplicationStatus, TransitionError> {
    use ApplicationStatus as S;
    if let Action::Sign { .. } = action
        && facts.decision_prepared_by == Some(actor.id)
    {
        return Err(TransitionError::PreparerCannotSign);
    }
    let permissions = action.permissions();
    if !permissions.iter().any(|p| allows(&actor.roles, *p)) {
        return Err(TransitionError::RoleMissing(permissions[0]));
    }
    if let Action::Sign { .. } = action
        && !actor.delegated_to_sign
    {
        return Err(TransitionError::NoSigningDelegation);
    }
    let not_here = || TransitionError::NotAllowedInState {
        from: facts.status.as_str(),
        action: action.as_str(),
    };
    match (action, facts.status) {
        (Action::Submit, S::Draft) => Ok(S::Submitted),
        (Action::RecordAssessment, S::Submitted | S::Assessed | S::ReturnedForCompletion) => {
            Ok(S::Assessed)
        }
        // R-CM-6: the assessment may follow the decision; the status stays.
        (
            Action::RecordAssessment,
            status @ (S::ReadyForDecision | S::DecisionPrepared | S::Decided | S::Notified),
        ) if facts.exception_recorded => Ok(status),
        (Action::ForwardToDivision, S::Submitted | S::Assessed | S::ReturnedForCompletion) => {
            if !facts.has_assessment && !facts.exception_recorded {
                return Err(TransitionError::AssessmentMissing);
            }
            let missing = missing_documents(&facts.documents);
            if !missing.is_empty() {
                return Err(TransitionError::DocumentsMissing(missing));
            }
            Ok(S::ReadyForDecision)
        }
        (Action::ReturnForCompletion, S::ReadyForDecision | S::DecisionPrepared) => {
            Ok(S::ReturnedForCompletion)
        }
        (Action::PrepareDecision, S::ReadyForDecision | S::DecisionPrepared) => {
            Ok(S::DecisionPrepared)
        }
        (Action::Sign { .. }, S::DecisionPrepared) => Ok(S::Decided),
        (Action::RecordNotification, S::Decided | S::Notified) => Ok(S::Notified),
        (Action::Withdraw, status) if status.awaits_decision() || status == S::Draft => {
            Ok(S::Withdrawn)
        }
        _ => Err(not_here()),
    }
}

/// The dates a decision deadline can run from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineEvents {
    /// The application was received.
    pub received_on: Date,
    /// The needs-assessment conclusions reached the municipality.
    pub assessment_submitted_on: Option<Date>,
    /// The file reached the division.
    pub files_received_on: Option<Date>,
}

/// R-DL-1, R-DL-2: when the decision is due, by the service type's deadline.
/// `None` while the event that starts it has not happened. When an R-CM-6
/// exception sends a file to the division without an assessment, a deadline
/// counted from the assessment runs from the day the division got the file.
pub fn decision_due_on(deadline: &DecisionDeadline, events: &DeadlineEvents) -> Option<Date> {
    let start = match deadline.from {
        DeadlineStart::ApplicationReceived => Some(events.received_on),
        DeadlineStart::AssessmentSubmitted => {
            events.assessment_submitted_on.or(events.files_received_on)
        }
        DeadlineStart::FilesReceived => events.files_received_on,
    }?;
    Some(deadline.rule().due_date(start))
}

/// The day a decision deadline was met, if it was: the day the decision
/// was signed, or (R-DL-2, children's day care) the day it was prepared
/// and submitted for signature.
pub fn deadline_met_on(
    deadline: &DecisionDeadline,
    submitted_for_signature_on: Option<Date>,
    decided_on: Option<Date>,
) -> Option<Date> {
    match deadline.until {
        DeadlineEnd::DecisionSigned => decided_on,
        DeadlineEnd::SubmittedForSignature => submitted_for_signature_on.or(decided_on),
    }
}

/// Whether a term is missed: met after its due date, or not met and the due
/// date has passed by `today`. Used for the decision (met by
/// [`deadline_met_on`]), the R-DL-2 hand-over and the R-DL-3 notification.
pub fn is_overdue(due_on: Option<Date>, today: Date, decided_on: Option<Date>) -> bool {
    match (due_on, decided_on) {
        (Some(due), Some(decided)) => decided > due,
        (Some(due), None) => today > due,
        (None, _) => false,
    }
}

/// R-DL-2: a service starts no earlier than the date of its decision. S4
/// says so for children's day care; it is applied to every service (P): no
/// service is granted for days before it was decided.
pub fn service_may_start_on(service_from: Date, decided_on: Date) -> bool {
    service_from >= decided_on
}

/// R-DL-3: when the person must be told of a decision signed on
/// `decided_on`, by the service type's term (group living home: 5 working
/// days); `None` for services without one or before the signature.
pub fn notification_due_on(term: Option<DeadlineRule>, decided_on: Option<Date>) -> Option<Date> {
    Some(term?.due_date(decided_on?))
}

/// R-DL-2: when the signed decision and the file must reach the provider
/// (children's day care: 3 working days after the decision); `None` for
/// services without a hand-over, refusals and unsigned decisions.
pub fn handover_due_on(
    term: Option<DeadlineRule>,
    outcome: Option<Outcome>,
    decided_on: Option<Date>,
) -> Option<Date> {
    match outcome? {
        Outcome::Granted => Some(term?.due_date(decided_on?)),
        Outcome::Refused => None,
    }
}

#[cfg(test)]
#[path = "application_tests.rs"]
mod tests;
