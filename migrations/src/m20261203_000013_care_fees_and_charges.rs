//! Care fees of stays (R-FEE-8, R-FEE-9) and the monthly charge runs.
//!
//! - `stay_fee_terms`: what a stay's care fee is computed from, effective
//!   from a date (one row per stay and date; the history stays);
//! - `stay_absences`: absences from care (R-FEE-9);
//! - `charge_runs`: one row per run of a municipality and month; a re-run
//!   is a new row with the next `version`. Only one run of a municipality
//!   and month is `running` at a time: a partial unique index, so that two
//!   API processes cannot start two; a run whose process died (its
//!   `heartbeat_at` stopped) is marked failed at start-up or by the next
//!   start of that month;
//! - `charge_lines`: the lines a run computed (a run that changed nothing
//!   stores none and points at the run whose lines stand, `lines_run_id`).

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

fn money(name: &'static str) -> ColumnDef {
    decimal_len(name, 14, 2)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("stay_fee_terms")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("stay_id"))
                    .col(date("effective_from"))
                    .col(money("target_compensation"))
                    .col(money("assets_over_normative"))
                    .col(boolean("adult"))
                    .col(date("care_started_on"))
                    .col(text_null("note"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "stay_fee_terms",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("stay_fee_terms", "stay_id", "stays"))
                    .foreign_key(&mut fk("stay_fee_terms", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_stay_fee_terms_from ON stay_fee_terms (stay_id, effective_from)",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_stay_fee_terms_municipality ON stay_fee_terms (municipality_id)",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table("stay_absences")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("stay_id"))
                    .col(date("from_date"))
                    .col(date("to_date"))
                    .col(string_len("reason", 32))
                    .col(text_null("note"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "stay_absences",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("stay_absences", "stay_id", "stays"))
                    .foreign_key(&mut fk("stay_absences", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE INDEX ix_stay_absences_stay ON stay_absences (stay_id, from_date)",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_stay_absences_municipality ON stay_absences (municipality_id, to_date)",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table("charge_runs")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string_len("month", 7))
                    .col(integer("version"))
                    .col(string_len("status", 16))
                    .col(integer("total_recipients"))
                    .col(integer("processed_recipients"))
                    .col(uuid_null("previous_run_id"))
                    .col(uuid_null("lines_run_id"))
                    .col(boolean_null("changed"))
                    .col(integer("line_count"))
                    .col(money("total_amount"))
                    .col(text_null("error"))
                    .col(uuid_null("started_by"))
                    .col(timestamp_with_time_zone("started_at"))
                    // Bumped as the run progresses: a `running` run whose
                    // heartbeat stopped was interrupted (its process died).
                    .col(timestamp_with_time_zone("heartbeat_at"))
                    .col(timestamp_with_time_zone_null("finished_at"))
                    .foreign_key(&mut fk("charge_runs", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("charge_runs", "started_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_charge_runs_version ON charge_runs (municipality_id, month, version)",
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_charge_runs_running ON charge_runs (municipality_id, month) WHERE status = 'running'",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table("charge_lines")
                    .col(pk_uuid("id"))
                    .col(uuid("run_id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("person_id"))
                    .col(string_len("service_code", 64))
                    .col(string_len("source", 16))
                    .col(uuid("source_id"))
                    .col(date("period_from"))
                    .col(date("period_to"))
                    .col(decimal_len("quantity", 14, 4))
                    .col(string_len("unit", 16))
                    .col(money("amount"))
                    .col(json("breakdown"))
                    .col(string_len("rules", 128))
                    .foreign_key(&mut fk("charge_lines", "run_id", "charge_runs"))
                    .foreign_key(&mut fk("charge_lines", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("charge_lines", "person_id", "persons"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE INDEX ix_charge_lines_run ON charge_lines (run_id, person_id)",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_charge_lines_person ON charge_lines (person_id)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "charge_lines",
            "charge_runs",
            "stay_absences",
            "stay_fee_terms",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
