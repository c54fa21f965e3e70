//! `GET /api/v1/audit`: the audit log of the auditor's municipality, newest
//! first, with a cursor.

use crate::actor::Actor;
use crate::app::{self, audit::AuditEntry, audit::AuditQuery};
use crate::error::{ApiResult, Problem};
use crate::export::FormatQuery;
use crate::extract::ReadPurpose;
use crate::state::AppState;
use crate::store::audit::AuditAction;
use actix_web::{HttpResponse, get, web};
use atvejis_domain::access::Purpose;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// Entity type, e.g. `user`, `session`, `service_account`.
    pub entity: Option<String>,
    /// Entity id.
    pub entity_id: Option<String>,
    /// The actor: a user or service account id, or a username / client id.
    pub actor: Option<String>,
    /// Action, e.g. `user.create`, `auth.login_failed`.
    pub action: Option<AuditAction>,
    /// From this time on (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<OffsetDateTime>,
    /// Before this time (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<OffsetDateTime>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<Uuid>,
    /// Records per page, 1–200 (default 50).
    pub limit: Option<u64>,
}

/// One audit record.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AuditRecord {
    /// Id (time-ordered).
    pub id: Uuid,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// `user`, `service`, `anonymous` or `system`.
    pub actor_kind: String,
    /// The actor's id.
    pub actor_id: Option<Uuid>,
    /// Username, client id, or the attempted username.
    pub actor_name: String,
    /// What was done.
    pub action: AuditAction,
    /// To what kind of record.
    pub entity: String,
    /// To which record.
    pub entity_id: Option<String>,
    /// The request (the server's id, as in its `X-Request-Id` answer).
    pub request_id: Option<String>,
    /// The client's own `X-Request-Id` of that request, sanitised (letters,
    /// digits and `-_.:/@+=` kept, anything else `_`, at most 64 characters).
    pub client_request_id: Option<String>,
    /// From where.
    pub client_addr: Option<String>,
    /// What changed.
    pub summary: serde_json::Value,
}

/// A page of the audit log.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AuditPage {
    /// Records, newest first.
    pub items: Vec<AuditRecord>,
    /// Pass as `cursor` for the next (older) page; absent on the last page.
    pub next_cursor: Option<Uuid>,
}

const DEFAULT_LIMIT: u64 = 50;

/// Read the audit log of my municipality.
#[utoipa::path(
    tag = "audit",
    params(AuditFilter),
    responses(
        (status = 200, description = "A page, newest first", body = AuditPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an auditor", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Limit out of range", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<AuditFilter>,
) -> ApiResult<web::Json<AuditPage>> {
    let limit = filter.limit.unwrap_or(DEFAULT_LIMIT);
    let filter = filter.into_inner();
    let query = AuditQuery {
        entity: filter.entity,
        entity_id: filter.entity_id,
        actor: filter.actor,
        action: filter.action,
        from: filter.from,
        to: filter.to,
        before: filter.cursor,
    };
    let (entries, more) = app::audit::page(&state, &actor, &query, limit).await?;
    let next_cursor = more.then(|| entries.last().map(|e| e.row.id)).flatten();
    Ok(web::Json(AuditPage {
        items: entries
            .into_iter()
            .map(|AuditEntry { row: r, action }| AuditRecord {
                id: r.id,
                at: r.at,
                actor_kind: r.actor_kind,
                actor_id: r.actor_id,
                actor_name: r.actor_name,
                action,
                entity: r.entity,
                entity_id: r.entity_id,
                request_id: r.request_id,
                client_request_id: r.client_request_id,
                client_addr: r.client_addr,
                summary: r.summary,
            })
            .collect(),
        next_cursor,
    }))
}

/// Download the audit log (CSV or XLSX).
///
/// The same filters and order (newest first) as `GET /audit`; `cursor`
/// starts after that record, `limit` is ignored: every matching record, at
/// most 50,000 (more → 422 `export_too_large`). Columns: `laikas`,
/// `veikejo_rusis`, `veikejas`, `veiksmas`, `objektas`, `objekto_id`,
/// `uzklausos_id`, `adresas`, `santrauka` (JSON). The export is itself
/// recorded (`list.export`, `audit`) with its purpose.
#[utoipa::path(
    tag = "audit",
    params(
        AuditFilter,
        FormatQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you download it (recorded)"),
    ),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Invalid query (a `format` other than `csv` or `xlsx`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an auditor", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`export_too_large`; no or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/audit/export")]
pub async fn export_audit(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<AuditFilter>,
    format: web::Query<FormatQuery>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let format = format.format;
    let filter = filter.into_inner();
    let query = AuditQuery {
        entity: filter.entity,
        entity_id: filter.entity_id,
        actor: filter.actor,
        action: filter.action,
        from: filter.from,
        to: filter.to,
        before: filter.cursor,
    };
    app::audit::export(&state, &actor, &query, purpose.0, format)
        .await?
        .download(format, "auditas")
}
