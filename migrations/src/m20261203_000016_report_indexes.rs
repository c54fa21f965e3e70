//! Indexes for the reports (R-REP-1..3), so that ten years of a large
//! municipality answer in well under 2 s: applications by due date and
//! decisions by signing date within a municipality, and the stays and queue
//! entries of a decision (open or closed).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, &str); 4] = [
    (
        "ix_applications_due",
        "applications (municipality_id, decision_due_on)",
    ),
    (
        "ix_decisions_decided",
        "decisions (municipality_id, decided_on)",
    ),
    ("ix_stays_decision", "stays (decision_id)"),
    (
        "ix_queue_entries_decision_any",
        "queue_entries (decision_id)",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, on) in INDEXES {
            db.execute_unprepared(&format!("CREATE INDEX {name} ON {on}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, _) in INDEXES {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }
}
