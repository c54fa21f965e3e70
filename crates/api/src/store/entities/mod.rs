//! sea-orm entities, one per table. Columns mirror the migrations; no
//! relations are declared: queries join explicitly where they need to.

pub mod applications;
pub mod attachments;
pub mod audit_log;
pub mod case_action_statuses;
pub mod case_assessments;
pub mod case_assignments;
pub mod case_children;
pub mod case_journal_entries;
pub mod case_meetings;
pub mod case_plan_versions;
pub mod case_reviews;
pub mod cases;
pub mod decisions;
pub mod elderships;
pub mod families;
pub mod family_members;
pub mod income_records;
pub mod institutions;
pub mod login_failures;
pub mod municipalities;
pub mod person_certificates;
pub mod persons;
pub mod procedure_parameters;
pub mod rates;
pub mod refresh_tokens;
pub mod service_accounts;
pub mod service_types;
pub mod signing_delegation_services;
pub mod signing_delegations;
pub mod user_roles;
pub mod users;
