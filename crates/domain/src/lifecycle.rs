//! State machines: the one shape every workflow of Atvejis takes.
//!
//! A record with a lifecycle (an application today; a case, a queue entry,
//! a stay and a charge next) implements [`StateMachine`]: the domain says
//! which state a step leads to, or why it is refused, and which steps an
//! actor may take now. The API's unit of work drives every step of every
//! such record the same way, generically over this trait:
//!
//! permission first → scoped load → version check →
//! [`StateMachine::transition`] → versioned save → typed audit → reload →
//! commit.
//!
//! To plug a new workflow in: give it a `State` enum (its stored values), an
//! `Action` enum (its steps), the `Facts` the rules need (loaded by its
//! repository), the `Actor` facts (ids, roles) and an `Error` that says why a
//! step is refused; then implement `transition` as a pure function and
//! `allowed_actions` from it, so that what the server offers and what it
//! accepts cannot disagree.

use crate::access::{Permission, allows};
use crate::application::{
    Action, ActorFacts, ApplicationFacts, ApplicationStatus, Outcome, TransitionError, transition,
};
use serde::{Deserialize, Serialize};

/// A workflow: states, the steps between them, and who may take them.
pub trait StateMachine {
    /// Where a record stands.
    type State: Copy + Eq;
    /// A step.
    type Action: Copy;
    /// What the rules need to know about the record.
    type Facts;
    /// What the rules need to know about who acts.
    type Actor;
    /// Why a step is refused.
    type Error;

    /// The record's state.
    fn state(facts: &Self::Facts) -> Self::State;

    /// The state `action` by `actor` leads to, or why it is refused. Pure:
    /// the caller saves the new state (with the version check) and records it.
    fn transition(
        facts: &Self::Facts,
        action: Self::Action,
        actor: &Self::Actor,
    ) -> Result<Self::State, Self::Error>;

    /// The steps `actor` may take now (offered to clients; each is accepted by
    /// [`StateMachine::transition`] or refused only by a check the step itself
    /// reports, such as missing documents).
    fn allowed_actions(facts: &Self::Facts, actor: &Self::Actor) -> Vec<Self::Action>;
}

/// The application's lifecycle (SP-8, SP-9).
#[derive(Debug, Clone, Copy)]
pub struct ApplicationLifecycle;

impl StateMachine for ApplicationLifecycle {
    type State = ApplicationStatus;
    type Action = Action;
    type Facts = ApplicationFacts;
    type Actor = ActorFacts;
    type Error = TransitionError;

    fn state(facts: &ApplicationFacts) -> ApplicationStatus {
        facts.status
    }

    fn transition(
        facts: &ApplicationFacts,
        action: Action,
        actor: &ActorFacts,
    ) -> Result<ApplicationStatus, TransitionError> {
        transition(facts, action, actor)
    }

    fn allowed_actions(facts: &ApplicationFacts, actor: &ActorFacts) -> Vec<Action> {
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
            // Missing documents are the step's own answer (it names them);
            // without an assessment the file is not offered for forwarding
            // (only with an R-CM-6 exception: `ForwardWithException`).
            Action::ForwardToDivision => matches!(
                transition(facts, *action, actor),
                Ok(_) | Err(TransitionError::DocumentsMissing(_))
            ),
            _ => transition(facts, *action, actor).is_ok(),
        })
        .collect()
    }
}

/// What a client may do with an application now (the server computes it;
/// clients show exactly these buttons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationAction {
    /// Change notes, representative and the documents checklist.
    Update,
    /// Register a draft as received.
    Submit,
    /// Record the needs assessment.
    RecordAssessment,
    /// Send the file to the Social Support Division.
    ForwardToDivision,
    /// Send the file to the division with an R-CM-6 exception reason (the
    /// step is `forward_to_division` with `exception_reason`): offered where
    /// the exception would let it pass, e.g. before the assessment.
    ForwardWithException,
    /// Send the file back for completion.
    ReturnForCompletion,
    /// Prepare (or revise) the decision.
    PrepareDecision,
    /// Sign the decision.
    Sign,
    /// Record how the person was told.
    RecordNotification,
    /// Withdraw the application.
    Withdraw,
}

impl From<Action> for ApplicationAction {
    fn from(action: Action) -> Self {
        match action {
            Action::Submit => ApplicationAction::Submit,
            Action::RecordAssessment => ApplicationAction::RecordAssessment,
            Action::ForwardToDivision => ApplicationAction::ForwardToDivision,
            Action::ReturnForCompletion => ApplicationAction::ReturnForCompletion,
            Action::PrepareDecision => ApplicationAction::PrepareDecision,
            Action::Sign { .. } => ApplicationAction::Sign,
            Action::RecordNotification => ApplicationAction::RecordNotification,
            Action::Withdraw => ApplicationAction::Withdraw,
        }
    }
}

/// Whether an application's fields (notes, representative, documents) may
/// still be changed: until the file is with the division. The one list of
/// "editable statuses".
pub fn is_editable(status: ApplicationStatus) -> bool {
    use ApplicationStatus as S;
    matches!(
        status,
        S::Draft | S::Submitted | S::Assessed | S::ReturnedForCompletion
    )
}

