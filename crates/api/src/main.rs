//! The `atvejis` binary: serve the API and SPA, migrate, seed the demo,
//! create users and municipalities, print the OpenAPI document.

use atvejis_api::auth::password::{check_new_password, hash_blocking, verifies_per_second};
use atvejis_api::clock::Clock;
use atvejis_api::config::{Config, redact_url};
use atvejis_api::store::{self, seed};
use atvejis_api::{openapi, startup, telemetry};
use atvejis_domain::access::Role;
use clap::{Parser, Subcommand};
use std::io::{BufRead, Write};
use std::net::TcpListener;
use std::process::ExitCode;

/// mimalloc instead of glibc's allocator: a request makes many small
/// allocations (rows, JSON); under glibc's malloc they were about a fifth of
/// the server's perf samples for the person file, and with mimalloc the
/// server spends about 13 % less CPU a request (A/B, issue 13).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "atvejis",
    version,
    about = "Atvejis: case management for municipal social services"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the API and the SPA (the default).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Load the demo municipalities and users (password Demo-2026!).
    SeedDemo,
    /// Create a municipality with its elderships (for a new deployment).
    CreateMunicipality {
        /// Stable code, e.g. `kelme`.
        #[arg(long)]
        code: String,
        /// Name, e.g. "Kelmės rajono savivaldybė".
        #[arg(long)]
        name: String,
        /// An eldership as `code=name`; repeat for each.
        #[arg(long = "eldership", value_parser = parse_pair)]
        elderships: Vec<(String, String)>,
    },
    /// Create a staff user. The password is read from the environment variable
    /// ATVEJIS_NEW_PASSWORD, or from the first line of standard input.
    CreateUser {
        /// Municipality code.
        #[arg(long)]
        municipality: String,
        /// Username.
        #[arg(long)]
        username: String,
        /// Name to show.
        #[arg(long)]
        display_name: String,
        /// A role; repeat for several (social_worker, case_manager,
        /// division_specialist, division_head, auditor, admin).
        #[arg(long = "role", required = true)]
        roles: Vec<Role>,
        /// Eldership code, for an eldership specialist.
        #[arg(long)]
        eldership: Option<String>,
    },
    /// Print the OpenAPI document (the committed openapi/openapi.json).
    Openapi,
    /// Measure how many Argon2id verifications (the login's parameters)
    /// `threads` threads complete per second (`make bench`).
    #[command(hide = true)]
    BenchHash {
        /// Threads verifying at once.
        #[arg(long, default_value_t = 2)]
        threads: usize,
        /// For how long, in seconds.
        #[arg(long, default_value_t = 5)]
        seconds: u64,
    },
    /// Load the demo, then generate the benchmark's municipality in its
    /// Kelmė (`make bench`): people with income, families and ten years of
    /// applications with their decisions. Each run adds as many again. Only
    /// with ATVEJIS_DEMO=1.
    SeedBench {
        /// How many people.
        #[arg(long, default_value_t = 100_000)]
        people: u64,
    },
}

