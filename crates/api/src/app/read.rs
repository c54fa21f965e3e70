//! The one audited read path: every read of case content (a person's file,
//! a family, an application, a decision, eligibility, a fee preview, search
//! results that show personal codes) is recorded with who, when and why.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult};
use crate::export::{ExportFormat, Table};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
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
    state
        .reads
        .record(
            &AuditActor::of(actor),
            state.clock.now(),
            AuditEvent::new(action, entity, id),
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
    state
        .reads
        .record(&AuditActor::of(actor), state.clock.now(), event, purpose)
        .await
        .map_err(ApiError::from)?;
    Ok(value)
}

/// What the record of an export says besides its row count.
#[derive(Debug)]
pub struct ExportRecord {
    /// Which list: `persons`, `applications`, `inbox`, `users`, `audit`,
    /// `queue`.
    pub list: &'static str,
    /// The record the list belongs to (the facility of a queue), if any.
    pub entity_id: Option<String>,
    /// The names of the filters used (never their values: a name or a
    /// personal code is itself personal data).
    pub filters: Vec<&'static str>,
    /// The file's format.
    pub format: ExportFormat,
}

/// A list downloaded as a file is a read like any other: checks that
/// `actor` holds `permission` (403 before any lookup), builds the table
/// with `load`, and records it (`list.export`, with the list, the format,
/// the number of rows, the filters' names and the `purpose`) before the
/// file leaves. A file whose record cannot be written is not sent.
pub async fn audited_export<F, Fut>(
    state: &AppState,
    actor: &Actor,
    permission: Permission,
    purpose: Purpose,
    record: ExportRecord,
    load: F,
) -> ApiResult<Table>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ApiResult<Table>>,
{
    actor.require(permission)?;
    let table = load().await?;
    let event = AuditEvent {
        action: AuditAction::ListExport,
        entity: record.list,
        entity_id: record.entity_id,
        summary: serde_json::json!({
            "list": record.list,
            "format": record.format.as_str(),
            "rows": table.rows.len(),
            "filters": record.filters,
        }),
    };
    state
        .reads
        .record(&AuditActor::of(actor), state.clock.now(), event, purpose)
        .await
        .map_err(ApiError::from)?;
    Ok(table)
}
