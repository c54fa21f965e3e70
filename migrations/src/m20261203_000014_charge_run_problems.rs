//! The people a charge run could not charge, listed with the run
//! (`charge_runs.problems`, a JSON array): a person whose income for the
//! fee is not complete (R-FEE-1: a month without a record is unknown, not
//! zero) is left out of the run and named there, instead of failing the
//! whole run or being charged as if they had no income.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("charge_runs")
                    .add_column(json_null("problems"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("charge_runs")
                    .drop_column("problems")
                    .to_owned(),
            )
            .await
    }
}
