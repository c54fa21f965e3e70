//! Issue 13: a connection going back to the pool is not pinged after an
//! ordinary statement (the patched sqlx-core, `vendor/README.md`), and a
//! transaction dropped without `commit()` still has its `ROLLBACK` sent at
//! once. The pool connects through a proxy that counts the `Sync` messages
//! the client sends: a statement sends one; a ping is one more.
//!
//! Runs only with `TEST_DATABASE_URL` (PostgreSQL).

use crate::support::{postgres_url, scalar};
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Counts the frontend's `Sync` messages (`S`) on every connection it
/// forwards to `upstream`.
async fn counting_proxy(upstream: String) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address").to_string();
    let syncs = Arc::new(AtomicUsize::new(0));
    let counter = syncs.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let server = TcpStream::connect(&upstream)
                .await
                .expect("reach PostgreSQL");
            let (mut client_read, mut client_write) = client.into_split();
            let (mut server_read, mut server_write) = server.into_split();
            tokio::spawn(async move {
                let _ = tokio::io::copy(&mut server_read, &mut client_write).await;
            });
            let counter = counter.clone();
            tokio::spawn(async move {
                // The startup message has no type byte; every later one has.
                let (mut pending, mut started) = (Vec::new(), false);
                let mut chunk = [0u8; 8192];
                loop {
                    let n = match client_read.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => n,
                    };
                    pending.extend_from_slice(&chunk[..n]);
                    loop {
                        let header = if started { 5 } else { 4 };
                        if pending.len() < header {
                            break;
                        }
                        let at = header - 4;
                        let length =
                            u32::from_be_bytes(pending[at..at + 4].try_into().expect("four bytes"))
                                as usize;
                        if pending.len() < at + length {
                            break;
                        }
                        if started && pending[0] == b'S' {
                            counter.fetch_add(1, Ordering::SeqCst);
                        }
                        pending.drain(..at + length);
                        started = true;
                    }
                    if server_write.write_all(&chunk[..n]).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (address, syncs)
}

/// The `host:port` of a PostgreSQL URL, and the rest after it.
fn split_host(url: &str) -> (&str, &str, &str) {
    let (head, rest) = url.split_once('@').expect("a user in the URL");
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    (head, host, tail)
}

/// `url` with its host and port replaced by `address`, without TLS (so the
/// proxy can read the messages).
fn through(url: &str, address: &str) -> String {
    let (head, _, tail) = split_host(url);
    let separator = if tail.contains('?') { '&' } else { '?' };
    format!("{head}@{address}{tail}{separator}sslmode=disable")
}

async fn number(db: &impl ConnectionTrait, sql: &str, value: i64) -> Option<i64> {
    scalar(
        db,
        Statement::from_sql_and_values(DbBackend::Postgres, sql, [value.into()]),
    )
    .await
}

/// Waits for the pool's release tasks to settle, then reads the count.
async fn settled(syncs: &AtomicUsize) -> usize {
    tokio::time::sleep(Duration::from_millis(200)).await;
    syncs.load(Ordering::SeqCst)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statements_outside_a_transaction_send_one_sync_and_a_dropped_transaction_rolls_back_at_once()
 {
    let Some(url) = postgres_url().filter(|u| u.starts_with("postgres")) else {
        println!("pool_release: skipped — set TEST_DATABASE_URL to a PostgreSQL database");
        return;
    };
    let (address, syncs) = counting_proxy(split_host(&url).1.to_owned()).await;
    let db = atvejis_api::store::connect(&through(&url, &address), 1)
        .await
        .expect("connect through the proxy");

    // The first run prepares the statement (a Sync of its own).
    let sql = "SELECT $1::int8 + 1";
    assert_eq!(number(&db, sql, 1).await, Some(2));
    let before = settled(&syncs).await;
    const RUNS: usize = 10;
    for i in 0..RUNS as i64 {
        assert_eq!(number(&db, sql, i).await, Some(i + 1));
    }
    let sent = settled(&syncs).await - before;
    assert_eq!(
        sent, RUNS,
        "{RUNS} statements sent {sent} Syncs: a connection going back to the pool \
         should not be pinged (vendor/README.md)"
    );

    // A transaction dropped without commit() holds a lock until its
    // ROLLBACK reaches the database: that must be at once, not when the
    // connection is next taken from the pool.
    let key = i64::from(std::process::id()) << 20 | 0x5afe;
    let txn = db.begin().await.expect("begin");
    number(
        &txn,
        "SELECT 1::int8 FROM (SELECT pg_advisory_xact_lock($1)) AS locked",
        key,
    )
    .await;
    drop(txn);
    let other = atvejis_api::store::connect(&url, 1).await.expect("connect");
    let started = Instant::now();
    loop {
        let free = number(
            &other,
            "SELECT pg_try_advisory_xact_lock($1)::int4::int8",
            key,
        )
        .await;
        if free == Some(1) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the dropped transaction's lock is still held: its ROLLBACK was not sent"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // And the connection is fit for the next statement.
    assert_eq!(number(&db, sql, 41).await, Some(42));
}
