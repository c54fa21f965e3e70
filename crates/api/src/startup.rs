//! Building the application and running the server.

use crate::auth::cache::{self, SessionCache};
use crate::auth::jwt::JwtKeys;
use crate::auth::password::Hasher;
use crate::clock::Clock;
use crate::config::Config;
use crate::error::ApiError;
use crate::extract;
use crate::openapi::ApiDoc;
use crate::routes;
use crate::state::AppState;
use crate::store::audit::ReadRecorder;
use actix_files::NamedFile;
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use sea_orm::DatabaseConnection;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, UtoipaApp};
use utoipa_swagger_ui::SwaggerUi;

/// Registers every documented handler: health at the root, the API under `/api/v1`.
fn register(cfg: &mut ServiceConfig) {
    cfg.service(routes::health::healthz)
        .service(routes::health::readyz)
        .service(
            utoipa_actix_web::scope("/api/v1")
                .wrap(DefaultHeaders::new().add((header::CACHE_CONTROL, "no-store")))
                .configure(routes::configure),
        );
}

fn with_routes<T>(app: App<T>) -> UtoipaApp<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = actix_web::Error, InitError = ()>,
{
    app.into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(register)
}

/// The routes without state, and the OpenAPI document they make.
pub fn routes_and_openapi() -> (
    App<impl ServiceFactory<ServiceRequest>>,
    utoipa::openapi::OpenApi,
) {
    let (app, mut api) = with_routes(App::new()).split_for_parts();
    crate::openapi::complete_responses(&mut api);
    (app, api)
}

/// The known API paths and their methods, for 404 versus 405.
#[derive(Debug, Default)]
pub struct RouteTable {
    routes: Vec<(Vec<String>, Vec<String>)>,
}

impl RouteTable {
    /// From the OpenAPI document.
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments = path.split('/').map(str::to_owned).collect();
                let mut methods: Vec<String> = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter(|(_, present)| *present)
                .map(|(m, _)| m.to_owned())
                .collect();
                if methods.iter().any(|m| m == "GET") {
                    methods.push("HEAD".into());
                }
                (segments, methods)
            })
            .collect();
        RouteTable { routes }
    }

    /// The methods a path supports, if the path is known.
    pub fn methods_for(&self, path: &str) -> Option<String> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        let mut methods: Vec<&str> = self
            .routes
            .iter()
            .filter(|(pattern, _)| {
                pattern.len() == segments.len()
                    && pattern.iter().zip(&segments).all(|(p, s)| {
                        (p.starts_with('{') && p.ends_with('}') && !s.is_empty()) || p == s
                    })
            })
            .flat_map(|(_, m)| m.iter().map(String::as_str))
            .collect();
        if methods.is_empty() {
            return None;
        }
        methods.sort_unstable();
        methods.dedup();
        Some(methods.join(", "))
    }
}

/// Everything the fallback service needs.
struct Fallback {
    routes: RouteTable,
    static_dir: Option<PathBuf>,
}

/// Requests no handler took: API paths get 404 or 405 as problem+json; other
/// GETs get a file of the SPA, or its `index.html` (client-side routes).
async fn fallback(
    req: HttpRequest,
    fallback: web::Data<Fallback>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/readyz" {
        return Err(match fallback.routes.methods_for(path) {
            Some(allow) => ApiError::method_not_allowed(allow),
            None => ApiError::not_found(format!("There is no endpoint {path}.")),
        });
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(ApiError::method_not_allowed("GET, HEAD".into()));
    }
    let Some(dir) = &fallback.static_dir else {
        return Err(ApiError::not_found(
            "The web application is not built here; the API is under /api/v1 (docs at /api/docs).",
        ));
    };
    let file = safe_join(dir, path)
        .filter(|p| p.is_file())
        .unwrap_or_else(|| dir.join("index.html"));
    let immutable = path.starts_with("/assets/") && file.is_file() && !file.ends_with("index.html");
    let named = precompressed(&req, &file)
        .await
        .map_err(|_| ApiError::not_found("No such page."))?;
    let mut response = named.into_response(&req);
    let headers = response.headers_mut();
    headers.insert(
        header::VARY,
        header::HeaderValue::from_static("accept-encoding"),
    );
    let cache = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    if let Ok(value) = header::HeaderValue::from_str(cache) {
        headers.insert(header::CACHE_CONTROL, value);
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        ),
    );
    Ok(response)
}

