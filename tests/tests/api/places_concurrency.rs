//! Issue 10, the proof under concurrency: three `atvejis` server processes
//! on one PostgreSQL database, and through all of them at once the
//! signings of 100 decisions granting a long-term place (each joins the
//! Kelmė group living home's queue, R-Q-1), 20 second registrations of
//! the same people in another long-term queue (R-Q-2: one of a kind) and
//! 200 offers, answers and admissions for 10 free places. Afterwards,
//! checked in SQL: exactly 10 stays, nobody in two queues of a kind,
//! positions dense and in R-Q-3 order, the position history explaining
//! every position, and never more held or occupied places than capacity.
//!
//! Runs only with `TEST_DATABASE_URL` (PostgreSQL); the server binary is
//! `target/<profile>/atvejis` next to this test (`make test` builds it).

use crate::processes::Cluster;
use crate::support::{PASSWORD, postgres_url};
use atvejis_api::store::{self, seed};
use atvejis_domain::places::{FacilityKind, PlaceKind, default_admission_checklist};
use futures_util::StreamExt;
use futures_util::future::join_all;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use uuid::Uuid;

const SERVERS: usize = 3;
const PEOPLE: usize = 100;
const DOUBLE_JOINERS: usize = 20;
const PLACES: i64 = 10;
const OFFER_OPERATIONS: usize = 200;
/// Each server's database pool.
const POOL: usize = 8;

/// A small deterministic generator (the seed is printed).
struct Rng(AtomicU64);

impl Rng {
    fn next(&self, below: usize) -> usize {
        let mut x = self.0.load(Ordering::Relaxed);
        loop {
            let mut y = x;
            y ^= y << 13;
            y ^= y >> 7;
            y ^= y << 17;
            match self
                .0
                .compare_exchange(x, y, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return usize::try_from(y % below.max(1) as u64).unwrap_or(0),
                Err(now) => x = now,
            }
        }
    }
}

/// Answers by kind of operation and class of status.
#[derive(Default)]
struct Tally {
    by_kind: Mutex<BTreeMap<String, BTreeMap<String, usize>>>,
    server_errors: Mutex<Vec<String>>,
}

impl Tally {
    fn note(&self, kind: &str, status: StatusCode, body: &Value) {
        let class = if status.is_success() {
            "2xx".to_owned()
        } else if status.is_client_error() {
            format!(
                "{} {}",
                status.as_u16(),
                body["code"].as_str().unwrap_or("")
            )
        } else {
            format!("{}", status.as_u16())
        };
        if status.is_server_error() {
            self.server_errors
                .lock()
                .unwrap()
                .push(format!("{kind}: {status} {body}"));
        }
        *self
            .by_kind
            .lock()
            .unwrap()
            .entry(kind.to_owned())
            .or_default()
            .entry(class)
            .or_default() += 1;
    }
}

/// The client side: the three servers, round-robin.
struct Api {
    client: reqwest::Client,
    addresses: Vec<String>,
    turn: AtomicU64,
    tally: Tally,
    /// Requests in flight per server, at most its pool size: every write
    /// waits for the queue's row lock holding a connection, so more at
    /// once would only time out in the server's pool (10 s) on a busy
    /// machine, not test the queue.
    in_flight: Vec<tokio::sync::Semaphore>,
}

impl Api {
    fn next_server(&self) -> usize {
        let n = self.turn.fetch_add(1, Ordering::Relaxed);
        usize::try_from(n).unwrap_or(0) % self.addresses.len()
    }

    async fn send(
        &self,
        kind: &str,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let server = self.next_server();
        let _permit = self.in_flight[server].acquire().await.expect("permit");
        let mut request = self
            .client
            .request(method, format!("{}/api/v1{path}", self.addresses[server]))
            .bearer_auth(token)
            .header("x-purpose", "needs_assessment");
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        self.tally.note(kind, status, &body);
        (status, body)
    }

