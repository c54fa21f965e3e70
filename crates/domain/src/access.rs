//! Staff roles, what each role may do, and which records a member of staff sees.
//!
//! R-ROLE-1, R-ROLE-2 and DESIGN.md "Auth": the roles, the permissions matrix and
//! the record scope live here so that the API applies one policy everywhere.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A staff role (DESIGN.md "Auth"). A user may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Eldership social-work specialist or the centre's social-work organiser:
    /// intake, needs assessment, delivery records (R-ROLE-1).
    SocialWorker,
    /// Atvejo vadybininkas: own cases, plans, reviews, meetings.
    CaseManager,
    /// The head of the case managers' unit (R-CM-1): opens cases, assigns a
    /// case manager and a family social worker, sees every case.
    CaseManagementHead,
    /// Social Support Division specialist: prepares decisions, manages queues and places (R-ROLE-2).
    DivisionSpecialist,
    /// Signs decisions (R-ROLE-2): the head of the Social Support Division,
    /// the administration director, the Centre's director or a person they
    /// authorise. Which service types each signs, and when, is their signing
    /// delegation ([`crate::signing`]).
    DivisionHead,
    /// Reads the audit log and exports a data subject's records.
    Auditor,
    /// Duomenų apsaugos pareigūnas: answers the data subject's questions
    /// (GDPR art. 15) — who read or changed a person's data, and why — and
    /// exports what is stored about them; sees no case screens otherwise.
    DataProtectionOfficer,
    /// Manages users, the catalogue and rates; sees no case content.
    Admin,
}

impl Role {
    /// Every role, in a stable order.
    pub const ALL: [Role; 8] = [
        Role::SocialWorker,
        Role::CaseManager,
        Role::CaseManagementHead,
        Role::DivisionSpecialist,
        Role::DivisionHead,
        Role::Auditor,
        Role::DataProtectionOfficer,
        Role::Admin,
    ];

