//! Signing delegations (R-ROLE-2): an administrator records who may sign
//! decisions on which service types, from when to when, and on what
//! authority (the director's order); a signed decision keeps the delegation
//! it was signed under.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

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
                    .table("signing_delegations")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    // The holder: signs under this delegation.
                    .col(uuid("user_id"))
                    // In force from this day to `valid_until` inclusive
                    // (open-ended when null).
                    .col(date("valid_from"))
                    .col(date_null("valid_until"))
                    // The authority: e.g. the director's order and its number.
                    .col(string("reference"))
                    .col(uuid("granted_by"))
                    .col(timestamp_with_time_zone("granted_at"))
                    // Ended early by an administrator.
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .col(uuid_null("revoked_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "signing_delegations",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("signing_delegations", "user_id", "users"))
                    .foreign_key(&mut fk("signing_delegations", "granted_by", "users"))
                    .foreign_key(&mut fk("signing_delegations", "revoked_by", "users"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_signing_delegations_user")
                    .table("signing_delegations")
                    .col("municipality_id")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;
        // The service types a delegation covers.
        manager
            .create_table(
                Table::create()
                    .table("signing_delegation_services")
                    .col(uuid("delegation_id"))
                    .col(uuid("service_type_id"))
                    .primary_key(Index::create().col("delegation_id").col("service_type_id"))
                    .foreign_key(&mut fk(
                        "signing_delegation_services",
                        "delegation_id",
                        "signing_delegations",
                    ))
                    .foreign_key(&mut fk(
                        "signing_delegation_services",
                        "service_type_id",
                        "service_types",
                    ))
                    .to_owned(),
            )
            .await?;
        // The delegation a decision was signed under, and its reference as
        // it stood then (what the signed document says).
        manager
            .alter_table(
                Table::alter()
                    .table("decisions")
                    .add_column(uuid_null("signing_delegation_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("decisions")
                    .add_column(string_null("signing_reference"))
                    .to_owned(),
            )
            .await?;
        // SQLite cannot add a constraint to an existing table.
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .create_foreign_key(fk(
                    "decisions",
                    "signing_delegation_id",
                    "signing_delegations",
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name("fk_decisions_signing_delegation_id")
                        .table("decisions")
                        .to_owned(),
                )
                .await?;
        }
        for column in ["signing_reference", "signing_delegation_id"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("decisions")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(
                Table::drop()
                    .table("signing_delegation_services")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("signing_delegations").to_owned())
            .await
    }
}
