//! The applications list and the decisions awaiting delivery at municipal
//! scale (issue 13), measured on ten years of a municipality of 100,000
//! people (183,000 applications, 150,000 decisions) on PostgreSQL:
//!
//! - `ix_applications_received`: the applications list's page, newest
//!   first, was a scan and sort of every application of the municipality
//!   (60 ms); with the index it reads the page's 25 rows (0.1 ms).
//! - `ix_decisions_undelivered`: the inbox and the worklist list signed
//!   decisions not yet notified or handed over, by the date signed; they
//!   were found by scanning and sorting every decision (34 ms). The partial
//!   index holds only those, in that order, and the list stops at its
//!   length (9 ms, 18 ms with PostgreSQL's parallel workers, among the
//!   generator's 15,000 undelivered decisions; a municipality's real
//!   backlog is a few dozen). The lists filter the applications by
//!   municipality, not the decisions, so the index does not begin with it.
//! - `ix_applications_open`: a member of staff's work list shows the open
//!   applications they received; they were found among all of their
//!   eldership's (24 ms). The partial index holds only open ones (not
//!   decided, notified or withdrawn): 0.1 ms. The query states those
//!   statuses as literals, as here, so that PostgreSQL can use the index in
//!   a generic plan too (a bound parameter cannot prove the predicate).
//!
//! Partial indexes have the same syntax on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

const RECEIVED: &str = "ix_applications_received";
const UNDELIVERED: &str = "ix_decisions_undelivered";
const OPEN: &str = "ix_applications_open";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE INDEX {RECEIVED} ON applications (municipality_id, received_on, id)"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE INDEX {UNDELIVERED} ON decisions (decided_on, application_id) \
             WHERE notified_on IS NULL OR handed_over_on IS NULL"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE INDEX {OPEN} ON applications (municipality_id, received_by) \
             WHERE status NOT IN ('decided', 'notified', 'withdrawn')"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for index in [OPEN, UNDELIVERED, RECEIVED] {
            db.execute_unprepared(&format!("DROP INDEX {index}"))
                .await?;
        }
        Ok(())
    }
}
