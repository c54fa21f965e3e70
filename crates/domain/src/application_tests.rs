//! Tests of the application state machine and its deadlines.
use super::*;
use crate::calendar::{DeadlineRule, DeadlineUnit};
use time::macros::date;

const SPECIALIST: u128 = 1;
const HEAD: u128 = 2;
const WORKER: u128 = 3;

fn actor(id: u128, roles: &[Role]) -> ActorFacts {
    ActorFacts {
        id,
        roles: roles.to_vec(),
        delegated_to_sign: true,
    }
}

fn facts(status: ApplicationStatus) -> ApplicationFacts {
    ApplicationFacts {
        status,
        documents: vec![DocumentCheck {
            code: "identity_document".into(),
            status: DocumentStatus::Provided,
            provided_on: Some(date!(2026 - 11 - 02)),
        }],
        has_assessment: true,
        exception_recorded: false,
        decision_prepared_by: Some(SPECIALIST),
    }
}

fn who_may(action: Action) -> ActorFacts {
    match action {
        Action::Submit
        | Action::RecordAssessment
        | Action::ForwardToDivision
        | Action::Withdraw => actor(WORKER, &[Role::SocialWorker]),
        Action::ReturnForCompletion | Action::PrepareDecision | Action::RecordNotification => {
            actor(SPECIALIST, &[Role::DivisionSpecialist])
        }
        Action::Sign { .. } => actor(HEAD, &[Role::DivisionHead]),
    }
}

const ACTIONS: [Action; 9] = [
    Action::Submit,
    Action::RecordAssessment,
    Action::ForwardToDivision,
    Action::ReturnForCompletion,
    Action::PrepareDecision,
    Action::Sign {
        outcome: Outcome::Granted,
    },
    Action::Sign {
        outcome: Outcome::Refused,
    },
    Action::RecordNotification,
    Action::Withdraw,
];

#[test]
fn r_role_1_r_role_2_every_state_and_step() {
    use ApplicationStatus as S;
    let expected = |action: Action, from: S| -> Option<S> {
        match (action, from) {
            (Action::Submit, S::Draft) => Some(S::Submitted),
            (Action::RecordAssessment, S::Submitted | S::Assessed | S::ReturnedForCompletion) => {
                Some(S::Assessed)
            }
            (Action::ForwardToDivision, S::Submitted | S::Assessed | S::ReturnedForCompletion) => {
                Some(S::ReadyForDecision)
            }
            (Action::ReturnForCompletion, S::ReadyForDecision | S::DecisionPrepared) => {
                Some(S::ReturnedForCompletion)
            }
            (Action::PrepareDecision, S::ReadyForDecision | S::DecisionPrepared) => {
                Some(S::DecisionPrepared)
            }
            (Action::Sign { .. }, S::DecisionPrepared) => Some(S::Decided),
            (Action::RecordNotification, S::Decided | S::Notified) => Some(S::Notified),
            (
                Action::Withdraw,
                S::Draft
                | S::Submitted
                | S::Assessed
                | S::ReturnedForCompletion
                | S::ReadyForDecision
                | S::DecisionPrepared,
            ) => Some(S::Withdrawn),
            _ => None,
        }
    };
    for from in ApplicationStatus::ALL {
        for action in ACTIONS {
            let result = transition(&facts(from), action, &who_may(action));
            match expected(action, from) {
                Some(to) => {
                    assert_eq!(result, Ok(to), "{} from {}", action.as_str(), from.as_str())
                }
                None => assert_eq!(
                    result,
                    Err(TransitionError::NotAllowedInState {
                        from: from.as_str(),
                        action: action.as_str()
                    }),
                    "{} from {}",
                    action.as_str(),
                    from.as_str()
                ),
            }
        }
    }
}

#[test]
fn r_role_1_only_the_right_roles_move_an_application() {
    let admin = actor(9, &[Role::Admin]);
    let auditor = actor(9, &[Role::Auditor]);
    for action in ACTIONS {
        for nobody in [&admin, &auditor] {
            assert!(matches!(
                transition(&facts(ApplicationStatus::DecisionPrepared), action, nobody),
                Err(TransitionError::RoleMissing(_))
            ));
        }
    }
    let worker = actor(WORKER, &[Role::SocialWorker]);
    assert_eq!(
        transition(
            &facts(ApplicationStatus::ReadyForDecision),
            Action::PrepareDecision,
            &worker
        ),
        Err(TransitionError::RoleMissing(Permission::PrepareDecisions))
    );
    let specialist = actor(SPECIALIST, &[Role::DivisionSpecialist]);
    assert_eq!(
        transition(
            &facts(ApplicationStatus::Assessed),
            Action::ForwardToDivision,
            &specialist
        ),
        Err(TransitionError::RoleMissing(Permission::AssessNeeds))
    );
}

