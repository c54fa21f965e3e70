//! Server configuration, read from environment variables with documented
//! defaults. [`ENV_VARS`] is the single list of what the server reads; the
//! README, `docker-compose.yml` and a test follow it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// One environment variable the server reads.
#[derive(Debug, Clone, Copy)]
pub struct EnvVar {
    /// The variable's name.
    pub name: &'static str,
    /// The default when unset, as text (empty when there is none).
    pub default: &'static str,
    /// What it configures.
    pub doc: &'static str,
}

/// Every environment variable the server reads.
pub const ENV_VARS: &[EnvVar] = &[
    EnvVar {
        name: "DATABASE_URL",
        default: DEFAULT_DATABASE_URL,
        doc: "sqlite://… (embedded) or postgres://… (production)",
    },
    EnvVar {
        name: "ATVEJIS_BIND",
        default: "127.0.0.1:8080",
        doc: "address and port the HTTP server listens on",
    },
    EnvVar {
        name: "ATVEJIS_JWT_SECRET",
        default: "",
        doc: "HS256 key for access tokens, at least 32 bytes; required unless ATVEJIS_DEMO=1",
    },
    EnvVar {
        name: "ATVEJIS_DEMO",
        default: "0",
        doc: "1 = demo mode: load demo data with known passwords, random JWT key if unset",
    },
    EnvVar {
        name: "ATVEJIS_ACCESS_TOKEN_TTL_SECS",
        default: "900",
        doc: "lifetime of an access token",
    },
    EnvVar {
        name: "ATVEJIS_REFRESH_TOKEN_TTL_SECS",
        default: "43200",
        doc: "lifetime of a refresh token (a working day and a half)",
    },
    EnvVar {
        name: "ATVEJIS_SESSION_CACHE_SECS",
        default: "60",
        doc: "how long a token's account and session, once checked, are not read again (0 = read on every request); logout, deactivation and role or password changes end it at once, in every process on PostgreSQL",
    },
    EnvVar {
        name: "ATVEJIS_STATIC_DIR",
        default: "frontend/dist",
        doc: "the built SPA served at /; not served when the folder is missing",
    },
    EnvVar {
        name: "ATVEJIS_BODY_LIMIT_BYTES",
        default: "1048576",
        doc: "largest accepted request body; larger ones get 413",
    },
    EnvVar {
        name: "ATVEJIS_DB_MAX_CONNECTIONS",
        default: "10",
        doc: "database connection pool size",
    },
    EnvVar {
        name: "ATVEJIS_WORKERS",
        default: "",
        doc: "HTTP worker threads (default: the number of CPU cores)",
    },
    EnvVar {
        name: "ATVEJIS_HASH_CONCURRENCY",
        default: "",
        doc: "password hashes computed at once, a thread and 19 MiB each (default: the number of CPU cores)",
    },
    EnvVar {
        name: "ATVEJIS_LOG",
        default: "info",
        doc: "log filter (tracing EnvFilter syntax, e.g. info,atvejis_api=debug)",
    },
    EnvVar {
        name: "ATVEJIS_LOG_FORMAT",
        default: "auto",
        doc: "json, pretty, or auto (JSON when standard output is not a terminal)",
    },
    EnvVar {
        name: crate::documents::TEMPLATES_DIR_VAR,
        default: "",
        doc: "directory of adapted document templates (a copy of templates/, read at each print); default: the built-in ones",
    },
];

/// The embedded default database.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://atvejis.db?mode=rwc";

/// Smallest accepted JWT key length in bytes.
pub const MIN_JWT_SECRET_LEN: usize = 32;

/// How the logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// One JSON object a line.
    Json,
    /// Human-readable lines.
    Pretty,
    /// JSON unless standard output is a terminal.
    Auto,
}

