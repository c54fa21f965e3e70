//! The person file's version (issue 13): a counter per person that every
//! change of what the person's file shows raises, in the writing
//! transaction itself, so that an API process may keep a file it has read
//! and show it again while the counter stands still.
//!
//! - `person_file_versions` (person, version): raised by triggers on the
//!   rows the file reads for one person: the person's own row (updates),
//!   applications, their decisions, certificates, income records and family
//!   memberships, and the names of the person's families. Whoever writes
//!   (this API, a command beside it, an administrator's SQL) raises it,
//!   inserts, updates and deletes alike. A person never changed has no row
//!   (version 0).
//! - `file_reference_version` (one row): raised by any change of the rows
//!   many files name: service types (their version) and elderships (the
//!   person's, and the one that received an application).
//!
//! The file statement reads both counters in its own snapshot, so a file
//! kept under a version is the file at that version.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, the person a row of it belongs to, with `{row}` for NEW or OLD)
const PER_PERSON: &[(&str, &str)] = &[
    ("applications", "{row}.person_id"),
    (
        "decisions",
        "(SELECT a.person_id FROM applications a WHERE a.id = {row}.application_id)",
    ),
    ("person_certificates", "{row}.person_id"),
    ("income_records", "{row}.person_id"),
    ("family_members", "{row}.person_id"),
];

/// Tables whose change may change any file.
const REFERENCE: &[&str] = &["service_types", "elderships"];

/// Raises the version of the persons that `select` (person_id, 1) gives.
fn raise(select: &str) -> String {
    format!(
        "INSERT INTO person_file_versions (person_id, version) {select} \
         ON CONFLICT (person_id) DO UPDATE SET version = person_file_versions.version + 1"
    )
}

fn person(expr: &str, row: &str) -> String {
    expr.replace("{row}", row)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("person_file_versions")
                    .col(pk_uuid("person_id"))
                    .col(big_integer("version"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("file_reference_version")
                    .col(pk_auto("id"))
                    .col(big_integer("version"))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared("INSERT INTO file_reference_version (id, version) VALUES (1, 0)")
            .await?;
        let bump_reference = "UPDATE file_reference_version SET version = version + 1";
        let of_family = |row: &str| {
            raise(&format!(
                "SELECT m.person_id, 1 FROM family_members m WHERE m.family_id = {row}.id"
            ))
        };
        let one = |expr: &str, row: &str| {
            let p = person(expr, row);
            raise(&format!(
                "SELECT p, 1 FROM (SELECT {p} AS p) AS changed WHERE p IS NOT NULL"
            ))
        };
        if db.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(&format!(
                "CREATE FUNCTION persons_file_changed() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN {}; RETURN NULL; END $$",
                one("{row}.id", "NEW")
            ))
            .await?;
            db.execute_unprepared(
                "CREATE TRIGGER persons_file_changed AFTER UPDATE ON persons FOR EACH ROW \
                 EXECUTE FUNCTION persons_file_changed()",
            )
            .await?;
            for (table, expr) in PER_PERSON {
                let (new, old) = (person(expr, "NEW"), person(expr, "OLD"));
                db.execute_unprepared(&format!(
                    "CREATE FUNCTION {table}_file_changed() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN \
                     IF TG_OP <> 'DELETE' THEN {}; END IF; \
                     IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND {old} IS DISTINCT FROM {new}) THEN {}; END IF; \
                     RETURN NULL; END $$",
                    one(expr, "NEW"),
                    one(expr, "OLD"),
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_file_changed AFTER INSERT OR UPDATE OR DELETE \
                     ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_file_changed()"
                ))
                .await?;
            }
            db.execute_unprepared(&format!(
                "CREATE FUNCTION families_file_changed() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN {}; RETURN NULL; END $$",
                of_family("NEW")
            ))
            .await?;
            db.execute_unprepared(
                "CREATE TRIGGER families_file_changed AFTER UPDATE ON families FOR EACH ROW \
                 WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION families_file_changed()",
            )
            .await?;
            db.execute_unprepared(&format!(
                "CREATE FUNCTION file_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN {bump_reference}; RETURN NULL; END $$"
            ))
            .await?;
            for table in REFERENCE {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_file_changed AFTER UPDATE OR DELETE ON {table} \
                     FOR EACH STATEMENT EXECUTE FUNCTION file_reference_changed()"
                ))
                .await?;
            }
        } else {
            db.execute_unprepared(&format!(
                "CREATE TRIGGER persons_file_update AFTER UPDATE ON persons BEGIN {}; END",
                one("{row}.id", "NEW")
            ))
            .await?;
            for (table, expr) in PER_PERSON {
                let (new, old) = (person(expr, "NEW"), person(expr, "OLD"));
                for (event, body) in [
                    ("INSERT", one(expr, "NEW")),
                    (
                        "UPDATE",
                        format!(
                            "{}; {}",
                            one(expr, "NEW"),
                            raise(&format!(
                                "SELECT p, 1 FROM (SELECT {old} AS p) AS changed \
                                 WHERE p IS NOT NULL AND p IS NOT {new}"
                            ))
                        ),
                    ),
                    ("DELETE", one(expr, "OLD")),
                ] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {table}_file_{} AFTER {event} ON {table} \
                         BEGIN {body}; END",
                        event.to_lowercase()
                    ))
                    .await?;
                }
            }
            db.execute_unprepared(&format!(
                "CREATE TRIGGER families_file_update AFTER UPDATE OF name ON families \
                 BEGIN {}; END",
                of_family("NEW")
            ))
            .await?;
            for table in REFERENCE {
                for event in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {table}_file_{} AFTER {event} ON {table} \
                         BEGIN {bump_reference}; END",
                        event.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DatabaseBackend::Postgres {
            let tables = PER_PERSON.iter().map(|(t, _)| *t);
            for table in tables.chain(["persons", "families"]) {
                db.execute_unprepared(&format!(
                    "DROP FUNCTION IF EXISTS {table}_file_changed() CASCADE"
                ))
                .await?;
            }
            db.execute_unprepared("DROP FUNCTION IF EXISTS file_reference_changed() CASCADE")
                .await?;
        } else {
            let tables = PER_PERSON
                .iter()
                .map(|(t, _)| *t)
                .chain(REFERENCE.iter().copied());
            for table in tables {
                for event in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {table}_file_{event}"))
                        .await?;
                }
            }
            for trigger in ["persons_file_update", "families_file_update"] {
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {trigger}"))
                    .await?;
            }
        }
        for table in ["person_file_versions", "file_reference_version"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
