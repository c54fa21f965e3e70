//! Persistence: the connection, migrations, entities, the scope that every
//! query of a municipality's records goes through, the audit writer and the
//! seed data.

pub mod aids;
pub mod applications;
pub mod audit;
pub mod audit_log;
pub mod bench_seed;
pub mod case_plans;
pub mod cases;
pub mod catalogue;
pub mod certificates;
pub mod charges;
pub mod data_subjects;
pub mod decisions;
pub mod deliveries;
pub mod demo_aids;
pub mod demo_cases;
pub mod demo_casework;
pub mod demo_charges;
pub mod demo_deliveries;
pub mod demo_places;
pub mod demo_reports;
pub mod entities;
pub mod error;
pub mod families;
pub mod fees;
pub mod income;
pub mod organisation;
pub mod person_file;
pub mod persons;
pub mod places;
pub mod rates;
pub mod reports;
pub mod scope;
pub mod search;
pub mod seed;
pub mod service_accounts;
pub mod sessions;
pub mod signing_delegations;
pub mod users;
pub mod versioned;
pub mod worklist;

pub use error::{StoreError, StoreResult};

use crate::config::Config;
use migration::{Migrator, MigratorTrait};
use sea_orm::sea_query::{Alias, Asterisk, Expr, Order, Query};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, FromQueryResult, QueryOrder, QuerySelect, QueryTrait,
    Select, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// Opens the connection pool. SQLite gets WAL, a busy timeout and foreign keys.
/// A pooled connection is pinged before use only after 30 s idle, not before
/// every statement (a round trip each; issue 13), and not when it goes back to
/// the pool unless a dropped transaction's ROLLBACK waits to be sent (the
/// patched sqlx-core, `vendor/README.md`).
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = options(url, max_connections);
    options.min_connections(1).map_sqlx_sqlite_opts(|o| {
        o.journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
    });
    Database::connect(options).await
}

/// A PostgreSQL pool that opens each connection when a task first needs
/// it, on that task's runtime, and keeps none open for its own sake: a
/// server worker's own pool, whose connections only that worker's thread
/// ever drives (see [`crate::startup::run_per_worker`]).
pub async fn connect_lazily(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = options(url, max_connections);
    options.min_connections(0).connect_lazy(true);
    Database::connect(options).await
}

fn options(url: &str, max_connections: u32) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false);
    options
}

/// The tables a bulk load fills: the ones the person file, the searches and
/// the reports read.
const LOADED_TABLES: &str = "persons, person_certificates, income_records, families, \
     family_members, applications, decisions, queue_entries, stays, audit_log";

/// Gives PostgreSQL's planner fresh statistics of [`LOADED_TABLES`] after a
/// bulk load (the demo, the benchmark): plans made on the empty tables would
/// otherwise keep scanning them whole until autovacuum comes by. SQLite
/// plans without statistics and needs nothing.
pub async fn analyze<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared(&format!("ANALYZE {LOADED_TABLES}"))
            .await?;
    }
    Ok(())
}

/// Opens the pool of the configured database.
pub async fn connect_config(config: &Config) -> Result<DatabaseConnection, DbErr> {
    connect(&config.database_url, config.db_max_connections).await
}

