//! Case management (atvejo vadyba): cases opened from a child-rights notice,
//! a request of the parents or an organisation (R-CM-1), their children and
//! team, needs assessments (R-CM-2), case meetings, versioned help plans
//! (R-CMP-3) with the status of their actions, reviews (R-CMP-4), the
//! monitoring journal, and the procedure parameters R-CMP-1, -2, -4 that a
//! municipality sets from a date on. An application (SP-8) filed by a case
//! meeting (R-CM-4) names its case.
//!
//! One open case per family is enforced by a partial unique index, and one
//! case per child-rights notice reference (a referral sent twice opens one
//! case) by another; both work on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

use crate::util::{add_columns, drop_columns};

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

/// The tables of a case's records: each names its case and municipality.
const CASE_RECORDS: [&str; 6] = [
    "case_assignments",
    "case_assessments",
    "case_meetings",
    "case_plan_versions",
    "case_reviews",
    "case_journal_entries",
];

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: &'static str,
    cols: &[&'static str],
) -> Result<(), DbErr> {
    let mut index = Index::create().name(name).table(table).to_owned();
    for col in cols {
        index.col(*col);
    }
    manager.create_index(index).await
}

async fn raw(manager: &SchemaManager<'_>, sql: &str) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    manager
        .get_connection()
        .execute_raw(Statement::from_string(backend, sql.to_owned()))
        .await
        .map(|_| ())
}

