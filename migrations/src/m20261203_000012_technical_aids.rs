//! Technical aids (R-FEE-10, R-FEE-11, R-LIM-6): the effective-dated price
//! table per municipality, the inventory of items, loans with the fee and
//! refund the monthly charges read (`fee`, `refund`, `issued_on`,
//! `returned_on`), and the waiting list of a type out of stock.
//!
//! Invariants kept by the database:
//! - a serial number once per municipality;
//! - one open loan per item (a partial unique index);
//! - one open waiting entry per person and type;
//! - one price row per municipality, type and day it comes into force.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

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

async fn raw(manager: &SchemaManager<'_>, sql: &str) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    manager
        .get_connection()
        .execute_raw(Statement::from_string(backend, sql.to_owned()))
        .await
        .map(|_| ())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("aid_prices")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string_len("aid_type", 32))
                    .col(date("valid_from"))
                    .col(decimal_len("fee_new", 12, 2))
                    .col(decimal_len("fee_used", 12, 2))
                    .col(decimal_len("refund_new", 12, 2))
                    .col(decimal_len("refund_used", 12, 2))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("aid_prices", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("aid_prices", "created_by", "users"))
                    .index(
                        Index::create()
                            .name("ux_aid_prices_from")
                            .col("municipality_id")
                            .col("aid_type")
                            .col("valid_from")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("aid_items")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string_len("aid_type", 32))
                    .col(string_len("serial", 64))
                    // `new`, `used`: whether its next issue is a first one.
                    .col(string_len("newness", 8))
                    // `good`, `worn`, `damaged`.
                    .col(string_len("condition", 16))
                    .col(text_null("condition_note"))
                    .col(string_len_null("location", 200))
                    // `available`, `on_loan`, `in_repair`, `written_off`.
                    .col(string_len("status", 16))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("aid_items", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("aid_items", "created_by", "users"))
                    .index(
                        Index::create()
                            .name("ux_aid_items_serial")
                            .col("municipality_id")
                            .col("serial")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE INDEX ix_aid_items_type ON aid_items (municipality_id, aid_type, status)",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table("aid_loans")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("item_id"))
                    .col(string_len("aid_type", 32))
                    .col(uuid("person_id"))
                    .col(uuid_null("decision_id"))
                    .col(date("issued_on"))
                    // The item's newness at issue (the fee's column).
                    .col(string_len("newness", 8))
                    // R-FEE-10: the one-time fee, charged in the month of issue.
                    .col(decimal_len("fee", 12, 2))
                    .col(date("price_valid_from"))
                    .col(date("extract_027a_issued_on"))
                    // R-FEE-11: the last day a return earns the refund.
                    .col(date("refund_until"))
                    // R-LIM-6: the user's death and the return due 30 days later.
                    .col(date_null("died_on"))
                    .col(date_null("return_due_on"))
                    .col(date_null("returned_on"))
                    // R-FEE-11: refunded in the month of return.
                    .col(decimal_len_null("refund", 12, 2))
                    .col(string_len_null("return_condition", 16))
                    .col(text_null("note"))
                    .col(uuid_null("issued_by"))
                    .col(uuid_null("returned_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("aid_loans", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("aid_loans", "item_id", "aid_items"))
                    .foreign_key(&mut fk("aid_loans", "person_id", "persons"))
                    .foreign_key(&mut fk("aid_loans", "decision_id", "decisions"))
                    .foreign_key(&mut fk("aid_loans", "issued_by", "users"))
                    .foreign_key(&mut fk("aid_loans", "returned_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_aid_loans_open ON aid_loans (item_id) WHERE returned_on IS NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_aid_loans_person ON aid_loans (person_id)",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_aid_loans_month ON aid_loans (municipality_id, issued_on)",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table("aid_waiting")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string_len("aid_type", 32))
                    .col(uuid("person_id"))
                    .col(uuid_null("decision_id"))
                    // First come, first served: the order they joined in.
                    .col(big_integer("seq"))
                    .col(timestamp_with_time_zone("joined_at"))
                    // `waiting`, `served` (a loan was issued), `left`.
                    .col(string_len("status", 16))
                    .col(timestamp_with_time_zone_null("closed_at"))
                    .col(uuid_null("loan_id"))
                    .col(text_null("note"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("aid_waiting", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("aid_waiting", "person_id", "persons"))
                    .foreign_key(&mut fk("aid_waiting", "decision_id", "decisions"))
                    .foreign_key(&mut fk("aid_waiting", "loan_id", "aid_loans"))
                    .foreign_key(&mut fk("aid_waiting", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_aid_waiting_open ON aid_waiting (person_id, aid_type) \
             WHERE closed_at IS NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_aid_waiting_type ON aid_waiting (municipality_id, aid_type, status, seq)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["aid_waiting", "aid_loans", "aid_items", "aid_prices"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
