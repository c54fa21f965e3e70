//! Reading the audit log (auditors only).

use crate::actor::Actor;
use crate::app::read::{ExportRecord, audited_export};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::export::{ExportFormat, MAX_ROWS, Table, ensure_within_limit};
use crate::state::AppState;
use crate::store::audit_log;
use atvejis_domain::access::{Permission, Purpose};

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

/// The records matching `query` (before the record `query.before`, if
/// given), newest first, all of them (up to [`MAX_ROWS`]), as a file. The
/// export is itself recorded (`list.export`, `audit`) with its purpose, after
/// the file's rows were read (so it is not in the file).
pub async fn export(
    state: &AppState,
    actor: &Actor,
    query: &AuditQuery,
    purpose: Purpose,
    format: ExportFormat,
) -> ApiResult<Table> {
    let mut filters = Vec::new();
    for (used, name) in [
        (query.entity.is_some(), "entity"),
        (query.entity_id.is_some(), "entity_id"),
        (query.actor.is_some(), "actor"),
        (query.action.is_some(), "action"),
        (query.from.is_some(), "from"),
        (query.to.is_some(), "to"),
        (query.before.is_some(), "cursor"),
    ] {
        if used {
            filters.push(name);
        }
    }
    let record = ExportRecord {
        list: "audit",
        entity_id: None,
        filters,
        format,
    };
    audited_export(
        state,
        actor,
        Permission::ReadAudit,
        purpose,
        record,
        || async {
            let entries = audit_log::page(&state.db, actor, query, MAX_ROWS + 1).await?;
            ensure_within_limit(entries.len() as u64)?;
            let mut table = Table::new(
                "Auditas",
                &[
                    "laikas",
                    "veikejo_rusis",
                    "veikejas",
                    "veiksmas",
                    "objektas",
                    "objekto_id",
                    "uzklausos_id",
                    "adresas",
                    "santrauka",
                ],
            );
            for AuditEntry { row, action } in entries {
                let at = row
                    .at
                    .format(&time::format_description::well_known::Rfc3339)
                    .map_err(ApiError::internal)?;
                table.push(vec![
                    at.into(),
                    row.actor_kind.into(),
                    row.actor_name.into(),
                    action.as_str().into(),
                    row.entity.into(),
                    row.entity_id.into(),
                    row.request_id.into(),
                    row.client_addr.into(),
                    row.summary.to_string().into(),
                ]);
            }
            Ok(table)
        },
    )
    .await
}
