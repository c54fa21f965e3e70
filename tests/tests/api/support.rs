//! The test harness: [`spawn_app`] starts the real server on port 0 with a
//! fresh database (a temporary SQLite file, or a fresh schema in the
//! PostgreSQL of `TEST_DATABASE_URL`), migrated and loaded with the demo
//! organisation and users, and returns a client for it.
//!
//! [`db_tests!`] turns each `async fn name(app: TestApp)` into two tests,
//! `name::sqlite` and `name::postgres`; the PostgreSQL one passes without
//! running when `TEST_DATABASE_URL` is not set.

use atvejis_api::clock::Clock;
use atvejis_api::config::Config;
use atvejis_api::startup;
use atvejis_api::store::{self, seed};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use uuid::Uuid;

/// The JWT key of every test server (tests forge tokens with it).
pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret!";
/// The demo users' password.
pub const PASSWORD: &str = seed::DEMO_PASSWORD;

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A temporary SQLite file.
    Sqlite,
    /// A fresh schema in `TEST_DATABASE_URL`.
    Postgres,
}

/// A running server and what tests need around it.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// HTTP client.
    pub client: reqwest::Client,
    /// Direct database access, for assertions.
    pub db: DatabaseConnection,
    /// The server's clock: a manual one, starting at the real time; a test
    /// sets the date it needs (`app.clock.set_today(date!(…))`).
    pub clock: Clock,
    /// SQL statements the server has run (see [`TestApp::statements`]).
    statements: Arc<AtomicUsize>,
    cleanup: Cleanup,
}

/// The purpose the test client states on reads of case content unless a
/// test sends its own `X-Purpose` (see [`TestApp::get_for`]).
pub const DEFAULT_PURPOSE: &str = "needs_assessment";

enum Cleanup {
    File(std::path::PathBuf),
    Schema { admin_url: String, schema: String },
}

