//! The storage layer on both databases: migrations go down and up again, and
//! money survives a round trip exactly.

use crate::db_tests;
use crate::support::TestApp;
use atvejis_api::store::migrate;
use migration::{Migrator, MigratorTrait};
use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, Statement};
use std::str::FromStr;

db_tests!(
    migrations_go_down_and_up_again,
    money_round_trips_exactly,
    name_search_index_keeps_a_small_pending_list,
);

async fn migrations_go_down_and_up_again(app: TestApp) {
    // One step at a time, newest first: every migration's down() works on
    // the schema the later ones left.
    for step in (0..Migrator::migrations().len()).rev() {
        Migrator::down(&app.db, Some(1))
            .await
            .unwrap_or_else(|e| panic!("down migration {step}: {e}"));
    }
    assert_eq!(
        Migrator::get_applied_migrations(&app.db)
            .await
            .unwrap()
            .len(),
        0
    );
    migrate(&app.db).await.expect("up again");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

/// Issue 13: on PostgreSQL the trigram index of the name search takes new
/// people through a GIN pending list of at most 64 kB: registrations insert
/// their trigrams in batches, and a search reads at most 8 pending pages.
async fn name_search_index_keeps_a_small_pending_list(app: TestApp) {
    if app.db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        return;
    }
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT array_to_string(reloptions, ',') AS options FROM pg_class \
             WHERE oid = to_regclass('ix_persons_search_text_trgm')",
        ))
        .await
        .unwrap()
        .expect("the trigram index exists");
    let options: Option<String> = row.try_get("", "options").unwrap();
    assert_eq!(
        options.as_deref(),
        Some("fastupdate=on,gin_pending_list_limit=64")
    );
}

async fn money_round_trips_exactly(app: TestApp) {
    let backend = app.db.get_database_backend();
    let municipality = app.count("SELECT COUNT(*) FROM municipalities").await;
    assert!(municipality > 0);
    let values = [
        "0.00",
        "0.01",
        "0.1",
        "2.05",
        "221.00",
        "442.01",
        "1105.00",
        "123456.78",
        "9999999999.99",
    ];
    for (i, raw) in values.iter().enumerate() {
        let amount = Decimal::from_str(raw).unwrap();
        let sql = format!(
            "INSERT INTO rates (id, municipality_id, kind, valid_from, value, created_at) \
             SELECT {id}, id, 'test', {date}, {ph}, {now} FROM municipalities WHERE code = 'kelme'",
            id = if backend == sea_orm::DatabaseBackend::Postgres {
                "gen_random_uuid()"
            } else {
                "randomblob(16)"
            },
            date = if backend == sea_orm::DatabaseBackend::Postgres {
                format!("DATE '2020-01-{:02}'", i + 1)
            } else {
                format!("'2020-01-{:02}'", i + 1)
            },
            ph = if backend == sea_orm::DatabaseBackend::Postgres {
                "$1"
            } else {
                "?"
            },
            now = if backend == sea_orm::DatabaseBackend::Postgres {
                "now()"
            } else {
                "'2026-01-01T00:00:00Z'"
            },
        );
        app.db
            .execute_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [amount.into()],
            ))
            .await
            .expect("insert");
        let row = app
            .db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "SELECT value FROM rates WHERE kind = 'test' AND valid_from = {}",
                    if backend == sea_orm::DatabaseBackend::Postgres {
                        format!("DATE '2020-01-{:02}'", i + 1)
                    } else {
                        format!("'2020-01-{:02}'", i + 1)
                    }
                ),
                [],
            ))
            .await
            .unwrap()
            .unwrap();
        let back: Decimal = row.try_get_by_index(0).unwrap();
        assert_eq!(back.normalize(), amount.normalize(), "{raw}");
    }
}
