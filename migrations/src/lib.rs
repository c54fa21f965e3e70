//! Database migrations of Atvejis. The same migrations run on SQLite (the
//! embedded default) and PostgreSQL (production). One file per change, named
//! `m{YYYYMMDD_HHMMSS}_{name}.rs`, each with a `down()`. Migrations never use
//! the API crate's entity code: they describe tables with sea-query only.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_foundation;
mod m20261123_000002_casework;
mod m20261123_000003_application_deadline;
mod m20261202_000004_family_membership_and_income_gaps;
mod m20261202_000005_deadline_corrections;
mod m20261202_000006_signing_delegations;
mod m20261202_000007_audit_client_request;
mod m20261202_000008_case_management;
mod m20261203_000009_places_and_queues;
mod m20261203_000010_fee_rates_and_records;
mod m20261203_000011_deliveries;
mod m20261203_000012_technical_aids;
mod m20261203_000013_care_fees_and_charges;
mod m20261203_000014_charge_run_problems;
mod m20261203_000016_report_indexes;
mod m20261203_000017_name_search_trigram;
mod m20261203_000018_session_cache_notify;
mod m20261204_000019_name_search_without_pending_list;
mod m20261204_000020_name_search_small_pending_list;
mod m20261204_000021_application_list_indexes;
mod m20261205_000022_name_walk_index;
mod m20261206_000023_person_file_versions;
mod util;

/// The ordered list of migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_foundation::Migration),
            Box::new(m20261123_000002_casework::Migration),
            Box::new(m20261123_000003_application_deadline::Migration),
            Box::new(m20261202_000004_family_membership_and_income_gaps::Migration),
            Box::new(m20261202_000005_deadline_corrections::Migration),
            Box::new(m20261202_000006_signing_delegations::Migration),
            Box::new(m20261202_000007_audit_client_request::Migration),
            Box::new(m20261202_000008_case_management::Migration),
            Box::new(m20261203_000009_places_and_queues::Migration),
            Box::new(m20261203_000010_fee_rates_and_records::Migration),
            Box::new(m20261203_000011_deliveries::Migration),
            Box::new(m20261203_000012_technical_aids::Migration),
            Box::new(m20261203_000013_care_fees_and_charges::Migration),
            Box::new(m20261203_000014_charge_run_problems::Migration),
            Box::new(m20261203_000016_report_indexes::Migration),
            Box::new(m20261203_000017_name_search_trigram::Migration),
            Box::new(m20261203_000018_session_cache_notify::Migration),
            Box::new(m20261204_000019_name_search_without_pending_list::Migration),
            Box::new(m20261204_000020_name_search_small_pending_list::Migration),
            Box::new(m20261204_000021_application_list_indexes::Migration),
            Box::new(m20261205_000022_name_walk_index::Migration),
            Box::new(m20261206_000023_person_file_versions::Migration),
        ]
    }
}