    async fn post(&self, kind: &str, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        self.send(kind, reqwest::Method::POST, path, token, Some(body))
            .await
    }

    /// A setup step that must succeed.
    async fn must(
        &self,
        kind: &str,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Value,
        status: u16,
    ) -> Value {
        let (got, body) = self.send(kind, method, path, token, Some(body)).await;
        assert_eq!(got.as_u16(), status, "{kind} {path}: {body}");
        body
    }
}

async fn sql(db: &DatabaseConnection, query: &str) -> Vec<sea_orm::QueryResult> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        query.to_owned(),
    ))
    .await
    .unwrap_or_else(|e| panic!("{query}: {e}"))
}

async fn scalar(db: &DatabaseConnection, query: &str) -> i64 {
    sql(db, query).await[0]
        .try_get_by_index::<i64>(0)
        .expect("a number")
}

fn text(row: &sea_orm::QueryResult, column: &str) -> String {
    row.try_get::<String>("", column)
        .unwrap_or_else(|e| panic!("{column}: {e}"))
}

/// One person's way to a prepared decision; returns (application, decision).
async fn prepared_decision(
    api: &Api,
    tokens: &Tokens,
    person_id: &str,
    received_on: time::Date,
) -> (Value, Value) {
    use reqwest::Method;
    let application = api
        .must(
            "setup",
            Method::POST,
            "/applications",
            &tokens.worker,
            json!({
                "person_id": person_id,
                "service_code": "group_living_long_term",
                "received_on": received_on.to_string(),
                "channel": "in_person",
                "documents": [
                    { "code": "sp8_application", "status": "provided" },
                    { "code": "identity_document", "status": "provided" },
                    { "code": "declared_residence", "status": "provided" },
                    { "code": "income_3_months", "status": "provided" },
                ],
            }),
            201,
        )
        .await;
    let id = application["id"].as_str().unwrap().to_owned();
    let assessed = api
        .must(
            "setup",
            Method::PUT,
            &format!("/applications/{id}/assessment"),
            &tokens.worker,
            json!({ "version": application["version"], "submitted_on": received_on.to_string(), "conclusion": "Poreikis nustatytas." }),
            200,
        )
        .await;
    let forwarded = api
        .must(
            "setup",
            Method::POST,
            &format!("/applications/{id}/forward"),
            &tokens.worker,
            json!({ "version": assessed["version"] }),
            200,
        )
        .await;
    let prepared = api
        .must(
            "setup",
            Method::POST,
            &format!("/applications/{id}/decision"),
            &tokens.specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Skirti paslaugas." }),
            200,
        )
        .await;
    (prepared.clone(), prepared["decision"].clone())
}

