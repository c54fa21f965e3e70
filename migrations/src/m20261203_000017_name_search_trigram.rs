//! Name search at municipal scale (issue 13): on PostgreSQL, a trigram GIN
//! index on the folded search text, so that `search_text LIKE '%…%'` (the
//! diacritics-insensitive search of people) reads the index instead of the
//! whole table. The `pg_trgm` extension ships with PostgreSQL (contrib) and
//! is trusted: a database owner may create it. Where it cannot be had, the
//! migration leaves the search as it was (a scan) rather than refusing to
//! start. SQLite keeps its scan.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "ix_persons_search_text_trgm";

/// The schema that holds `pg_trgm`, if it is installed.
async fn trigram_schema<C: ConnectionTrait>(db: &C) -> Result<Option<String>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            "SELECT n.nspname AS schema FROM pg_extension e \
             JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'",
        ))
        .await?;
    row.map(|r| r.try_get::<String>("", "schema")).transpose()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        if trigram_schema(db).await?.is_none() {
            // In a savepoint: another migration may create it at the same
            // moment (parallel test schemas), or it may be unavailable.
            db.execute_unprepared("SAVEPOINT trigram").await?;
            match db
                .execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
                .await
            {
                Ok(_) => db.execute_unprepared("RELEASE SAVEPOINT trigram").await?,
                Err(_) => {
                    db.execute_unprepared("ROLLBACK TO SAVEPOINT trigram")
                        .await?
                }
            };
        }
        let Some(schema) = trigram_schema(db).await? else {
            return Ok(());
        };
        db.execute_unprepared(&format!(
            "CREATE INDEX {INDEX} ON persons USING gin (search_text \"{schema}\".gin_trgm_ops)"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&format!("DROP INDEX IF EXISTS {INDEX}"))
                .await?;
        }
        Ok(())
    }
}
