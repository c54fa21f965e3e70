//! Family membership with its dates (R-FEE-1): fees count the members of the
//! family on the application's date, so every membership has the day it
//! started, and a member who leaves keeps the row with the day they left
//! (`left_on`; leaving used to delete the row). Income gains the source
//! `no_income` (a month staff record as without income); it needs no schema
//! change, the source being a code.
//!
//! Backfill of the rows that exist:
//! - a membership without a start date started when its family was
//!   registered;
//! - a family's members count for the family's earlier applications as they
//!   did before memberships had dates: a start date later than the family's
//!   first application moves back to that application's date.
//!
//! And the Kaunas district home gets its name from S0, "Čekiškės socialinės
//! globos ir priežiūros namai".
//!
//! `down()` restores the home's old name; the backfilled dates stay (they
//! are valid dates for the old code too, which did not read them).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const HOME_CODE: &str = "cekiskes-globos-namai";
const HOME_OLD: &str = "Čekiškės socialinės globos namai";
const HOME_NEW: &str = "Čekiškės socialinės globos ir priežiūros namai";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let created_on = match manager.get_database_backend() {
            DatabaseBackend::Postgres => "CAST(f.created_at AS DATE)",
            // SQLite keeps timestamps as ISO text: the date is its first 10 characters.
            _ => "substr(f.created_at, 1, 10)",
        };
        db.execute_unprepared(&format!(
            "UPDATE family_members SET joined_on = \
             (SELECT {created_on} FROM families f WHERE f.id = family_members.family_id) \
             WHERE joined_on IS NULL"
        ))
        .await?;
        db.execute_unprepared(
            "UPDATE family_members SET joined_on = \
             (SELECT MIN(a.received_on) FROM applications a WHERE a.family_id = family_members.family_id) \
             WHERE EXISTS (SELECT 1 FROM applications a \
             WHERE a.family_id = family_members.family_id AND a.received_on < family_members.joined_on)",
        )
        .await?;
        db.execute_unprepared(&format!(
            "UPDATE institutions SET name = '{HOME_NEW}' WHERE code = '{HOME_CODE}' AND name = '{HOME_OLD}'"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "UPDATE institutions SET name = '{HOME_OLD}' WHERE code = '{HOME_CODE}' AND name = '{HOME_NEW}'"
            ))
            .await?;
        Ok(())
    }
}
