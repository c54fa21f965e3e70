//! The step path of every state machine ([`StateMachine`]): the unit of
//! work's generic part. A workflow's use case does
//! permission first ([`begin_step`]) → scoped load → version check
//! ([`check_version`]) → [`decide`] → versioned save → typed audit → reload
//! → commit; cases, queue entries, stays and charges plug in by implementing
//! the trait and mapping their error into [`ApiError`].

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use atvejis_domain::access::Permission;
use atvejis_domain::lifecycle::StateMachine;

/// Starts a step that any of `permissions` allows: 403 before any lookup
/// when the actor has none of them.
pub async fn begin_step(
    state: &AppState,
    actor: &Actor,
    permissions: &[Permission],
) -> ApiResult<UnitOfWork> {
    let permission = permissions
        .iter()
        .copied()
        .find(|p| actor.can(*p))
        .ok_or_else(|| ApiError::forbidden("Your role does not allow this step."))?;
    UnitOfWork::begin(state, actor, permission).await
}

/// 409 `version_conflict` unless the record is at the version the client read.
pub fn check_version(stored: i32, sent: i32) -> ApiResult<()> {
    if stored == sent {
        Ok(())
    } else {
        Err(ApiError::stale_version())
    }
}

/// The state `action` leads to, as the machine `M` decides; its refusal as
/// the API's answer.
pub fn decide<M>(facts: &M::Facts, action: M::Action, actor: &M::Actor) -> ApiResult<M::State>
where
    M: StateMachine,
    ApiError: From<M::Error>,
{
    M::transition(facts, action, actor).map_err(ApiError::from)
}
