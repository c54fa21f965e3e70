//! Reading the audit log (auditors only).

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::state::AppState;
use crate::store::audit_log;
use atvejis_domain::access::Permission;

pub use crate::store::audit_log::{AuditEntry, AuditQuery};

/// The largest page.
pub const MAX_LIMIT: u64 = 200;

/// A page of at most `limit` records of the actor's municipality, newest
/// first, and whether older records follow.
pub async fn page(
    state: &AppState,
    actor: &Actor,
    query: &AuditQuery,
    limit: u64,
) -> ApiResult<(Vec<AuditEntry>, bool)> {
    actor.require(Permission::ReadAudit)?;
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::invalid_field(
            "limit",
            FieldCode::Range,
            format!("must be between 1 and {MAX_LIMIT}"),
        ));
    }
    let mut entries = audit_log::page(&state.db, actor, query, limit + 1).await?;
    let more = entries.len() as u64 > limit;
    entries.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok((entries, more))
}
