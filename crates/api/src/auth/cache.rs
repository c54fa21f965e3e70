//! The session cache: which access tokens' accounts and sessions were found
//! valid a moment ago, so that a request need not read them again.
//!
//! An entry is keyed by the principal (user or service account), the token's
//! session and the account version it was issued for, and lives at most the
//! configured time (`ATVEJIS_SESSION_CACHE_SECS`). Whatever can end a token
//! early forgets the principal at once:
//!
//! - in this process, the unit of work that ends it, right after its commit
//!   ([`crate::app::uow::UnitOfWork::ends_access_of`]);
//! - in every process on PostgreSQL, the database itself: triggers on
//!   `users`, `service_accounts` and `refresh_tokens` send the principal's
//!   id on the channel [`CHANNEL`] when the change commits, and [`listen`]
//!   forgets it. While that listener is not connected the cache is off, so
//!   a missed notification can never leave a token valid.
//!
//! A check that started before a forget may not store its (now stale)
//! answer: [`SessionCache::remember`] takes the generation read before the
//! check and stores nothing when anything was forgotten since.

use crate::state::AppState;
use sea_orm::DatabaseBackend;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// The PostgreSQL channel the triggers notify (migration 000018).
pub const CHANNEL: &str = "atvejis_auth";

/// Most entries kept; beyond it the cache starts again empty.
const MAX_ENTRIES: usize = 100_000;

/// A token's session and account version.
type Grant = (Option<Uuid>, Option<i32>);

/// See the module documentation.
#[derive(Debug)]
pub struct SessionCache {
    ttl: Duration,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Bumped by every forget.
    generation: u64,
    /// Off until the process hears every change (see [`listen`]).
    on: bool,
    entries: HashMap<Uuid, Vec<(Grant, Instant)>>,
    len: usize,
}

