//! The session cache across processes (issue 13): on PostgreSQL, a change
//! that can end an access token early notifies the channel `atvejis_auth`
//! with the id of the user or service account, when the change commits.
//! Every API process listens there and forgets that principal's cached
//! tokens (`crates/api/src/auth/cache.rs`). The triggers fire on what ends
//! a token: an account's `active` or `version` changing, a session's token
//! revoked, and any of these rows deleted — whoever makes the change, this
//! API or a command run beside it. SQLite (one process) needs none.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column naming the principal, the change that matters on update)
const TRIGGERS: &[(&str, &str, &str)] = &[
    (
        "users",
        "id",
        "OLD.active IS DISTINCT FROM NEW.active OR OLD.version IS DISTINCT FROM NEW.version",
    ),
    (
        "service_accounts",
        "id",
        "OLD.active IS DISTINCT FROM NEW.active OR OLD.version IS DISTINCT FROM NEW.version",
    ),
    (
        "refresh_tokens",
        "user_id",
        "OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        for (table, column, changed) in TRIGGERS {
            db.execute_unprepared(&format!(
                "CREATE FUNCTION {table}_notify_auth() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN PERFORM pg_notify('atvejis_auth', OLD.{column}::text); RETURN NULL; END $$"
            ))
            .await?;
            db.execute_unprepared(&format!(
                "CREATE TRIGGER {table}_auth_update AFTER UPDATE ON {table} FOR EACH ROW \
                 WHEN ({changed}) EXECUTE FUNCTION {table}_notify_auth()"
            ))
            .await?;
            db.execute_unprepared(&format!(
                "CREATE TRIGGER {table}_auth_delete AFTER DELETE ON {table} FOR EACH ROW \
                 EXECUTE FUNCTION {table}_notify_auth()"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        for (table, _, _) in TRIGGERS {
            db.execute_unprepared(&format!(
                "DROP FUNCTION IF EXISTS {table}_notify_auth() CASCADE"
            ))
            .await?;
        }
        Ok(())
    }
}
