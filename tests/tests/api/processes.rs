//! Several `atvejis` server processes on one PostgreSQL schema, for the
//! tests that prove what must hold across processes (the place queues, the
//! session cache). The server binary is `target/<profile>/atvejis` next to
//! the test (`make test` builds it first).

use crate::support::{JWT_SECRET, PASSWORD};
use atvejis_api::config::Config;
use atvejis_api::store::{self, seed};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// The processes, their logs and their schema; dropping it stops them and
/// drops the schema (printing the logs' errors when the test failed).
pub struct Cluster {
    pub children: Vec<Child>,
    pub addresses: Vec<String>,
    pub logs: Vec<std::path::PathBuf>,
    pub admin_url: String,
    pub schema: String,
    /// `DATABASE_URL` of the schema.
    pub database_url: String,
}

impl Cluster {
    /// A fresh schema in the PostgreSQL database `admin_url` (prefix `tag`),
    /// migrated, with the demo data as of now; no process yet. Also the
    /// connection to it, for the test's own setup and checks.
    pub async fn new(admin_url: &str, tag: &str) -> (Cluster, DatabaseConnection) {
        let schema = format!("{tag}_{}", Uuid::new_v4().simple());
        let admin = sea_orm::Database::connect(admin_url)
            .await
            .expect("connect to TEST_DATABASE_URL");
        admin
            .execute_raw(Statement::from_string(
                admin.get_database_backend(),
                format!("CREATE SCHEMA {schema}"),
            ))
            .await
            .expect("create schema");
        admin.close().await.ok();
        let separator = if admin_url.contains('?') { '&' } else { '?' };
        let database_url = format!("{admin_url}{separator}options=-c%20search_path%3D{schema}");
        let cluster = Cluster {
            children: Vec::new(),
            addresses: Vec::new(),
            logs: Vec::new(),
            admin_url: admin_url.to_owned(),
            schema,
            database_url,
        };
        let vars: HashMap<&str, &str> = [
            ("DATABASE_URL", cluster.database_url.as_str()),
            ("ATVEJIS_JWT_SECRET", JWT_SECRET),
            ("ATVEJIS_DB_MAX_CONNECTIONS", "4"),
        ]
        .into_iter()
        .collect();
        let config =
            Config::from_lookup(|name| vars.get(name).map(|v| (*v).to_owned())).expect("config");
        let db = store::connect_config(&config).await.expect("connect");
        store::migrate(&db).await.expect("migrate");
        let hash = atvejis_api::auth::password::hash_blocking(PASSWORD).expect("hash");
        seed::demo(&db, &hash, time::OffsetDateTime::now_utc())
            .await
            .expect("seed");
        (cluster, db)
    }

    /// Starts one more server process on the schema, with `env` on top of
    /// the defaults; returns its address once it answers `/healthz`.
    pub async fn start(&mut self, env: &[(&str, &str)]) -> String {
        let n = self.children.len();
        let port = free_port();
        let log = std::env::temp_dir().join(format!("atvejis-{}-{n}.log", self.schema));
        let file = std::fs::File::create(&log).expect("log file");
        let mut command = Command::new(server_binary());
        command
            .arg("serve")
            .env("DATABASE_URL", &self.database_url)
            .env("ATVEJIS_BIND", format!("127.0.0.1:{port}"))
            .env("ATVEJIS_JWT_SECRET", JWT_SECRET)
            .env("ATVEJIS_DEMO", "0")
            .env("ATVEJIS_STATIC_DIR", "/nonexistent")
            .env("ATVEJIS_WORKERS", "2")
            .env("ATVEJIS_HASH_CONCURRENCY", "1")
            .env("ATVEJIS_LOG", "warn")
            .env("ATVEJIS_LOG_FORMAT", "json");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = command
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("log"))
            .stderr(file)
            .spawn()
            .expect("start the server");
        self.children.push(child);
        self.logs.push(log);
        let address = format!("http://127.0.0.1:{port}");
        self.addresses.push(address.clone());
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(r) = client.get(format!("{address}/healthz")).send().await
                && r.status().is_success()
            {
                break;
            }
            if let Ok(Some(status)) = self.children[n].try_wait() {
                panic!("a server process ended at start: {status}");
            }
            assert!(Instant::now() < deadline, "{address} did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        address
    }

    /// Process `n`'s log so far.
    pub fn log(&self, n: usize) -> String {
        std::fs::read_to_string(&self.logs[n]).unwrap_or_default()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
        if std::thread::panicking() {
            for log in &self.logs {
                if let Ok(text) = std::fs::read_to_string(log) {
                    eprintln!("--- {} (errors) ---", log.display());
                    for line in text.lines().filter(|l| l.contains("ERROR")).take(10) {
                        eprintln!("{line}");
                    }
                }
            }
        }
        for log in &self.logs {
            let _ = std::fs::remove_file(log);
        }
        let (url, schema) = (self.admin_url.clone(), self.schema.clone());
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

/// `target/<profile>/atvejis`: the test runs from `target/<profile>/deps/`.
pub fn server_binary() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let profile_dir = exe
        .parent()
        .and_then(std::path::Path::parent)
        .expect("target/<profile>");
    let binary = profile_dir.join(format!("atvejis{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.exists(),
        "{} is missing: build it first with `cargo build -p atvejis-api --bin atvejis` \
         (`make test` does)",
        binary.display()
    );
    binary
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// A request to a server process: the status and the JSON body (null when
/// there is none).
pub async fn call(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    token: Option<&str>,
    body: Option<Value>,
) -> (reqwest::StatusCode, Value) {
    let mut request = client.request(method, url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Logs `username` in with the demo password: the access and refresh tokens.
pub async fn login(client: &reqwest::Client, server: &str, username: &str) -> (String, String) {
    let (status, body) = call(
        client,
        reqwest::Method::POST,
        format!("{server}/api/v1/auth/login"),
        None,
        Some(json!({ "username": username, "password": PASSWORD })),
    )
    .await;
    assert_eq!(status, 200, "login {username}: {body}");
    let text = |key: &str| body[key].as_str().expect(key).to_owned();
    (text("access_token"), text("refresh_token"))
}