impl SessionCache {
    /// A cache keeping entries for `ttl` (zero: never on), on when `on`.
    pub fn new(ttl: Duration, on: bool) -> Self {
        SessionCache {
            ttl,
            inner: Mutex::new(Inner {
                on: on && !ttl.is_zero(),
                ..Inner::default()
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `principal`'s token for `session` at `version` was found
    /// valid less than the cache's lifetime before `now`.
    pub fn is_valid(
        &self,
        principal: Uuid,
        session: Option<Uuid>,
        version: Option<i32>,
        now: Instant,
    ) -> bool {
        let inner = self.lock();
        inner.on
            && inner.entries.get(&principal).is_some_and(|grants| {
                grants.iter().any(|(grant, at)| {
                    *grant == (session, version) && now.saturating_duration_since(*at) < self.ttl
                })
            })
    }

    /// The generation to hand to [`Self::remember`]: read it before checking
    /// the database.
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Stores that the token was found valid at `now`, by a check that
    /// started at `generation`; nothing when anything was forgotten since.
    pub fn remember(
        &self,
        principal: Uuid,
        session: Option<Uuid>,
        version: Option<i32>,
        generation: u64,
        now: Instant,
    ) {
        let ttl = self.ttl;
        let mut inner = self.lock();
        if !inner.on || inner.generation != generation {
            return;
        }
        if inner.len >= MAX_ENTRIES {
            inner.entries.clear();
            inner.len = 0;
        }
        let grants = inner.entries.entry(principal).or_default();
        let before = grants.len();
        grants.retain(|(grant, at)| {
            *grant != (session, version) && now.saturating_duration_since(*at) < ttl
        });
        grants.push(((session, version), now));
        let after = grants.len();
        inner.len = inner.len + after - before;
    }

    /// Forgets every token of `principal` (a user or service account).
    pub fn forget(&self, principal: Uuid) {
        let mut inner = self.lock();
        inner.generation += 1;
        if let Some(grants) = inner.entries.remove(&principal) {
            inner.len -= grants.len();
        }
    }

    /// Forgets everything and turns the cache on or off.
    pub fn reset(&self, on: bool) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.entries.clear();
        inner.len = 0;
        inner.on = on && !self.ttl.is_zero();
    }
}

/// Whether the cache may be on from the start: on SQLite, the one process
/// that writes is this one; on PostgreSQL, only once [`listen`] listens.
pub fn on_at_start(backend: DatabaseBackend) -> bool {
    backend == DatabaseBackend::Sqlite
}

/// On PostgreSQL, listens on [`CHANNEL`] for as long as the process runs and
/// forgets each principal named there; the cache is on only while the
/// listener is connected (a reconnect starts it again empty). Does nothing
/// on SQLite or when the cache is off.
pub fn listen(state: &AppState) {
    if state.db.get_database_backend() != DatabaseBackend::Postgres
        || state.config.session_cache_ttl.is_zero()
    {
        return;
    }
    let cache = state.sessions.clone();
    let url = state.config.database_url.clone();
    tokio::spawn(async move {
        use sea_orm::sqlx::postgres::PgListener;
        loop {
            let listener = async {
                let mut listener = PgListener::connect(&url).await?;
                listener.listen(CHANNEL).await?;
                Ok::<_, sea_orm::sqlx::Error>(listener)
            };
            let mut listener = match listener.await {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%error, "session cache off: cannot listen for changes");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            };
            cache.reset(true);
            tracing::info!("session cache on: listening for changes");
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => match notification.payload().parse::<Uuid>() {
                        Ok(principal) => cache.forget(principal),
                        Err(_) => cache.reset(true),
                    },
                    // The connection was lost and is back, listening again
                    // (eager reconnect): what changed meanwhile was missed.
                    Ok(None) => cache.reset(true),
                    Err(error) => {
                        tracing::warn!(%error, "session cache off: listener failed");
                        cache.reset(false);
                        break;
                    }
                }
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTL: Duration = Duration::from_secs(60);

    fn ids() -> (Uuid, Option<Uuid>) {
        (Uuid::now_v7(), Some(Uuid::now_v7()))
    }

    #[test]
    fn a_remembered_token_is_valid_for_its_session_and_version_only() {
        let cache = SessionCache::new(TTL, true);
        let (user, session) = ids();
        let t0 = Instant::now();
        assert!(!cache.is_valid(user, session, Some(1), t0));
        cache.remember(user, session, Some(1), cache.generation(), t0);
        assert!(cache.is_valid(user, session, Some(1), t0));
        assert!(!cache.is_valid(user, session, Some(2), t0));
        assert!(!cache.is_valid(user, Some(Uuid::now_v7()), Some(1), t0));
        assert!(!cache.is_valid(Uuid::now_v7(), session, Some(1), t0));
    }

    #[test]
    fn an_entry_expires_after_its_lifetime() {
        let cache = SessionCache::new(TTL, true);
        let (user, session) = ids();
        let t0 = Instant::now();
        cache.remember(user, session, Some(1), cache.generation(), t0);
        assert!(cache.is_valid(user, session, Some(1), t0 + TTL - Duration::from_millis(1)));
        assert!(!cache.is_valid(user, session, Some(1), t0 + TTL));
    }

    #[test]
    fn forgetting_a_principal_ends_all_its_tokens_and_no_other() {
        let cache = SessionCache::new(TTL, true);
        let (user, session) = ids();
        let (other, other_session) = ids();
        let t0 = Instant::now();
        cache.remember(user, session, Some(1), cache.generation(), t0);
        cache.remember(user, None, Some(1), cache.generation(), t0);
        cache.remember(other, other_session, Some(3), cache.generation(), t0);
        cache.forget(user);
        assert!(!cache.is_valid(user, session, Some(1), t0));
        assert!(!cache.is_valid(user, None, Some(1), t0));
        assert!(cache.is_valid(other, other_session, Some(3), t0));
    }

    #[test]
    fn a_check_that_began_before_a_forget_stores_nothing() {
        let cache = SessionCache::new(TTL, true);
        let (user, session) = ids();
        let t0 = Instant::now();
        let generation = cache.generation();
        // A logout commits while the check reads the database…
        cache.forget(user);
        // …so the check's "valid" is stale and must not be kept.
        cache.remember(user, session, Some(1), generation, t0);
        assert!(!cache.is_valid(user, session, Some(1), t0));
    }

    #[test]
    fn an_off_cache_or_a_zero_lifetime_keeps_nothing() {
        let (user, session) = ids();
        let t0 = Instant::now();
        for cache in [
            SessionCache::new(TTL, false),
            SessionCache::new(Duration::ZERO, true),
        ] {
            cache.remember(user, session, Some(1), cache.generation(), t0);
            assert!(!cache.is_valid(user, session, Some(1), t0));
        }
        let cache = SessionCache::new(TTL, true);
        cache.remember(user, session, Some(1), cache.generation(), t0);
        cache.reset(false);
        assert!(!cache.is_valid(user, session, Some(1), t0));
        cache.remember(user, session, Some(1), cache.generation(), t0);
        assert!(!cache.is_valid(user, session, Some(1), t0));
        cache.reset(true);
        cache.remember(user, session, Some(1), cache.generation(), t0);
        assert!(cache.is_valid(user, session, Some(1), t0));
    }

    #[test]
    fn remembering_the_same_token_again_keeps_one_entry() {
        let cache = SessionCache::new(TTL, true);
        let (user, session) = ids();
        let t0 = Instant::now();
        for n in 0..5 {
            cache.remember(
                user,
                session,
                Some(1),
                cache.generation(),
                t0 + Duration::from_secs(n),
            );
        }
        assert_eq!(cache.lock().len, 1);
        cache.forget(user);
        assert_eq!(cache.lock().len, 0);
    }
}
