//! Signing delegations (R-ROLE-2): an administrator records who may sign
//! decisions on which service types, from when to when, and on what
//! authority (the director's order); a signed decision keeps the delegation
//! it was signed under.
//!
//! Before this migration every `division_head` signed every service type.
//! So that an upgrade stops nobody from signing, each active user with that
//! role gets a delegation for every service type of their municipality,
//! open-ended from the day of the upgrade, granted by the municipality's
//! first administrator (or, without one, recorded as carried over on the
//! holder); administrators narrow or end them on the delegations page.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::util::{add_columns, drop_columns};

/// The reference of the delegations carried over from the signing role.
const CARRIED_OVER: &str =
    "Perkelta atnaujinant sistemą: skyriaus vedėjo rolė pasirašė visų paslaugų sprendimus";

/// One delegation per active `division_head`, for every service type of
/// their municipality (see the module's comment).
async fn carry_over_signers(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let select = |sql: &str| Statement::from_string(backend, sql.to_owned());
    let signers = db
        .query_all_raw(select(
            "SELECT u.id, u.municipality_id FROM users u \
             JOIN user_roles r ON r.user_id = u.id \
             WHERE r.role = 'division_head' AND u.active = TRUE",
        ))
        .await?;
    if signers.is_empty() {
        return Ok(());
    }
    let admins = db
        .query_all_raw(select(
            "SELECT u.id, u.municipality_id FROM users u \
             JOIN user_roles r ON r.user_id = u.id \
             WHERE r.role = 'admin' ORDER BY u.created_at",
        ))
        .await?;
    let services = db
        .query_all_raw(select("SELECT id, municipality_id FROM service_types"))
        .await?;
    let pairs = |rows: &[sea_orm::QueryResult]| -> Result<Vec<(Uuid, Uuid)>, DbErr> {
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get::<Uuid>("", "id")?,
                    r.try_get::<Uuid>("", "municipality_id")?,
                ))
            })
            .collect()
    };
    let (signers, admins, services) = (pairs(&signers)?, pairs(&admins)?, pairs(&services)?);
    let now = OffsetDateTime::now_utc();
    for (user, municipality) in signers {
        // The municipality's first administrator.
        let granted_by = admins
            .iter()
            .find(|(_, m)| *m == municipality)
            .map_or(user, |(admin, _)| *admin);
        let id = Uuid::now_v7();
        manager
            .exec_stmt(
                Query::insert()
                    .into_table("signing_delegations")
                    .columns([
                        "id",
                        "municipality_id",
                        "user_id",
                        "valid_from",
                        "valid_until",
                        "reference",
                        "granted_by",
                        "granted_at",
                        "revoked_at",
                        "revoked_by",
                        "created_at",
                        "updated_at",
                        "version",
                    ])
                    .values_panic([
                        id.into(),
                        municipality.into(),
                        user.into(),
                        now.date().into(),
                        None::<time::Date>.into(),
                        CARRIED_OVER.into(),
                        granted_by.into(),
                        now.into(),
                        None::<OffsetDateTime>.into(),
                        None::<Uuid>.into(),
                        now.into(),
                        now.into(),
                        1.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        let covered: Vec<Uuid> = services
            .iter()
            .filter(|(_, m)| *m == municipality)
            .map(|(s, _)| *s)
            .collect();
        if covered.is_empty() {
            continue;
        }
        let mut insert = Query::insert()
            .into_table("signing_delegation_services")
            .columns(["delegation_id", "service_type_id"])
            .to_owned();
        for service in covered {
            insert.values_panic([id.into(), service.into()]);
        }
        manager.exec_stmt(insert).await?;
    }
    Ok(())
}

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
        add_columns(
            manager,
            "decisions",
            vec![
                uuid_null("signing_delegation_id"),
                string_null("signing_reference"),
            ],
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
        carry_over_signers(manager).await
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
        drop_columns(
            manager,
            "decisions",
            &["signing_reference", "signing_delegation_id"],
        )
        .await?;
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