struct Tokens {
    worker: String,
    specialist: String,
    head: String,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn r_q_2_r_q_3_three_servers_at_once_keep_the_queue_fair() {
    let Some(admin_url) = postgres_url() else {
        println!(
            "places_concurrency: skipped — set TEST_DATABASE_URL to a PostgreSQL database \
             (e.g. postgres://postgres@127.0.0.1:5432/test) to run the three-server test"
        );
        return;
    };
    if !admin_url.starts_with("postgres") {
        println!("places_concurrency: skipped — TEST_DATABASE_URL is not PostgreSQL");
        return;
    }
    let started = Instant::now();

    // A fresh schema, migrated and seeded once.
    let (mut cluster, db) = Cluster::new(&admin_url, "c").await;
    let now = time::OffsetDateTime::now_utc();
    let kelme = text(
        &sql(
            &db,
            "SELECT id::text AS id FROM municipalities WHERE code = 'kelme'",
        )
        .await[0],
        "id",
    );
    // The second long-term facility (no free place: its queue only waits).
    store::places::seed_facility(
        &db,
        Uuid::parse_str(&kelme).unwrap(),
        None,
        &seed::FacilitySeed {
            code: "ggn-2",
            name: "Antrieji grupinio gyvenimo namai",
            kind: FacilityKind::GroupLivingHome,
            institution: None,
            address: None,
            places: &[(PlaceKind::LongTermCare, 0)],
        },
        now,
    )
    .await
    .expect("second facility");
    let facility_id = |code: &str| {
        let db = &db;
        let query = format!(
            "SELECT id::text AS id FROM facilities WHERE code = '{code}' AND municipality_id = '{kelme}'"
        );
        async move { text(&sql(db, &query).await[0], "id") }
    };
    let ggn = facility_id("ggn").await;
    let ggn2 = facility_id("ggn-2").await;
    let ggn_place = text(
        &sql(
            &db,
            &format!(
                "SELECT id::text AS id FROM facility_places WHERE facility_id = '{ggn}' AND place_kind = 'long_term_care'"
            ),
        )
        .await[0],
        "id",
    );

    // Three server processes on that database.
    for _ in 0..SERVERS {
        cluster
            .start(&[("ATVEJIS_DB_MAX_CONNECTIONS", &POOL.to_string())])
            .await;
    }
    let client = reqwest::Client::builder()
        // A fresh connection a request: an idle kept-alive one may be
        // closed by the server just as it is reused (IncompleteMessage).
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client");
    let api = Arc::new(Api {
        client: client.clone(),
        addresses: cluster.addresses.clone(),
        turn: AtomicU64::new(0),
        tally: Tally::default(),
        in_flight: (0..SERVERS)
            .map(|_| tokio::sync::Semaphore::new(POOL))
            .collect(),
    });
    let login = |username: &'static str| {
        let api = api.clone();
        async move {
            let (status, body) = api
                .send(
                    "login",
                    reqwest::Method::POST,
                    "/auth/login",
                    "",
                    Some(json!({ "username": username, "password": PASSWORD })),
                )
                .await;
            assert_eq!(status, 200, "{body}");
            body["access_token"].as_str().unwrap().to_owned()
        }
    };
    let tokens = Arc::new(Tokens {
        worker: login("social_worker").await,
        specialist: login("division_specialist").await,
        head: login("division_head").await,
    });
    // The server's "today" is Lithuanian: from 22:00 or 21:00 UTC on, the
    // UTC date is still yesterday there.
    let today = atvejis_domain::calendar::lithuanian_date(time::OffsetDateTime::now_utc());

