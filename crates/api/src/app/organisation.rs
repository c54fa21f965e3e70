//! The caller's organisation (every member of staff and service reads it).

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::organisation;

pub use crate::store::organisation::OrganisationRecord;

/// The actor's municipality, elderships and institutions.
pub async fn get(state: &AppState, actor: &Actor) -> ApiResult<OrganisationRecord> {
    organisation::of_actor(&state.db, actor)
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => ApiError::not_found("The municipality no longer exists."),
            e => e.into(),
        })
}
