//! Recording the service (issue 11, part B): schedules of home help and
//! respite with their visits (R-LIM-1..3), transport trips (R-DL-4, the
//! facts a fare needs: R-FEE-4..7), meal lists (R-LIM-4), meal coupon
//! grants and the coupon journal (R-LIM-5). The monthly charges read these
//! tables: columns are named plainly and kept.
//!
//! The limits are checked by the API under a lock: every visit, meal or
//! coupon issue first bumps the `delivery_locks` row of its person (created
//! on first use), which serialises the records of one person (the row lock
//! on PostgreSQL, the write lock of an IMMEDIATE transaction on SQLite).
//! The database keeps "once a day" itself (a unique index on meal entries).

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

fn hours(name: &'static str) -> ColumnDef {
    decimal_len(name, 8, 2)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One row a person, bumped first by every record checked against a
        // limit (the lock).
        manager
            .create_table(
                Table::create()
                    .table("delivery_locks")
                    .col(pk_uuid("person_id"))
                    .col(uuid("municipality_id"))
                    .col(big_integer("bumps"))
                    .foreign_key(&mut fk("delivery_locks", "person_id", "persons"))
                    .foreign_key(&mut fk(
                        "delivery_locks",
                        "municipality_id",
                        "municipalities",
                    ))
                    .to_owned(),
            )
            .await?;
        // A work schedule of home help or respite from a signed granting
        // decision; approved by the Centre's director.
        manager
            .create_table(
                Table::create()
                    .table("delivery_schedules")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("person_id"))
                    .col(uuid("decision_id"))
                    // `home_help` or `respite`.
                    .col(string_len("service_code", 64))
                    // Respite: `at_home` or `short_term_care`; NULL for home help.
                    .col(string_len_null("respite_organisation", 32))
                    .col(hours("hours_per_week"))
                    .col(integer("visits_per_week"))
                    .col(date("valid_from"))
                    .col(date("valid_until"))
                    .col(text_null("notes"))
                    // `draft`, `approved`.
                    .col(string_len("status", 16))
                    .col(uuid_null("approved_by"))
                    .col(timestamp_with_time_zone_null("approved_at"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "delivery_schedules",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("delivery_schedules", "person_id", "persons"))
                    .foreign_key(&mut fk("delivery_schedules", "decision_id", "decisions"))
                    .foreign_key(&mut fk("delivery_schedules", "approved_by", "users"))
                    .foreign_key(&mut fk("delivery_schedules", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE INDEX ix_delivery_schedules_person ON delivery_schedules (person_id)",
        )
        .await?;
        // A visit of home help or respite. `hours` as given; R-LIM-3:
        // `other_paid_care_hours` spent in day care or other paid care,
        // stored apart; `countable_hours` = hours − other_paid_care_hours is
        // what counts toward the fee and the limits.
        manager
            .create_table(
                Table::create()
                    .table("delivery_visits")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("schedule_id"))
                    .col(uuid("person_id"))
                    .col(uuid("decision_id"))
                    .col(string_len("service_code", 64))
                    .col(date("visit_on"))
                    .col(hours("hours"))
                    .col(hours("other_paid_care_hours"))
                    .col(hours("countable_hours"))
                    .col(uuid("worker_id"))
                    // Home help: the week's hours went above the schedule's.
                    .col(boolean("over_schedule"))
                    .col(text_null("note"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk(
                        "delivery_visits",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk(
                        "delivery_visits",
                        "schedule_id",
                        "delivery_schedules",
                    ))
                    .foreign_key(&mut fk("delivery_visits", "person_id", "persons"))
                    .foreign_key(&mut fk("delivery_visits", "decision_id", "decisions"))
                    .foreign_key(&mut fk("delivery_visits", "worker_id", "users"))
                    .foreign_key(&mut fk("delivery_visits", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE INDEX ix_delivery_visits_person ON delivery_visits (person_id, visit_on)",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_delivery_visits_month ON delivery_visits (municipality_id, visit_on)",
        )
        .await?;
        // A transport trip (R-DL-4) with what its fare needs (R-FEE-4..7).
        manager
            .create_table(
                Table::create()
                    .table("trips")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("person_id"))
                    // The signed transport decision; NULL for a full-price
                    // trip without income proof (R-FEE-7).
                    .col(uuid_null("decision_id"))
                    .col(date("requested_on"))
                    .col(date("trip_on"))
                    .col(string_len("purpose", 32))
                    .col(string_len("destination", 300))
                    .col(string_len("destination_kind", 40))
                    // R-FEE-6 as decided from the destination kind.
                    .col(boolean("free_destination"))
                    .col(decimal_len("km_one_way", 8, 1))
                    .col(boolean("full_price"))
                    // `requested`, `completed`, `cancelled`.
                    .col(string_len("status", 16))
                    // The odometer km actually driven (there and back).
                    .col(decimal_len_null("km_driven", 8, 1))
                    .col(timestamp_with_time_zone_null("completed_at"))
                    .col(text_null("note"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("trips", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("trips", "person_id", "persons"))
                    .foreign_key(&mut fk("trips", "decision_id", "decisions"))
                    .foreign_key(&mut fk("trips", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        raw(
            manager,
            "CREATE INDEX ix_trips_month ON trips (municipality_id, trip_on)",
        )
        .await?;
        // A named daily meal list (R-LIM-4); free (R-FEE-12).
        manager
            .create_table(
                Table::create()
                    .table("meal_lists")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(string_len("name", 200))
                    .col(date("served_on"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("meal_lists", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("meal_lists", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("meal_list_entries")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("list_id"))
                    .col(uuid("person_id"))
                    .col(uuid("decision_id"))
                    .col(date("served_on"))
                    .col(boolean("signed"))
                    // An authorised person who signed instead.
                    .col(string_len_null("signed_by_name", 200))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk(
                        "meal_list_entries",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("meal_list_entries", "list_id", "meal_lists"))
                    .foreign_key(&mut fk("meal_list_entries", "person_id", "persons"))
                    .foreign_key(&mut fk("meal_list_entries", "decision_id", "decisions"))
                    .foreign_key(&mut fk("meal_list_entries", "created_by", "users"))
                    .index(
                        Index::create()
                            .name("ux_meal_list_entries_day")
                            .col("person_id")
                            .col("served_on")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        // A grant of meal coupons (R-LIM-5); free (R-FEE-12).
        manager
            .create_table(
                Table::create()
                    .table("coupon_grants")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("person_id"))
                    // `prison_return`, `commission_decision`.
                    .col(string_len("basis", 32))
                    .col(string_len_null("commission_decision_no", 64))
                    .col(date_null("commission_decision_on"))
                    .col(integer("coupons"))
                    .col(date("valid_from"))
                    .col(date_null("valid_until"))
                    // The director's decision that assigns them.
                    .col(string_len_null("director_decision_no", 64))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "coupon_grants",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("coupon_grants", "person_id", "persons"))
                    .foreign_key(&mut fk("coupon_grants", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        // The coupon journal: every issue with who received and signed.
        manager
            .create_table(
                Table::create()
                    .table("coupon_issues")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("grant_id"))
                    .col(uuid("person_id"))
                    .col(date("issued_on"))
                    .col(integer("coupons"))
                    // `person` or `authorised_person`.
                    .col(string_len("received_by", 32))
                    .col(string_len_null("authorised_name", 200))
                    .col(boolean("signed"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk(
                        "coupon_issues",
                        "municipality_id",
                        "municipalities",
                    ))
                    .foreign_key(&mut fk("coupon_issues", "grant_id", "coupon_grants"))
                    .foreign_key(&mut fk("coupon_issues", "person_id", "persons"))
                    .foreign_key(&mut fk("coupon_issues", "created_by", "users"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "coupon_issues",
            "coupon_grants",
            "meal_list_entries",
            "meal_lists",
            "trips",
            "delivery_visits",
            "delivery_schedules",
            "delivery_locks",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