    /// The role's code as stored and sent over the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::SocialWorker => "social_worker",
            Role::CaseManager => "case_manager",
            Role::CaseManagementHead => "case_management_head",
            Role::DivisionSpecialist => "division_specialist",
            Role::DivisionHead => "division_head",
            Role::Auditor => "auditor",
            Role::DataProtectionOfficer => "data_protection_officer",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role code that names no role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}`")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// Something a member of staff may be allowed to do. The API checks one of these
/// on every endpoint; [`allows`] is the only place that maps roles to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// List, create and change staff users and service accounts of the own municipality.
    ManageUsers,
    /// Edit the service catalogue and the rates (VRP, prices).
    ManageReferenceData,
    /// Read the audit log of the own municipality.
    ReadAudit,
    /// Read people, families, applications and decisions (case content).
    ReadCaseContent,
    /// Create and change people, families and income records.
    WritePersons,
    /// Receive an application (SP-8) and keep its documents (R-ROLE-1).
    ReceiveApplications,
    /// Carry out and record a needs assessment (R-ROLE-1).
    AssessNeeds,
    /// Prepare a decision (SP-9) (R-ROLE-2).
    PrepareDecisions,
    /// Sign a decision (SP-9) (R-ROLE-2), of a service type that a signing
    /// delegation in force covers ([`crate::signing`]).
    SignDecisions,
    /// Read the cases (atvejo vadyba) in one's case scope ([`case_scope`]).
    ReadCases,
    /// Open a case (R-CM-1): from a child-rights notice, a request of the
    /// parents or an organisation.
    OpenCases,
    /// Assign a case manager and a family social worker (R-CM-1).
    AssignCases,
    /// Work on a case in one's scope: assessments, meetings, the plan,
    /// reviews, the monitoring journal (R-CM-2, R-CM-3).
    WorkCases,
    /// Read the facilities, their queues, offers and stays (R-Q-1..5).
    ReadPlaces,
    /// Manage facilities and their capacity, the queues, offers,
    /// admissions and stays (R-Q-1..4, R-LIM-7).
    ManagePlaces,
    /// Record arrivals at the overnight shelter and their stays (R-DL-5).
    RecordArrivals,
    /// Read what was delivered and charged: visits, trips, meals, coupons,
    /// technical aids and their loans, monthly charges.
    ReadDeliveries,
    /// Record the services given: visits of home help and respite, trips,
    /// meal lists, coupons, technical aids and their loans (R-LIM-1..6).
    RecordDeliveries,
    /// Approve a home-help or respite schedule (the Centre's director).
    ApproveSchedules,
    /// Run the monthly charges and confirm changed fees (R-FEE-*).
    RunCharges,
    /// Ask for a fee quote (R-FEE-*): for a household given in the request,
    /// or for a person whose file one may read.
    QuoteFees,
    /// Read the division's reports (R-REP-1..3): timeliness, waiting, the
    /// yearly summary, and the overdue list that names people.
    ReadReports,
    /// Answer a data subject's questions (GDPR art. 15): find the person by
    /// name or personal code, list every read and write of their data with
    /// who, when and why, and export what is stored about them.
    AnswerDataSubjects,
}

impl Permission {
    /// Every permission.
    pub const ALL: [Permission; 23] = [
        Permission::ManageUsers,
        Permission::ManageReferenceData,
        Permission::ReadAudit,
        Permission::ReadCaseContent,
        Permission::WritePersons,
        Permission::ReceiveApplications,
        Permission::AssessNeeds,
        Permission::PrepareDecisions,
        Permission::SignDecisions,
        Permission::ReadCases,
        Permission::OpenCases,
        Permission::AssignCases,
        Permission::WorkCases,
        Permission::ReadPlaces,
        Permission::ManagePlaces,
        Permission::RecordArrivals,
        Permission::ReadDeliveries,
        Permission::RecordDeliveries,
        Permission::ApproveSchedules,
        Permission::RunCharges,
        Permission::QuoteFees,
        Permission::ReadReports,
        Permission::AnswerDataSubjects,
    ];
}

/// Whether any of `roles` grants `permission`.
///
/// R-ROLE-1: applications are received and needs assessed by social workers.
/// R-ROLE-2: decisions are prepared by division specialists and signed by the
/// division head. The administrator sees no case content (DESIGN.md "Auth").
///
/// An administrator holds no case role ([`admin_with_case_role`]); should
/// stored data still give one both, the administrator's side wins: no case
/// permission at all.
pub fn allows(roles: &[Role], permission: Permission) -> bool {
    if roles.contains(&Role::Admin) && is_case_permission(permission) {
        return false;
    }
    roles.iter().any(|role| role_allows(*role, permission))
}

/// Whether `permission` touches case content (people, families,
/// applications, decisions).
fn is_case_permission(permission: Permission) -> bool {
    use Permission as P;
    matches!(
        permission,
        P::ReadCaseContent
            | P::WritePersons
            | P::ReceiveApplications
            | P::AssessNeeds
            | P::PrepareDecisions
            | P::SignDecisions
            | P::ReadCases
            | P::OpenCases
            | P::AssignCases
            | P::WorkCases
            | P::ReadPlaces
            | P::ManagePlaces
            | P::RecordArrivals
            | P::ReadDeliveries
            | P::RecordDeliveries
            | P::ApproveSchedules
            | P::RunCharges
            | P::QuoteFees
            | P::ReadReports
    )
}

/// Whether `role` is a case role: one that reads case content
/// (`social_worker`, `case_manager`, `case_management_head`,
/// `division_specialist`, `division_head`).
pub fn is_case_role(role: Role) -> bool {
    role_allows(role, Permission::ReadCaseContent)
}

/// DESIGN.md "Auth" (administrators see no case content): a role list that
/// gives one user `admin` together with a case role ([`is_case_role`]),
/// which no user may hold; the first such case role.
pub fn admin_with_case_role(roles: &[Role]) -> Option<Role> {
    if !roles.contains(&Role::Admin) {
        return None;
    }
    roles.iter().copied().find(|r| is_case_role(*r))
}

fn role_allows(role: Role, permission: Permission) -> bool {
    use Permission as P;
    match role {
        Role::Admin => matches!(permission, P::ManageUsers | P::ManageReferenceData),
        Role::Auditor | Role::DataProtectionOfficer => {
            matches!(permission, P::ReadAudit | P::AnswerDataSubjects)
        }
        Role::SocialWorker => matches!(
            permission,
            P::ReadCaseContent
                | P::WritePersons
                | P::ReceiveApplications
                | P::AssessNeeds
                | P::ReadCases
                | P::WorkCases
                | P::ReadPlaces
                | P::RecordArrivals
                | P::ReadDeliveries
                | P::RecordDeliveries
                | P::QuoteFees
        ),
        Role::CaseManager => matches!(
            permission,
            P::ReadCaseContent
                | P::WritePersons
                | P::ReceiveApplications
                | P::ReadCases
                | P::OpenCases
                | P::WorkCases
                | P::QuoteFees
        ),
        Role::CaseManagementHead => matches!(
            permission,
            P::ReadCaseContent
                | P::WritePersons
                | P::ReadCases
                | P::OpenCases
                | P::AssignCases
                | P::WorkCases
        ),
        Role::DivisionSpecialist => matches!(
            permission,
            P::ReadCaseContent
                | P::WritePersons
                | P::PrepareDecisions
                | P::ReadPlaces
                | P::ManagePlaces
                | P::RecordArrivals
                | P::ReadDeliveries
                | P::RecordDeliveries
                | P::RunCharges
                | P::QuoteFees
                | P::ReadReports
        ),
        Role::DivisionHead => matches!(
            permission,
            P::ReadCaseContent
                | P::SignDecisions
                | P::ReadCases
                | P::ReadPlaces
                | P::ReadDeliveries
                | P::ApproveSchedules
                | P::RunCharges
                | P::QuoteFees
                | P::ReadReports
        ),
    }
}

/// Which people's records a member of staff sees, on top of the municipality
/// boundary that nobody crosses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordScope {
    /// Every record of the own municipality.
    Municipality,
    /// Only records of the own eldership (an eldership social-work specialist).
    OwnEldership,
}

/// R-ROLE-1: an eldership's social-work specialist sees the people of their
/// eldership; the division, the centre's staff (no eldership) and everyone with
/// a municipality-wide role see the whole municipality.
pub fn record_scope(roles: &[Role], has_eldership: bool) -> RecordScope {
    let municipality_wide = roles.iter().any(|r| {
        matches!(
            r,
            Role::DivisionSpecialist
                | Role::DivisionHead
                | Role::Auditor
                | Role::DataProtectionOfficer
                | Role::Admin
        )
    });
    if has_eldership && !municipality_wide {
        RecordScope::OwnEldership
    } else {
        RecordScope::Municipality
    }
}

/// Which cases (atvejo vadyba) a member of staff sees, on top of the
/// municipality boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseScope {
    /// Every case of the own municipality.
    AllCases,
    /// Only the cases assigned to them (as case manager or the family's
    /// social worker).
    AssignedToMe,
}

/// DESIGN.md "Auth": a case manager, and a social worker working with a
/// family, see the cases assigned to them; the head of the case managers'
/// unit and the division head see every case of the municipality. Who reads
/// cases at all is [`Permission::ReadCases`].
pub fn case_scope(roles: &[Role]) -> CaseScope {
    let municipality_wide = roles
        .iter()
        .any(|r| matches!(r, Role::CaseManagementHead | Role::DivisionHead));
    if municipality_wide {
        CaseScope::AllCases
    } else {
        CaseScope::AssignedToMe
    }
}

/// Why a member of staff reads a person's or a case's file (R-ROLE-3, GDPR
/// art. 15): every read of case content is recorded with one of these, so a
/// data subject can learn when and why their record was consulted. Sent by
/// the client in the `X-Purpose` header; a read of case content without one
/// is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Receiving an application (SP-8) and its documents.
    Intake,
    /// Assessing the need for social services.
    NeedsAssessment,
    /// Preparing or signing a decision (SP-9).
    Decision,
    /// Case management (atvejo vadyba) of a family.
    CaseManagement,
    /// Giving or recording a service, places and queues.
    ServiceDelivery,
    /// Calculating or checking what a person pays.
    Payment,
    /// Correcting the person's data (rectification).
    Correction,
    /// Answering the person's own request about their data.
    DataSubjectRequest,
    /// Supervision or an internal check of the work done.
    Supervision,
}

impl Purpose {
    /// Every purpose.
    pub const ALL: [Purpose; 9] = [
        Purpose::Intake,
        Purpose::NeedsAssessment,
        Purpose::Decision,
        Purpose::CaseManagement,
        Purpose::ServiceDelivery,
        Purpose::Payment,
        Purpose::Correction,
        Purpose::DataSubjectRequest,
        Purpose::Supervision,
    ];

    /// The code as sent and recorded.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Intake => "intake",
            Purpose::NeedsAssessment => "needs_assessment",
            Purpose::Decision => "decision",
            Purpose::CaseManagement => "case_management",
            Purpose::ServiceDelivery => "service_delivery",
            Purpose::Payment => "payment",
            Purpose::Correction => "correction",
            Purpose::DataSubjectRequest => "data_subject_request",
            Purpose::Supervision => "supervision",
        }
    }

    /// The purpose a code names.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_role_3_purpose_codes_round_trip() {
        for purpose in Purpose::ALL {
            assert_eq!(Purpose::parse(purpose.as_str()), Some(purpose));
        }
        assert_eq!(Purpose::parse("curiosity"), None);
    }

    #[test]
    fn case_managers_see_their_own_cases_and_the_heads_all() {
        assert_eq!(case_scope(&[Role::CaseManager]), CaseScope::AssignedToMe);
        assert_eq!(case_scope(&[Role::SocialWorker]), CaseScope::AssignedToMe);
        assert_eq!(
            case_scope(&[Role::CaseManager, Role::DivisionSpecialist]),
            CaseScope::AssignedToMe
        );
        assert_eq!(case_scope(&[Role::CaseManagementHead]), CaseScope::AllCases);
        assert_eq!(case_scope(&[Role::DivisionHead]), CaseScope::AllCases);
    }

    #[test]
    fn r_cm_1_only_case_roles_read_cases_and_the_head_assigns() {
        for role in [Role::Admin, Role::Auditor, Role::DivisionSpecialist] {
            assert!(!allows(&[role], Permission::ReadCases), "{role}");
        }
        assert!(allows(&[Role::CaseManagementHead], Permission::AssignCases));
        assert!(!allows(&[Role::CaseManager], Permission::AssignCases));
        assert!(allows(&[Role::CaseManager], Permission::WorkCases));
        assert!(!allows(&[Role::DivisionHead], Permission::WorkCases));
        assert!(!allows(
            &[Role::Admin, Role::CaseManagementHead],
            Permission::ReadCases
        ));
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert_eq!(
            "superuser".parse::<Role>(),
            Err(UnknownRole("superuser".into()))
        );
    }

    #[test]
    fn an_administrator_holds_no_case_role() {
        for role in [
            Role::SocialWorker,
            Role::CaseManager,
            Role::DivisionSpecialist,
            Role::DivisionHead,
        ] {
            assert!(is_case_role(role));
            assert_eq!(admin_with_case_role(&[Role::Admin, role]), Some(role));
            assert_eq!(admin_with_case_role(&[role]), None);
            // Stored data that still gives both grants no case permission.
            assert!(!allows(&[Role::Admin, role], Permission::ReadCaseContent));
            assert!(allows(&[Role::Admin, role], Permission::ManageUsers));
        }
        assert!(!is_case_role(Role::Auditor));
        assert!(!is_case_role(Role::Admin));
        assert_eq!(admin_with_case_role(&[Role::Admin, Role::Auditor]), None);
        assert!(allows(&[Role::Admin, Role::Auditor], Permission::ReadAudit));
        assert!(!allows(
            &[Role::Admin, Role::DivisionHead],
            Permission::SignDecisions
        ));
    }

    #[test]
    fn admin_sees_no_case_content() {
        assert!(allows(&[Role::Admin], Permission::ManageUsers));
        assert!(!allows(&[Role::Admin], Permission::ReadCaseContent));
        assert!(!allows(&[Role::Admin], Permission::ReadAudit));
    }

    #[test]
    fn only_auditor_and_data_protection_officer_read_audit() {
        for role in Role::ALL {
            let overseer = matches!(role, Role::Auditor | Role::DataProtectionOfficer);
            assert_eq!(allows(&[role], Permission::ReadAudit), overseer, "{role}");
            assert_eq!(
                allows(&[role], Permission::AnswerDataSubjects),
                overseer,
                "{role}"
            );
            assert!(!overseer || !is_case_role(role), "{role}");
        }
    }

    #[test]
    fn reports_are_for_the_division() {
        for role in Role::ALL {
            assert_eq!(
                allows(&[role], Permission::ReadReports),
                matches!(role, Role::DivisionSpecialist | Role::DivisionHead),
                "{role}"
            );
        }
        assert!(!allows(
            &[Role::Admin, Role::DivisionHead],
            Permission::ReadReports
        ));
    }

    #[test]
    fn r_role_1_social_worker_receives_and_assesses() {
        assert!(allows(
            &[Role::SocialWorker],
            Permission::ReceiveApplications
        ));
        assert!(allows(&[Role::SocialWorker], Permission::AssessNeeds));
        assert!(!allows(&[Role::SocialWorker], Permission::PrepareDecisions));
        assert!(!allows(&[Role::SocialWorker], Permission::SignDecisions));
    }

    #[test]
    fn r_role_2_specialist_prepares_head_signs() {
        assert!(allows(
            &[Role::DivisionSpecialist],
            Permission::PrepareDecisions
        ));
        assert!(!allows(
            &[Role::DivisionSpecialist],
            Permission::SignDecisions
        ));
        assert!(allows(&[Role::DivisionHead], Permission::SignDecisions));
        assert!(!allows(&[Role::DivisionHead], Permission::PrepareDecisions));
    }

    #[test]
    fn r_role_1_eldership_specialist_is_limited_to_own_eldership() {
        assert_eq!(
            record_scope(&[Role::SocialWorker], true),
            RecordScope::OwnEldership
        );
        assert_eq!(
            record_scope(&[Role::SocialWorker], false),
            RecordScope::Municipality
        );
        assert_eq!(
            record_scope(&[Role::SocialWorker, Role::DivisionSpecialist], true),
            RecordScope::Municipality
        );
        assert_eq!(
            record_scope(&[Role::DivisionHead], true),
            RecordScope::Municipality
        );
    }
}
