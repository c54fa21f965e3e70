//! The foundation: organisation (municipalities, elderships, institutions),
//! staff users with roles, refresh tokens, login throttling, service accounts
//! and the append-only audit log.

use crate::util::{allow_update_delete, forbid_update_delete};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(
    from_table: &'static str,
    from_col: &'static str,
    to_table: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_col}"))
        .from(from_table, from_col)
        .to(to_table, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("municipalities")
                    .col(pk_uuid("id"))
                    .col(string_uniq("code"))
                    .col(string("name"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("elderships")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string("code"))
                    .col(string("name"))
                    .foreign_key(&mut fk("elderships", "municipality_id", "municipalities"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_elderships_municipality_code")
                    .table("elderships")
                    .col("municipality_id")
                    .col("code")
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("institutions")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid_null("parent_id"))
                    .col(string("code"))
                    .col(string("name"))
                    .col(string("kind"))
                    .col(string_null("address"))
                    .foreign_key(&mut fk("institutions", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("institutions", "parent_id", "institutions"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_institutions_municipality_code")
                    .table("institutions")
                    .col("municipality_id")
                    .col("code")
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("users")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid_null("eldership_id"))
                    .col(string_uniq("username"))
                    .col(string("display_name"))
                    .col(string("password_hash"))
                    .col(boolean("active"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("users", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("users", "eldership_id", "elderships"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_users_municipality_username")
                    .table("users")
                    .col("municipality_id")
                    .col("username")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("user_roles")
                    .col(uuid("user_id"))
                    .col(string("role"))
                    .primary_key(Index::create().col("user_id").col("role"))
                    .foreign_key(
                        &mut fk("user_roles", "user_id", "users")
                            .on_delete(ForeignKeyAction::Cascade)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("refresh_tokens")
                    .col(pk_uuid("id"))
                    .col(uuid("user_id"))
                    .col(uuid("family_id"))
                    .col(string_uniq("token_hash"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .foreign_key(&mut fk("refresh_tokens", "user_id", "users"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_refresh_tokens_family")
                    .table("refresh_tokens")
                    .col("family_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_refresh_tokens_user")
                    .table("refresh_tokens")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("login_failures")
                    .col(pk_uuid("id"))
                    .col(string("username"))
                    .col(string("client_addr"))
                    .col(timestamp_with_time_zone("failed_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_login_failures_key")
                    .table("login_failures")
                    .col("username")
                    .col("client_addr")
                    .col("failed_at")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("service_accounts")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string_uniq("client_id"))
                    .col(string("name"))
                    .col(string("secret_hash"))
                    .col(string("scopes"))
                    .col(boolean("active"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "service_accounts",
                        "municipality_id",
                        "municipalities",
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("audit_log")
                    .col(pk_uuid("id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(uuid_null("municipality_id"))
                    .col(string("actor_kind"))
                    .col(uuid_null("actor_id"))
                    .col(string("actor_name"))
                    .col(string("action"))
                    .col(string("entity"))
                    .col(string_null("entity_id"))
                    .col(string_null("request_id"))
                    .col(string_null("client_addr"))
                    .col(json("summary"))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("ix_audit_municipality_id", &["municipality_id", "id"][..]),
            (
                "ix_audit_municipality_entity",
                &["municipality_id", "entity", "entity_id", "id"][..],
            ),
            (
                "ix_audit_municipality_actor",
                &["municipality_id", "actor_id", "id"][..],
            ),
            ("ix_audit_municipality_at", &["municipality_id", "at"][..]),
        ] {
            let mut index = Index::create().name(name).table("audit_log").to_owned();
            for col in cols {
                index.col(*col);
            }
            manager.create_index(index).await?;
        }
        forbid_update_delete(manager, "audit_log").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        allow_update_delete(manager, "audit_log").await?;
        // Units refer to their institution with ON DELETE RESTRICT, which
        // SQLite checks row by row while dropping the table.
        manager
            .exec_stmt(
                Query::update()
                    .table("institutions")
                    .value(
                        "parent_id",
                        Option::<sea_orm_migration::sea_orm::prelude::Uuid>::None,
                    )
                    .to_owned(),
            )
            .await?;
        for table in [
            "audit_log",
            "service_accounts",
            "login_failures",
            "refresh_tokens",
            "user_roles",
            "users",
            "institutions",
            "elderships",
            "municipalities",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
