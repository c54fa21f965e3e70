//! R-ROLE-3 at load (issue 13): the records of reads waiting at the same
//! moment are written in groups on PostgreSQL — one statement for many —
//! each read answered only once its record is stored; a record that cannot
//! be written refuses its own read only.

use crate::support::TestApp;
use atvejis_api::store::audit::{AuditAction, AuditActor, AuditEvent, ReadRecorder};
use atvejis_domain::access::Purpose;
use futures_util::future::join_all;
use sea_orm::DatabaseBackend;

// As in a server worker (`startup::run_per_worker`), the recorder and the
// reads share one thread's runtime: the reads waiting at the same moment are
// the ones queued before the recorder's writer next runs. On a runtime of
// several threads the writer may take each record as it comes (12 statements
// for 50 records once under CI's load), so `db_tests!`' runtime would not do.
mod r_role_3_reads_recorded_at_once_are_written_in_groups_and_a_bad_record_refuses_only_its_read {
    use crate::support::{Backend, spawn_app};

    #[tokio::test(flavor = "current_thread")]
    async fn sqlite() {
        let app = spawn_app(Backend::Sqlite).await.expect("sqlite app");
        super::r_role_3_reads_recorded_at_once_are_written_in_groups_and_a_bad_record_refuses_only_its_read(app).await;
    }

    #[tokio::test(flavor = "current_thread")]
    async fn postgres() {
        if let Some(app) = spawn_app(Backend::Postgres).await {
            super::r_role_3_reads_recorded_at_once_are_written_in_groups_and_a_bad_record_refuses_only_its_read(app).await;
        }
    }
}

fn actor(name: &str) -> AuditActor {
    AuditActor {
        kind: "user",
        id: None,
        name: name.to_owned(),
        municipality_id: None,
        request_id: None,
        client_request_id: None,
        client_addr: None,
    }
}

async fn r_role_3_reads_recorded_at_once_are_written_in_groups_and_a_bad_record_refuses_only_its_read(
    app: TestApp,
) {
    let postgres = app.db.get_database_backend() == DatabaseBackend::Postgres;
    let recorder = ReadRecorder::new(app.db.clone());
    recorder.start();
    let now = app.clock.now();
    let record = |name: String, n: usize| {
        let recorder = recorder.clone();
        async move {
            recorder
                .record(
                    &actor(&name),
                    now,
                    AuditEvent::new(AuditAction::PersonRead, "person", n),
                    Purpose::NeedsAssessment,
                )
                .await
        }
    };

    let before = app.statements_so_far();
    let results = join_all((0..50).map(|n| record(format!("skaitytoja-{n}"), n))).await;
    let statements = app.statements_so_far() - before;
    println!("50 read records in {statements} statements");
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE actor_name LIKE 'skaitytoja-%'")
            .await,
        50,
        "every read has its record once answered"
    );
    if postgres {
        assert!(statements <= 5, "50 records in {statements} statements");
    } else {
        assert_eq!(statements, 50, "SQLite writes each record alone");
    }

    // Reads whose database answers come in just after the first read has
    // handed its record over (here: bytes on a socket each waits for): the
    // writer lets them finish and takes their records into its group before
    // it writes.
    let before = app.statements_so_far();
    let mut answers = Vec::new();
    let mut later = Vec::new();
    for n in 1..4 {
        let (ours, theirs) = tokio::net::UnixStream::pair().unwrap();
        answers.push(ours);
        let read = record(format!("paskui-{n}"), n);
        later.push(tokio::spawn(async move {
            theirs.readable().await.unwrap();
            read.await
        }));
    }
    let first = record("paskui-0".into(), 0);
    let first = tokio::spawn(async move {
        for answer in &answers {
            answer.try_write(b"1").unwrap();
        }
        first.await
    });
    let results = join_all(later.into_iter().chain([first])).await;
    let statements = app.statements_so_far() - before;
    println!("4 read records, 3 of them just after the first, in {statements} statements");
    assert!(
        results.iter().all(|r| matches!(r, Ok(Ok(())))),
        "{results:?}"
    );
    if postgres {
        assert_eq!(statements, 1, "one group for the four");
    }

    // PostgreSQL refuses NUL in text: that record fails, and only its read.
    let results = join_all(
        (0..10)
            .map(|n| record(format!("kita-{n}"), n))
            .chain([record("blogas\0vardas".into(), 99)]),
    )
    .await;
    assert!(results[..10].iter().all(Result::is_ok), "{results:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE actor_name LIKE 'kita-%'")
            .await,
        10
    );
    if postgres {
        assert!(results[10].is_err(), "the bad record's read is refused");
    }
}