/// The server's configuration.
#[derive(Clone)]
pub struct Config {
    /// Database connection string.
    pub database_url: String,
    /// Listen address.
    pub bind: SocketAddr,
    /// Key for access tokens; `None` only in demo mode (a random key is made).
    pub jwt_secret: Option<Vec<u8>>,
    /// Demo mode.
    pub demo: bool,
    /// Access token lifetime.
    pub access_ttl: Duration,
    /// Refresh token lifetime.
    pub refresh_ttl: Duration,
    /// How long a checked token's account and session stay cached (zero: off).
    pub session_cache_ttl: Duration,
    /// Folder of the built SPA.
    pub static_dir: PathBuf,
    /// Largest request body in bytes.
    pub body_limit: usize,
    /// Database connections of the server (on PostgreSQL split between the
    /// HTTP workers: [`crate::startup::run_per_worker`]).
    pub db_max_connections: u32,
    /// HTTP worker threads.
    pub workers: usize,
    /// Concurrent password hashes (hashing threads).
    pub hash_concurrency: usize,
    /// Log filter.
    pub log_filter: String,
    /// Log format.
    pub log_format: LogFormat,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("jwt_secret", &self.jwt_secret.as_ref().map(|_| "<set>"))
            .field("demo", &self.demo)
            .field("access_ttl", &self.access_ttl)
            .field("refresh_ttl", &self.refresh_ttl)
            .field("static_dir", &self.static_dir)
            .field("body_limit", &self.body_limit)
            .field("db_max_connections", &self.db_max_connections)
            .field("workers", &self.workers)
            .field("hash_concurrency", &self.hash_concurrency)
            .finish_non_exhaustive()
    }
}

/// A variable with a value the server cannot use.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    /// The value does not parse.
    #[error("{name}: {reason}")]
    Invalid {
        /// Variable name.
        name: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A required variable is missing.
    #[error("{0} is required outside demo mode (set ATVEJIS_DEMO=1 for a demo)")]
    Missing(&'static str),
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &'static str| -> Option<String> {
            lookup(name).filter(|v| !v.trim().is_empty())
        };
        let default_of = |name: &'static str| -> &'static str {
            ENV_VARS
                .iter()
                .find(|v| v.name == name)
                .map_or("", |v| v.default)
        };
        let value = |name: &'static str| get(name).unwrap_or_else(|| default_of(name).to_owned());
        fn parse<T: std::str::FromStr>(name: &'static str, raw: &str) -> Result<T, ConfigError>
        where
            T::Err: std::fmt::Display,
        {
            raw.trim().parse::<T>().map_err(|e| ConfigError::Invalid {
                name,
                reason: format!("`{raw}`: {e}"),
            })
        }

        let demo = match value("ATVEJIS_DEMO").trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => true,
            "0" | "false" | "no" | "off" => false,
            other => {
                return Err(ConfigError::Invalid {
                    name: "ATVEJIS_DEMO",
                    reason: format!("`{other}` is not 1 or 0"),
                });
            }
        };
        let jwt_secret = match get("ATVEJIS_JWT_SECRET") {
            Some(secret) if secret.len() < MIN_JWT_SECRET_LEN => {
                return Err(ConfigError::Invalid {
                    name: "ATVEJIS_JWT_SECRET",
                    reason: format!("must be at least {MIN_JWT_SECRET_LEN} bytes"),
                });
            }
            Some(secret) => Some(secret.into_bytes()),
            None if demo => None,
            None => return Err(ConfigError::Missing("ATVEJIS_JWT_SECRET")),
        };
        let positive_secs = |name: &'static str| -> Result<Duration, ConfigError> {
            let secs: u64 = parse(name, &value(name))?;
            if secs == 0 {
                return Err(ConfigError::Invalid {
                    name,
                    reason: "must be positive".into(),
                });
            }
            Ok(Duration::from_secs(secs))
        };
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let count_or_cores = |name: &'static str| -> Result<usize, ConfigError> {
            match get(name) {
                Some(raw) => Ok(parse::<usize>(name, &raw)?.max(1)),
                None => Ok(cores),
            }
        };
        let workers = count_or_cores("ATVEJIS_WORKERS")?;
        let hash_concurrency = count_or_cores("ATVEJIS_HASH_CONCURRENCY")?;
        let log_format = match value("ATVEJIS_LOG_FORMAT").as_str() {
            "json" => LogFormat::Json,
            "pretty" => LogFormat::Pretty,
            "auto" => LogFormat::Auto,
            other => {
                return Err(ConfigError::Invalid {
                    name: "ATVEJIS_LOG_FORMAT",
                    reason: format!("`{other}` is not json, pretty or auto"),
                });
            }
        };
        Ok(Config {
            database_url: value("DATABASE_URL"),
            bind: parse("ATVEJIS_BIND", &value("ATVEJIS_BIND"))?,
            jwt_secret,
            demo,
            access_ttl: positive_secs("ATVEJIS_ACCESS_TOKEN_TTL_SECS")?,
            refresh_ttl: positive_secs("ATVEJIS_REFRESH_TOKEN_TTL_SECS")?,
            session_cache_ttl: Duration::from_secs(parse(
                "ATVEJIS_SESSION_CACHE_SECS",
                &value("ATVEJIS_SESSION_CACHE_SECS"),
            )?),
            static_dir: PathBuf::from(value("ATVEJIS_STATIC_DIR")),
            body_limit: parse::<usize>(
                "ATVEJIS_BODY_LIMIT_BYTES",
                &value("ATVEJIS_BODY_LIMIT_BYTES"),
            )?
            .max(1024),
            db_max_connections: parse::<u32>(
                "ATVEJIS_DB_MAX_CONNECTIONS",
                &value("ATVEJIS_DB_MAX_CONNECTIONS"),
            )?
            .max(1),
            workers,
            hash_concurrency,
            log_filter: value("ATVEJIS_LOG"),
            log_format,
        })
    }
}

