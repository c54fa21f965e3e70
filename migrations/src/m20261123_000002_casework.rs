//! People, families, certificates and income; the service catalogue and rates
//! per municipality; applications (SP-8) with their documents, attachments
//! and needs assessment; decisions (SP-9).

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

/// Money and rates: numeric on PostgreSQL. (SQLite keeps them as REAL; values
/// of up to 15 significant digits read back exactly, see `store` tests.)
fn money(name: &'static str) -> ColumnDef {
    decimal_len(name, 14, 2)
}

fn index(
    name: &str,
    table: &'static str,
    cols: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).to_owned();
    for col in cols {
        index.col(*col);
    }
    if unique {
        index.unique();
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // People.
        manager
            .create_table(
                Table::create()
                    .table("persons")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid_null("eldership_id"))
                    .col(string_null("personal_code"))
                    .col(string("first_name"))
                    .col(string("last_name"))
                    .col(date_null("birth_date"))
                    .col(string_null("sex"))
                    .col(string_null("declared_address"))
                    .col(string_null("phone"))
                    .col(string_null("email"))
                    .col(text("search_text"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("persons", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("persons", "eldership_id", "elderships"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ux_persons_code",
                "persons",
                &["municipality_id", "personal_code"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "ix_persons_name",
                "persons",
                &["municipality_id", "last_name", "first_name"],
                false,
            ))
            .await?;
        manager
            .create_index(index(
                "ix_persons_eldership",
                "persons",
                &["municipality_id", "eldership_id"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("person_certificates")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("person_id"))
                    .col(string("kind"))
                    .col(string_null("value"))
                    .col(date("valid_from"))
                    .col(date_null("valid_until"))
                    .col(string_null("issued_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("person_certificates", "person_id", "persons"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_person_certificates_person",
                "person_certificates",
                &["person_id"],
                false,
            ))
            .await?;

        // Families.
        manager
            .create_table(
                Table::create()
                    .table("families")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid_null("eldership_id"))
                    .col(string("name"))
                    .col(string_null("notes"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("families", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("families", "eldership_id", "elderships"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("family_members")
                    .col(uuid("family_id"))
                    .col(uuid("person_id"))
                    .col(string("relation"))
                    .col(date_null("joined_on"))
                    .col(date_null("left_on"))
                    .primary_key(Index::create().col("family_id").col("person_id"))
                    .foreign_key(&mut fk("family_members", "family_id", "families"))
                    .foreign_key(&mut fk("family_members", "person_id", "persons"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_family_members_person",
                "family_members",
                &["person_id"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("income_records")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("person_id"))
                    .col(integer("year"))
                    .col(integer("month"))
                    .col(money("amount"))
                    .col(string("source"))
                    .col(string_null("note"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(uuid_null("created_by"))
                    .foreign_key(&mut fk("income_records", "person_id", "persons"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ux_income_person_month_source",
                "income_records",
                &["person_id", "year", "month", "source"],
                true,
            ))
            .await?;

        // Catalogue and rates.
        manager
            .create_table(
                Table::create()
                    .table("service_types")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string("code"))
                    .col(json("spec"))
                    .col(boolean("active"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "service_types",
                        "municipality_id",
                        "municipalities",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ux_service_types_code",
                "service_types",
                &["municipality_id", "code"],
                true,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("rates")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string("kind"))
                    .col(date("valid_from"))
                    .col(decimal_len("value", 14, 4))
                    .col(string_null("note"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(uuid_null("created_by"))
                    .foreign_key(&mut fk("rates", "municipality_id", "municipalities"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ux_rates_kind_from",
                "rates",
                &["municipality_id", "kind", "valid_from"],
                true,
            ))
            .await?;

        // Applications (SP-8).
        manager
            .create_table(
                Table::create()
                    .table("applications")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid_null("eldership_id"))
                    .col(uuid("person_id"))
                    .col(uuid_null("family_id"))
                    .col(uuid("service_type_id"))
                    .col(string("service_code"))
                    .col(string("status"))
                    .col(date("received_on"))
                    .col(string("channel"))
                    .col(uuid("received_by"))
                    .col(string_null("representative"))
                    .col(text_null("notes"))
                    .col(json("documents"))
                    .col(text_null("exception_reason"))
                    .col(json_null("assessment"))
                    .col(date_null("assessment_submitted_on"))
                    .col(date_null("files_received_on"))
                    .col(date_null("decision_due_on"))
                    .col(text_null("status_reason"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("applications", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("applications", "person_id", "persons"))
                    .foreign_key(&mut fk("applications", "family_id", "families"))
                    .foreign_key(&mut fk("applications", "service_type_id", "service_types"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_applications_inbox",
                "applications",
                &["municipality_id", "status", "decision_due_on"],
                false,
            ))
            .await?;
        manager
            .create_index(index(
                "ix_applications_person",
                "applications",
                &["person_id"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("attachments")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("application_id"))
                    .col(string("file_name"))
                    .col(string("media_type"))
                    .col(big_integer("size_bytes"))
                    .col(string_null("document_code"))
                    .col(string_null("description"))
                    .col(uuid("uploaded_by"))
                    .col(timestamp_with_time_zone("uploaded_at"))
                    .foreign_key(&mut fk("attachments", "application_id", "applications"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_attachments_application",
                "attachments",
                &["application_id"],
                false,
            ))
            .await?;

        // Decisions (SP-9).
        manager
            .create_table(
                Table::create()
                    .table("decisions")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("application_id"))
                    .col(string("outcome"))
                    .col(string("status"))
                    .col(text_null("reasoning"))
                    .col(decimal_len_null("hours_per_month", 8, 2))
                    .col(decimal_len_null("monthly_fee", 14, 2))
                    .col(json_null("fee_calculation"))
                    .col(date_null("service_from"))
                    .col(uuid("prepared_by"))
                    .col(timestamp_with_time_zone("prepared_at"))
                    .col(uuid_null("signed_by"))
                    .col(timestamp_with_time_zone_null("signed_at"))
                    .col(date_null("decided_on"))
                    .col(date_null("notified_on"))
                    .col(string_null("notification_method"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("decisions", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("decisions", "application_id", "applications"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ux_decisions_application",
                "decisions",
                &["application_id"],
                true,
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "decisions",
            "attachments",
            "applications",
            "rates",
            "service_types",
            "income_records",
            "family_members",
            "families",
            "person_certificates",
            "persons",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