    // Setup through the API: 10 free long-term places at the GGN…
    api.must(
        "setup",
        reqwest::Method::POST,
        &format!("/facilities/{ggn}/capacities"),
        &tokens.specialist,
        json!({ "place_kind": "long_term_care", "places": PLACES, "valid_from": today.to_string() }),
        200,
    )
    .await;
    // …100 people with a decision ready to sign (the first 20 with a second
    // one, signed, for the other facility).
    let setup_started = Instant::now();
    let people: Vec<(String, Value, Option<Value>)> = futures_util::stream::iter(0..PEOPLE)
        .map(|i| {
            let (api, tokens) = (api.clone(), tokens.clone());
            async move {
                let person = api
                    .must(
                        "setup",
                        reqwest::Method::POST,
                        "/persons",
                        &tokens.worker,
                        json!({
                            "first_name": format!("Asmuo{i}"),
                            "last_name": "Eilinė",
                            "birth_date": format!("19{}-0{}-1{}", 30 + i % 20, 1 + i % 9, i % 10),
                        }),
                        201,
                    )
                    .await["id"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                // R-Q-3: applications from the last 40 days, several on a day.
                let received_on = today - time::Duration::days(i64::try_from(i % 40).unwrap());
                let (_, decision) = prepared_decision(&api, &tokens, &person, received_on).await;
                let second = if i < DOUBLE_JOINERS {
                    let (_, second) = prepared_decision(&api, &tokens, &person, received_on).await;
                    let signed = api
                        .must(
                            "setup",
                            reqwest::Method::POST,
                            &format!("/decisions/{}/sign", second["id"].as_str().unwrap()),
                            &tokens.head,
                            json!({ "version": second["version"] }),
                            200,
                        )
                        .await;
                    Some(signed)
                } else {
                    None
                };
                (person, decision, second)
            }
        })
        .buffer_unordered(12)
        .collect()
        .await;
    // The first decisions name the GGN (preferred by the application); the
    // second ones name no facility, so signing them registered nobody.
    let firsts: Vec<String> = people
        .iter()
        .map(|(_, d, _)| format!("'{}'", d["id"].as_str().unwrap()))
        .collect();
    sql(
        &db,
        &format!(
            "UPDATE applications SET preferred_facility_id = '{ggn}' WHERE id IN \
             (SELECT application_id FROM decisions WHERE id::text IN ({}))",
            firsts.join(",")
        ),
    )
    .await;
    assert_eq!(
        scalar(&db, "SELECT count(*) FROM queue_entries").await,
        0,
        "nobody registered yet"
    );
    let setup_took = setup_started.elapsed();

    // At once, through all three servers: 100 signings (registrations), 20
    // second registrations, 200 offer/answer/admission operations.
    let seed_value = u64::try_from(now.unix_timestamp_nanos() % 1_000_000_007).unwrap() | 1;
    let rng = Arc::new(Rng(AtomicU64::new(seed_value)));
    let checklist: Vec<Value> = default_admission_checklist(FacilityKind::GroupLivingHome)
        .into_iter()
        .map(|item| json!({ "code": item.code, "done": true }))
        .collect();
    let checklist = Arc::new(checklist);
    let burst_started = Instant::now();
    let mut burst: Vec<tokio::task::JoinHandle<()>> = Vec::new();
    for (_, decision, second) in &people {
        let (api1, tokens1) = (api.clone(), tokens.clone());
        let decision = decision.clone();
        burst.push(tokio::spawn(async move {
            let (api, tokens) = (api1, tokens1);
            api.post(
                "sign (registration)",
                &format!("/decisions/{}/sign", decision["id"].as_str().unwrap()),
                &tokens.head,
                json!({ "version": decision["version"] }),
            )
            .await;
        }));
        if let Some(second) = second.clone() {
            let (api, tokens, ggn2) = (api.clone(), tokens.clone(), ggn2.clone());
            burst.push(tokio::spawn(async move {
                api.post(
                    "second registration",
                    "/queue-entries",
                    &tokens.specialist,
                    json!({ "decision_id": second["id"], "facility_id": ggn2 }),
                )
                .await;
            }));
        }
    }
    for n in 0..OFFER_OPERATIONS {
        let (api, tokens, rng, db, place, checklist) = (
            api.clone(),
            tokens.clone(),
            rng.clone(),
            db.clone(),
            ggn_place.clone(),
            checklist.clone(),
        );
        burst.push(tokio::spawn(async move {
            // Spread over the burst, so they meet the registrations.
            tokio::time::sleep(Duration::from_millis(
                u64::try_from(rng.next(1500)).unwrap(),
            ))
            .await;
            offer_operation(&api, &tokens, &rng, &db, &place, &checklist, n, today).await;
        }));
    }
    for task in join_all(burst).await {
        task.expect("a request task");
    }
    let burst_took = burst_started.elapsed();

    // Then until every offer made is admitted: exactly the 10 places filled.
    let mut rounds = 0;
    loop {
        let held = held_offers(&db, &ggn_place).await;
        let stays = scalar(&db, "SELECT count(*) FROM stays").await;
        if held.is_empty() && stays >= PLACES {
            break;
        }
        rounds += 1;
        assert!(
            rounds <= 30,
            "the places did not fill: {stays} stays, held {held:?}"
        );
        if held.is_empty() {
            // No offer held yet a free place: offer it to the first waiting.
            let first = sql(
                &db,
                &format!(
                    "SELECT id::text AS id FROM queue_entries WHERE place_id = '{ggn_place}' \
                     AND status = 'waiting' ORDER BY position LIMIT 1"
                ),
            )
            .await;
            if let Some(first) = first.first() {
                api.post(
                    "offer",
                    "/offers",
                    &tokens.specialist,
                    json!({ "queue_entry_id": text(first, "id") }),
                )
                .await;
            }
        }
        join_all(
            held.into_iter().map(|(id, status, version)| {
                let (api, tokens, checklist) = (api.clone(), tokens.clone(), checklist.clone());
                async move {
                    settle_offer(&api, &tokens, &id, &status, version, &checklist, today).await
                }
            }),
        )
        .await;
    }
    let total_took = burst_started.elapsed();

    // The invariants, in SQL.
    let mut checked: Vec<String> = Vec::new();
    let stays = scalar(&db, "SELECT count(*) FROM stays").await;
    assert_eq!(stays, PLACES, "exactly the free places are filled");
    assert_eq!(
        scalar(
            &db,
            &format!(
                "SELECT count(*) FROM stays WHERE place_id = '{ggn_place}' AND ended_on IS NULL"
            )
        )
        .await,
        PLACES
    );
    checked.push(format!(
        "stays = {PLACES}, all at the GGN's long-term places"
    ));
    assert_eq!(
        scalar(
            &db,
            "SELECT count(*) FROM (SELECT person_id FROM stays GROUP BY person_id HAVING count(*) > 1) x"
        )
        .await,
        0,
        "nobody admitted twice"
    );
    checked.push("nobody admitted twice".into());
    assert_eq!(
        scalar(
            &db,
            "SELECT count(*) FROM (SELECT person_id, exclusive_kind FROM queue_entries \
             WHERE closed_at IS NULL AND exclusive_kind IS NOT NULL \
             GROUP BY person_id, exclusive_kind HAVING count(*) > 1) x"
        )
        .await,
        0,
        "R-Q-2: nobody in two open queues of a kind"
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT count(*) FROM (SELECT e.person_id FROM queue_entries e \
             WHERE e.place_kind = 'long_term_care' AND e.status = 'waiting' \
             GROUP BY e.person_id HAVING count(*) > 1) x"
        )
        .await,
        0,
        "R-Q-2: nobody waits in two long-term queues"
    );
    checked.push("R-Q-2: nobody in two queues of a kind".into());
    let entries = scalar(&db, "SELECT count(*) FROM queue_entries").await;
    assert_eq!(
        scalar(
            &db,
            &format!("SELECT count(*) FROM queue_entries WHERE place_id = '{ggn_place}'")
        )
        .await,
        i64::try_from(PEOPLE).unwrap() - rejected_signings(&api),
        "every signing that succeeded registered its person at the GGN"
    );
    checked.push("every successful signing registered once".into());
    // R-Q-3: per queue, the waiting are exactly 1..n in (decided_on,
    // applied_on, registration) order.
    let places = sql(
        &db,
        "SELECT DISTINCT place_id::text AS id FROM queue_entries",
    )
    .await;
    let mut waiting_total = 0;
    for place in &places {
        let place = text(place, "id");
        let rows = sql(
            &db,
            &format!(
                "SELECT id::text AS id, position FROM queue_entries WHERE place_id = '{place}' \
                 AND status = 'waiting' ORDER BY decided_on, applied_on, registration"
            ),
        )
        .await;
        waiting_total += rows.len();
        for (n, row) in rows.iter().enumerate() {
            let position: Option<i32> = row.try_get("", "position").unwrap();
            assert_eq!(
                position,
                Some(i32::try_from(n + 1).unwrap()),
                "R-Q-3: place {place}, entry {} is {n}+1-th by (decided_on, applied_on, registration)",
                text(row, "id")
            );
        }
        assert_eq!(
            scalar(
                &db,
                &format!(
                    "SELECT count(*) FROM queue_entries WHERE place_id = '{place}' \
                     AND status <> 'waiting' AND position IS NOT NULL"
                )
            )
            .await,
            0,
            "closed entries hold no position"
        );
    }
    checked.push(format!(
        "R-Q-3: positions dense 1..n and in order in {} queues ({waiting_total} waiting)",
        places.len()
    ));
    // The history explains every position: replayed in seq order, every
    // event starts from the position the entry had, each transaction leaves
    // the queue dense, and the end is today's positions.
    let mut events_total = 0;
    for place in &places {
        let place = text(place, "id");
        let events = sql(
            &db,
            &format!(
                "SELECT entry_id::text AS entry, seq, from_position, to_position, cause \
                 FROM queue_position_events WHERE place_id = '{place}' ORDER BY seq, id"
            ),
        )
        .await;
        events_total += events.len();
        let mut positions: HashMap<String, i32> = HashMap::new();
        let mut group: Option<i64> = None;
        let dense = |positions: &HashMap<String, i32>, seq: i64| {
            let mut all: Vec<i32> = positions.values().copied().collect();
            all.sort_unstable();
            let expected: Vec<i32> = (1..=i32::try_from(all.len()).unwrap()).collect();
            assert_eq!(all, expected, "place {place}: not dense after seq {seq}");
        };
        for event in &events {
            let entry = text(event, "entry");
            let seq: i64 = event.try_get("", "seq").unwrap();
            let from: Option<i32> = event.try_get("", "from_position").unwrap();
            let to: Option<i32> = event.try_get("", "to_position").unwrap();
            if let Some(previous) = group
                && previous != seq
            {
                assert!(previous < seq);
                dense(&positions, previous);
            }
            group = Some(seq);
            assert_eq!(
                positions.get(&entry).copied(),
                from,
                "place {place}: entry {entry} moved from {from:?} at seq {seq} ({})",
                text(event, "cause")
            );
            match to {
                Some(to) => positions.insert(entry, to),
                None => positions.remove(&entry),
            };
        }
        if let Some(last) = group {
            dense(&positions, last);
        }
        let now: HashMap<String, i32> = sql(
            &db,
            &format!(
                "SELECT id::text AS id, position FROM queue_entries WHERE place_id = '{place}' \
                 AND status = 'waiting'"
            ),
        )
        .await
        .iter()
        .map(|r| (text(r, "id"), r.try_get::<i32>("", "position").unwrap()))
        .collect();
        assert_eq!(
            positions, now,
            "place {place}: the history replays to the positions"
        );
    }
    let last_events = scalar(
        &db,
        "SELECT count(*) FROM queue_entries e WHERE e.status = 'waiting' AND e.position IS DISTINCT FROM \
         (SELECT h.to_position FROM queue_position_events h WHERE h.entry_id = e.id \
          ORDER BY h.seq DESC LIMIT 1)",
    )
    .await;
    assert_eq!(
        last_events, 0,
        "each waiting entry's last event names its position"
    );
    checked.push(format!(
        "history: {events_total} events replay to every position, dense after each transaction"
    ));
    // Never more places held or used than there are.
    let held = scalar(
        &db,
        &format!(
            "SELECT count(*) FROM place_offers WHERE place_id = '{ggn_place}' AND status IN ('pending', 'accepted')"
        ),
    )
    .await;
    assert!(
        held + stays <= PLACES,
        "offered {held} + occupied {stays} > {PLACES}"
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT count(*) FROM place_offers WHERE status = 'admitted'"
        )
        .await,
        stays,
        "every stay comes from an admitted offer"
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT count(*) FROM queue_entries WHERE status = 'admitted'"
        )
        .await,
        stays
    );
    checked.push("offered + occupied ≤ capacity; every stay from one admitted offer".into());
    let errors = api.tally.server_errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "5xx answers: {errors:#?}");
    checked.push("no 5xx answer".into());

    // The figures.
    println!("\nplaces_concurrency: {SERVERS} server processes, one PostgreSQL database");
    println!(
        "  setup: {PEOPLE} people, {} decisions, {PLACES} free places — {:.1} s",
        PEOPLE + DOUBLE_JOINERS,
        setup_took.as_secs_f64()
    );
    println!(
        "  burst: {} requests at once in {:.2} s; until filled: {rounds} more rounds, {:.2} s in all",
        PEOPLE + DOUBLE_JOINERS + OFFER_OPERATIONS,
        burst_took.as_secs_f64(),
        total_took.as_secs_f64()
    );
    for (kind, classes) in api.tally.by_kind.lock().unwrap().iter() {
        let total: usize = classes.values().sum();
        let detail: Vec<String> = classes.iter().map(|(c, n)| format!("{c}: {n}")).collect();
        println!("  {kind:<22} {total:>4}  ({})", detail.join(", "));
    }
    println!("  queue entries {entries}, stays {stays}, random seed {seed_value}");
    println!("  invariants checked:");
    for check in &checked {
        println!("    ✓ {check}");
    }
    println!("  whole test: {:.1} s", started.elapsed().as_secs_f64());
    drop(cluster);
}