/// The file, or its brotli (`.br`) or gzip (`.gz`) twin made at build time
/// when the client accepts that encoding: the SPA is served compressed
/// without compressing on every request.
async fn precompressed(req: &HttpRequest, file: &Path) -> std::io::Result<NamedFile> {
    use actix_web::http::header::ContentEncoding;
    let accepts = |name: &str| {
        req.headers()
            .get_all(header::ACCEPT_ENCODING)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|item| {
                let mut parts = item.split(';');
                parts.next().map(str::trim) == Some(name)
                    && !parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"))
            })
    };
    let mime = actix_files::file_extension_to_mime(
        file.extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default(),
    );
    for (encoding, suffix, name) in [
        (ContentEncoding::Brotli, "br", "br"),
        (ContentEncoding::Gzip, "gz", "gzip"),
    ] {
        let mut twin = file.as_os_str().to_owned();
        twin.push(".");
        twin.push(suffix);
        let twin = PathBuf::from(twin);
        if accepts(name) && twin.is_file() {
            return Ok(NamedFile::open_async(&twin)
                .await?
                .set_content_type(mime)
                .set_content_disposition(header::ContentDisposition {
                    disposition: header::DispositionType::Inline,
                    parameters: Vec::new(),
                })
                .set_content_encoding(encoding));
        }
    }
    NamedFile::open_async(file).await
}

/// `dir` + the URL path, refusing anything that could leave `dir`.
fn safe_join(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let mut out = dir.to_path_buf();
    for segment in url_path.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains('\\') || segment.contains('\0') {
            return None;
        }
        out.push(segment);
    }
    Some(out)
}

/// The application with its state.
fn app(
    state: web::Data<AppState>,
    fallback_data: web::Data<Fallback>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let limit = state.config.body_limit;
    let app = App::new()
        .app_data(state)
        .app_data(fallback_data)
        .app_data(extract::query_config())
        .app_data(extract::path_config())
        .app_data(extract::payload_config(limit))
        .app_data(extract::form_config(limit));
    with_routes(app)
        .openapi_service(|mut api| {
            crate::openapi::complete_responses(&mut api);
            SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", api)
        })
        .default_service(web::to(fallback))
        .into_app()
        .wrap(
            DefaultHeaders::new()
                .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .add((header::REFERRER_POLICY, "no-referrer"))
                .add((header::X_FRAME_OPTIONS, "DENY")),
        )
        .wrap(from_fn(extract::refuse_control_characters_in_query))
        .wrap(from_fn(crate::request_id::middleware))
}

/// Builds the shared state: password hasher and token keys.
pub fn state(config: Config, db: DatabaseConnection) -> std::io::Result<AppState> {
    state_with_clock(config, db, Clock::system())
}

/// The application state with a given clock (tests set the date).
pub fn state_with_clock(
    config: Config,
    db: DatabaseConnection,
    clock: Clock,
) -> std::io::Result<AppState> {
    let secret = match &config.jwt_secret {
        Some(secret) => secret.clone(),
        None => {
            // Demo mode: a key for this run only; sessions end at restart.
            let mut key = vec![0u8; 32];
            rand::fill(key.as_mut_slice());
            key
        }
    };
    let hasher =
        Hasher::new(config.hash_concurrency).map_err(|e| std::io::Error::other(e.to_string()))?;
    let sessions = Arc::new(SessionCache::new(
        config.session_cache_ttl,
        cache::on_at_start(db.get_database_backend()),
    ));
    Ok(AppState {
        reads: ReadRecorder::new(db.clone()),
        db,
        hasher,
        jwt: JwtKeys::new(&secret, config.access_ttl),
        config: Arc::new(config),
        clock,
        sessions,
        service_types: Arc::default(),
        files: Arc::default(),
    })
}