impl Drop for TestApp {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
            Cleanup::Schema { admin_url, schema } => {
                // Drop on a thread of its own: Drop cannot await.
                let (url, schema) = (admin_url.clone(), schema.clone());
                let _ = std::thread::spawn(move || {
                    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    rt.block_on(async {
                        if let Ok(db) = sea_orm::Database::connect(&url).await {
                            let _ = db
                                .execute_raw(Statement::from_string(
                                    db.get_database_backend(),
                                    format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
                                ))
                                .await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

fn demo_password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        atvejis_api::auth::password::hash_blocking(PASSWORD).expect("hash the demo password")
    })
}

/// The first column of `statement`'s first row, as a number; `None` when it
/// returns no row.
pub async fn scalar(db: &impl ConnectionTrait, statement: Statement) -> Option<i64> {
    db.query_one_raw(statement)
        .await
        .expect("query")
        .map(|row| row.try_get_by_index(0).expect("a number"))
}

/// Whether PostgreSQL tests run.
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// Starts a server on `backend`; `None` for PostgreSQL without `TEST_DATABASE_URL`.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, &[]).await
}

/// Like [`spawn_app`], with extra environment settings for the server.
pub async fn spawn_app_with(backend: Backend, extra: &[(&str, &str)]) -> Option<TestApp> {
    spawn_app_at(backend, extra, Clock::system().now()).await
}

/// Like [`spawn_app_with`], with the server's clock (and the demo data's
/// "today") starting at `start`.
pub async fn spawn_app_at(
    backend: Backend,
    extra: &[(&str, &str)],
    start: time::OffsetDateTime,
) -> Option<TestApp> {
    let (database_url, cleanup) = match backend {
        Backend::Sqlite => {
            let path = std::env::temp_dir().join(format!("atvejis-test-{}.db", Uuid::new_v4()));
            (
                format!("sqlite://{}?mode=rwc", path.display()),
                Cleanup::File(path),
            )
        }
        Backend::Postgres => {
            let admin_url = postgres_url()?;
            let schema = format!("t_{}", Uuid::new_v4().simple());
            let admin = sea_orm::Database::connect(&admin_url)
                .await
                .expect("connect to TEST_DATABASE_URL");
            admin
                .execute_raw(Statement::from_string(
                    admin.get_database_backend(),
                    format!("CREATE SCHEMA {schema}"),
                ))
                .await
                .expect("create the test schema");
            admin.close().await.ok();
            let separator = if admin_url.contains('?') { '&' } else { '?' };
            (
                format!("{admin_url}{separator}options=-c%20search_path%3D{schema}"),
                Cleanup::Schema { admin_url, schema },
            )
        }
    };
    let mut vars: HashMap<String, String> = [
        ("DATABASE_URL", database_url.as_str()),
        ("ATVEJIS_JWT_SECRET", JWT_SECRET),
        ("ATVEJIS_BIND", "127.0.0.1:0"),
        ("ATVEJIS_STATIC_DIR", "/nonexistent"),
        ("ATVEJIS_WORKERS", "1"),
        ("ATVEJIS_HASH_CONCURRENCY", "2"),
        ("ATVEJIS_DB_MAX_CONNECTIONS", "5"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    for (k, v) in extra {
        vars.insert((*k).to_owned(), (*v).to_owned());
    }
    let config = Config::from_lookup(|name| vars.get(name).cloned()).expect("test config");
    let mut db = store::connect_config(&config).await.expect("connect");
    store::migrate(&db).await.expect("migrate");
    let clock = Clock::manual(start);
    seed::demo(&db, demo_password_hash(), clock.now())
        .await
        .expect("seed");
    // Counts every statement sent through the pool (the server shares it):
    // queries and executions, not the BEGIN and COMMIT of a transaction.
    let statements = Arc::new(AtomicUsize::new(0));
    let counter = statements.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let state = startup::state_with_clock(config, db.clone(), clock.clone()).expect("state");
    let server = startup::run(listener, state).expect("run");
    tokio::spawn(server);
    Some(TestApp {
        address: format!("http://127.0.0.1:{port}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        db,
        clock,
        statements,
        cleanup,
    })
}

/// A response, read.
#[derive(Debug)]
pub struct Reply {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: reqwest::header::HeaderMap,
    /// Body as JSON (`Null` when empty or not JSON).
    pub body: Value,
}

impl Reply {
    async fn read(response: Response) -> Reply {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        Reply {
            status,
            headers,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
        }
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a problem+json answer with `status` and `code`.
    #[track_caller]
    pub fn assert_problem(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "body: {}",
            self.body
        );
        assert_eq!(self.body["code"], code, "body: {}", self.body);
        assert_eq!(self.body["status"], status);
        assert_eq!(self.body["type"], format!("urn:atvejis:problem:{code}"));
        assert!(self.body["title"].is_string());
        assert!(self.body["detail"].is_string());
        assert_eq!(
            self.body["request_id"].as_str(),
            self.header("x-request-id"),
            "problem bodies carry the request id"
        );
    }

    /// Asserts a status.
    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        &self.body
    }
}

impl TestApp {
    /// A request to `path`.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{}", self.address, path))
    }

    /// Sends a request and reads the reply.
    pub async fn send(&self, request: RequestBuilder) -> Reply {
        Reply::read(request.send().await.expect("request")).await
    }

    /// GET with a bearer token, stating [`DEFAULT_PURPOSE`] as the purpose.
    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.get_for(path, token, Some(DEFAULT_PURPOSE)).await
    }

    /// GET with a bearer token and `purpose` as `X-Purpose` (`None`: none).
    pub async fn get_for(&self, path: &str, token: &str, purpose: Option<&str>) -> Reply {
        let mut request = self.request(Method::GET, path).bearer_auth(token);
        if let Some(purpose) = purpose {
            request = request.header("x-purpose", purpose);
        }
        self.send(request).await
    }

    /// SQL statements run so far (through the pool, as [`TestApp::statements`]).
    pub fn statements_so_far(&self) -> usize {
        self.statements.load(Ordering::SeqCst)
    }

    /// The number of SQL statements the server runs for `request` (nothing
    /// else may use the database meanwhile).
    pub async fn statements(&self, request: RequestBuilder) -> (Reply, usize) {
        let before = self.statements.load(Ordering::SeqCst);
        let reply = self.send(request).await;
        (reply, self.statements.load(Ordering::SeqCst) - before)
    }

    /// A JSON request with a bearer token (`None`: anonymous).
    pub async fn json(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Value,
    ) -> Reply {
        let mut request = self
            .request(method, path)
            .header("x-purpose", DEFAULT_PURPOSE)
            .json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        self.send(request).await
    }

    /// POST JSON with a bearer token.
    pub async fn post(&self, path: &str, token: &str, body: Value) -> Reply {
        self.json(Method::POST, path, Some(token), body).await
    }

    /// PATCH JSON with a bearer token.
    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Reply {
        self.json(Method::PATCH, path, Some(token), body).await
    }

    /// Logs in; the raw reply.
    pub async fn try_login(&self, username: &str, password: &str) -> Reply {
        self.json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            json!({ "username": username, "password": password }),
        )
        .await
    }

    /// Logs in a demo user; the token pair.
    pub async fn login(&self, username: &str) -> Value {
        let reply = self.try_login(username, PASSWORD).await;
        reply.assert_status(200).clone()
    }

    /// Logs in a demo user; the access token.
    pub async fn token(&self, username: &str) -> String {
        self.login(username).await["access_token"]
            .as_str()
            .expect("access token")
            .to_owned()
    }

    /// The audit records of the municipality of `auditor_token`, newest first,
    /// filtered by `query` (e.g. `action=user.create`).
    pub async fn audit(&self, auditor_token: &str, query: &str) -> Vec<Value> {
        let reply = self
            .get(&format!("/api/v1/audit?limit=200&{query}"), auditor_token)
            .await;
        reply.assert_status(200)["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Runs a scalar SQL query (e.g. a count).
    pub async fn count(&self, sql: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(Statement::from_string(
                self.db.get_database_backend(),
                sql.to_owned(),
            ))
            .await
            .expect("query")
            .expect("a row");
        row.try_get_by_index::<i64>(0).expect("a number")
    }
}

/// Two tests per function: `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! db_tests {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::support::spawn_app($crate::support::Backend::Sqlite)
                    .await
                    .expect("sqlite app");
                super::$name(app).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = $crate::support::spawn_app($crate::support::Backend::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )*};
}

/// Rolls the schema back to just before migration `name` (undoing it and
/// every later one), to test what it does to data stored before it.
pub async fn migrate_down_through(db: &DatabaseConnection, name: &str) {
    use migration::{Migrator, MigratorTrait};
    let all = Migrator::migrations();
    let position = all
        .iter()
        .position(|m| m.name() == name)
        .unwrap_or_else(|| panic!("no migration {name}"));
    let steps = u32::try_from(all.len() - position).expect("few migrations");
    Migrator::down(db, Some(steps)).await.expect("down");
}