/// Brings the schema up to date.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Starts a transaction that will write. On SQLite it takes the write lock at
/// once (`BEGIN IMMEDIATE`), so two writers queue on the busy timeout instead
/// of failing when the second one upgrades a read lock; PostgreSQL ignores the
/// option. A transaction dropped without `commit()` rolls back.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Whether an error is a unique-constraint violation.
pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(
        e.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// Whether an error is one the database raises against a transaction that
/// met another one, rolling it back whole, so that the same request may
/// simply be sent again: on PostgreSQL a deadlock (`40P01`, two writes
/// locking the same rows in opposite orders, e.g. the file versions of two
/// people) or a serialization failure (`40001`); on SQLite a write lock not
/// had within the busy timeout (`SQLITE_BUSY` and its extended codes).
pub fn is_transient(e: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    let (DbErr::Exec(RuntimeErr::SqlxError(e))
    | DbErr::Query(RuntimeErr::SqlxError(e))
    | DbErr::Conn(RuntimeErr::SqlxError(e))) = e
    else {
        return false;
    };
    let Some(code) = e.as_database_error().and_then(|e| e.code()) else {
        return false;
    };
    match code.as_ref() {
        "40P01" | "40001" => true,
        // SQLite's codes are numbers, the primary code in the low byte.
        sqlite => sqlite.parse::<u32>().is_ok_and(|n| n & 0xff == 5),
    }
}

/// The zero-based index of page `page` (counted from 1, as the API's
/// `page` is): what a paginator's `fetch_page` takes, and, times the page
/// size, the offset of its first row.
pub fn page_index(page: u64) -> u64 {
    page.saturating_sub(1)
}

/// How many rows `query` finds, counting no further than `at_most`: a
/// broad search's count stops instead of reading every match only to print
/// a number (issue 13).
pub async fn count_at_most<C: ConnectionTrait, E: EntityTrait>(
    db: &C,
    query: Select<E>,
    at_most: u64,
) -> Result<u64, DbErr> {
    let count = Query::select()
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
        .from_subquery(
            query
                .select_only()
                .expr(Expr::val(1))
                .limit(at_most)
                .into_query(),
            Alias::new("c"),
        )
        .to_owned();
    let backend = db.get_database_backend();
    Ok(db
        .query_one_raw(backend.build(&count))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .map_or(0, |n| u64::try_from(n).unwrap_or(0)))
}

/// The first `limit` rows of `query` in `order`, and how many rows it finds,
/// counted no further than `at_most`.
///
/// One statement counts up to `at_most` matches and orders those it counted
/// (`COUNT(*) OVER ()` over the limited query): when there are fewer, they
/// are all the matches and the first rows are right. Only when the count
/// reaches `at_most` does a second statement take the first rows of all the
/// matches in `order` (issue 13: the header search read every match twice).
pub async fn first_and_count<C, E>(
    db: &C,
    query: Select<E>,
    order: &[(E::Column, Order)],
    limit: u64,
    at_most: u64,
) -> Result<(Vec<E::Model>, u64), DbErr>
where
    C: ConnectionTrait,
    E: EntityTrait,
    E::Model: FromQueryResult,
{
    const TOTAL: &str = "total_matches";
    let counted_rows = Alias::new("m");
    let mut counted = Query::select();
    counted
        .column(Asterisk)
        .expr_as(Expr::cust("COUNT(*) OVER ()"), Alias::new(TOTAL))
        .from_subquery(
            query.clone().limit(at_most).into_query(),
            counted_rows.clone(),
        );
    for (column, direction) in order {
        counted.order_by((counted_rows.clone(), *column), direction.clone());
    }
    counted.limit(limit);
    let backend = db.get_database_backend();
    let mut rows = Vec::new();
    let mut total = 0;
    for row in db.query_all_raw(backend.build(&counted)).await? {
        total = u64::try_from(row.try_get::<i64>("", TOTAL)?).unwrap_or(0);
        rows.push(E::Model::from_query_result(&row, "")?);
    }
    if total < at_most {
        return Ok((rows, total));
    }
    let page = order
        .iter()
        .fold(query, |q, (column, direction)| {
            q.order_by(*column, direction.clone())
        })
        .limit(limit);
    Ok((page.all(db).await?, total))
}

/// A "contains `text`" LIKE pattern, for comparing with a lower-cased column:
/// `text` is lower-cased, and `%`, `_` and `\\` in it match literally on both
/// databases (SQLite has no default LIKE escape character).
pub fn contains_pattern(text: &str) -> sea_orm::sea_query::LikeExpr {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')
}