/// A table of case records with its common columns, then `columns`.
fn case_record(table: &'static str, columns: Vec<ColumnDef>) -> TableCreateStatement {
    let mut create = Table::create()
        .table(table)
        .col(pk_uuid("id"))
        .col(uuid("municipality_id"))
        .col(uuid("case_id"))
        .foreign_key(&mut fk(table, "municipality_id", "municipalities"))
        .foreign_key(&mut fk(table, "case_id", "cases"))
        .to_owned();
    for mut column in columns {
        create.col(&mut column);
    }
    create
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // R-CMP-1, -2, -4 per municipality, from a date on.
        manager
            .create_table(
                Table::create()
                    .table("procedure_parameters")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(date("valid_from"))
                    .col(integer("assignment_working_days"))
                    .col(integer("first_meeting_working_days"))
                    .col(integer("review_interval_months"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "procedure_parameters",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("procedure_parameters", "created_by", "users"))
                    .index(
                        Index::create()
                            .name("ux_procedure_parameters_from")
                            .col("municipality_id")
                            .col("valid_from")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("cases")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    // AV-2026-0001: per municipality and year.
                    .col(string("number"))
                    .col(uuid("family_id"))
                    .col(string("origin"))
                    // The notice's or request's own date and reference, who
                    // sent it, and why.
                    .col(date("notice_date"))
                    .col(string_null("notice_reference"))
                    .col(string_null("referred_by"))
                    .col(text("reason"))
                    .col(date("opened_on"))
                    .col(timestamp_with_time_zone("opened_at"))
                    .col(uuid_null("opened_by"))
                    .col(uuid_null("opened_by_service"))
                    // The procedure parameters in force on `opened_on`.
                    .col(json("parameters"))
                    .col(date_null("assigned_on"))
                    .col(date_null("closed_on"))
                    .col(timestamp_with_time_zone_null("closed_at"))
                    .col(string_null("closing_reason"))
                    .col(text_null("closing_note"))
                    .col(uuid_null("closed_by_meeting"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("cases", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("cases", "family_id", "families"))
                    .foreign_key(&mut fk("cases", "opened_by", "users"))
                    .foreign_key(&mut fk("cases", "opened_by_service", "service_accounts"))
                    .index(
                        Index::create()
                            .name("ux_cases_number")
                            .col("municipality_id")
                            .col("number")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        // One open case per family; one case per notice reference.
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_cases_open_family ON cases (family_id) WHERE closed_at IS NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_cases_notice ON cases (municipality_id, notice_reference) \
             WHERE notice_reference IS NOT NULL",
        )
        .await?;
        index(manager, "ix_cases_family", "cases", &["family_id"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("case_children")
                    .col(uuid("case_id"))
                    .col(uuid("person_id"))
                    .primary_key(Index::create().col("case_id").col("person_id"))
                    .foreign_key(&mut fk("case_children", "case_id", "cases"))
                    .foreign_key(&mut fk("case_children", "person_id", "persons"))
                    .to_owned(),
            )
            .await?;
        // The team: a case manager and a family social worker (R-CM-1).
        manager
            .create_table(
                case_record(
                    "case_assignments",
                    vec![
                        uuid("user_id"),
                        // case_manager | social_worker
                        string("role"),
                        // The director's order, when named.
                        string_null("order_reference"),
                        timestamp_with_time_zone("assigned_at"),
                        uuid("assigned_by"),
                        timestamp_with_time_zone_null("ended_at"),
                    ],
                )
                .foreign_key(&mut fk("case_assignments", "user_id", "users"))
                .foreign_key(&mut fk("case_assignments", "assigned_by", "users"))
                .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_case_assignments_user",
            "case_assignments",
            &["user_id", "ended_at"],
        )
        .await?;
        // R-CM-2: the needs assessment, signed by who made it.
        manager
            .create_table(
                case_record(
                    "case_assessments",
                    vec![
                        date("assessed_on"),
                        json("risk_factors"),
                        json("child_protective_factors"),
                        json("family_protective_factors"),
                        text("summary"),
                        uuid("signed_by"),
                        timestamp_with_time_zone("created_at"),
                    ],
                )
                .foreign_key(&mut fk("case_assessments", "signed_by", "users"))
                .to_owned(),
            )
            .await?;
        // Case meetings (atvejo nagrinėjimo posėdžiai) and what they decided.
        manager
            .create_table(
                case_record(
                    "case_meetings",
                    vec![
                        date("held_on"),
                        text("agenda"),
                        json("participants"),
                        json("decisions"),
                        text("notes"),
                        uuid_null("plan_version_id"),
                        uuid_null("application_id"),
                        date_null("review_on"),
                        uuid("created_by"),
                        timestamp_with_time_zone("created_at"),
                    ],
                )
                .foreign_key(&mut fk("case_meetings", "created_by", "users"))
                .to_owned(),
            )
            .await?;
        // R-CMP-3: versions of the help plan; the last may be a draft.
        manager
            .create_table(
                case_record(
                    "case_plan_versions",
                    vec![
                        integer("number"),
                        json("goals"),
                        // draft | agreed
                        string("status"),
                        date_null("agreed_on"),
                        uuid_null("agreed_at_meeting"),
                        uuid("created_by"),
                        timestamp_with_time_zone("created_at"),
                        timestamp_with_time_zone("updated_at"),
                        integer("version"),
                    ],
                )
                .foreign_key(&mut fk("case_plan_versions", "created_by", "users"))
                .index(
                    Index::create()
                        .name("ux_case_plan_versions_number")
                        .col("case_id")
                        .col("number")
                        .unique(),
                )
                .to_owned(),
            )
            .await?;
        // Where each action of the plan stands (actions keep their id
        // across versions).
        manager
            .create_table(
                Table::create()
                    .table("case_action_statuses")
                    .col(uuid("case_id"))
                    .col(uuid("action_id"))
                    .col(uuid("municipality_id"))
                    .col(string("status"))
                    .col(text_null("reason"))
                    .col(date("changed_on"))
                    .col(uuid("changed_by"))
                    .col(integer("version"))
                    .primary_key(Index::create().col("case_id").col("action_id"))
                    .foreign_key(&mut fk("case_action_statuses", "case_id", "cases"))
                    .foreign_key(&mut fk("case_action_statuses", "changed_by", "users"))
                    .to_owned(),
            )
            .await?;
        // R-CMP-4: reviews of the plan, goal by goal.
        manager
            .create_table(
                case_record(
                    "case_reviews",
                    vec![
                        date("reviewed_on"),
                        uuid_null("plan_version_id"),
                        json("goals"),
                        text("summary"),
                        date("next_review_on"),
                        uuid_null("meeting_id"),
                        uuid("created_by"),
                        timestamp_with_time_zone("created_at"),
                    ],
                )
                .foreign_key(&mut fk("case_reviews", "created_by", "users"))
                .to_owned(),
            )
            .await?;
        // The monitoring journal (šeimos stebėsena).
        manager
            .create_table(
                case_record(
                    "case_journal_entries",
                    vec![
                        date("occurred_on"),
                        // visit | call | meeting | message | other
                        string("kind"),
                        text("text"),
                        uuid("author_id"),
                        timestamp_with_time_zone("written_at"),
                        timestamp_with_time_zone_null("edited_at"),
                        uuid_null("corrects_id"),
                        integer("version"),
                    ],
                )
                .foreign_key(&mut fk("case_journal_entries", "author_id", "users"))
                .foreign_key(&mut fk(
                    "case_journal_entries",
                    "corrects_id",
                    "case_journal_entries",
                ))
                .to_owned(),
            )
            .await?;
        for table in CASE_RECORDS {
            index(manager, &format!("ix_{table}_case"), table, &["case_id"]).await?;
        }
        // R-CM-4: an application filed by a case meeting names its case and
        // carries the case manager's recommendation.
        add_columns(
            manager,
            "applications",
            vec![uuid_null("case_id"), text_null("case_recommendation")],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, "applications", &["case_recommendation", "case_id"]).await?;
        for table in [
            "case_journal_entries",
            "case_reviews",
            "case_action_statuses",
            "case_plan_versions",
            "case_meetings",
            "case_assessments",
            "case_assignments",
            "case_children",
            "cases",
            "procedure_parameters",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