fn parse_pair(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(|| format!("`{s}` is not code=name"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    match command {
        Command::Openapi => {
            print!("{}", openapi::document_json());
            return ExitCode::SUCCESS;
        }
        Command::BenchHash { threads, seconds } => {
            let rate = verifies_per_second(threads, std::time::Duration::from_secs(seconds));
            println!("{threads} argon2id verifies in parallel: {rate:.1} /s");
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("atvejis: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&config.log_filter, config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("atvejis: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "atvejis failed");
            eprintln!("atvejis: {e}");
            ExitCode::FAILURE
        }
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

async fn run(command: Command, config: Config) -> Result<(), BoxError> {
    if matches!(command, Command::SeedBench { .. }) && !config.demo {
        return Err("seed-bench loads the demo users, whose password is known: \
                    only with ATVEJIS_DEMO=1, on a database of its own"
            .into());
    }
    tracing::info!(database = %redact_url(&config.database_url), "connecting");
    let db = store::connect_config(&config).await?;
    store::migrate(&db).await?;
    match command {
        Command::Serve => {
            if config.demo {
                seed_demo(&db).await?;
            }
            serve(config, db).await
        }
        Command::Migrate => {
            println!("The database schema is up to date.");
            Ok(())
        }
        Command::SeedDemo => seed_demo(&db).await,
        Command::CreateMunicipality {
            code,
            name,
            elderships,
        } => {
            let elderships: Vec<(&str, &str)> = elderships
                .iter()
                .map(|(c, n)| (c.as_str(), n.as_str()))
                .collect();
            let seed = seed::MunicipalitySeed {
                facilities: &[],
                code: &code,
                name: &name,
                elderships: &elderships,
                institutions: &[],
            };
            let txn = store::begin_write(&db).await?;
            let id = seed::municipality(&txn, &seed, Clock::system().now()).await?;
            txn.commit().await?;
            println!("Municipality {} ({id}) is ready.", seed.code);
            Ok(())
        }
        Command::CreateUser {
            municipality,
            username,
            display_name,
            roles,
            eldership,
        } => {
            create_user(
                &db,
                &municipality,
                &username,
                &display_name,
                &roles,
                eldership.as_deref(),
            )
            .await
        }
        Command::SeedBench { people } => {
            seed_demo(&db).await?;
            let started = std::time::Instant::now();
            let clock = Clock::system();
            let txn = store::begin_write(&db).await?;
            let seeded = store::bench_seed::seed(&txn, people, clock.now(), clock.today()).await?;
            txn.commit().await?;
            println!(
                "Generated {} people, {} income records, {} families and {} applications with their decisions in {:.1} s.",
                seeded.people,
                seeded.income,
                seeded.families,
                seeded.applications,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Openapi | Command::BenchHash { .. } => Ok(()),
    }
}

async fn seed_demo(db: &sea_orm::DatabaseConnection) -> Result<(), BoxError> {
    let hash = tokio::task::spawn_blocking(|| hash_blocking(seed::DEMO_PASSWORD))
        .await?
        .map_err(|e| format!("hashing the demo password: {e}"))?;
    let created = seed::demo_with_casework(db, &hash, Clock::system().now()).await?;
    if created > 0 {
        tracing::info!(users = created, "demo data loaded");
    }
    Ok(())
}

async fn serve(config: Config, db: sea_orm::DatabaseConnection) -> Result<(), BoxError> {
    let listener = TcpListener::bind(config.bind)?;
    let address = listener.local_addr()?;
    let demo = config.demo;
    // Charge runs left running by a process that stopped can be run again.
    store::charges::fail_interrupted(&db, Clock::system().now()).await?;
    let state = startup::state(config, db)?;
    let server = startup::run_per_worker(listener, state).await?;
    tracing::info!(%address, "listening");
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "\nAtvejis is running at http://{address}/  (API docs: http://{address}/api/docs)"
    )?;
    if demo {
        let users: Vec<&str> = seed::DEMO_USERS.iter().map(|u| u.username).collect();
        writeln!(
            out,
            "Demo logins (password {}): {}\nStop with Ctrl+C.\n",
            seed::DEMO_PASSWORD,
            users.join(", ")
        )?;
    }
    drop(out);
    server.await?;
    tracing::info!("stopped");
    Ok(())
}

async fn create_user(
    db: &sea_orm::DatabaseConnection,
    municipality_code: &str,
    username: &str,
    display_name: &str,
    roles: &[Role],
    eldership: Option<&str>,
) -> Result<(), BoxError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let municipality = store::entities::municipalities::Entity::find()
        .filter(store::entities::municipalities::Column::Code.eq(municipality_code))
        .one(db)
        .await?
        .ok_or_else(|| format!("no municipality with code `{municipality_code}`"))?;
    let eldership_id = match eldership {
        Some(code) => Some(
            seed::eldership_id(db, municipality.id, code)
                .await?
                .ok_or_else(|| format!("no eldership `{code}` in {municipality_code}"))?,
        ),
        None => None,
    };
    let username = store::users::canonical_username(username);
    let password = match std::env::var("ATVEJIS_NEW_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprint!("Password for {username}: ");
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    check_new_password("password", &password, &username)
        .map_err(|e| format!("password {}", e.message))?;
    let hash = tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await?
        .map_err(|e| format!("hashing: {e}"))?;
    let txn = store::begin_write(db).await?;
    let created = seed::user(
        &txn,
        municipality.id,
        eldership_id,
        &username,
        display_name,
        roles,
        &hash,
        "create-user",
        Clock::system().now(),
    )
    .await?;
    txn.commit().await?;
    if created {
        println!("User {username} created in {municipality_code}.");
        Ok(())
    } else {
        Err(format!("the username `{username}` is taken").into())
    }
}
