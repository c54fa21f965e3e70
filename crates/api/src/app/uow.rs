//! The one write path.

use crate::actor::Actor;
use crate::app::catalogue::ServiceTypeCache;
use crate::auth::cache::SessionCache;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::audit::{self, AuditActor, AuditEvent};
use crate::store::{self};
use atvejis_domain::access::Permission;
use sea_orm::DatabaseTransaction;
use std::sync::Arc;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// One write: a transaction, the actor, the time it happens at, and the
/// audit events written in it. [`UnitOfWork::commit`] refuses to commit a
/// write without its audit record; dropping the unit of work rolls back.
pub struct UnitOfWork {
    txn: DatabaseTransaction,
    who: AuditActor,
    actor: Option<Actor>,
    now: OffsetDateTime,
    today: Date,
    audited: bool,
    sessions: Arc<SessionCache>,
    service_types: Arc<ServiceTypeCache>,
    ends_access: Vec<Uuid>,
}

impl UnitOfWork {
    /// Starts a write by `actor`, which needs `permission`: checked first,
    /// before any record is looked up (403 `forbidden`).
    pub async fn begin(
        state: &AppState,
        actor: &Actor,
        permission: Permission,
    ) -> ApiResult<UnitOfWork> {
        actor.require(permission)?;
        let mut uow = Self::begin_as(state, AuditActor::of(actor)).await?;
        uow.actor = Some(actor.clone());
        Ok(uow)
    }

    /// Starts a write by someone without an access token (login, refresh,
    /// a command-line task), recorded as `who`.
    pub async fn begin_as(state: &AppState, who: AuditActor) -> ApiResult<UnitOfWork> {
        let txn = store::begin_write(&state.db).await?;
        let now = state.clock.now();
        Ok(UnitOfWork {
            txn,
            who,
            actor: None,
            now,
            today: atvejis_domain::calendar::lithuanian_date(now),
            audited: false,
            sessions: state.sessions.clone(),
            service_types: state.service_types.clone(),
            ends_access: Vec::new(),
        })
    }

    /// The transaction, for the store's functions.
    pub fn db(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// The service types held in memory by id and version.
    pub fn service_types(&self) -> &ServiceTypeCache {
        &self.service_types
    }

    /// The authenticated actor (every write but the pre-login ones has one).
    pub fn actor(&self) -> ApiResult<&Actor> {
        self.actor
            .as_ref()
            .ok_or_else(|| ApiError::internal("a unit of work without an actor"))
    }

    /// When the write happens (one instant for every row it touches).
    pub fn now(&self) -> OffsetDateTime {
        self.now
    }

    /// The Lithuanian date of [`Self::now`].
    pub fn today(&self) -> Date {
        self.today
    }

    /// Records `event` in the write's own transaction (R-ROLE-3).
    pub async fn audit(&mut self, event: AuditEvent) -> ApiResult<()> {
        audit::record(&self.txn, &self.who, self.now, event).await?;
        self.audited = true;
        Ok(())
    }

    /// Records `event` in the write's own transaction as done by `who`
    /// instead of the unit of work's actor (a failed login of an unknown
    /// username, recorded for each municipality it concerns).
    pub async fn audit_as(&mut self, who: &AuditActor, event: AuditEvent) -> ApiResult<()> {
        audit::record(&self.txn, who, self.now, event).await?;
        self.audited = true;
        Ok(())
    }

    /// Marks the write as one that may end tokens of `principal` (a user or
    /// service account deactivated or changed, a session ended): once it
    /// commits, this process's session cache forgets them. (Other processes
    /// hear it from the database; see [`crate::auth::cache`].)
    pub fn ends_access_of(&mut self, principal: Uuid) {
        self.ends_access.push(principal);
    }

    /// Commits the write and its audit records.
    pub async fn commit(self) -> ApiResult<()> {
        if !self.audited {
            return Err(ApiError::internal("a write without its audit record"));
        }
        self.txn.commit().await?;
        for principal in self.ends_access {
            self.sessions.forget(principal);
        }
        Ok(())
    }
}
