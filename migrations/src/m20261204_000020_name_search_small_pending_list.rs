//! Registering people at municipal scale (issue 13): the trigram index of
//! the folded search text takes new entries through a small GIN pending
//! list (`fastupdate = on`, `gin_pending_list_limit = 64` kB) instead of
//! inserting each of a person's 40–60 trigrams into its own posting tree.
//! The registration that fills the list (about every 60 people) folds it
//! into the index, a batch of sorted trigrams at once.
//!
//! Migration `m20261204_000019` turned the list off because, at the
//! default 4 MB limit, it grew to 180 pages that every search read whole
//! (4.8 ms instead of 1.9 ms). At 64 kB it holds at most 8 pages: measured
//! on 100,000 people, a search with 7 pending pages took as long as with
//! none (4.5–6.6 ms against 4.6–5.7 ms), while `POST /persons` went from
//! 1,390 to 1,730 requests a second, and from 1,440 to 1,150 µs of machine
//! time a request.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

use crate::util::postgres_index_exists;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "ix_persons_search_text_trgm";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if postgres_index_exists(manager, INDEX).await? {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "ALTER INDEX {INDEX} SET (fastupdate = on, gin_pending_list_limit = 64)"
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if postgres_index_exists(manager, INDEX).await? {
            let db = manager.get_connection();
            db.execute_unprepared(&format!(
                "ALTER INDEX {INDEX} RESET (gin_pending_list_limit)"
            ))
            .await?;
            db.execute_unprepared(&format!("ALTER INDEX {INDEX} SET (fastupdate = off)"))
                .await?;
            db.execute_unprepared(&format!("SELECT gin_clean_pending_list('{INDEX}')"))
                .await?;
        }
        Ok(())
    }
}