/// The permissions that allow changing an application's fields.
pub const UPDATE_PERMISSIONS: [Permission; 2] =
    [Permission::ReceiveApplications, Permission::AssessNeeds];

/// Everything `actor` may do with the application now, in a stable order.
pub fn application_actions(facts: &ApplicationFacts, actor: &ActorFacts) -> Vec<ApplicationAction> {
    let mut actions = Vec::new();
    if is_editable(facts.status) && UPDATE_PERMISSIONS.iter().any(|p| allows(&actor.roles, *p)) {
        actions.push(ApplicationAction::Update);
    }
    actions.extend(
        ApplicationLifecycle::allowed_actions(facts, actor)
            .into_iter()
            .map(ApplicationAction::from),
    );
    // R-CM-6: the exception is for forwarding before the needs assessment;
    // like the plain step, missing documents are its own answer. Whether the
    // service allows it at all is the catalogue's (the caller filters).
    let with_exception = ApplicationFacts {
        exception_recorded: true,
        ..facts.clone()
    };
    if !actions.contains(&ApplicationAction::ForwardToDivision)
        && matches!(
            transition(&with_exception, Action::ForwardToDivision, actor),
            Ok(_) | Err(TransitionError::DocumentsMissing(_))
        )
    {
        actions.push(ApplicationAction::ForwardWithException);
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;

    fn facts(status: ApplicationStatus) -> ApplicationFacts {
        ApplicationFacts {
            status,
            documents: vec![],
            has_assessment: true,
            exception_recorded: false,
            decision_prepared_by: None,
        }
    }

    fn worker() -> ActorFacts {
        ActorFacts {
            id: 1,
            roles: vec![Role::SocialWorker],
            delegated_to_sign: false,
        }
    }

    #[test]
    fn r_cm_6_forward_is_not_offered_before_the_assessment_only_with_the_exception() {
        let unassessed = ApplicationFacts {
            has_assessment: false,
            ..facts(ApplicationStatus::Submitted)
        };
        let offered = application_actions(&unassessed, &worker());
        assert!(!offered.contains(&ApplicationAction::ForwardToDivision));
        assert!(offered.contains(&ApplicationAction::ForwardWithException));
        assert!(offered.contains(&ApplicationAction::RecordAssessment));
    }

    #[test]
    fn r_cm_6_the_exception_is_offered_with_documents_missing_and_not_once_assessed() {
        let unassessed_missing = ApplicationFacts {
            has_assessment: false,
            documents: vec![crate::application::DocumentCheck {
                code: "sp8".into(),
                status: crate::application::DocumentStatus::Missing,
                provided_on: None,
            }],
            ..facts(ApplicationStatus::Submitted)
        };
        assert!(
            application_actions(&unassessed_missing, &worker())
                .contains(&ApplicationAction::ForwardWithException)
        );
        let assessed = facts(ApplicationStatus::Assessed);
        assert!(
            !application_actions(&assessed, &worker())
                .contains(&ApplicationAction::ForwardWithException)
        );
    }

    #[test]
    fn forward_is_offered_once_assessed_and_names_missing_documents_itself() {
        let assessed = facts(ApplicationStatus::Assessed);
        assert!(
            application_actions(&assessed, &worker())
                .contains(&ApplicationAction::ForwardToDivision)
        );
        let missing = ApplicationFacts {
            documents: vec![crate::application::DocumentCheck {
                code: "sp8".into(),
                status: crate::application::DocumentStatus::Missing,
                provided_on: None,
            }],
            ..facts(ApplicationStatus::Assessed)
        };
        assert!(
            application_actions(&missing, &worker())
                .contains(&ApplicationAction::ForwardToDivision)
        );
    }

    #[test]
    fn forward_is_offered_to_nobody_without_the_permission_nor_once_with_the_division() {
        let head = ActorFacts {
            id: 2,
            roles: vec![Role::DivisionHead],
            delegated_to_sign: true,
        };
        let submitted = facts(ApplicationStatus::Submitted);
        let offered = application_actions(&submitted, &head);
        assert!(!offered.contains(&ApplicationAction::ForwardToDivision));
        assert!(!offered.contains(&ApplicationAction::ForwardWithException));
        let with_division =
            application_actions(&facts(ApplicationStatus::ReadyForDecision), &worker());
        assert!(!with_division.contains(&ApplicationAction::ForwardToDivision));
        assert!(!with_division.contains(&ApplicationAction::ForwardWithException));
    }

    #[test]
    fn update_is_offered_only_while_editable_and_to_those_who_may() {
        let worker = ActorFacts {
            id: 1,
            roles: vec![Role::SocialWorker],
            delegated_to_sign: false,
        };
        let head = ActorFacts {
            id: 2,
            roles: vec![Role::DivisionHead],
            delegated_to_sign: true,
        };
        for status in ApplicationStatus::ALL {
            let offered =
                application_actions(&facts(status), &worker).contains(&ApplicationAction::Update);
            assert_eq!(offered, is_editable(status), "{status:?}");
            assert!(
                !application_actions(&facts(status), &head).contains(&ApplicationAction::Update)
            );
        }
    }
}