#[test]
fn r_role_2_preparer_cannot_sign() {
    let both = actor(SPECIALIST, &[Role::DivisionSpecialist, Role::DivisionHead]);
    let sign = Action::Sign {
        outcome: Outcome::Granted,
    };
    assert_eq!(
        transition(&facts(ApplicationStatus::DecisionPrepared), sign, &both),
        Err(TransitionError::PreparerCannotSign)
    );
    // Even without the head's role the preparer hears the specific reason.
    let preparer = actor(SPECIALIST, &[Role::DivisionSpecialist]);
    assert_eq!(
        transition(&facts(ApplicationStatus::DecisionPrepared), sign, &preparer),
        Err(TransitionError::PreparerCannotSign)
    );
    let head = actor(HEAD, &[Role::DivisionHead]);
    assert_eq!(
        transition(&facts(ApplicationStatus::DecisionPrepared), sign, &head),
        Ok(ApplicationStatus::Decided)
    );
}

#[test]
fn r_role_2_signing_needs_a_delegation_for_the_service() {
    let sign = Action::Sign {
        outcome: Outcome::Granted,
    };
    let prepared = facts(ApplicationStatus::DecisionPrepared);
    let mut head = actor(HEAD, &[Role::DivisionHead]);
    head.delegated_to_sign = false;
    assert_eq!(
        transition(&prepared, sign, &head),
        Err(TransitionError::NoSigningDelegation)
    );
    assert!(
        !crate::lifecycle::application_actions(&prepared, &head)
            .contains(&crate::lifecycle::ApplicationAction::Sign),
        "not offered without a delegation"
    );
    head.delegated_to_sign = true;
    assert!(
        crate::lifecycle::application_actions(&prepared, &head)
            .contains(&crate::lifecycle::ApplicationAction::Sign)
    );
    // The preparer never signs, delegation or not; a role that cannot sign
    // is refused for its role, whatever it holds.
    let both = actor(SPECIALIST, &[Role::DivisionSpecialist, Role::DivisionHead]);
    assert_eq!(
        transition(&prepared, sign, &both),
        Err(TransitionError::PreparerCannotSign)
    );
    let worker = actor(WORKER, &[Role::SocialWorker]);
    assert_eq!(
        transition(&prepared, sign, &worker),
        Err(TransitionError::RoleMissing(Permission::SignDecisions))
    );
}

#[test]
fn r_el_6_a_missing_document_blocks_the_way_to_a_decision() {
    let mut f = facts(ApplicationStatus::Assessed);
    f.documents.push(DocumentCheck {
        code: "income_3_months".into(),
        status: DocumentStatus::Missing,
        provided_on: None,
    });
    f.documents.push(DocumentCheck {
        code: "declared_residence".into(),
        status: DocumentStatus::NotNeeded,
        provided_on: None,
    });
    let worker = actor(WORKER, &[Role::SocialWorker]);
    assert_eq!(
        transition(&f, Action::ForwardToDivision, &worker),
        Err(TransitionError::DocumentsMissing(vec![
            "income_3_months".into()
        ]))
    );
    f.documents[2].status = DocumentStatus::Missing;
    assert_eq!(
        missing_documents(&f.documents),
        vec![
            "income_3_months".to_owned(),
            "declared_residence".to_owned()
        ]
    );
}

#[test]
fn r_cm_6_waives_only_the_assessment() {
    let mut f = facts(ApplicationStatus::Submitted);
    f.has_assessment = false;
    let worker = actor(WORKER, &[Role::SocialWorker]);
    assert_eq!(
        transition(&f, Action::ForwardToDivision, &worker),
        Err(TransitionError::AssessmentMissing)
    );
    f.exception_recorded = true;
    assert_eq!(
        transition(&f, Action::ForwardToDivision, &worker),
        Ok(ApplicationStatus::ReadyForDecision)
    );
    // The documents are still required.
    f.documents[0].status = DocumentStatus::Missing;
    assert_eq!(
        transition(&f, Action::ForwardToDivision, &worker),
        Err(TransitionError::DocumentsMissing(vec![
            "identity_document".into()
        ]))
    );
    // The assessment is then done while the service is given.
    let mut later = facts(ApplicationStatus::Decided);
    later.exception_recorded = true;
    assert_eq!(
        transition(&later, Action::RecordAssessment, &worker),
        Ok(ApplicationStatus::Decided)
    );
    later.exception_recorded = false;
    assert!(transition(&later, Action::RecordAssessment, &worker).is_err());
}

