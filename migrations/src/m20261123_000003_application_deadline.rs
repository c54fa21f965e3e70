//! Each application keeps the decision deadline rule of its service type as
//! it was when the application was received, so that an administrator's
//! later change of the catalogue does not move the due dates of applications
//! already in progress. Rows without it (received before this migration)
//! follow the catalogue.

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
                    .table("applications")
                    .add_column(json_null("decision_deadline"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("applications")
                    .drop_column("decision_deadline")
                    .to_owned(),
            )
            .await
    }
}