/// Starts the server on `listener` (port 0 in tests) with one pool that all
/// workers share, and on PostgreSQL the session cache's listener and (on
/// the first worker's runtime) the writer of read records. Stops
/// gracefully on SIGTERM/SIGINT: no new connections, running requests get
/// 30 s.
pub fn run(listener: TcpListener, state: AppState) -> std::io::Result<Server> {
    cache::listen(&state);
    serve(listener, vec![state])
}

/// [`run`] as the server runs in production: on PostgreSQL each HTTP worker
/// has a pool and a read recorder of its own (`ATVEJIS_DB_MAX_CONNECTIONS`
/// split between the workers, at least [`WORKER_CONNECTIONS`] each), and
/// `state`'s pool is closed once they are made. A worker is a thread with
/// a runtime of its own: a connection that another worker opened wakes
/// that worker's thread for each of its answers, and a recorder on another
/// runtime wakes that runtime's threads for each read. Each worker keeping
/// to its own halved the server's thread switches (issue 13: the person
/// file, 3,200–3,600 reads a second with one pool, 3,800–4,500 with a
/// pool a worker, in turns on one database). SQLite keeps the one pool:
/// its in-memory databases live in it.
pub async fn run_per_worker(listener: TcpListener, state: AppState) -> std::io::Result<Server> {
    cache::listen(&state);
    if state.db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        return serve(listener, vec![state]);
    }
    let workers = state.config.workers.max(1);
    let each = (state.config.db_max_connections / workers as u32).max(WORKER_CONNECTIONS);
    let mut shards = Vec::with_capacity(workers);
    for _ in 0..workers {
        let db = crate::store::connect_lazily(&state.config.database_url, each)
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        shards.push(AppState {
            reads: ReadRecorder::new(db.clone()),
            db,
            ..state.clone()
        });
    }
    state
        .db
        .close()
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    serve(listener, shards)
}

/// The fewest connections a worker's own pool may have: the header search
/// reads its three kinds at once.
pub const WORKER_CONNECTIONS: u32 = 3;

/// The server, worker `n` (in the order they start) with `states[n %
/// states.len()]`, whose read recorder it starts on its own runtime.
fn serve(listener: TcpListener, states: Vec<AppState>) -> std::io::Result<Server> {
    let config = states[0].config.clone();
    let static_dir = Some(config.static_dir.clone()).filter(|d| d.join("index.html").is_file());
    let fallback_data = web::Data::new(Fallback {
        routes: RouteTable::from_openapi(&crate::openapi::document()),
        static_dir,
    });
    let states: Vec<_> = states.into_iter().map(web::Data::new).collect();
    let started = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let server = HttpServer::new(move || {
        let n = started.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let state = states[n % states.len()].clone();
        state.reads.start();
        app(state, fallback_data.clone())
    })
    .workers(config.workers)
    .shutdown_timeout(30)
    .listen(listener)?
    .run();
    Ok(server)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_table_tells_404_from_405() {
        let table = RouteTable::from_openapi(&crate::openapi::document());
        assert_eq!(
            table.methods_for("/api/v1/auth/login").as_deref(),
            Some("POST")
        );
        assert_eq!(
            table.methods_for("/api/v1/users").as_deref(),
            Some("GET, HEAD, POST")
        );
        assert!(
            table
                .methods_for("/api/v1/users/0190b6c0-0000-7000-8000-000000000000")
                .is_some()
        );
        assert_eq!(table.methods_for("/api/v1/nothing"), None);
    }

    #[test]
    fn safe_join_stays_inside() {
        let dir = Path::new("/srv/spa");
        assert_eq!(
            safe_join(dir, "/assets/app.js"),
            Some(PathBuf::from("/srv/spa/assets/app.js"))
        );
        assert_eq!(safe_join(dir, "/../etc/passwd"), None);
        assert_eq!(safe_join(dir, "/.env"), None);
    }
}