/// The URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_apply_in_demo_mode() {
        let c = config(&[("ATVEJIS_DEMO", "1")]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert!(c.jwt_secret.is_none());
        assert_eq!(c.access_ttl, Duration::from_secs(900));
        assert_eq!(c.body_limit, 1024 * 1024);
    }

    #[test]
    fn jwt_secret_is_required_outside_demo_mode() {
        assert_eq!(
            config(&[]).unwrap_err(),
            ConfigError::Missing("ATVEJIS_JWT_SECRET")
        );
        assert!(matches!(
            config(&[("ATVEJIS_JWT_SECRET", "short")]),
            Err(ConfigError::Invalid {
                name: "ATVEJIS_JWT_SECRET",
                ..
            })
        ));
        let c = config(&[("ATVEJIS_JWT_SECRET", &"k".repeat(32))]).unwrap();
        assert!(!c.demo);
    }

    #[test]
    fn bad_values_are_named() {
        assert!(matches!(
            config(&[("ATVEJIS_DEMO", "1"), ("ATVEJIS_BIND", "nowhere")]),
            Err(ConfigError::Invalid {
                name: "ATVEJIS_BIND",
                ..
            })
        ));
        assert!(matches!(
            config(&[("ATVEJIS_DEMO", "maybe")]),
            Err(ConfigError::Invalid {
                name: "ATVEJIS_DEMO",
                ..
            })
        ));
        assert!(matches!(
            config(&[
                ("ATVEJIS_DEMO", "1"),
                ("ATVEJIS_ACCESS_TOKEN_TTL_SECS", "0")
            ]),
            Err(ConfigError::Invalid { .. })
        ));
    }

    #[test]
    fn passwords_are_redacted_from_urls() {
        assert_eq!(
            redact_url("postgres://atvejis:s3cret@db:5432/atvejis"),
            "postgres://atvejis:***@db:5432/atvejis"
        );
        assert_eq!(redact_url(DEFAULT_DATABASE_URL), DEFAULT_DATABASE_URL);
    }
}
