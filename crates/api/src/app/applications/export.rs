//! The application list and the inbox as files (CSV or XLSX): the same
//! queries, scope and order as on screen, recorded as exports.

use super::views::ApplicationSummary;
use super::{ListFilter, inbox_filters, inbox_items, repo, require_inbox, summaries};
use crate::actor::Actor;
use crate::app::read::{ExportRecord, audited_export};
use crate::error::ApiResult;
use crate::export::{Cell, ExportFormat, MAX_ROWS, Table, ensure_within_limit};
use crate::state::AppState;
use atvejis_domain::access::{Permission, Purpose};
use uuid::Uuid;

/// The columns of an application line.
const COLUMNS: [&str; 11] = [
    "gauta",
    "pavarde",
    "vardas",
    "asmens_kodas",
    "paslauga",
    "statusas",
    "sprendimo_terminas",
    "veluoja",
    "pranesimo_terminas",
    "perdavimo_terminas",
    "seniunija",
];

/// The cells of an application line, in [`COLUMNS`]' order. The status is
/// its code (`ready_for_decision`, …), as in the API.
fn cells(a: ApplicationSummary) -> Vec<Cell> {
    vec![
        a.received_on.into(),
        a.person.last_name.into(),
        a.person.first_name.into(),
        a.person.personal_code.into(),
        a.service_type.name_lt.into(),
        a.status.as_str().into(),
        a.decision_due_on.into(),
        (a.overdue || a.notification_overdue || a.handover_overdue).into(),
        a.notification_due_on.into(),
        a.handover_due_on.into(),
        a.eldership.map(|e| e.name).into(),
    ]
}

/// The applications matching `filter` in the actor's scope, newest first,
/// all of them (up to [`MAX_ROWS`]), recorded as an export (`list.export`,
/// `applications`) with its purpose.
pub async fn applications(
    state: &AppState,
    actor: &Actor,
    filter: ListFilter,
    purpose: Purpose,
    format: ExportFormat,
) -> ApiResult<Table> {
    let mut filters = Vec::new();
    for (used, name) in [
        (filter.status.is_some(), "status"),
        (filter.service_code.is_some(), "service_code"),
        (filter.eldership_id.is_some(), "eldership_id"),
        (filter.person_id.is_some(), "person_id"),
    ] {
        if used {
            filters.push(name);
        }
    }
    let record = ExportRecord {
        list: "applications",
        entity_id: filter.person_id.map(|p| p.to_string()),
        filters,
        format,
    };
    audited_export(
        state,
        actor,
        Permission::ReadCaseContent,
        purpose,
        record,
        || async {
            let (rows, total) = repo::list(&state.db, actor, &filter, 1, MAX_ROWS).await?;
            ensure_within_limit(total)?;
            let mut table = Table::new("Prašymai", &COLUMNS);
            for a in summaries(&state.db, rows, state.clock.today()).await? {
                table.push(cells(a));
            }
            Ok(table)
        },
    )
    .await
}

/// The division's inbox as a file: first the applications waiting for a
/// decision or a signature (`skiltis` `laukia_sprendimo`), most urgent
/// first, then the signed ones whose notification or hand-over is still to
/// be recorded (`liko_pranesti_ar_perduoti`). Recorded as an export
/// (`list.export`, `inbox`) with its purpose.
pub async fn inbox(
    state: &AppState,
    actor: &Actor,
    service_code: Option<&str>,
    eldership_id: Option<Uuid>,
    purpose: Purpose,
    format: ExportFormat,
) -> ApiResult<Table> {
    require_inbox(actor)?;
    let record = ExportRecord {
        list: "inbox",
        entity_id: None,
        filters: inbox_filters(service_code, eldership_id),
        format,
    };
    audited_export(
        state,
        actor,
        Permission::ReadCaseContent,
        purpose,
        record,
        || async {
            let inbox = inbox_items(state, actor, service_code, eldership_id).await?;
            let mut columns = vec!["skiltis"];
            columns.extend(COLUMNS);
            let mut table = Table::new("Gautieji", &columns);
            let sections = inbox
                .items
                .into_iter()
                .map(|a| ("laukia_sprendimo", a))
                .chain(
                    inbox
                        .follow_ups
                        .into_iter()
                        .map(|a| ("liko_pranesti_ar_perduoti", a)),
                );
            for (section, a) in sections {
                let mut row = vec![Cell::from(section)];
                row.extend(cells(a));
                table.push(row);
            }
            Ok(table)
        },
    )
    .await
}