/// Signings that were refused (R-Q-2 lost to the second registration).
fn rejected_signings(api: &Api) -> i64 {
    let tally = api.tally.by_kind.lock().unwrap();
    tally
        .get("sign (registration)")
        .map(|c| {
            c.iter()
                .filter(|(class, _)| class.as_str() != "2xx")
                .map(|(_, n)| *n)
                .sum::<usize>()
        })
        .map_or(0, |n| i64::try_from(n).unwrap())
}

/// Held offers at the place: (id, status, version).
async fn held_offers(db: &DatabaseConnection, place: &str) -> Vec<(String, String, i32)> {
    sql(
        db,
        &format!(
            "SELECT id::text AS id, status, version FROM place_offers WHERE place_id = '{place}' \
             AND status IN ('pending', 'accepted')"
        ),
    )
    .await
    .iter()
    .map(|r| {
        (
            text(r, "id"),
            text(r, "status"),
            r.try_get("", "version").unwrap(),
        )
    })
    .collect()
}

/// Accepts a pending offer, or admits an accepted one.
async fn settle_offer(
    api: &Api,
    tokens: &Tokens,
    id: &str,
    status: &str,
    version: i32,
    checklist: &[Value],
    today: time::Date,
) {
    if status == "pending" {
        api.post(
            "answer accepted",
            &format!("/offers/{id}/answer"),
            &tokens.specialist,
            json!({ "version": version, "answer": "accepted" }),
        )
        .await;
    } else {
        api.post(
            "admit",
            &format!("/offers/{id}/admit"),
            &tokens.specialist,
            json!({
                "version": version,
                "moving_in_on": today.to_string(),
                "checklist": checklist,
                "extract_027a_issued_on": (today - time::Duration::days(10)).to_string(),
            }),
        )
        .await;
    }
}

/// One of the 200: an offer to a random waiting entry, or an answer or an
/// admission of a held offer (as they are at that moment).
#[allow(clippy::too_many_arguments)]
async fn offer_operation(
    api: &Api,
    tokens: &Tokens,
    rng: &Rng,
    db: &DatabaseConnection,
    place: &str,
    checklist: &[Value],
    n: usize,
    today: time::Date,
) {
    // Until the first registrations are in, there is nothing to act on.
    let mut waiting = Vec::new();
    for _ in 0..100 {
        let held = held_offers(db, place).await;
        if !n.is_multiple_of(3) && !held.is_empty() {
            let (id, status, version) = &held[rng.next(held.len())];
            settle_offer(api, tokens, id, status, *version, checklist, today).await;
            return;
        }
        waiting = sql(
            db,
            &format!(
                "SELECT id::text AS id FROM queue_entries WHERE place_id = '{place}' AND status = 'waiting'"
            ),
        )
        .await;
        if !waiting.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if waiting.is_empty() {
        return;
    }
    let entry = text(&waiting[rng.next(waiting.len())], "id");
    api.post(
        "offer",
        "/offers",
        &tokens.specialist,
        json!({ "queue_entry_id": entry }),
    )
    .await;
}
