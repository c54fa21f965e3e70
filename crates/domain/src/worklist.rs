//! Work lists: what each role's home page lists. Which sections a user sees
//! follows from their roles alone; what the sections hold is read by the API
//! in the user's record scope.

use crate::access::Role;
use serde::{Deserialize, Serialize};

/// A section of a home page's work list, by a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Social worker: the applications they received that are still open,
    /// with their decision due dates.
    MyApplications,
    /// Social worker: registered applications whose needs assessment is
    /// still to be recorded, and R-CM-6 exceptions decided before it.
    AssessmentsToRecord,
    /// Social worker: files the division returned for completion.
    ReturnedForCompletion,
    /// Social worker: people of their eldership whose certificate (e.g. of
    /// disability) expires within 30 days.
    CertificatesExpiring,
    /// Division specialist: the inbox, files waiting for a decision, most
    /// urgent first.
    Inbox,
    /// Division specialist: decisions due within 7 days or overdue.
    DecisionsDueSoon,
    /// Division specialist: signed decisions the person is still to be told
    /// of (R-DL-3).
    NotificationsDue,
    /// Division specialist: signed decisions still to be handed to the
    /// provider (R-DL-2).
    HandoversDue,
    /// Division head: decisions prepared and waiting for the signature.
    DecisionsToSign,
    /// Division head: decisions past their due date.
    OverdueDecisions,
    /// Division head: notifications (R-DL-3) past their due date.
    OverdueNotifications,
    /// Division head: hand-overs (R-DL-2) past their due date.
    OverdueHandovers,
    /// Head of the case managers' unit: cases waiting for a case manager
    /// and a family social worker (R-CMP-1).
    CasesAwaitingAssignment,
    /// Case manager: their open cases whose next due item is a plan review
    /// (R-CMP-4); the unit's head: every open case's.
    ReviewsDue,
    /// Cases whose next due item is an action of the plan.
    PlanActionsDue,
    /// Cases whose next due item is the needs assessment (R-CM-2) or the
    /// first case meeting (R-CMP-2, R-CMP-3).
    MeetingsDue,
    /// Admin: staff accounts that are deactivated.
    InactiveAccounts,
    /// Admin: service accounts of other municipal systems.
    ServiceAccounts,
    /// Admin: rates that take effect within 60 days.
    RatesChangingSoon,
}

impl SectionKind {
    /// Whether the section names people or cases (case content): reading
    /// it is a recorded read.
    pub fn is_case_content(self) -> bool {
        !matches!(
            self,
            SectionKind::InactiveAccounts
                | SectionKind::ServiceAccounts
                | SectionKind::RatesChangingSoon
        )
    }
}

/// The sections of the work list of a user with `roles`, in the order the
/// home page shows them, each once.
pub fn sections_for(roles: &[Role]) -> Vec<SectionKind> {
    use SectionKind as S;
    let mut out: Vec<SectionKind> = Vec::new();
    for role in Role::ALL.iter().filter(|r| roles.contains(r)) {
        let sections: &[SectionKind] = match role {
            Role::SocialWorker => &[
                S::MyApplications,
                S::AssessmentsToRecord,
                S::ReturnedForCompletion,
                S::CertificatesExpiring,
            ],
            Role::CaseManager => &[S::ReviewsDue, S::PlanActionsDue, S::MeetingsDue],
            Role::CaseManagementHead => &[
                S::CasesAwaitingAssignment,
                S::ReviewsDue,
                S::PlanActionsDue,
                S::MeetingsDue,
            ],
            Role::DivisionSpecialist => &[
                S::Inbox,
                S::DecisionsDueSoon,
                S::NotificationsDue,
                S::HandoversDue,
            ],
            Role::DivisionHead => &[
                S::DecisionsToSign,
                S::OverdueDecisions,
                S::OverdueNotifications,
                S::OverdueHandovers,
            ],
            Role::Admin => &[
                S::InactiveAccounts,
                S::ServiceAccounts,
                S::RatesChangingSoon,
            ],
            // Their home page links to the data subject's view.
            Role::Auditor | Role::DataProtectionOfficer => &[],
        };
        for s in sections {
            if !out.contains(s) {
                out.push(*s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_working_role_has_sections_and_the_auditors_none() {
        for role in Role::ALL {
            let sections = sections_for(&[role]);
            let expect_none = matches!(role, Role::Auditor | Role::DataProtectionOfficer);
            assert_eq!(sections.is_empty(), expect_none, "{role:?}");
        }
    }

    #[test]
    fn admin_sections_carry_no_case_content() {
        assert!(
            sections_for(&[Role::Admin])
                .iter()
                .all(|s| !s.is_case_content())
        );
        assert!(
            sections_for(&[Role::SocialWorker])
                .iter()
                .all(|s| s.is_case_content())
        );
    }

    #[test]
    fn a_user_with_two_roles_sees_shared_sections_once() {
        let sections = sections_for(&[Role::CaseManager, Role::CaseManagementHead]);
        let reviews = sections
            .iter()
            .filter(|s| **s == SectionKind::ReviewsDue)
            .count();
        assert_eq!(reviews, 1);
        assert!(sections.contains(&SectionKind::CasesAwaitingAssignment));
    }
}
