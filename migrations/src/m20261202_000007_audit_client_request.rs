//! The audit log keeps the client's own `X-Request-Id` beside the server's
//! request id (issue 8, bullet 20): the server's id is the one recorded as
//! `request_id`; what the client sent (sanitised, at most 64 characters) is
//! `client_request_id`. An index on the client address and time lets a
//! failed login of an unknown username find the municipalities that
//! address recently logged in to.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::{add_columns, drop_columns};

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "audit_log_client_addr_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_columns(
            manager,
            "audit_log",
            vec![string_len_null("client_request_id", 64)],
        )
        .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table("audit_log")
                    .col("client_addr")
                    .col("at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(INDEX).table("audit_log").to_owned())
            .await?;
        drop_columns(manager, "audit_log", &["client_request_id"]).await
    }
}
