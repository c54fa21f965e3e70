//! What every handler shares.

use crate::app::catalogue::ServiceTypeCache;
use crate::app::persons::file::FileCache;
use crate::auth::cache::SessionCache;
use crate::auth::jwt::JwtKeys;
use crate::auth::password::Hasher;
use crate::clock::Clock;
use crate::config::Config;
use crate::store::audit::ReadRecorder;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Application state, in `web::Data`.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// Password hashing.
    pub hasher: Hasher,
    /// Access token keys.
    pub jwt: JwtKeys,
    /// The configuration.
    pub config: Arc<Config>,
    /// The only source of the current time.
    pub clock: Clock,
    /// Tokens whose account and session were found valid a moment ago.
    pub sessions: Arc<SessionCache>,
    /// Writes the records of reads (in groups on PostgreSQL).
    pub reads: ReadRecorder,
    /// Service types by id and version, for the person file.
    pub service_types: Arc<ServiceTypeCache>,
    /// The parts of person files read a moment ago, with their stamps.
    pub files: Arc<FileCache>,
}
