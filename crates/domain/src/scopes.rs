//! Scopes of service accounts (other municipal systems) and the permissions
//! each grants. A service account never manages users, reads the audit log,
//! prepares or signs decisions: those stay with named staff.

use crate::access::Permission;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A scope a service account can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ServiceScope {
    /// Read people, families, applications and decisions.
    #[serde(rename = "case_content:read")]
    CaseContentRead,
    /// Create and change people, families and income records.
    #[serde(rename = "persons:write")]
    PersonsWrite,
    /// File applications (SP-8).
    #[serde(rename = "applications:write")]
    ApplicationsWrite,
    /// Refer a family to case management: the child-rights protection
    /// service's notice (R-CM-1).
    #[serde(rename = "cases:refer")]
    CasesRefer,
}

impl ServiceScope {
    /// Every scope.
    pub const ALL: [ServiceScope; 4] = [
        ServiceScope::CaseContentRead,
        ServiceScope::PersonsWrite,
        ServiceScope::ApplicationsWrite,
        ServiceScope::CasesRefer,
    ];

    /// The scope's code.
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceScope::CaseContentRead => "case_content:read",
            ServiceScope::PersonsWrite => "persons:write",
            ServiceScope::ApplicationsWrite => "applications:write",
            ServiceScope::CasesRefer => "cases:refer",
        }
    }
}

impl FromStr for ServiceScope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ServiceScope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s)
            .ok_or_else(|| format!("unknown scope `{s}`"))
    }
}

/// Parses a space-separated scope list.
pub fn parse_list(list: &str) -> Result<Vec<ServiceScope>, String> {
    let mut scopes = list
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<Vec<ServiceScope>, _>>()?;
    scopes.sort();
    scopes.dedup();
    Ok(scopes)
}

/// Formats scopes as a space-separated list.
pub fn format_list(scopes: &[ServiceScope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether any of `scopes` grants `permission`.
pub fn grants(scopes: &[ServiceScope], permission: Permission) -> bool {
    scopes.iter().any(|scope| match scope {
        ServiceScope::CaseContentRead => permission == Permission::ReadCaseContent,
        ServiceScope::PersonsWrite => permission == Permission::WritePersons,
        ServiceScope::ApplicationsWrite => permission == Permission::ReceiveApplications,
        ServiceScope::CasesRefer => permission == Permission::OpenCases,
    })
}

/// A stable name of a permission, for error messages.
pub fn permission_code(permission: Permission) -> &'static str {
    match permission {
        Permission::ManageUsers => "manage_users",
        Permission::ManageReferenceData => "manage_reference_data",
        Permission::ReadAudit => "read_audit",
        Permission::ReadCaseContent => "read_case_content",
        Permission::WritePersons => "write_persons",
        Permission::ReceiveApplications => "receive_applications",
        Permission::AssessNeeds => "assess_needs",
        Permission::PrepareDecisions => "prepare_decisions",
        Permission::SignDecisions => "sign_decisions",
        Permission::ReadCases => "read_cases",
        Permission::OpenCases => "open_cases",
        Permission::AssignCases => "assign_cases",
        Permission::WorkCases => "work_cases",
        Permission::ReadPlaces => "read_places",
        Permission::ManagePlaces => "manage_places",
        Permission::RecordArrivals => "record_arrivals",
        Permission::ReadDeliveries => "read_deliveries",
        Permission::RecordDeliveries => "record_deliveries",
        Permission::ApproveSchedules => "approve_schedules",
        Permission::RunCharges => "run_charges",
        Permission::QuoteFees => "quote_fees",
        Permission::ReadReports => "read_reports",
        Permission::AnswerDataSubjects => "answer_data_subjects",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_lists_round_trip() {
        let scopes = parse_list("persons:write  case_content:read persons:write").unwrap();
        assert_eq!(
            scopes,
            vec![ServiceScope::CaseContentRead, ServiceScope::PersonsWrite]
        );
        assert_eq!(format_list(&scopes), "case_content:read persons:write");
        assert!(parse_list("users:admin").is_err());
    }

    #[test]
    fn no_scope_grants_staff_only_permissions() {
        for p in [
            Permission::ManageUsers,
            Permission::ReadAudit,
            Permission::AnswerDataSubjects,
            Permission::PrepareDecisions,
            Permission::SignDecisions,
            Permission::ManageReferenceData,
            Permission::AssignCases,
            Permission::WorkCases,
            Permission::ReadCases,
        ] {
            assert!(!grants(&ServiceScope::ALL, p));
        }
    }
}