#[test]
fn r_dl_1_due_date_of_home_help() {
    let home_help = DecisionDeadline {
        amount: 14,
        unit: DeadlineUnit::CalendarDays,
        from: DeadlineStart::AssessmentSubmitted,
        until: DeadlineEnd::DecisionSigned,
    };
    let mut events = DeadlineEvents {
        received_on: date!(2026 - 11 - 30),
        assessment_submitted_on: None,
        files_received_on: None,
    };
    assert_eq!(
        decision_due_on(&home_help, &events),
        None,
        "not running before the assessment"
    );
    events.assessment_submitted_on = Some(date!(2026 - 12 - 10));
    assert_eq!(
        decision_due_on(&home_help, &events),
        Some(date!(2026 - 12 - 28))
    );
    assert!(!is_overdue(
        Some(date!(2026 - 12 - 28)),
        date!(2026 - 12 - 28),
        None
    ));
    assert!(is_overdue(
        Some(date!(2026 - 12 - 28)),
        date!(2026 - 12 - 29),
        None
    ));
    assert!(!is_overdue(
        Some(date!(2026 - 12 - 28)),
        date!(2027 - 02 - 01),
        Some(date!(2026 - 12 - 28))
    ));
    assert!(is_overdue(
        Some(date!(2026 - 12 - 28)),
        date!(2027 - 02 - 01),
        Some(date!(2026 - 12 - 29))
    ));
}

#[test]
fn r_dl_2_due_date_of_childrens_day_care() {
    let day_care = DecisionDeadline {
        amount: 10,
        unit: DeadlineUnit::WorkingDays,
        from: DeadlineStart::FilesReceived,
        until: DeadlineEnd::SubmittedForSignature,
    };
    let events = DeadlineEvents {
        received_on: date!(2027 - 03 - 01),
        assessment_submitted_on: Some(date!(2027 - 03 - 15)),
        files_received_on: Some(date!(2027 - 03 - 22)),
    };
    let due = decision_due_on(&day_care, &events);
    assert_eq!(due, Some(date!(2027 - 04 - 06)));
    // Submitted for signature on the due day, signed later: in time.
    let met = deadline_met_on(
        &day_care,
        Some(date!(2027 - 04 - 06)),
        Some(date!(2027 - 04 - 09)),
    );
    assert_eq!(met, Some(date!(2027 - 04 - 06)));
    assert!(!is_overdue(due, date!(2027 - 04 - 20), met));
    // Not yet submitted after the due day: late.
    assert!(is_overdue(
        due,
        date!(2027 - 04 - 07),
        deadline_met_on(&day_care, None, None)
    ));
    // Elsewhere the signature meets the deadline.
    let signed = DecisionDeadline {
        until: DeadlineEnd::DecisionSigned,
        ..day_care
    };
    assert_eq!(
        deadline_met_on(
            &signed,
            Some(date!(2027 - 04 - 06)),
            Some(date!(2027 - 04 - 09))
        ),
        Some(date!(2027 - 04 - 09))
    );
}

#[test]
fn r_dl_2_handover_to_the_provider_within_3_working_days() {
    let term = Some(DeadlineRule::working_days(3));
    // Signed on Friday 2026-12-18: 21, 22, 23 December → 23 December.
    let due = handover_due_on(term, Some(Outcome::Granted), Some(date!(2026 - 12 - 18)));
    assert_eq!(due, Some(date!(2026 - 12 - 23)));
    assert!(!is_overdue(due, date!(2026 - 12 - 23), None));
    assert!(is_overdue(due, date!(2026 - 12 - 28), None));
    assert!(is_overdue(
        due,
        date!(2026 - 12 - 28),
        Some(date!(2026 - 12 - 28))
    ));
    assert!(!is_overdue(
        due,
        date!(2027 - 01 - 05),
        Some(date!(2026 - 12 - 22))
    ));
    // A refusal goes to no provider; other services hand nothing over.
    assert_eq!(
        handover_due_on(term, Some(Outcome::Refused), Some(date!(2026 - 12 - 18))),
        None
    );
    assert_eq!(
        handover_due_on(None, Some(Outcome::Granted), Some(date!(2026 - 12 - 18))),
        None
    );
    assert_eq!(handover_due_on(term, Some(Outcome::Granted), None), None);
}

#[test]
fn r_dl_2_service_starts_no_earlier_than_the_decision() {
    let decided = date!(2026 - 11 - 23);
    assert!(service_may_start_on(decided, decided));
    assert!(service_may_start_on(date!(2026 - 12 - 01), decided));
    assert!(!service_may_start_on(date!(2026 - 11 - 22), decided));
}

#[test]
fn r_dl_3_notification_within_five_working_days() {
    // Decided on Friday 2026-12-18: 21, 22, 23 Dec, (24–27 off), 28, 29 → 29 Dec.
    let term = Some(DeadlineRule::working_days(5));
    assert_eq!(
        notification_due_on(term, Some(date!(2026 - 12 - 18))),
        Some(date!(2026 - 12 - 29))
    );
    assert_eq!(notification_due_on(None, Some(date!(2026 - 12 - 18))), None);
    assert_eq!(notification_due_on(term, None), None);
}

#[test]
fn status_codes_round_trip() {
    for s in ApplicationStatus::ALL {
        assert_eq!(ApplicationStatus::parse(s.as_str()), Some(s));
    }
    assert_eq!(ApplicationStatus::parse("lost"), None);
}
