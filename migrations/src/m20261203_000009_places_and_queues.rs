//! Places and fair queues (R-Q-1..5, R-LIM-7, R-DL-5): facilities, their
//! kinds of place with the capacity in force from a date, the queue of each
//! kind of place with every position change recorded, offers of a free
//! place, and stays (occupancy is derived from stays, never stored).
//!
//! The invariants several API processes could break are the database's:
//! - every change of a queue first updates its `facility_places` row, which
//!   serialises the changes of one queue (the row lock on PostgreSQL, the
//!   write lock of an IMMEDIATE transaction on SQLite);
//! - R-Q-2: one open entry per person and exclusive kind of place
//!   (short-term, long-term care), whatever the facility — a partial unique
//!   index, because two facilities' queues do not share a lock;
//! - one open entry per person and queue, one open stay per person and
//!   queue, one held offer per entry, one stay per offer.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

use crate::util::{add_columns, allow_update_delete, drop_columns, forbid_update_delete};

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

async fn create(manager: &SchemaManager<'_>, table: TableCreateStatement) -> Result<(), DbErr> {
    manager.create_table(table).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create(
            manager,
            Table::create()
                .table("facilities")
                .col(pk_uuid("id"))
                .col(uuid("municipality_id"))
                .col(uuid_null("institution_id"))
                .col(string_len("code", 64))
                .col(string_len("name", 200))
                .col(string_len("kind", 32))
                .col(string_len_null("address", 300))
                .col(integer("offer_reply_days"))
                .col(json("admission_checklist"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(&mut fk("facilities", "municipality_id", "municipalities"))
                .foreign_key(&mut fk("facilities", "institution_id", "institutions"))
                .index(
                    Index::create()
                        .name("ux_facilities_code")
                        .col("municipality_id")
                        .col("code")
                        .unique(),
                )
                .to_owned(),
        )
        .await?;
        // One queue: a kind of place at a facility. Its `version` is bumped
        // first by every change of the queue (the lock); `registrations`
        // numbers the registrations (R-Q-3's last tie-break).
        create(
            manager,
            Table::create()
                .table("facility_places")
                .col(pk_uuid("id"))
                .col(uuid("municipality_id"))
                .col(uuid("facility_id"))
                .col(string_len("place_kind", 32))
                .col(big_integer("registrations"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(&mut fk(
                    "facility_places",
                    "municipality_id",
                    "municipalities",
                ))
                .foreign_key(&mut fk("facility_places", "facility_id", "facilities"))
                .index(
                    Index::create()
                        .name("ux_facility_places_kind")
                        .col("facility_id")
                        .col("place_kind")
                        .unique(),
                )
                .to_owned(),
        )
        .await?;
        create(
            manager,
            Table::create()
                .table("facility_capacities")
                .col(pk_uuid("id"))
                .col(uuid("municipality_id"))
                .col(uuid("place_id"))
                .col(integer("places"))
                .col(date("valid_from"))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "facility_capacities",
                    "municipality_id",
                    "municipalities",
                ))
                .foreign_key(&mut fk(
                    "facility_capacities",
                    "place_id",
                    "facility_places",
                ))
                .foreign_key(&mut fk("facility_capacities", "created_by", "users"))
                .index(
                    Index::create()
                        .name("ux_facility_capacities_from")
                        .col("place_id")
                        .col("valid_from")
                        .unique(),
                )
                .to_owned(),
        )
        .await?;
        create(
            manager,
            Table::create()
                .table("queue_entries")
                .col(pk_uuid("id"))
                .col(uuid("municipality_id"))
                .col(uuid("place_id"))
                .col(uuid("facility_id"))
                .col(uuid("person_id"))
                .col(uuid_null("decision_id"))
                .col(uuid_null("application_id"))
                .col(string_len("place_kind", 32))
                // The place kind when R-Q-2 allows one queue of it per
                // person (short-term, long-term care); NULL otherwise.
                .col(string_len_null("exclusive_kind", 32))
                .col(date("decided_on"))
                .col(date("applied_on"))
                .col(big_integer("registration"))
                // `waiting`, `admitted`, `left`.
                .col(string_len("status", 16))
                // The dense position while waiting; NULL once closed.
                .col(integer_null("position"))
                .col(date_null("hold_until"))
                .col(string_len_null("hold_reason", 32))
                .col(timestamp_with_time_zone("joined_at"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .col(string_len_null("close_reason", 32))
                .col(text_null("close_note"))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(&mut fk(
                    "queue_entries",
                    "municipality_id",
                    "municipalities",
                ))
                .foreign_key(&mut fk("queue_entries", "place_id", "facility_places"))
                .foreign_key(&mut fk("queue_entries", "facility_id", "facilities"))
                .foreign_key(&mut fk("queue_entries", "person_id", "persons"))
                .foreign_key(&mut fk("queue_entries", "decision_id", "decisions"))
                .foreign_key(&mut fk("queue_entries", "application_id", "applications"))
                .foreign_key(&mut fk("queue_entries", "created_by", "users"))
                .to_owned(),
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_queue_entries_exclusive ON queue_entries \
             (person_id, exclusive_kind) WHERE closed_at IS NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_queue_entries_open ON queue_entries \
             (person_id, place_id) WHERE closed_at IS NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_queue_entries_decision ON queue_entries \
             (decision_id) WHERE closed_at IS NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_queue_entries_place ON queue_entries (place_id, status, position)",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_queue_entries_person ON queue_entries (person_id)",
        )
        .await?;
        // Every change of anyone's position, with its cause (append-only).
        create(
            manager,
            Table::create()
                .table("queue_position_events")
                .col(pk_uuid("id"))
                .col(uuid("municipality_id"))
                .col(uuid("place_id"))
                .col(uuid("entry_id"))
                .col(big_integer("seq"))
                .col(timestamp_with_time_zone("at"))
                .col(date("on_date"))
                .col(integer_null("from_position"))
                .col(integer_null("to_position"))
                .col(string_len("cause", 32))
                .col(uuid_null("cause_entry_id"))
                .col(string_len_null("cause_detail", 64))
                .col(uuid_null("recorded_by"))
                .foreign_key(&mut fk(
                    "queue_position_events",
                    "municipality_id",
                    "municipalities",
                ))
                .foreign_key(&mut fk(
                    "queue_position_events",
                    "place_id",
                    "facility_places",
                ))
                .foreign_key(&mut fk(
                    "queue_position_events",
                    "entry_id",
                    "queue_entries",
                ))
                .foreign_key(&mut fk("queue_position_events", "recorded_by", "users"))
                .to_owned(),
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_queue_position_events_entry ON queue_position_events (entry_id, seq)",
        )
        .await?;
        forbid_update_delete(manager, "queue_position_events").await?;
        create(
            manager,
            Table::create()
                .table("place_offers")
                .col(pk_uuid("id"))
                .col(uuid("municipality_id"))
                .col(uuid("place_id"))
                .col(uuid("facility_id"))
                .col(uuid("entry_id"))
                .col(uuid("person_id"))
                // `pending`, `accepted`, `declined`, `expired`, `admitted`,
                // `withdrawn`.
                .col(string_len("status", 16))
                .col(date("offered_on"))
                .col(date("reply_by"))
                .col(uuid_null("offered_by"))
                .col(date_null("visit_on"))
                .col(date_null("answered_on"))
                .col(string_len_null("decline_reason", 32))
                .col(text_null("answer_note"))
                .col(uuid_null("answered_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(&mut fk("place_offers", "municipality_id", "municipalities"))
                .foreign_key(&mut fk("place_offers", "place_id", "facility_places"))
                .foreign_key(&mut fk("place_offers", "facility_id", "facilities"))
                .foreign_key(&mut fk("place_offers", "entry_id", "queue_entries"))
                .foreign_key(&mut fk("place_offers", "person_id", "persons"))
                .foreign_key(&mut fk("place_offers", "offered_by", "users"))
                .foreign_key(&mut fk("place_offers", "answered_by", "users"))
                .to_owned(),
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_place_offers_held ON place_offers (entry_id) \
             WHERE status IN ('pending', 'accepted')",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_place_offers_place ON place_offers (place_id, status)",
        )
        .await?;
        create(
            manager,
            Table::create()
                .table("stays")
                .col(pk_uuid("id"))
                .col(uuid("municipality_id"))
                .col(uuid("place_id"))
                .col(uuid("facility_id"))
                .col(uuid("person_id"))
                .col(string_len("place_kind", 32))
                .col(uuid_null("entry_id"))
                .col(uuid_null("offer_id"))
                .col(uuid_null("decision_id"))
                .col(date("started_on"))
                // R-DL-5: the shelter's arrival, who brought the person, the
                // planned end and the recorded threat that allows more.
                .col(timestamp_with_time_zone_null("arrived_at"))
                .col(string_len_null("brought_by", 32))
                .col(date_null("planned_until"))
                .col(text_null("threat_reason"))
                // The admission checklist as recorded (R-LIM-7).
                .col(json_null("checklist"))
                .col(date_null("extract_027a_issued_on"))
                .col(date_null("ended_on"))
                .col(string_len_null("end_reason", 32))
                .col(text_null("end_note"))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(&mut fk("stays", "municipality_id", "municipalities"))
                .foreign_key(&mut fk("stays", "place_id", "facility_places"))
                .foreign_key(&mut fk("stays", "facility_id", "facilities"))
                .foreign_key(&mut fk("stays", "person_id", "persons"))
                .foreign_key(&mut fk("stays", "entry_id", "queue_entries"))
                .foreign_key(&mut fk("stays", "offer_id", "place_offers"))
                .foreign_key(&mut fk("stays", "decision_id", "decisions"))
                .foreign_key(&mut fk("stays", "created_by", "users"))
                .to_owned(),
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_stays_open ON stays (person_id, place_id) WHERE ended_on IS NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE UNIQUE INDEX ux_stays_offer ON stays (offer_id) WHERE offer_id IS NOT NULL",
        )
        .await?;
        raw(
            manager,
            "CREATE INDEX ix_stays_place ON stays (place_id, ended_on)",
        )
        .await?;
        raw(manager, "CREATE INDEX ix_stays_person ON stays (person_id)").await?;
        // R-Q-5: the institution named in the SP-8, and the one the decision
        // names (it may name another).
        add_columns(
            manager,
            "applications",
            vec![
                ColumnDef::new("preferred_facility_id")
                    .uuid()
                    .null()
                    .to_owned(),
            ],
        )
        .await?;
        add_columns(
            manager,
            "decisions",
            vec![ColumnDef::new("facility_id").uuid().null().to_owned()],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, "decisions", &["facility_id"]).await?;
        drop_columns(manager, "applications", &["preferred_facility_id"]).await?;
        allow_update_delete(manager, "queue_position_events").await?;
        for table in [
            "stays",
            "place_offers",
            "queue_position_events",
            "queue_entries",
            "facility_capacities",
            "facility_places",
            "facilities",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
