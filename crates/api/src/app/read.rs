//! The one audited read path: every read of case content (a person's file,
//! a family, an application, a decision, eligibility, a fee preview, search
//! results that show personal codes) is recorded with who, when and why.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor};
use atvejis_domain::access::{Permission, Purpose};

/// Checks that `actor` may read case content (403 before any lookup), then
/// runs `load`, and records the read of what it found (`action` on
/// `entity` `id`) with its `purpose` before the answer leaves. A read whose
/// record cannot be written is refused (500), never answered unrecorded.
pub async fn audited<T, F, Fut>(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    action: AuditAction,
    entity: &'static str,
    load: F,
) -> ApiResult<T>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ApiResult<(T, String)>>,
{
    actor.require(Permission::ReadCaseContent)?;
    let (value, id) = load().await?;
    audit::record_read(
        &state.db,
        &AuditActor::of(actor),
        state.clock.now(),
        action,
        entity,
        id,
        purpose,
    )
    .await
    .map_err(ApiError::from)?;
    Ok(value)
}

/// [`audited`] for reads whose record says more than which record was read
/// (a search: the kind of query and how many it found): `load` returns the
/// value and the event to record; the `purpose` is added to its summary.
pub async fn audited_event<T, F, Fut>(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    load: F,
) -> ApiResult<T>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ApiResult<(T, audit::AuditEvent)>>,
{
    actor.require(Permission::ReadCaseContent)?;
    let (value, event) = load().await?;
    audit::record_read_with(
        &state.db,
        &AuditActor::of(actor),
        state.clock.now(),
        event,
        purpose,
    )
    .await
    .map_err(ApiError::from)?;
    Ok(value)
}
